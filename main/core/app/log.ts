/** One line per event: level, message and fields as JSON, so logs stay greppable and never span lines. */
import type { Logger } from './ports';

export function createLogger(write: (line: string) => void, now: () => number = Date.now): Logger {
  const line = (level: string, message: string, fields?: Record<string, unknown>): void => {
    const extra = fields === undefined ? '' : ` ${JSON.stringify(fields)}`;
    write(`${new Date(now()).toISOString()} ${level} ${message}${extra}`);
  };
  return {
    info: (message, fields) => line('info', message, fields),
    warn: (message, fields) => line('warn', message, fields),
    error: (message, fields) => line('error', message, fields),
  };
}

/** A logger that keeps its lines for assertions. */
import type { Logger } from '../../main/core/app/ports';

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields?: Record<string, unknown>;
}

export class MemoryLogger implements Logger {
  readonly lines: LogLine[] = [];

  info(message: string, fields?: Record<string, unknown>): void {
    this.lines.push({ level: 'info', message, ...(fields ? { fields } : {}) });
  }
  warn(message: string, fields?: Record<string, unknown>): void {
    this.lines.push({ level: 'warn', message, ...(fields ? { fields } : {}) });
  }
  error(message: string, fields?: Record<string, unknown>): void {
    this.lines.push({ level: 'error', message, ...(fields ? { fields } : {}) });
  }

  count(level: LogLine['level'], message?: string): number {
    return this.lines.filter((l) => l.level === level && (message === undefined || l.message === message)).length;
  }
}

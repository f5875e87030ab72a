/** Main's log lines (main/core/app/log.ts). */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../../../main/core/app/log';

describe('createLogger', () => {
  it('writes one line per event with its fields as JSON', () => {
    const lines: string[] = [];
    const log = createLogger((l) => lines.push(l), () => Date.UTC(2026, 0, 2, 3, 4, 5));
    log.warn('ipc message rejected', { channel: 'app:command', detail: 'line\nbreak' });
    log.info('started');
    expect(lines).toEqual([
      '2026-01-02T03:04:05.000Z warn ipc message rejected {"channel":"app:command","detail":"line\\nbreak"}',
      '2026-01-02T03:04:05.000Z info started',
    ]);
  });
});

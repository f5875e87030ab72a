import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NotificationRecord } from '../../../../common/model';
import { createAppStore } from '../../../../main/core/app/app-store';
import { KEEP } from '../../../../main/core/notifications/center';
import { keepHistory, openHistory, readHistory } from '../../../../main/persistence/history';
import { SAVE_DELAY_MS } from '../../../../main/persistence/persister';
import type { KeyValueFileFactory } from '../../../../main/persistence/settings-file';
import { ManualClock } from '../../../fakes/clock';
import { MemoryLogger } from '../../../fakes/logger';
import { stateOf } from '../../../fakes/state';

const record = (n: number, extra: Partial<NotificationRecord> = {}): NotificationRecord => ({
  id: `r${n}`, serviceId: 'wa1', title: `Customer ${n}`, at: 1_700_000_000_000 + n, read: false, ...extra,
});

describe('readHistory', () => {
  it('reads the tray back, keeping the valid records and the newest ones only', () => {
    const items = [
      record(1, { chatId: 'c1', body: 'hi', iconUrl: 'data:image/png;base64,AA', tag: 't' }),
      record(2, { read: true }),
      record(3, { chatId: 'c1', body: 'Reminder', kind: 'reminder' }),
    ];
    expect(readHistory({ version: 1, items })).toEqual({ doc: { version: 1, items } });
    const many = Array.from({ length: KEEP + 10 }, (_, i) => record(i));
    expect(readHistory({ version: 1, items: many }).doc.items[0]?.id).toBe('r10');
  });

  it('drops invalid records and says how many', () => {
    const raw = { version: 1, items: [record(1), { ...record(2), serviceId: '../x' }, { ...record(3), iconUrl: 'file:///etc/passwd' }, { ...record(4), kind: 'alarm' }, 'junk'] };
    expect(readHistory(raw)).toEqual({ doc: { version: 1, items: [record(1)] }, problem: { kind: 'repaired', dropped: 4 } });
  });

  it('starts empty on a first start, and says an unknown version is unusable', () => {
    expect(readHistory({})).toEqual({ doc: { version: 1, items: [] } });
    expect(readHistory({ version: 7, items: [] }).problem).toEqual({ kind: 'unusable', reason: 'unknown version 7' });
    expect(readHistory([]).problem?.kind).toBe('unusable');
  });
});

describe('the tray on disk', () => {
  let dir: string;
  const conf: KeyValueFileFactory = (cwd, name) => new Conf<Record<string, unknown>>({ cwd, configName: name, clearInvalidConfig: false });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-history-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is written shortly after it changes, once for a burst, and at once when stopped', () => {
    const clock = new ManualClock();
    const history = openHistory(dir, conf, clock, new MemoryLogger());
    expect(history.items).toEqual([]);
    const store = createAppStore(stateOf({ notifications: history.items }));
    const stop = keepHistory(store, history.save, clock);
    store.setState({ notifications: [record(1)] });
    store.setState({ notifications: [record(1), record(2)] });
    const file = path.join(dir, 'notifications.json');
    expect(fs.existsSync(file)).toBe(false);
    clock.advance(SAVE_DELAY_MS);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ version: 1, items: [record(1), record(2)] });
    store.setState({ notifications: [] });
    stop();
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ version: 1, items: [] });
    expect(openHistory(dir, conf, clock, new MemoryLogger()).items).toEqual([]);
  });

  it('keeps an unreadable file aside, starts empty, and tells the user', () => {
    fs.writeFileSync(path.join(dir, 'notifications.json'), '{"version":1,"items":[{"id"');
    const clock = new ManualClock();
    const history = openHistory(dir, conf, clock, new MemoryLogger());
    expect(history.items).toEqual([]);
    const [notice] = history.notices(() => 'n1');
    expect(notice).toMatchObject({ id: 'n1', kind: 'notifications-reset' });
    expect(fs.readFileSync(notice?.kind === 'notifications-reset' ? notice.backupPath : '', 'utf8')).toBe('{"version":1,"items":[{"id"');
  });
});

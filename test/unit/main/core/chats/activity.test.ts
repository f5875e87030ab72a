import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatSummary } from '../../../../../common/model';
import { dayKey } from '../../../../../common/shop/stats';
import { ACTIVITY_SAVE_DELAY_MS, ActivityTracker, KEEP_CHATS, type ActivityDoc } from '../../../../../main/core/chats/activity';
import { openActivity, readActivity } from '../../../../../main/persistence/activity-file';
import type { KeyValueFileFactory } from '../../../../../main/persistence/settings-file';
import { ManualClock } from '../../../../fakes/clock';
import { MemoryLogger } from '../../../../fakes/logger';

const MIN = 60_000;
const chat = (id: string, lastActivity: number, unread: number, extra: Partial<ChatSummary> = {}): ChatSummary => ({ id, title: id, lastActivity, unread, ...extra });

function setup(initial: ActivityDoc = { chats: {}, days: {} }) {
  const clock = new ManualClock(new Date(2026, 10, 21, 10, 0).getTime());
  const saved: ActivityDoc[] = [];
  const tracker = new ActivityTracker({
    initial,
    clock,
    save: (doc) => {
      saved.push(structuredClone(doc));
      return true;
    },
  });
  return { clock, saved, tracker };
}

describe('ActivityTracker', () => {
  it('follows a customer chat from the connector’s updates and counts the day for the report', () => {
    const { clock, tracker } = setup();
    const t0 = clock.now();
    expect(tracker.observe('wa', 'whatsapp', chat('c1', t0 - MIN, 0))).toEqual({ first: t0 - MIN });
    clock.advance(MIN);
    expect(tracker.observe('wa', 'whatsapp', chat('c1', t0 + MIN, 2))).toEqual({ first: t0 - MIN, lastIn: t0 + MIN, waitingSince: t0 + MIN });
    clock.advance(9 * MIN);
    expect(tracker.observe('wa', 'whatsapp', chat('c1', t0 + 10 * MIN, 0))).toEqual({ first: t0 - MIN, lastIn: t0 + MIN, lastOut: t0 + 10 * MIN });
    const report = tracker.report(t0, clock.now());
    expect(report.platforms).toEqual([
      { platform: 'whatsapp', days: [{ day: dayKey(t0), conversations: 1, messagesIn: 2, messagesOut: 1 }], conversations: 1, messages: 3, medianReplyMs: 9 * MIN },
    ]);
  });

  it('does not follow groups and channels', () => {
    const { tracker } = setup();
    expect(tracker.observe('wa', 'whatsapp', chat('g', 1, 5, { kind: 'group' }))).toBeUndefined();
    expect(tracker.observe('tg', 'telegram', chat('news', 1, 5, { kind: 'channel' }))).toBeUndefined();
    expect(tracker.activity('wa', 'g')).toBeUndefined();
  });

  it('hears a notification for a chat, and says when that changed nothing', () => {
    const { clock, tracker } = setup();
    tracker.observe('ig', 'instagram', chat('a', clock.now(), 0));
    clock.advance(MIN);
    expect(tracker.notice('ig', 'instagram', 'a')).toEqual({ first: clock.now() - MIN, lastIn: clock.now(), waitingSince: clock.now() });
    clock.advance(MIN);
    tracker.observe('ig', 'instagram', chat('a', clock.now(), 1));
    expect(tracker.notice('ig', 'instagram', 'a')).toBeUndefined();
  });

  it('marks a chat as a new conversation when it appears with a message newer than every chat it knew on that account', () => {
    const { clock, tracker } = setup();
    const t0 = clock.now();
    // The account's first read: these chats were there before Wasl, none is new.
    expect(tracker.observe('wa', 'whatsapp', chat('old', t0 - 10 * MIN, 2))?.newAt).toBeUndefined();
    expect(tracker.observe('wa', 'whatsapp', chat('older', t0 - 60 * MIN, 0))?.newAt).toBeUndefined();
    clock.advance(MIN);
    // One later read: a customer wrote in an old chat, and two new customers wrote (both new, though one is newer).
    expect(tracker.observe('wa', 'whatsapp', chat('old', clock.now(), 3))?.newAt).toBeUndefined();
    expect(tracker.observe('wa', 'whatsapp', chat('first', clock.now(), 1))?.newAt).toBe(clock.now());
    expect(tracker.observe('wa', 'whatsapp', chat('second', clock.now() - 30_000, 1))?.newAt).toBe(clock.now());
    clock.advance(MIN);
    // An old chat scrolled into view is no new customer; the new one stays new when it changes.
    expect(tracker.observe('wa', 'whatsapp', chat('scrolled', t0 - 5 * MIN, 0))?.newAt).toBeUndefined();
    expect(tracker.observe('wa', 'whatsapp', chat('first', clock.now(), 0))?.newAt).toBe(clock.now() - MIN);
    // Another account's first read is its own.
    expect(tracker.observe('tg', 'telegram', chat('x', clock.now(), 1))?.newAt).toBeUndefined();
  });

  it('marks a notification of a chat it has never seen as a new conversation, once the account was read', () => {
    const { clock, tracker } = setup();
    tracker.notice('ig', 'instagram', 'before-read');
    expect(tracker.activity('ig', 'before-read')?.newAt).toBeUndefined();
    tracker.observe('ig', 'instagram', chat('a', clock.now() - MIN, 0));
    clock.advance(MIN);
    expect(tracker.notice('ig', 'instagram', 'stranger')?.newAt).toBe(clock.now());
    expect(tracker.notice('ig', 'instagram', 'a')?.newAt).toBeUndefined();
  });

  it('knows an account’s newest message from the saved chats after a restart', () => {
    const { clock } = setup();
    const t0 = clock.now();
    const initial: ActivityDoc = { chats: { 'wa\u0000kept': { first: t0 - 60 * MIN, seen: t0 - 10 * MIN, unread: 0 } }, days: {} };
    const { tracker } = setup(initial);
    expect(tracker.observe('wa', 'whatsapp', chat('scrolled', t0 - 20 * MIN, 0))?.newAt).toBeUndefined();
    expect(tracker.observe('wa', 'whatsapp', chat('new', t0 - 5 * MIN, 1))?.newAt).toBe(t0);
  });

  it('saves shortly after changes, once for a burst, and at once on flush', () => {
    const { clock, tracker, saved } = setup();
    tracker.observe('wa', 'whatsapp', chat('c1', clock.now(), 0));
    tracker.observe('wa', 'whatsapp', chat('c2', clock.now(), 1));
    expect(saved).toEqual([]);
    clock.advance(ACTIVITY_SAVE_DELAY_MS);
    expect(saved).toHaveLength(1);
    expect(Object.keys(saved[0]?.chats ?? {})).toEqual(['wa\u0000c1', 'wa\u0000c2']);
    // An update that changes nothing writes nothing.
    tracker.observe('wa', 'whatsapp', chat('c1', clock.now() - ACTIVITY_SAVE_DELAY_MS, 0));
    clock.advance(ACTIVITY_SAVE_DELAY_MS * 5);
    expect(saved).toHaveLength(1);
    tracker.notice('wa', 'whatsapp', 'c1');
    tracker.flush();
    expect(saved).toHaveLength(2);
  });

  it('forgets a removed service’s chats but keeps its days in the report', () => {
    const { clock, tracker, saved } = setup();
    tracker.observe('wa', 'whatsapp', chat('c1', clock.now(), 0));
    tracker.observe('wa', 'whatsapp', chat('c1', clock.now() + 1, 3));
    tracker.observe('wa2', 'whatsapp', chat('c1', clock.now(), 0));
    tracker.forget('wa');
    tracker.flush();
    expect(Object.keys(saved.at(-1)?.chats ?? {})).toEqual(['wa2\u0000c1']);
    expect(tracker.report(clock.now(), clock.now()).messages).toBe(3);
  });

  it('keeps the chats heard from most recently when there are too many', () => {
    const chats: ActivityDoc['chats'] = {};
    for (let i = 0; i < KEEP_CHATS + 5; i += 1) chats[`wa\u0000c${i}`] = { first: i, unread: 0 };
    const { tracker, saved } = setup({ chats, days: {} });
    tracker.observe('wa', 'whatsapp', chat('new', 1, 0));
    tracker.flush();
    const kept = Object.keys(saved.at(-1)?.chats ?? {});
    expect(kept).toHaveLength(KEEP_CHATS);
    expect(kept).not.toContain('wa\u0000c0');
    expect(kept).toContain(`wa\u0000c${KEEP_CHATS + 4}`);
  });
});

describe('activity.json', () => {
  let dir: string;
  const conf: KeyValueFileFactory = (cwd, name) => new Conf<Record<string, unknown>>({ cwd, configName: name, clearInvalidConfig: false });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-activity-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips what the tracker learned', () => {
    const clock = new ManualClock();
    const file = openActivity(dir, conf, clock, new MemoryLogger());
    expect(file.doc).toEqual({ version: 1, chats: {}, days: {} });
    const tracker = new ActivityTracker({ initial: file.doc, clock, save: file.save });
    tracker.observe('wa', 'whatsapp', chat('c1', clock.now(), 0));
    tracker.observe('wa', 'whatsapp', chat('c1', clock.now() + MIN, 2));
    clock.advance(MIN);
    tracker.observe('wa', 'whatsapp', chat('c2', clock.now() + MIN, 1));
    expect(tracker.activity('wa', 'c2')?.newAt).toBe(clock.now());
    tracker.flush();
    const again = openActivity(dir, conf, clock, new MemoryLogger());
    expect(again.notices(() => 'n')).toEqual([]);
    const restarted = new ActivityTracker({ initial: again.doc, clock, save: () => true });
    expect(restarted.activity('wa', 'c1')).toEqual(tracker.activity('wa', 'c1'));
    expect(restarted.activity('wa', 'c2')).toEqual(tracker.activity('wa', 'c2'));
  });

  it('drops what does not parse, keeping the rest, and says so', () => {
    const raw = {
      version: 1,
      chats: {
        'wa\u0000ok': { first: 1, unread: 0, lastIn: 5 },
        'wa\u0000bad': { first: -1, unread: 0 },
        __proto__x: { first: 1, unread: 0 },
      },
      days: {
        '2026-11-21': { whatsapp: { chats: ['wa\u0000ok'], messagesIn: 2, messagesOut: 0, replies: [] }, skype: { chats: [], messagesIn: 1, messagesOut: 0, replies: [] } },
        yesterday: {},
      },
    };
    const read = readActivity(raw);
    expect(read.doc.chats).toEqual({ 'wa\u0000ok': { first: 1, unread: 0, lastIn: 5 } });
    expect(read.doc.days).toEqual({ '2026-11-21': { whatsapp: { chats: ['wa\u0000ok'], messagesIn: 2, messagesOut: 0, replies: [] } } });
    expect(read.problem).toEqual({ kind: 'repaired', dropped: 4 });
  });

  it('keeps a damaged file aside, starts afresh and tells the user', () => {
    fs.writeFileSync(path.join(dir, 'activity.json'), '{"version":1,"chats":{');
    const file = openActivity(dir, conf, new ManualClock(), new MemoryLogger());
    expect(file.doc).toEqual({ version: 1, chats: {}, days: {} });
    expect(file.notices(() => 'n1')).toEqual([expect.objectContaining({ id: 'n1', kind: 'activity-reset' })]);
    expect(readActivity({ version: 9, chats: {}, days: {} }).problem).toEqual({ kind: 'unusable', reason: 'unknown version 9' });
  });
});

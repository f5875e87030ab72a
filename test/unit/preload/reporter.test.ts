import { describe, expect, it } from 'vitest';
import type { ChatSummary, ServiceSnapshot } from '../../../common/model';
import { Reporter } from '../../../preload/reporter';

const chat = (id: string, extra: Partial<ChatSummary> = {}): ChatSummary => ({ id, title: id, unread: 0, ...extra });
const snap = (chats: ChatSummary[], direct = 0): ServiceSnapshot => ({ loggedIn: true, unread: { direct, indirect: 0 }, chats });

describe('Reporter', () => {
  it('sends a full update first, then only what changed, and nothing when nothing did', () => {
    const reporter = new Reporter();
    const a = chat('a');
    const b = chat('b', { preview: 'hi' });
    expect(reporter.next(snap([a, b]))).toEqual({
      seq: 0, reset: true, loggedIn: true, unread: { direct: 0, indirect: 0 }, upsert: [a, b], remove: [], activeChatId: null, degraded: false,
    });
    expect(reporter.next(snap([chat('a'), chat('b', { preview: 'hi' })]))).toBeUndefined();
    const b2 = chat('b', { preview: 'new message', unread: 1 });
    const c = chat('c');
    expect(reporter.next(snap([b2, c], 1))).toEqual({
      seq: 1, reset: false, loggedIn: true, unread: { direct: 1, indirect: 0 }, upsert: [b2, c], remove: ['a'], activeChatId: null, degraded: false,
    });
  });

  it('notices a field that disappeared and a change of totals alone', () => {
    const reporter = new Reporter();
    reporter.next(snap([chat('a', { muted: true })]));
    expect(reporter.next(snap([chat('a')]))?.upsert).toEqual([chat('a')]);
    expect(reporter.next(snap([chat('a')], 5))).toMatchObject({ seq: 2, upsert: [], remove: [], unread: { direct: 5, indirect: 0 } });
    expect(reporter.next({ ...snap([chat('a')], 5), loggedIn: false })).toMatchObject({ seq: 3, loggedIn: false });
  });

  it('sends an update when the reader becomes degraded or recovers, even with the same chats', () => {
    const reporter = new Reporter();
    reporter.next(snap([chat('a')]));
    expect(reporter.next(snap([chat('a')]), { degraded: true })).toMatchObject({ seq: 1, degraded: true, upsert: [] });
    expect(reporter.next(snap([chat('a')]), { degraded: true })).toBeUndefined();
    expect(reporter.next(snap([chat('a')]), { degraded: false })).toMatchObject({ seq: 2, degraded: false });
  });

  it('starts over with a full update after a resync, keeping the sequence going', () => {
    const reporter = new Reporter();
    reporter.next(snap([chat('a')]));
    reporter.resync();
    expect(reporter.next(snap([chat('a')]))).toMatchObject({ seq: 1, reset: true, upsert: [chat('a')] });
  });

  it('says when the page lists only part of its chats, and sends the connector’s health only when it changed', () => {
    const reporter = new Reporter();
    const health = { rows: 25, chats: 25, badges: 3, titleUnread: 4, missing: [], lastGoodRead: 1_000 };
    expect(reporter.next(snap([chat('a')]), { partial: true, health })).toMatchObject({ seq: 0, reset: true, partial: true, health });
    expect(reporter.next(snap([chat('a')]), { partial: true, health: { ...health } })).toBeUndefined();
    const drifted = { ...health, rows: 0, chats: 0, badges: 0, missing: ['rows', 'badge'] };
    const update = reporter.next(snap([chat('a')]), { partial: true, health: drifted });
    expect(update).toMatchObject({ seq: 1, upsert: [], health: drifted });
    expect(reporter.next(snap([chat('a'), chat('b')]), { partial: true, health: drifted })).not.toHaveProperty('health');
  });
});

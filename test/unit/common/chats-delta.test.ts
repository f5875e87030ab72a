/**
 * The one chat delta (common/chats-delta.ts): the diff the page's reporter sends, the apply main and the shell
 * run, when two chats are the same, the order updates follow, and which chats' unread counts rose.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChats, applyChatsDelta, diffChats, inSequence, risen, sameChat } from '../../../common/chats-delta';
import type { ChatsDelta } from '../../../common/ipc';
import type { ChatSummary, ServiceSnapshot } from '../../../common/model';

const chat = (id: string, extra: Partial<ChatSummary> = {}): ChatSummary => ({ id, title: id, unread: 0, ...extra });
const delta = (extra: Partial<ChatsDelta> = {}): ChatsDelta => ({ reset: false, loggedIn: true, unread: { direct: 0, indirect: 0 }, upsert: [], remove: [], ...extra });
const byId = (chats: readonly ChatSummary[]): Map<string, ChatSummary> => new Map(chats.map((c) => [c.id, c]));

const activity = fc.record(
  { first: fc.nat(20), lastIn: fc.nat(20), lastOut: fc.nat(20), waitingSince: fc.nat(20) },
  { requiredKeys: ['first'] },
);
const chatArb: fc.Arbitrary<ChatSummary> = fc.record(
  {
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
    title: fc.constantFrom('Ahmed', 'أحمد', 'Sara'),
    preview: fc.constantFrom('hi', 'مرحبا', ''),
    lastActivity: fc.nat(5),
    unread: fc.nat(3),
    muted: fc.boolean(),
    kind: fc.constantFrom('direct', 'group', 'channel'),
    phone: fc.constantFrom('+966501234567', '+201001234567'),
    avatarUrl: fc.constantFrom('https://x.test/a.png', 'data:image/png;base64,AA'),
    activity,
  },
  { requiredKeys: ['id', 'title', 'unread'] },
);
const listArb = fc.uniqueArray(chatArb, { selector: (c) => c.id, maxLength: 8 });
/** A list, and a copy with fresh objects (what the page or main sends again). */
const copies = (chats: readonly ChatSummary[]): ChatSummary[] =>
  chats.map((c) => ({ ...c, ...(c.activity ? { activity: { ...c.activity } } : {}) }));
/**
 * Two lists as a page's reads follow each other: of a's chats some stay (as copies), some change, some go, in
 * any order, and new ones come.
 */
const pairArb = fc
  .tuple(listArb, listArb, fc.array(fc.constantFrom('same', 'changed', 'gone'), { minLength: 8, maxLength: 8 }), fc.boolean())
  .map(([a, more, fates, reversed]) => {
    const ids = new Set(a.map((c) => c.id));
    const stay = copies(a).flatMap((c, i) => (fates[i] === 'gone' ? [] : fates[i] === 'changed' ? [{ ...c, unread: c.unread + 1 }] : [c]));
    const b = [...stay, ...more.filter((c) => !ids.has(c.id))];
    return [a, reversed ? b.reverse() : b] as const;
  });

describe('sameChat', () => {
  const base = chat('a', { preview: 'hi', lastActivity: 1, muted: false, kind: 'direct', phone: '+966501234567', avatarUrl: 'https://x.test/a.png', activity: { first: 1 } });
  const changes: [string, Partial<ChatSummary>][] = [
    ['title', { title: 'b' }],
    ['preview', { preview: 'bye' }],
    ['lastActivity', { lastActivity: 2 }],
    ['unread', { unread: 1 }],
    ['muted', { muted: true }],
    ['kind', { kind: 'group' }],
    ['phone', { phone: '+201001234567' }],
    ['avatarUrl', { avatarUrl: 'https://x.test/b.png' }],
    ['activity.first', { activity: { first: 2 } }],
    ['activity.lastIn', { activity: { first: 1, lastIn: 3 } }],
    ['activity.lastOut', { activity: { first: 1, lastOut: 3 } }],
    ['activity.waitingSince', { activity: { first: 1, waitingSince: 3 } }],
    ['activity gone', { activity: undefined }],
    ['preview gone', { preview: undefined }],
  ];

  it.each(changes)('tells a chat whose %s changed from the one before, and the diff upserts it', (_field, change) => {
    const changed = { ...base, ...change };
    expect(sameChat(base, changed)).toBe(false);
    expect(sameChat(changed, base)).toBe(false);
    expect(diffChats([base], [changed])).toEqual({ upsert: [changed], remove: [] });
  });

  it('takes a copy for the same chat, and an absent field for one set to undefined', () => {
    expect(sameChat(base, { ...base, activity: { first: 1 } })).toBe(true);
    expect(sameChat(chat('a'), { ...chat('a'), preview: undefined, activity: undefined })).toBe(true);
    expect(sameChat(chat('a'), chat('b', { title: 'a' }))).toBe(false);
  });
});

describe('diffChats', () => {
  it('finds nothing between equal lists, whether the same objects or copies', () => {
    fc.assert(
      fc.property(listArb, (chats) => {
        expect(diffChats(chats, chats)).toEqual({ upsert: [], remove: [] });
        expect(diffChats(chats, copies(chats))).toEqual({ upsert: [], remove: [] });
      }),
    );
  });

  it('lists the new and changed chats in the new order, and the ids of those gone in the old order', () => {
    const a = chat('a');
    const b = chat('b', { preview: 'hi' });
    const c = chat('c');
    expect(diffChats([a, b, c], [chat('d'), { ...b, unread: 2 }])).toEqual({ upsert: [chat('d'), { ...b, unread: 2 }], remove: ['a', 'c'] });
    expect(diffChats([], [a])).toEqual({ upsert: [a], remove: [] });
    expect(diffChats([a, b], [])).toEqual({ upsert: [], remove: ['a', 'b'] });
  });

  it('upserts only chats that changed or are new', () => {
    fc.assert(
      fc.property(pairArb, ([before, after]) => {
        const old = byId(before);
        for (const c of diffChats(before, after).upsert) {
          const was = old.get(c.id);
          expect(was === undefined || !sameChat(was, c)).toBe(true);
        }
      }),
    );
  });
});

describe('applyChats', () => {
  it('turns a into b with the diff from a to b, keeping a’s object for every chat that did not change', () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const after = applyChats(a, { reset: false, ...diffChats(a, b) });
        expect(byId(after)).toEqual(byId(b));
        // The order is not part of a delta: a's chats keep their places, new ones go last in b's order.
        const kept = a.filter((c) => b.some((d) => d.id === c.id)).map((c) => c.id);
        const added = b.filter((c) => !a.some((d) => d.id === c.id)).map((c) => c.id);
        expect(after.map((c) => c.id)).toEqual([...kept, ...added]);
        const old = byId(a);
        for (const c of after) {
          const was = old.get(c.id);
          if (was !== undefined && sameChat(was, c)) expect(c).toBe(was);
        }
      }),
    );
  });

  it('replaces the list on a reset, in its order, still keeping the objects of unchanged chats', () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const after = applyChats(a, { reset: true, upsert: copies(b), remove: [] });
        expect(after).toEqual(b);
        const old = byId(a);
        after.forEach((c) => {
          const was = old.get(c.id);
          if (was !== undefined && sameChat(was, c)) expect(c).toBe(was);
        });
      }),
    );
  });

  it('answers the list itself when nothing in it changed', () => {
    fc.assert(
      fc.property(listArb, (a) => {
        expect(applyChats(a, { reset: false, upsert: copies(a), remove: [] })).toBe(a);
        expect(applyChats(a, { reset: true, upsert: copies(a), remove: [] })).toBe(a);
        expect(applyChats(a, { reset: false, upsert: [], remove: ['not-there'] })).toBe(a);
      }),
    );
  });
});

describe('applyChatsDelta', () => {
  const before: ServiceSnapshot = { loggedIn: true, unread: { direct: 1, indirect: 0 }, chats: [chat('a', { unread: 1 }), chat('b')] };

  it('answers the snapshot itself when the delta repeats it', () => {
    expect(applyChatsDelta(before, delta({ unread: { direct: 1, indirect: 0 }, upsert: copies(before.chats) }))).toBe(before);
    expect(applyChatsDelta(before, delta({ reset: true, unread: { direct: 1, indirect: 0 }, upsert: copies(before.chats) }))).toBe(before);
  });

  it('merges a delta and replaces on a reset, and takes the totals and sign-in as they come', () => {
    const merged = applyChatsDelta(before, delta({ upsert: [chat('c')], remove: ['a'] }));
    expect(merged).toEqual({ loggedIn: true, unread: { direct: 0, indirect: 0 }, chats: [chat('b'), chat('c')] });
    expect(merged.chats[0]).toBe(before.chats[1]);
    expect(applyChatsDelta(before, delta({ reset: true, loggedIn: false }))).toEqual({ loggedIn: false, unread: { direct: 0, indirect: 0 }, chats: [] });
    expect(applyChatsDelta(undefined, delta({ upsert: [chat('x')] }))).toEqual({ loggedIn: true, unread: { direct: 0, indirect: 0 }, chats: [chat('x')] });
  });

  it('keeps the open chat when the delta does not say, and closes it on null', () => {
    const unread = before.unread;
    const opened = applyChatsDelta(before, delta({ unread, activeChatId: 'b' }));
    expect(opened.activeChatId).toBe('b');
    expect(applyChatsDelta(opened, delta({ unread }))).toBe(opened);
    const closed = applyChatsDelta(opened, delta({ unread, activeChatId: null }));
    expect(closed).not.toHaveProperty('activeChatId');
    expect(closed).toEqual(before);
  });
});

describe('inSequence', () => {
  it.each([
    ['a full update, first', undefined, { seq: 0, reset: true }, true],
    ['a full update, after a gap', 3, { seq: 9, reset: true }, true],
    ['the next delta', 3, { seq: 4, reset: false }, true],
    ['a delta before any full update', undefined, { seq: 0, reset: false }, false],
    ['a delta after a gap', 3, { seq: 5, reset: false }, false],
    ['a delta repeated', 3, { seq: 3, reset: false }, false],
  ])('%s', (_name, last, update, expected) => {
    expect(inSequence(last, update)).toBe(expected);
  });
});

describe('risen', () => {
  it('answers the chats whose unread count rose, and new chats with any, leaving muted ones out', () => {
    const before = [chat('1', { unread: 1 }), chat('2', { unread: 3 }), chat('5', { unread: 1, muted: true })];
    const after = [chat('1', { unread: 1 }), chat('2', { unread: 2 }), chat('3', { unread: 1 }), chat('4'), chat('5', { unread: 4, muted: true }), chat('6', { unread: 2, muted: true })];
    expect(risen(before, after).map((c) => c.id)).toEqual(['3']);
    expect(risen(before, [chat('1', { unread: 2 }), chat('3', { unread: 1 })]).map((c) => c.id)).toEqual(['1', '3']);
    expect(risen([], [chat('1', { unread: 1, muted: false })]).map((c) => c.id)).toEqual(['1']);
  });

  it('finds nothing when nothing changed, and never a chat whose count fell', () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        expect(risen(a, copies(a))).toEqual([]);
        const old = byId(a);
        for (const c of risen(a, b)) expect(c.unread).toBeGreaterThan(old.get(c.id)?.unread ?? 0);
      }),
    );
  });
});

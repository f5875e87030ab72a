import { describe, expect, it } from 'vitest';
import { applyChatsDelta } from '../../common/chats-delta';
import type { ServiceSnapshot } from '../../common/model';
import { connectChats, createChatsReplica } from '../../renderer/src/store/chats';
import { appState, FakeBridge } from './fake-bridge';
import { chat, snapshot, upsert } from './inbox-data';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the chats replica', () => {
  it('hydrates once, then applies each service’s deltas: reset replaces, upsert and remove merge in main’s order', async () => {
    const bridge = new FakeBridge(appState([]));
    bridge.chats = { a: snapshot([chat('1', 'Ahmed'), chat('2', 'Sara')]) };
    const store = createChatsReplica();
    const stop = connectChats(store, bridge);
    expect(store.getState().hydrated).toBe(false);
    await settle();
    expect(store.getState()).toEqual({ snapshots: bridge.chats, hydrated: true });

    bridge.pushChats('a', upsert([chat('2', 'Sara', { unread: 3 }), chat('3', 'Omar')], { remove: ['1'] }));
    expect(store.getState().snapshots['a']?.chats.map((c) => [c.id, c.unread])).toEqual([
      ['2', 3],
      ['3', 0],
    ]);
    bridge.pushChats('b', upsert([chat('x', 'Lina')], { loggedIn: false }));
    expect(store.getState().snapshots['b']).toEqual(snapshot([chat('x', 'Lina')], { loggedIn: false, unread: { direct: 0, indirect: 0 } }));

    bridge.pushChats('a', { ...upsert([chat('9', 'Huda')]), reset: true });
    expect(store.getState().snapshots['a']?.chats.map((c) => c.id)).toEqual(['9']);

    stop();
    bridge.pushChats('a', upsert([chat('10', 'Late')]));
    expect(store.getState().snapshots['a']?.chats.map((c) => c.id)).toEqual(['9']);
  });

  it('drops deltas that arrive before the hydrate answer, which already holds them', async () => {
    const bridge = new FakeBridge(appState([]));
    const store = createChatsReplica();
    connectChats(store, bridge);
    bridge.pushChats('a', upsert([chat('1', 'Early')]));
    await settle();
    expect(store.getState().snapshots).toEqual({});
  });

  it('keeps every object that did not change, so memoized rows and caches stay put', () => {
    const ahmed = chat('1', 'Ahmed', { preview: 'hi', lastActivity: 5 });
    const sara = chat('2', 'Sara');
    const before: ServiceSnapshot = snapshot([ahmed, sara]);

    // The same chats again, as new objects (a resend or a full update): nothing changes.
    expect(applyChatsDelta(before, upsert([{ ...ahmed }]))).toBe(before);
    expect(applyChatsDelta(before, { ...upsert([{ ...ahmed }, { ...sara }]), reset: true, unread: before.unread })).toBe(before);

    // One chat changes: a new snapshot, the other chat the same object.
    const after = applyChatsDelta(before, upsert([{ ...sara, unread: 1 }]));
    expect(after).not.toBe(before);
    expect(after.chats[0]).toBe(ahmed);
    expect(after.chats[1]).toEqual({ ...sara, unread: 1 });

    // Only who wrote last changes (a notification came before the list moved): that is a change too.
    const waiting = { first: 1, lastIn: 9, waitingSince: 9 };
    const noticed = applyChatsDelta(before, upsert([{ ...ahmed, activity: waiting }]));
    expect(noticed.chats[0]?.activity).toEqual(waiting);
    expect(applyChatsDelta(noticed, upsert([{ ...ahmed, activity: { ...waiting } }]))).toBe(noticed);
    expect(applyChatsDelta(noticed, upsert([{ ...ahmed, activity: { ...waiting, lastOut: 10, waitingSince: undefined } }])).chats[0]?.activity?.lastOut).toBe(10);

    // The counts or the open chat change: a new snapshot; `null` closes the open chat.
    const opened = applyChatsDelta(before, upsert([], { activeChatId: '2', unread: before.unread }));
    expect(opened.activeChatId).toBe('2');
    expect(applyChatsDelta(opened, upsert([], { unread: before.unread })).activeChatId).toBe('2');
    expect(applyChatsDelta(opened, upsert([], { activeChatId: null, unread: before.unread })).activeChatId).toBeUndefined();
  });
});

/** The unread total, in messages or in chats (common/unread.ts). */
import { describe, expect, it } from 'vitest';
import type { ChatSummary } from '../../../common/model';
import { unreadTotal, type ChatsOf } from '../../../common/unread';
import { chat, input, service } from '../../support/unread-input';

const lists = (chats: Record<string, ChatSummary[]>): ChatsOf => (id) => chats[id];

describe('unreadTotal: messages', () => {
  it('sums the unread counts of enabled services that are not muted', () => {
    const services = [service('a'), service('b'), service('muted', { muted: true }), service('off', { enabled: false })];
    expect(unreadTotal(input('messages', services, { a: 3, b: 40, muted: 7, off: 9 }), lists({}))).toBe(43);
  });

  it('is 0 with no services, no runtime, or nothing unread', () => {
    expect(unreadTotal(input('messages', [], {}), lists({}))).toBe(0);
    expect(unreadTotal(input('messages', [service('a')], {}), lists({}))).toBe(0);
    expect(unreadTotal(input('messages', [service('a')], { a: 0 }), lists({}))).toBe(0);
  });
});

describe('unreadTotal: chats', () => {
  it('counts chats with unread messages, muted chats aside, across enabled services that are not muted', () => {
    const services = [service('a'), service('b'), service('muted', { muted: true }), service('off', { enabled: false })];
    const chats = lists({
      a: [chat('a1', 5), chat('a2', 0), chat('a3', 12), chat('a4', 3, true)],
      b: [chat('b1', -1), chat('b2', 1, false)],
      muted: [chat('m1', 4)],
      off: [chat('o1', 4)],
    });
    expect(unreadTotal(input('chats', services, { a: 17, b: 1, muted: 4, off: 4 }), chats)).toBe(4);
  });

  it('counts 1 for a service without a chat list that has unread messages', () => {
    const services = [service('a'), service('title-only'), service('quiet')];
    const chats = lists({ a: [chat('a1', 2)] });
    expect(unreadTotal(input('chats', services, { a: 2, 'title-only': 9, quiet: 0 }), chats)).toBe(2);
  });

  it('counts 1 when the list shows no unread chat but the service says it has unread messages', () => {
    expect(unreadTotal(input('chats', [service('a')], { a: 3 }), lists({ a: [chat('a1', 0)] }))).toBe(1);
    expect(unreadTotal(input('chats', [service('a')], { a: 0 }), lists({ a: [chat('a1', 0)] }))).toBe(0);
  });

  it('gives a different number than messages for the same state', () => {
    const services = [service('a')];
    const chats = lists({ a: [chat('a1', 5), chat('a2', 7)] });
    expect(unreadTotal(input('messages', services, { a: 12 }), chats)).toBe(12);
    expect(unreadTotal(input('chats', services, { a: 12 }), chats)).toBe(2);
  });
});

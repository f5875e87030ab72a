/**
 * One chat changes: only its row re-renders. Rows are memoized by entry, and the inbox hands out the same entry
 * object for every entry whose chats did not change. Each row renders its Avatar once per render, so counting
 * Avatar renders per name counts row renders.
 */
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { service } from './fake-bridge';
import { chat, inboxState, NOW, snapshot, upsert } from './inbox-data';
import { renderShell } from './render';

const renders = vi.hoisted(() => new Map<string, number>());

vi.mock('../../renderer/src/features/inbox/Avatar', () => ({
  Avatar: ({ name }: { name: string }) => {
    renders.set(name, (renders.get(name) ?? 0) + 1);
    return null;
  },
}));

const services = () => [service('wa', 'whatsapp', 'Shop'), service('tg', 'telegram', 'Telegram')];
const chats = () => ({
  wa: snapshot([
    chat('1', 'Ahmed', { lastActivity: NOW - 1000, preview: 'hi' }),
    chat('2', 'Sara', { lastActivity: NOW - 2000 }),
    chat('3', 'Omar', { lastActivity: NOW - 3000, unread: 1 }),
  ]),
  tg: snapshot([chat('t', 'Lina', { lastActivity: NOW - 4000 })]),
});

describe('an update of one chat', () => {
  beforeEach(() => renders.clear());

  it('re-renders that row only; a resend of unchanged chats re-renders none', async () => {
    const { bridge } = await renderShell(inboxState(services()), chats());
    await screen.findAllByRole('option');
    expect([...renders.keys()].sort()).toEqual(['Ahmed', 'Lina', 'Omar', 'Sara']);
    renders.clear();

    // Sara gets a new preview and an unread message, without moving.
    bridge.pushChats('wa', upsert([chat('2', 'Sara', { lastActivity: NOW - 2000, unread: 1, preview: 'hello?' })]));
    expect(screen.getByRole('option', { name: /^Sara, WhatsApp, 1 unread/u })).toBeInTheDocument();
    expect(Object.fromEntries(renders)).toEqual({ Sara: 1 });
    renders.clear();

    // A chat of another service changes its picture (which the inbox's entry itself does not hold).
    bridge.pushChats('tg', upsert([chat('t', 'Lina', { lastActivity: NOW - 4000, avatarUrl: 'https://example.com/lina.png' })]));
    expect(Object.fromEntries(renders)).toEqual({ Lina: 1 });
    renders.clear();

    // The whole list again, equal: nothing re-renders.
    bridge.pushChats('wa', { ...upsert(chats().wa.chats.map((c) => (c.id === '2' ? { ...c, unread: 1, preview: 'hello?' } : c))), reset: true });
    expect(Object.fromEntries(renders)).toEqual({});
  });
});

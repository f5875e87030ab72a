import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServiceSnapshot } from '../../common/model';
import { service } from './fake-bridge';
import { chat, inboxState, NOW, snapshot } from './inbox-data';
import { nth, plain, renderShell } from './render';

const rows = () => within(screen.getByRole('listbox', { name: 'Chats' })).queryAllByRole('option');
const rowOf = (name: string) => {
  const found = rows().find((r) => r.querySelector('.inbox-row-name')?.textContent === name);
  if (found === undefined) throw new Error(`no row "${name}"`);
  return found;
};
const services = () => [service('wa', 'whatsapp', 'Shop'), service('ig', 'instagram', 'Instagram'), service('tg', 'telegram', 'Telegram')];

async function renderPeople(chats: Record<string, ServiceSnapshot>, extra: Parameters<typeof inboxState>[1] = {}) {
  const rendered = await renderShell(inboxState(services(), extra), chats);
  await screen.findAllByRole('option');
  return rendered;
}

const menuOf = (name: string) => {
  fireEvent.contextMenu(rowOf(name), { clientX: 200, clientY: 100 });
  return within(screen.getByRole('menu'));
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

const toast = () => document.querySelector<HTMLElement>('.toast');

describe('linking people by hand', () => {
  it('Link with… picks the other entry by search and links every chat of both; Undo takes it back', async () => {
    const { bridge, user } = await renderPeople({
      wa: snapshot([chat('w1', 'Ahmed', { phone: '+966501234567', lastActivity: NOW - 1000 }), chat('w2', 'Sara', { lastActivity: NOW - 3000 })]),
      tg: snapshot([chat('t1', 'Ahmed', { phone: '+966501234567', lastActivity: NOW - 2000 })]),
      ig: snapshot([chat('i1', 'ahmed.h', { lastActivity: NOW - 4000 })]),
    });
    await user.click(menuOf('ahmed.h').getByRole('menuitem', { name: 'Link with…' }));
    const dialog = screen.getByRole('dialog', { name: (n) => plain(n) === 'Link ahmed.h with…' });
    const field = within(dialog).getByRole('combobox', { name: 'Search for the same person' });
    expect(field).toHaveFocus();
    expect(within(dialog).getAllByRole('option').map((o) => o.querySelector('.link-option-name')?.textContent)).toEqual(['Ahmed', 'Sara']);
    await user.type(field, 'أحمد');
    expect(within(dialog).queryAllByRole('option')).toHaveLength(0);
    await user.clear(field);
    await user.type(field, 'ahm{Enter}');
    expect(bridge.sent('people.link')).toEqual([
      {
        type: 'people.link',
        chats: [
          { serviceId: 'ig', chatId: 'i1' },
          { serviceId: 'wa', chatId: 'w1' },
          { serviceId: 'tg', chatId: 't1' },
        ],
      },
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();

    expect(toast()).toHaveTextContent('Linked');
    expect(toast()?.closest('[role="status"]')).toHaveAttribute('aria-live', 'polite');
    await user.click(within(toast() ?? document.body).getByRole('button', { name: 'Undo' }));
    expect(bridge.sent('people.undo')).toEqual([{ type: 'people.undo' }]);
    expect(toast()).toBeNull();
    expect(await screen.findByText('Undone')).toBeInTheDocument();
  });

  it('a merged entry’s chats can each be split off, and Ctrl+Z undoes while the toast shows', async () => {
    const { bridge, user } = await renderPeople({
      wa: snapshot([chat('w1', 'Ahmed', { phone: '+966501234567', lastActivity: NOW - 1000 })]),
      tg: snapshot([chat('t1', '+966 50 123 4567', { phone: '+966501234567', lastActivity: NOW - 2000 })]),
    });
    const menu = menuOf('Ahmed');
    await user.click(menu.getByRole('menuitem', { name: (n) => plain(n) === 'Not the same person: +966 50 123 4567 on Telegram' }));
    expect(bridge.sent('people.unlink')).toEqual([{ type: 'people.unlink', chat: { serviceId: 'tg', chatId: 't1' } }]);
    expect(screen.getByText('Unlinked')).toBeInTheDocument();

    act(() => screen.getByRole('listbox', { name: 'Chats' }).focus());
    await user.keyboard('{Control>}z{/Control}');
    expect(bridge.sent('people.undo')).toHaveLength(1);
    expect(screen.queryByText('Unlinked')).toBeNull();
    // Without the toast, Ctrl+Z does nothing.
    await user.keyboard('{Control>}z{/Control}');
    expect(bridge.sent('people.undo')).toHaveLength(1);
  });

  it('the undo toast goes away on its own after a few seconds', async () => {
    await renderPeople({
      wa: snapshot([chat('w1', 'Ahmed', { phone: '+966501234567' })]),
      tg: snapshot([chat('t1', 'Ahmed', { phone: '+966501234567' })]),
    });
    const item = menuOf('Ahmed').getByRole('menuitem', { name: (n) => plain(n) === 'Not the same person: Ahmed on Telegram' });
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    fireEvent.click(item);
    await act(async () => {
      await Promise.resolve();
    });
    expect(toast()).toHaveTextContent('Unlinked');
    act(() => {
      vi.advanceTimersByTime(7_900);
    });
    expect(toast()).not.toBeNull();
    act(() => {
      vi.advanceTimersByTime(100);
    });
    expect(toast()).toBeNull();
  });

  it('renames a linked person (empty: back to the platform’s name), or names a merged number by linking it', async () => {
    const { bridge, user } = await renderPeople(
      {
        wa: snapshot([chat('w1', 'Ahmed', { lastActivity: NOW - 1000 }), chat('w2', 'Omar', { phone: '+966501111111', lastActivity: NOW - 3000 })]),
        ig: snapshot([chat('i1', 'ahmed.h', { lastActivity: NOW - 2000 })]),
        tg: snapshot([chat('t2', 'Omar T', { phone: '+966501111111', lastActivity: NOW - 4000 })]),
      },
      { people: [{ id: 'p1', displayName: 'Ahmed H', chats: [{ serviceId: 'wa', chatId: 'w1' }, { serviceId: 'ig', chatId: 'i1' }] }] },
    );
    await user.click(menuOf('Ahmed H').getByRole('menuitem', { name: 'Rename person…' }));
    const field = within(screen.getByRole('dialog', { name: 'Rename person' })).getByRole('textbox', { name: 'Name' });
    expect(field).toHaveValue('Ahmed H');
    await user.clear(field);
    await user.type(field, '  Ahmed the tailor {Enter}');
    expect(bridge.sent('people.rename')).toEqual([{ type: 'people.rename', personId: 'p1', displayName: 'Ahmed the tailor' }]);
    expect(screen.getByText('Renamed')).toBeInTheDocument();

    await user.click(menuOf('Ahmed H').getByRole('menuitem', { name: 'Rename person…' }));
    await user.clear(screen.getByRole('textbox', { name: 'Name' }));
    await user.keyboard('{Enter}');
    expect(bridge.sent('people.rename').at(-1)).toEqual({ type: 'people.rename', personId: 'p1', displayName: null });

    await user.click(menuOf('Omar').getByRole('menuitem', { name: 'Rename person…' }));
    await user.clear(screen.getByRole('textbox', { name: 'Name' }));
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Omar (supplier){Enter}');
    expect(bridge.sent('people.link')).toEqual([
      {
        type: 'people.link',
        chats: [
          { serviceId: 'wa', chatId: 'w2' },
          { serviceId: 'tg', chatId: 't2' },
        ],
        displayName: 'Omar (supplier)',
      },
    ]);
  });

  it('a single chat cannot be renamed: its name comes from the platform', async () => {
    await renderPeople({ wa: snapshot([chat('w1', 'Sara')]) });
    expect(menuOf('Sara').queryByRole('menuitem', { name: 'Rename person…' })).toBeNull();
  });
});

describe('suggested links', () => {
  const lookalikes = () => ({
    wa: snapshot([chat('w1', 'فاطمة', { lastActivity: NOW - 1000 }), chat('w2', 'Sara', { lastActivity: NOW - 3000 })]),
    ig: snapshot([chat('i1', 'فاطمه', { lastActivity: NOW - 2000 })]),
  });

  it('ask "same person?" for names that look alike on different platforms; "No" dismisses, "Same person" links', async () => {
    const { bridge, user } = await renderPeople(lookalikes());
    const suggestions = screen.getByRole('list', { name: 'Suggestions' });
    expect(plain(suggestions.textContent)).toContain('فاطمة on WhatsApp and فاطمه on Instagram — same person?');
    await user.click(within(suggestions).getByRole('button', { name: 'No' }));
    expect(bridge.sent('suggestion.dismiss')).toEqual([{ type: 'suggestion.dismiss', a: 'chat:wa:w1', b: 'chat:ig:i1' }]);
    expect(screen.getByText('Suggestion hidden')).toBeInTheDocument();

    await user.click(within(suggestions).getByRole('button', { name: 'Same person' }));
    expect(bridge.sent('people.link')).toEqual([
      {
        type: 'people.link',
        chats: [
          { serviceId: 'wa', chatId: 'w1' },
          { serviceId: 'ig', chatId: 'i1' },
        ],
      },
    ]);
  });

  it('leave out what the user already said no to', async () => {
    await renderPeople(lookalikes(), { dismissedSuggestions: ['chat:ig:i1|chat:wa:w1'] });
    expect(screen.queryByRole('list', { name: 'Suggestions' })).toBeNull();
    expect(rows()).toHaveLength(3);
    expect(nth(rows(), 0)).toHaveAccessibleName('فاطمة, WhatsApp, now');
  });
});

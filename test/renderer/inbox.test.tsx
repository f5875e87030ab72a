import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServiceSnapshot } from '../../common/model';
import { initialRuntime } from '../../common/state';
import { service } from './fake-bridge';
import { chat, inboxState, MINUTE, NOW, snapshot, upsert } from './inbox-data';
import { nth, plain, renderShell } from './render';

const list = () => screen.getByRole('listbox', { name: 'Chats' });
const rows = () => within(list()).queryAllByRole('option');
/** The rows' names, top to bottom. */
const names = () => rows().map((row) => row.querySelector('.inbox-row-name')?.textContent);
const row = (name: string) => {
  const found = rows().find((r) => r.querySelector('.inbox-row-name')?.textContent === name);
  if (found === undefined) throw new Error(`no row "${name}" among ${JSON.stringify(names())}`);
  return found;
};
const platformsOf = (name: string) => [...row(name).querySelectorAll('.platform-mark')].map((m) => m.getAttribute('title'));
const search = () => screen.getByRole('combobox', { name: 'Search chats' });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

const shop = () => [service('wa', 'whatsapp', 'Shop'), service('ig', 'instagram', 'Instagram'), service('tg', 'telegram', 'Telegram')];

async function renderInbox(chats: Record<string, ServiceSnapshot>, services = shop(), extra: Parameters<typeof inboxState>[1] = {}) {
  const rendered = await renderShell(inboxState(services, extra), chats);
  await screen.findByRole('listbox', { name: 'Chats' });
  return rendered;
}

describe('inbox rows', () => {
  it('show a picture or initials, the platform, when, the preview and the unread count (none, 1…99, 99+)', async () => {
    const day = (daysAgo: number, h: number, m: number) => {
      const d = new Date(NOW);
      d.setDate(d.getDate() - daysAgo);
      d.setHours(h, m, 0, 0);
      return d.getTime();
    };
    await renderInbox({
      wa: snapshot([
        chat('1', 'Ahmed Hassan', { lastActivity: NOW - 20_000, unread: 1, preview: 'On my way', avatarUrl: 'https://pps.example/ahmed.jpg' }),
        chat('2', 'سارة', { lastActivity: NOW - 5 * MINUTE, unread: 150, avatarUrl: 'http://insecure.example/s.jpg' }),
        chat('3', 'Omar', { lastActivity: day(0, 9, 30), unread: 0 }),
        chat('4', 'Lina', { lastActivity: day(1, 22, 0), unread: 99 }),
        chat('5', 'Huda', { lastActivity: day(5, 10, 0), unread: -1 }),
        chat('6', '+966 50 123 4567', { lastActivity: day(12, 10, 0) }),
        chat('7', 'Old friend', { lastActivity: new Date(2025, 10, 9).getTime() }),
      ]),
    });
    expect(names()).toEqual(['Ahmed Hassan', 'سارة', 'Omar', 'Lina', 'Huda', '+966 50 123 4567', 'Old friend']);
    expect(row('Ahmed Hassan').querySelector('img')).toHaveAttribute('src', 'https://pps.example/ahmed.jpg');
    // Only https and data: pictures load (the shell's CSP); others fall back to initials.
    expect(row('سارة').querySelector('img')).toBeNull();
    expect(row('سارة').querySelector('.avatar')).toHaveTextContent(/^س$/u);
    expect(row('Omar').querySelector('.avatar')).toHaveTextContent(/^O$/u);
    expect(row('+966 50 123 4567').querySelector('.avatar svg')).not.toBeNull();

    const times = rows().map((r) => r.querySelector('time')?.textContent);
    expect(times).toEqual(['now', '5 min', '9:30 AM', 'Yesterday', 'Mon', 'Nov 9', 'Nov 9, 2025']);
    const badges = rows().map((r) => r.querySelector('.inbox-badge')?.textContent ?? null);
    expect(badges).toEqual(['1', '99+', null, '99', '1', null, null]);

    expect(platformsOf('Omar')).toEqual(['WhatsApp']);
    expect(row('Ahmed Hassan')).toHaveAccessibleName('Ahmed Hassan, WhatsApp, 1 unread, now, last message: On my way');
    expect(row('Ahmed Hassan').querySelector('.inbox-row-preview')).toHaveAttribute('dir', 'auto');
    expect(row('Ahmed Hassan').querySelector('.inbox-row-name')).toHaveAttribute('dir', 'auto');
  });

  it('look muted when every chat is muted, and name the account when a platform has several', async () => {
    const services = [service('wa', 'whatsapp', 'Shop'), service('wa2', 'whatsapp', 'Home'), service('tg', 'telegram', 'Telegram', { muted: true })];
    await renderInbox(
      {
        wa: snapshot([chat('1', 'Group', { muted: true, unread: 4, lastActivity: NOW - 1000 }), chat('2', 'Sara', { unread: 2, lastActivity: NOW - 2000 })]),
        wa2: snapshot([chat('m', 'Mum', { lastActivity: NOW - 3000 })]),
        tg: snapshot([chat('t', 'News', { unread: 9, lastActivity: NOW - 4000 })]),
      },
      services,
    );
    expect(row('Group')).toHaveClass('is-muted');
    expect(row('News')).toHaveClass('is-muted');
    expect(row('Sara')).not.toHaveClass('is-muted');
    expect(row('Group')).toHaveAccessibleName('Group, WhatsApp (Shop), 4 unread, Muted, now');
    expect(platformsOf('Mum')).toEqual(['WhatsApp (Home)']);
  });

  it('show a person merged by phone number once, with every platform, the summed count and the latest preview', async () => {
    await renderInbox({
      wa: snapshot([chat('966501234567@c.us', 'Ahmed', { phone: '+966501234567', unread: 2, preview: 'older', lastActivity: NOW - 10 * MINUTE })]),
      tg: snapshot([chat('777', '+966 50 123 4567', { phone: '+966501234567', unread: 1, preview: 'newest', lastActivity: NOW - MINUTE })]),
      ig: snapshot([chat('x', 'Someone else', { lastActivity: NOW - 20 * MINUTE })]),
    });
    expect(rows()).toHaveLength(2);
    const merged = nth(rows(), 0);
    expect(merged).toHaveAccessibleName('+966 50 123 4567, Telegram and WhatsApp, 3 unread, 1 min, last message: newest');
    expect(merged.querySelectorAll('button.platform-mark')).toHaveLength(2);
  });

  it('show chats the user linked as one person, under the name they gave', async () => {
    await renderInbox(
      {
        wa: snapshot([chat('a', 'Ahmed', { unread: 1, lastActivity: NOW - MINUTE })]),
        ig: snapshot([chat('b', 'ahmed.h', { unread: 4, lastActivity: NOW - 2 * MINUTE })]),
      },
      shop(),
      { people: [{ id: 'p', displayName: 'Ahmed (tailor)', chats: [{ serviceId: 'wa', chatId: 'a' }, { serviceId: 'ig', chatId: 'b' }] }] },
    );
    expect(names()).toEqual(['Ahmed (tailor)']);
    expect(platformsOf('Ahmed (tailor)')).toEqual(['Open in WhatsApp', 'Open in Instagram']);
    expect(nth(rows(), 0).querySelector('.inbox-badge')).toHaveTextContent('5');
  });

  it('follow each service’s chats as main pushes them: a new message moves its chat to the top', async () => {
    const { bridge } = await renderInbox({
      wa: snapshot([chat('1', 'Ahmed', { lastActivity: NOW - 10 * MINUTE }), chat('2', 'Sara', { lastActivity: NOW - 20 * MINUTE })]),
    });
    expect(names()).toEqual(['Ahmed', 'Sara']);
    bridge.pushChats('wa', upsert([chat('2', 'Sara', { lastActivity: NOW, unread: 1, preview: 'Are you there?' })]));
    expect(names()).toEqual(['Sara', 'Ahmed']);
    expect(row('Sara').querySelector('.inbox-badge')).toHaveTextContent('1');
    bridge.pushChats('tg', upsert([chat('t', 'Omar', { lastActivity: NOW - MINUTE })]));
    expect(names()).toEqual(['Sara', 'Omar', 'Ahmed']);
    bridge.pushChats('wa', upsert([], { remove: ['1'] }));
    expect(names()).toEqual(['Sara', 'Omar']);
  });
});

describe('inbox filters and search', () => {
  const chats = () => ({
    wa: snapshot([
      chat('1', 'أحمد علي', { unread: 2, lastActivity: NOW - 1 * MINUTE, preview: 'السلام عليكم' }),
      chat('2', 'فاطمة', { lastActivity: NOW - 2 * MINUTE, preview: 'Thanks!' }),
      chat('3', 'Shipping desk', { phone: '+966501234567', lastActivity: NOW - 3 * MINUTE, preview: 'Your parcel left' }),
    ]),
    wa2: snapshot([chat('h', 'Mum', { unread: 1, lastActivity: NOW - 4 * MINUTE })]),
    ig: snapshot([chat('j', 'José Álvarez', { lastActivity: NOW - 5 * MINUTE, preview: 'Hola' })]),
  });
  const services = () => [service('wa', 'whatsapp', 'Shop'), service('wa2', 'whatsapp', 'Home'), service('ig', 'instagram', 'Instagram')];

  it('unread, per platform and per account', async () => {
    const { user } = await renderInbox(chats(), services());
    const chips = within(screen.getByRole('group', { name: 'Show' }));
    const order = ['All', 'Unread', 'Waiting', 'Snoozed', 'Done', 'WhatsApp', 'Instagram'];
    expect(chips.getAllByRole('button')).toEqual(order.map((name) => chips.getByRole('button', { name })));
    expect(chips.getByRole('button', { name: 'All' })).toHaveAttribute('aria-pressed', 'true');
    // Each counted view says how many it holds, under the platform chosen.
    expect(chips.getByRole('button', { name: 'Unread' })).toHaveAccessibleDescription('2 chats');
    expect(chips.getByRole('button', { name: 'Unread' }).querySelector('.view-count')?.textContent).toBe('2');
    expect(chips.getByRole('button', { name: 'Waiting' })).not.toHaveAttribute('aria-describedby');
    expect(chips.getByRole('button', { name: 'Waiting' }).querySelector('.view-count')).toBeNull();

    await user.click(chips.getByRole('button', { name: 'Unread' }));
    expect(names()).toEqual(['أحمد علي', 'Mum']);
    expect(chips.getByRole('button', { name: 'All' })).toHaveAttribute('aria-pressed', 'false');

    await user.click(chips.getByRole('button', { name: 'Instagram' }));
    // No unread chat on Instagram: no count, nothing said of one.
    expect(chips.getByRole('button', { name: 'Unread' })).not.toHaveAttribute('aria-describedby');
    expect(chips.getByRole('button', { name: 'Unread' }).querySelector('.view-count')).toBeNull();
    expect(rows()).toHaveLength(0);
    expect(screen.getByText('No unread chats.')).toBeInTheDocument();
    await user.click(chips.getByRole('button', { name: 'Unread' }));
    expect(names()).toEqual(['José Álvarez']);

    await user.click(chips.getByRole('button', { name: 'WhatsApp' }));
    expect(names()).toEqual(['أحمد علي', 'فاطمة', 'Shipping desk', 'Mum']);
    // Two WhatsApp accounts: pick one.
    await user.selectOptions(chips.getByRole('combobox', { name: 'Account' }), 'Home');
    expect(names()).toEqual(['Mum']);
    await user.click(chips.getByRole('button', { name: 'All' }));
    expect(rows()).toHaveLength(5);
    expect(chips.queryByRole('combobox', { name: 'Account' })).toBeNull();
  });

  it('finds names, previews and numbers however they are spelled', async () => {
    const { user } = await renderInbox(chats(), services());
    const find = async (query: string) => {
      await user.clear(search());
      if (query !== '') await user.type(search(), query);
      return names();
    };
    // Alef with or without hamza, ta marbuta or ha, diacritics, tatweel.
    expect(await find('احمد')).toEqual(['أحمد علي']);
    expect(await find('أَحْـمَد')).toEqual(['أحمد علي']);
    expect(await find('فاطمه')).toEqual(['فاطمة']);
    // Latin accents and case.
    expect(await find('jose')).toEqual(['José Álvarez']);
    expect(await find('ALVAREZ')).toEqual(['José Álvarez']);
    // Previews.
    expect(await find('parcel')).toEqual(['Shipping desk']);
    expect(await find('السلام')).toEqual(['أحمد علي']);
    // Phone numbers: international, local, spaced, or in Arabic-Indic digits.
    expect(await find('+966 50 123')).toEqual(['Shipping desk']);
    expect(await find('0501234567')).toEqual(['Shipping desk']);
    expect(await find('٠٥٠١٢٣٤٥٦٧')).toEqual(['Shipping desk']);
    expect(await find('nobody')).toEqual([]);
    expect(screen.getByText((_, el) => el?.tagName === 'P' && plain(el.textContent) === 'No chats match nobody.')).toBeInTheDocument();
    expect(await find('')).toHaveLength(5);
  });
});

describe('inbox keyboard', () => {
  const three = () => ({
    wa: snapshot([chat('a', 'Ahmed', { lastActivity: NOW - 1000 }), chat('s', 'Sara', { lastActivity: NOW - 2000 })]),
    tg: snapshot([chat('o', 'Omar', { lastActivity: NOW - 3000 })]),
  });

  it('↑/↓ move the selection, Enter opens that exact chat in its service', async () => {
    const { bridge, user } = await renderInbox(three());
    act(() => list().focus());
    expect(list()).toHaveAttribute('aria-activedescendant', row('Ahmed').id);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(list()).toHaveAttribute('aria-activedescendant', row('Omar').id);
    expect(row('Omar')).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}');
    expect(row('Omar')).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowUp}{Enter}');
    expect(bridge.sent('service.openChat')).toEqual([{ type: 'service.openChat', id: 'wa', chatId: 's' }]);
    await user.keyboard('{Home}{Enter}');
    expect(bridge.sent('service.openChat').at(-1)).toEqual({ type: 'service.openChat', id: 'wa', chatId: 'a' });
  });

  it('/ and Ctrl+K go to the search box, which keeps ↑/↓/Enter working; Esc clears it, then leaves it', async () => {
    const { bridge, user } = await renderInbox(three());
    act(() => list().focus());
    await user.keyboard('/');
    expect(search()).toHaveFocus();
    expect(search()).toHaveValue('');
    await user.type(search(), 'a');
    expect(names()).toEqual(['Ahmed', 'Sara', 'Omar']);
    await user.type(search(), 'r');
    expect(names()).toEqual(['Sara', 'Omar']);
    expect(search()).toHaveAttribute('aria-activedescendant', row('Sara').id);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(bridge.sent('service.openChat')).toEqual([{ type: 'service.openChat', id: 'tg', chatId: 'o' }]);

    await user.keyboard('{Escape}');
    expect(search()).toHaveValue('');
    expect(search()).toHaveFocus();
    expect(rows()).toHaveLength(3);
    await user.keyboard('{Escape}');
    expect(list()).toHaveFocus();

    await user.keyboard('{Control>}k{/Control}');
    expect(search()).toHaveFocus();
    // While typing, "/" is a character like any other.
    await user.keyboard('a/b');
    expect(search()).toHaveValue('a/b');
  });

  it('a click opens the newest chat; a merged row’s platform buttons open that platform’s chat', async () => {
    const { bridge, user } = await renderInbox({
      wa: snapshot([chat('w', 'Ahmed', { phone: '+966501234567', lastActivity: NOW - 5000 })]),
      ig: snapshot([chat('i', 'Ahmed', { phone: '+966501234567', lastActivity: NOW - 1000 })]),
    });
    await user.click(nth(rows(), 0));
    expect(bridge.sent('service.openChat')).toEqual([{ type: 'service.openChat', id: 'ig', chatId: 'i' }]);
    await user.click(within(nth(rows(), 0)).getByRole('button', { name: 'Open in WhatsApp' }));
    expect(bridge.sent('service.openChat').at(-1)).toEqual({ type: 'service.openChat', id: 'wa', chatId: 'w' });
    expect(bridge.sent('service.openChat')).toHaveLength(2);
  });

  it('keeps only the rows in view of a long list (scrolling is tested in Chromium)', async () => {
    const many = Array.from({ length: 500 }, (_, i) => chat(`c${i}`, `Customer ${i}`, { lastActivity: NOW - i * 1000 }));
    await renderInbox({ wa: snapshot(many) });
    // The list is 680px high (test/renderer/setup.ts): 10 rows of 68px, and 8 more below.
    expect(rows()).toHaveLength(18);
    expect(nth(rows(), 0)).toHaveAttribute('aria-posinset', '1');
    expect(nth(rows(), 0)).toHaveAttribute('aria-setsize', '500');
  });
});

describe('services missing from the inbox', () => {
  it('say which hook a changed page lost, that Google refused to sign in, and where Slack lists its chats', async () => {
    const services = [service('wa', 'whatsapp', 'Shop'), service('gm', 'google-messages', 'SMS'), service('sl', 'slack', 'Team'), service('tg', 'telegram', 'Telegram')];
    const { bridge } = await renderInbox({ wa: snapshot([chat('1', 'Ahmed', { lastActivity: NOW })]), tg: snapshot([chat('2', 'Omar', { lastActivity: NOW })]) }, services);
    const health = { rows: 0, chats: 0, badges: 0, titleUnread: 3, lastGoodRead: NOW - 60_000 };
    bridge.push({
      runtime: {
        wa: { ...initialRuntime(true), status: 'ready' as const, connected: true, unread: 3, health: { ...health, missing: ['rows', 'composer'] } },
        gm: { ...initialRuntime(true), status: 'logged-out' as const, refusal: 'browser-not-secure' as const },
        sl: { ...initialRuntime(true), status: 'ready' as const, connected: true, health: { ...health, missing: ['rows'], hint: 'open-home-tab' as const } },
        // Nothing unread and no chat open: absent badges and message box are no drift.
        tg: { ...initialRuntime(true), status: 'ready' as const, connected: true, health: { ...health, rows: 5, chats: 5, missing: ['badges', 'composer'] } },
      },
    });
    const banners = within(screen.getByRole('list', { name: 'Service status' })).getAllByRole('listitem');
    expect(banners.map((b) => plain(b.querySelector('.inbox-banner-text')?.textContent ?? null))).toEqual([
      "Shop changed its page: Wasl can't find the chat rows any more, so only its unread count (3) is shown.",
      'SMS: Google Messages refused to sign in inside Wasl (Google says “This browser or app may not be secure”): use it in your browser or its phone app',
      'Team lists its chats on its Home tab only: open Home there for Wasl to read them.',
    ]);
  });

  it('say why, with the action that helps: loading, signed out, refused, changed page, unlisted, stopped, offline', async () => {
    const services = [
      service('wa', 'whatsapp', 'Shop'),
      service('ig', 'instagram', 'Instagram'),
      service('wc', 'wechat', 'WeChat'),
      service('fb', 'messenger', 'Messenger'),
      service('cu', 'custom', 'Chatwoot'),
      service('tg', 'telegram', 'Telegram'),
      service('dc', 'discord', 'Discord'),
      service('off', 'slack', 'Slack', { enabled: false }),
    ];
    const { bridge, user } = await renderInbox({ wa: snapshot([chat('1', 'Ahmed', { lastActivity: NOW })]), ig: snapshot([]) }, services);
    const runtime = {
      wa: { ...initialRuntime(true), status: 'ready' as const, connected: true },
      ig: { ...initialRuntime(true), status: 'loading' as const },
      wc: { ...initialRuntime(true), status: 'logged-out' as const, refusal: 'web-login-refused' as const },
      fb: { ...initialRuntime(true), status: 'ready' as const, degraded: true, unread: 4 },
      cu: { ...initialRuntime(true), status: 'ready' as const, unread: 2 },
      tg: { ...initialRuntime(true), status: 'crashed' as const },
      dc: { ...initialRuntime(true), status: 'offline' as const },
      off: initialRuntime(false),
    };
    bridge.push({ runtime });
    const banners = within(screen.getByRole('list', { name: 'Service status' })).getAllByRole('listitem');
    expect(banners.map((b) => plain(b.querySelector('.inbox-banner-text')?.textContent ?? null))).toEqual([
      'Loading Instagram…',
      'WeChat: WeChat refused web sign-in for this account (error 1203): use its Windows or Mac app',
      "Messenger changed its page: its chats can't be read, only its unread count (4).",
      "Chatwoot doesn't share its chat list: open it to read its messages (2 unread).",
      'Telegram stopped unexpectedly',
      "Can't connect to Discord",
    ]);
    await user.click(within(nth(banners, 3)).getByRole('button', { name: 'Open' }));
    expect(bridge.commands.at(-1)).toEqual({ type: 'service.activate', id: 'cu' });
    await user.click(within(nth(banners, 4)).getByRole('button', { name: 'Reload' }));
    expect(bridge.commands.at(-1)).toEqual({ type: 'service.reload', id: 'tg' });
    await user.click(within(nth(banners, 5)).getByRole('button', { name: 'Try now' }));
    expect(bridge.commands.at(-1)).toEqual({ type: 'service.reload', id: 'dc' });

    bridge.updateRuntime('wc', { refusal: undefined });
    expect(screen.getByText((_, el) => el?.className === 'inbox-banner-text' && plain(el.textContent) === 'WeChat is signed out: its chats show here once you sign in.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(bridge.commands.at(-1)).toEqual({ type: 'service.activate', id: 'wc' });
  });

  it('a ready service that has not reported its chats yet says it is reading them', async () => {
    await renderInbox({}, [service('wa', 'whatsapp', 'Shop')]);
    expect(plain(screen.getByRole('list', { name: 'Service status' }).textContent)).toBe('Reading chats from Shop…');
    expect(screen.getByText('No chats yet. They show here as your services load.')).toBeInTheDocument();
  });
});

describe('the Inbox in the sidebar', () => {
  it('shows the inbox instead of a service (the service page hidden), and counts unread messages or chats', async () => {
    const services = [service('wa', 'whatsapp', 'Shop'), service('tg', 'telegram', 'Telegram'), service('m', 'instagram', 'Muted', { muted: true })];
    const state = inboxState(services, { view: 'service' });
    state.runtime = {
      wa: { ...initialRuntime(true), status: 'ready', unread: 5 },
      tg: { ...initialRuntime(true), status: 'ready', unread: 2 },
      m: { ...initialRuntime(true), status: 'ready', unread: 7 },
    };
    const { bridge, user } = await renderShell(state, {
      wa: snapshot([chat('1', 'Ahmed', { unread: 3 }), chat('2', 'Sara', { unread: 2 }), chat('3', 'Omar')]),
      tg: snapshot([chat('t', 'Lina', { unread: 2 })]),
    });
    const item = screen.getByRole('button', { name: 'Inbox' });
    // Messages, without the muted service: 5 + 2.
    expect(item.querySelector('.badge')).toHaveTextContent('7');
    expect(item).toHaveAccessibleDescription('7 unread messages');
    expect(item).not.toHaveAttribute('aria-current');
    expect(screen.getByTestId('viewport')).toBeInTheDocument();
    await user.click(item);
    expect(bridge.sent('view.inbox')).toEqual([{ type: 'view.inbox' }]);

    bridge.push({ view: 'inbox' });
    expect(item).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('tab', { name: 'Shop' })).toHaveAttribute('aria-selected', 'false');
    expect(screen.queryByTestId('viewport')).toBeNull();
    expect(bridge.viewports.at(-1)).toBeNull();
    expect(screen.getByRole('heading', { name: 'Inbox' })).toBeInTheDocument();

    bridge.push({ settings: { ...bridge.state.settings, unreadCount: 'chats' } });
    expect(item.querySelector('.badge')).toHaveTextContent('3');
    expect(item).toHaveAccessibleDescription('3 unread chats');

    await user.click(screen.getByRole('tab', { name: 'Telegram' }));
    expect(bridge.commands.at(-1)).toEqual({ type: 'service.activate', id: 'tg' });
  });

  it('is not there before the first service is added', async () => {
    await renderShell(inboxState([]));
    expect(screen.queryByRole('button', { name: 'Inbox' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Welcome to Wasl' })).toBeInTheDocument();
  });
});

describe('inbox context menu', () => {
  it('opens from the keyboard on the selected row, and from its ⋯ button', async () => {
    const { user } = await renderInbox({
      wa: snapshot([chat('w', 'Ahmed', { phone: '+966501234567', lastActivity: NOW - 5000 })]),
      tg: snapshot([chat('t', 'Ahmed T', { phone: '+966501234567', lastActivity: NOW - 1000 })]),
    });
    act(() => list().focus());
    await user.keyboard('{Shift>}{F10}{/Shift}');
    const menu = screen.getByRole('menu', { name: 'Actions for Ahmed T' });
    expect(within(menu).getAllByRole('menuitem').map((i) => plain(i.textContent))).toEqual([
      'Open in Telegram',
      'Open in WhatsApp',
      'Mark as done',
      'Mark as unread',
      'Pin to top',
      'Remind me…',
      'Customer card',
      'Labels…',
      'Status…',
      'Link with…',
      'Rename person…',
      'Not the same person: Ahmed T on Telegram',
      'Not the same person: Ahmed on WhatsApp',
    ]);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    fireEvent.click(within(nth(rows(), 0)).getByRole('button', { name: 'Actions for Ahmed T' }));
    expect(screen.getByRole('menu', { name: 'Actions for Ahmed T' })).toBeInTheDocument();
  });
});

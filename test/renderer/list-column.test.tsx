/** The chat list beside the open service: opening chats from it, its selection, its width and collapse, narrow windows, Arabic. */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServiceSnapshot } from '../../common/model';
import { DEFAULT_SETTINGS, type LayoutSettings } from '../../common/settings';
import type { AppState } from '../../common/state';
import { appState, service } from './fake-bridge';
import { chat, MINUTE, NOW, snapshot, upsert } from './inbox-data';
import { renderShell, type Rendered } from './render';

const column = () => screen.getByRole('complementary', { name: 'Chats' });
const list = () => within(column()).getByRole('listbox', { name: 'Chats' });
const rows = () => within(list()).queryAllByRole('option');
const names = () => rows().map((r) => r.querySelector('.inbox-row-name')?.textContent);
const row = (name: string) => {
  const found = rows().find((r) => r.querySelector('.inbox-row-name')?.textContent === name);
  if (found === undefined) throw new Error(`no row "${name}" among ${JSON.stringify(names())}`);
  return found;
};
const selectedNames = () => rows().filter((r) => r.getAttribute('aria-selected') === 'true').map((r) => r.querySelector('.inbox-row-name')?.textContent);
const separator = () => within(column()).getByRole('separator', { name: 'Width of the chat list' });

const shop = () => [service('wa', 'whatsapp', 'Shop'), service('tg', 'telegram', 'Telegram')];

/** WhatsApp (in front) has Ahmed open; Telegram had Lina open when it was last shown. */
const chats = (): Record<string, ServiceSnapshot> => ({
  wa: snapshot(
    [chat('1', 'Ahmed', { lastActivity: NOW - MINUTE, unread: 2 }), chat('2', 'Sara', { lastActivity: NOW - 3 * MINUTE }), chat('3', 'Omar', { lastActivity: NOW - 5 * MINUTE })],
    { activeChatId: '1' },
  ),
  tg: snapshot([chat('t', 'Huda', { lastActivity: NOW - 2 * MINUTE }), chat('u', 'Lina', { lastActivity: NOW - 4 * MINUTE })], { activeChatId: 'u' }),
});

function state(layout: Partial<LayoutSettings> = {}, extra: Partial<AppState> = {}): AppState {
  return appState(shop(), { settings: { ...DEFAULT_SETTINGS, layout: { ...DEFAULT_SETTINGS.layout, ...layout } }, ...extra });
}

async function renderBeside(app = state()): Promise<Rendered> {
  const rendered = await renderShell(app, chats());
  await within(column()).findAllByRole('option');
  return rendered;
}

/** Main's answer to a `settings.set` of the layout: the new settings pushed back. */
function applyLayout(rendered: Rendered, layout: Partial<LayoutSettings>): void {
  const { settings } = rendered.bridge.state;
  rendered.bridge.push({ settings: { ...settings, layout: { ...settings.layout, ...layout } } });
}

function resizeWindow(width: number): void {
  act(() => {
    window.innerWidth = width;
    window.dispatchEvent(new Event('resize'));
  });
}

const innerWidth = window.innerWidth;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  window.innerWidth = 1280;
});

afterEach(() => {
  vi.useRealTimers();
  window.innerWidth = innerWidth;
});

describe('the list beside the open service', () => {
  it('stands between the sidebar and the service, every chat in the inbox order, the open chat selected', async () => {
    await renderBeside();
    const sidebar = screen.getByRole('navigation');
    const area = screen.getByRole('tabpanel', { name: 'Shop' });
    expect(sidebar.compareDocumentPosition(column()) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(column().compareDocumentPosition(area) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(column().parentElement).toBe(area.parentElement);
    expect(names()).toEqual(['Ahmed', 'Huda', 'Sara', 'Lina', 'Omar']);
    expect(selectedNames()).toEqual(['Ahmed']);
    expect(column()).toHaveStyle({ inlineSize: '320px' });
    // The rows have no menu here: that stays in the inbox page.
    expect(within(column()).queryByRole('button', { name: /^More for/u })).toBeNull();
  });

  it('says there are no chats yet while no service listed any (not in pictures only)', async () => {
    const rendered = await renderShell(state(), {});
    expect(await within(column()).findByText('No chats yet. They show here as your services load.')).toBeInTheDocument();
    applyLayout(rendered, { listCollapsed: true });
    expect(within(column()).queryByText('No chats yet. They show here as your services load.')).toBeNull();
    rendered.bridge.pushChats('wa', upsert([chat('9', 'Mona', { lastActivity: NOW })]));
    expect(names()).toEqual(['Mona']);
    applyLayout(rendered, { listCollapsed: false });
    expect(within(column()).queryByText('No chats yet. They show here as your services load.')).toBeNull();
  });

  it('is not beside the inbox page, the first-start guide, nor inside the viewport main places the page in', async () => {
    const rendered = await renderBeside();
    const viewport = screen.getByTestId('viewport');
    expect(viewport.contains(column())).toBe(false);
    expect(column().contains(viewport)).toBe(false);
    rendered.bridge.push({ view: 'inbox' });
    expect(screen.queryByRole('complementary', { name: 'Chats' })).toBeNull();
    rendered.bridge.push({ services: [], activeServiceId: null, runtime: {}, view: 'service' });
    expect(screen.queryByRole('complementary', { name: 'Chats' })).toBeNull();
  });

  it('opens a chat on a click and keeps the list, the row selected; Enter opens the selected row', async () => {
    const { bridge, user } = await renderBeside();
    await user.click(row('Sara'));
    expect(bridge.sent('service.openChat')).toEqual([{ type: 'service.openChat', id: 'wa', chatId: '2' }]);
    expect(column()).toBeInTheDocument();
    expect(selectedNames()).toEqual(['Sara']);
    bridge.pushChats('wa', upsert([], { activeChatId: '2' }));
    expect(selectedNames()).toEqual(['Sara']);

    expect(list()).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(selectedNames()).toEqual(['Lina']);
    expect(list()).toHaveAttribute('aria-activedescendant', row('Lina').id);
    await user.keyboard('{Enter}');
    expect(bridge.sent('service.openChat').at(-1)).toEqual({ type: 'service.openChat', id: 'tg', chatId: 'u' });
    await user.keyboard('{Home}');
    expect(selectedNames()).toEqual(['Ahmed']);
    await user.keyboard('{End}{ArrowUp}');
    expect(selectedNames()).toEqual(['Lina']);
    expect(bridge.sent('service.openChat')).toHaveLength(2);
  });

  it('follows the chat the user switches to inside the page, and shares its selection with the inbox page', async () => {
    const { bridge } = await renderBeside();
    bridge.pushChats('wa', upsert([], { activeChatId: '3' }));
    expect(selectedNames()).toEqual(['Omar']);
    // Another service's page switching chats does not move it: only the one in front is followed.
    bridge.pushChats('tg', upsert([], { activeChatId: 't' }));
    expect(selectedNames()).toEqual(['Omar']);
    // The user brings Telegram to the front: its open chat is selected.
    bridge.push({ activeServiceId: 'tg' });
    expect(selectedNames()).toEqual(['Huda']);

    bridge.push({ view: 'inbox' });
    const page = screen.getByRole('listbox', { name: 'Chats' });
    const selected = within(page)
      .getAllByRole('option')
      .filter((r) => r.getAttribute('aria-selected') === 'true');
    expect(selected.map((r) => r.querySelector('.inbox-row-name')?.textContent)).toEqual(['Huda']);
  });

  it('keeps the chat it opened selected while the page still reports the one it had open, then follows again', async () => {
    const { bridge, user } = await renderBeside();
    await user.click(row('Huda'));
    expect(bridge.sent('service.openChat')).toEqual([{ type: 'service.openChat', id: 'tg', chatId: 't' }]);
    // Main brings Telegram to the front; its page still says Lina is open.
    bridge.push({ activeServiceId: 'tg' });
    expect(selectedNames()).toEqual(['Huda']);
    bridge.pushChats('tg', upsert([], { activeChatId: 't' }));
    expect(selectedNames()).toEqual(['Huda']);
    // Now the user switches to Lina inside the page.
    bridge.pushChats('tg', upsert([], { activeChatId: 'u' }));
    expect(selectedNames()).toEqual(['Lina']);
  });

  it('follows the page again once the chat it opened did not open in time', async () => {
    const { bridge, user } = await renderBeside();
    await user.click(row('Sara'));
    bridge.pushChats('wa', upsert([], { activeChatId: '3' }));
    expect(selectedNames()).toEqual(['Sara']);
    vi.setSystemTime(NOW + 6_000);
    bridge.pushChats('wa', upsert([], { activeChatId: '1' }));
    expect(selectedNames()).toEqual(['Ahmed']);
  });
});

describe('its width and collapse, remembered in the settings', () => {
  it('starts at the width and collapse the settings remember', async () => {
    await renderBeside(state({ listWidth: 400 }));
    expect(column()).toHaveStyle({ inlineSize: '400px' });
    expect(separator()).toHaveAttribute('aria-valuenow', '400');
  });

  it('collapses to the pictures through settings.set, and expands again', async () => {
    const rendered = await renderBeside();
    const { bridge, user } = rendered;
    await user.click(within(column()).getByRole('button', { name: 'Show only pictures' }));
    expect(bridge.sent('settings.set')).toEqual([{ type: 'settings.set', layout: { listCollapsed: true } }]);
    applyLayout(rendered, { listCollapsed: true });
    expect(column()).toHaveClass('is-avatars');
    expect(within(column()).queryByRole('separator')).toBeNull();
    // Still every row, each named in full for assistive technology.
    expect(rows()).toHaveLength(5);
    expect(row('Ahmed')).toHaveAccessibleName(/^Ahmed, WhatsApp, 2 unread/u);
    const expand = within(column()).getByRole('button', { name: 'Show names and messages' });
    expect(expand).toHaveAttribute('aria-expanded', 'false');
    await user.click(expand);
    expect(bridge.sent('settings.set').at(-1)).toEqual({ type: 'settings.set', layout: { listCollapsed: false } });
    applyLayout(rendered, { listCollapsed: false });
    expect(column()).not.toHaveClass('is-avatars');
  });

  it('is resized from the keyboard on its separator, each width sent to main and shown at once', async () => {
    const rendered = await renderBeside();
    const { bridge, user } = rendered;
    separator().focus();
    await user.keyboard('{ArrowRight}');
    expect(bridge.sent('settings.set')).toEqual([{ type: 'settings.set', layout: { listWidth: 336 } }]);
    expect(column()).toHaveStyle({ inlineSize: '336px' });
    applyLayout(rendered, { listWidth: 336 });
    expect(column()).toHaveStyle({ inlineSize: '336px' });
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(bridge.sent('settings.set').at(-1)).toEqual({ type: 'settings.set', layout: { listWidth: 304 } });
    await user.keyboard('{End}');
    expect(bridge.sent('settings.set').at(-1)).toEqual({ type: 'settings.set', layout: { listWidth: 480 } });
    await user.keyboard('{Home}');
    expect(bridge.sent('settings.set').at(-1)).toEqual({ type: 'settings.set', layout: { listWidth: 240 } });
    applyLayout(rendered, { listWidth: 240 });
    // At the narrowest, narrower is no change and nothing is sent.
    const sent = bridge.sent('settings.set').length;
    await user.keyboard('{ArrowLeft}');
    expect(bridge.sent('settings.set')).toHaveLength(sent);
    expect(column()).toHaveStyle({ inlineSize: '240px' });
  });

  it('goes back to the remembered width when main refuses the new one', async () => {
    const rendered = await renderBeside();
    rendered.bridge.respond = () => ({ ok: false, error: 'failed' });
    separator().focus();
    await rendered.user.keyboard('{ArrowRight}');
    expect(rendered.bridge.sent('settings.set')).toHaveLength(1);
    expect(column()).toHaveStyle({ inlineSize: '320px' });
  });

  it('is resized by dragging its separator, sent once when the drag ends', async () => {
    const rendered = await renderBeside();
    const handle = separator();
    handle.setPointerCapture = vi.fn();
    fireEvent.pointerDown(handle, { pointerId: 1, button: 0, clientX: 400 });
    fireEvent.pointerMove(handle, { pointerId: 1, clientX: 450 });
    expect(column()).toHaveStyle({ inlineSize: '370px' });
    expect(rendered.bridge.sent('settings.set')).toEqual([]);
    fireEvent.pointerMove(handle, { pointerId: 1, clientX: 900 });
    expect(column()).toHaveStyle({ inlineSize: '480px' });
    fireEvent.pointerUp(handle, { pointerId: 1, clientX: 900 });
    expect(rendered.bridge.sent('settings.set')).toEqual([{ type: 'settings.set', layout: { listWidth: 480 } }]);
  });
});

describe('in a narrow window', () => {
  it('shows only the pictures below 1000 px, without the collapse button or the separator, and the list again when wider', async () => {
    const rendered = await renderBeside();
    resizeWindow(900);
    expect(column()).toHaveClass('is-avatars');
    expect(within(column()).queryByRole('button', { name: 'Show only pictures' })).toBeNull();
    expect(within(column()).queryByRole('separator')).toBeNull();
    expect(rows()).toHaveLength(5);
    // A click still opens the chat.
    await rendered.user.click(row('Omar'));
    expect(rendered.bridge.sent('service.openChat')).toEqual([{ type: 'service.openChat', id: 'wa', chatId: '3' }]);
    resizeWindow(1280);
    expect(column()).not.toHaveClass('is-avatars');
    expect(column()).toHaveStyle({ inlineSize: '320px' });
  });
});

describe('in Arabic', () => {
  const arabic = () => state({}, { settings: { ...DEFAULT_SETTINGS, language: 'ar' } });

  it('keeps the order sidebar, list, service (mirrored by the right-to-left document) and grows toward the left', async () => {
    const rendered = await renderShell(arabic(), chats());
    const aside = await screen.findByRole('complementary', { name: 'المحادثات' });
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(screen.getByRole('navigation').compareDocumentPosition(aside) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(aside.compareDocumentPosition(screen.getByTestId('viewport')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const handle = within(aside).getByRole('separator', { name: 'عرض قائمة المحادثات' });
    handle.focus();
    await rendered.user.keyboard('{ArrowLeft}');
    expect(rendered.bridge.sent('settings.set')).toEqual([{ type: 'settings.set', layout: { listWidth: 336 } }]);
    handle.setPointerCapture = vi.fn();
    fireEvent.pointerDown(handle, { pointerId: 2, button: 0, clientX: 800 });
    fireEvent.pointerUp(handle, { pointerId: 2, clientX: 760 });
    expect(rendered.bridge.sent('settings.set').at(-1)).toEqual({ type: 'settings.set', layout: { listWidth: 376 } });
  });
});

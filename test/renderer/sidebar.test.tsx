import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { appState, service } from './fake-bridge';
import { named, plainText, renderShell } from './render';

const three = () =>
  appState([service('a', 'whatsapp', 'WhatsApp'), service('b', 'whatsapp', 'WhatsApp 2'), service('c', 'telegram', 'Telegram')]);

const tab = (name: string) => screen.getByRole('tab', { name });
const badgeOf = (name: string) => tab(name).querySelector('.badge');

describe('sidebar badges and marks', () => {
  it('hides a zero badge, shows 1 to 99 as is, 99+ above, and greys a muted service', async () => {
    const state = appState([
      service('a', 'whatsapp', 'WhatsApp'),
      service('b', 'whatsapp', 'WhatsApp 2'),
      service('c', 'telegram', 'Telegram', { muted: true }),
    ]);
    const { bridge } = await renderShell(state);
    expect(badgeOf('WhatsApp')).toBeNull();

    bridge.updateRuntime('a', { unread: 1 });
    bridge.updateRuntime('b', { unread: 150 });
    bridge.updateRuntime('c', { unread: 7 });
    expect(badgeOf('WhatsApp')).toHaveTextContent(/^1$/);
    expect(badgeOf('WhatsApp 2')).toHaveTextContent(/^99\+$/);
    expect(badgeOf('WhatsApp 2')).not.toHaveClass('is-muted');
    expect(badgeOf('Telegram')).toHaveTextContent(/^7$/);
    expect(badgeOf('Telegram')).toHaveClass('is-muted');
    expect(tab('WhatsApp 2')).toHaveAccessibleDescription('150 unread messages');
    expect(tab('Telegram')).toHaveAccessibleDescription('7 unread messages, Muted');

    bridge.updateRuntime('a', { unread: 0 });
    expect(badgeOf('WhatsApp')).toBeNull();
  });

  it('marks loading, signed-out, failing and turned-off services', async () => {
    const state = appState([
      service('a', 'whatsapp', 'WhatsApp'),
      service('b', 'whatsapp', 'WhatsApp 2'),
      service('c', 'telegram', 'Telegram', { enabled: false }),
    ]);
    const { bridge } = await renderShell(state);
    bridge.updateRuntime('a', { status: 'loading' });
    bridge.updateRuntime('b', { status: 'logged-out' });
    expect(tab('WhatsApp').querySelector('.status-mark')).toHaveClass('mark-loading');
    expect(tab('WhatsApp 2').querySelector('.status-mark')).toHaveClass('mark-warning');
    expect(tab('WhatsApp 2')).toHaveAttribute('title', 'WhatsApp 2\nSigned out — sign in on the page');
    expect(tab('Telegram')).toHaveClass('is-off');

    bridge.updateRuntime('b', { status: 'crashed' });
    expect(tab('WhatsApp 2').querySelector('.status-mark')).toHaveClass('mark-error');
    bridge.updateRuntime('b', { status: 'ready' });
    expect(tab('WhatsApp 2').querySelector('.status-mark')).toBeNull();
  });
});

describe('sidebar keyboard', () => {
  it('is one tab stop: arrows, Home and End move the focus, Enter and Space activate', async () => {
    const { bridge, user } = await renderShell(three());
    expect(tab('WhatsApp')).toHaveAttribute('aria-selected', 'true');
    expect(tab('WhatsApp')).toHaveAttribute('tabindex', '0');
    expect(tab('WhatsApp 2')).toHaveAttribute('tabindex', '-1');

    act(() => tab('WhatsApp').focus());
    await user.keyboard('{ArrowDown}');
    expect(tab('WhatsApp 2')).toHaveFocus();
    expect(tab('WhatsApp 2')).toHaveAttribute('tabindex', '0');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(tab('WhatsApp')).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(tab('Telegram')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(tab('WhatsApp')).toHaveFocus();
    await user.keyboard('{End}');
    expect(tab('Telegram')).toHaveFocus();
    expect(bridge.commands).toEqual([]);

    await user.keyboard('{Enter}');
    expect(bridge.commands).toEqual([{ type: 'service.activate', id: 'c' }]);
    await user.keyboard('{ArrowUp}[Space]');
    expect(bridge.sent('service.activate').at(-1)).toEqual({ type: 'service.activate', id: 'b' });
  });

  it('Alt+↓ and Alt+↑ move the focused service, announce its new place, and keep the focus on it', async () => {
    const { bridge, user } = await renderShell(three());
    act(() => tab('WhatsApp').focus());
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(bridge.sent('service.move')).toEqual([{ type: 'service.move', id: 'a', index: 1 }]);
    expect(await screen.findByText(plainText('WhatsApp moved to position 2 of 3.'))).toBeInTheDocument();

    bridge.push({ services: bridge.ordered(['b', 'a', 'c']) });
    expect(screen.getAllByRole('tab').map((el) => el.getAttribute('aria-label'))).toEqual(['WhatsApp 2', 'WhatsApp', 'Telegram']);
    expect(tab('WhatsApp')).toHaveFocus();

    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(bridge.sent('service.move').at(-1)).toEqual({ type: 'service.move', id: 'a', index: 2 });
    act(() => tab('WhatsApp 2').focus());
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(bridge.sent('service.move')).toHaveLength(2);
  });

  it('F2 opens rename, Delete opens the remove confirmation', async () => {
    const { user } = await renderShell(three());
    act(() => tab('WhatsApp 2').focus());
    await user.keyboard('{F2}');
    const rename = screen.getByRole('dialog', { name: 'Rename service' });
    expect(within(rename).getByRole('textbox', { name: 'Name' })).toHaveValue('WhatsApp 2');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(tab('WhatsApp 2')).toHaveFocus();

    await user.keyboard('{Delete}');
    expect(screen.getByRole('dialog', { name: named('Remove “WhatsApp 2”?') })).toBeInTheDocument();
  });
});

describe('sidebar drag and drop', () => {
  const dataTransfer = () => ({ effectAllowed: 'none', dropEffect: 'none', setData: () => undefined, getData: () => '' });

  it('dropping a service after another sends service.move with the resulting index', async () => {
    const { bridge } = await renderShell(three());
    const transfer = dataTransfer();
    fireEvent.dragStart(tab('WhatsApp'), { dataTransfer: transfer });
    // jsdom has no layout: every box is 0×0 at the origin, so a pointer at y=1 is in the lower half ("after").
    fireEvent.dragOver(tab('Telegram'), { dataTransfer: transfer, clientY: 1 });
    expect(tab('Telegram')).toHaveClass('drop-after');
    fireEvent.drop(tab('Telegram'), { dataTransfer: transfer, clientY: 1 });
    expect(bridge.sent('service.move')).toEqual([{ type: 'service.move', id: 'a', index: 2 }]);
    expect(tab('Telegram')).not.toHaveClass('drop-after');
  });

  it('dropping before another moves up, and a drop that changes nothing sends nothing', async () => {
    const { bridge } = await renderShell(three());
    const transfer = dataTransfer();
    fireEvent.dragStart(tab('Telegram'), { dataTransfer: transfer });
    fireEvent.dragOver(tab('WhatsApp 2'), { dataTransfer: transfer, clientY: -1 });
    expect(tab('WhatsApp 2')).toHaveClass('drop-before');
    fireEvent.drop(tab('WhatsApp 2'), { dataTransfer: transfer, clientY: -1 });
    expect(bridge.sent('service.move')).toEqual([{ type: 'service.move', id: 'c', index: 1 }]);

    fireEvent.dragStart(tab('WhatsApp'), { dataTransfer: transfer });
    fireEvent.dragOver(tab('WhatsApp 2'), { dataTransfer: transfer, clientY: -1 });
    expect(tab('WhatsApp 2')).not.toHaveClass('drop-before');
    fireEvent.drop(tab('WhatsApp 2'), { dataTransfer: transfer, clientY: -1 });
    expect(bridge.sent('service.move')).toHaveLength(1);
  });
});

describe('service menu', () => {
  it('opens on right click with every action, navigates by keyboard and sends the chosen command', async () => {
    const { bridge, user } = await renderShell(three());
    fireEvent.contextMenu(tab('WhatsApp 2'), { clientX: 40, clientY: 120 });
    const menu = screen.getByRole('menu', { name: 'Actions for WhatsApp 2' });
    const items = [...menu.querySelectorAll<HTMLElement>('[role^="menuitem"]')];
    expect(items.map((el) => el.textContent)).toEqual([
      'Rename…',
      'Mute notifications',
      'Allow calls (camera & microphone)',
      'Spelling…',
      'Proxy…',
      'Turn off',
      'Reload',
      'Sleep Now',
      'Always On',
      "Hide the page's own chat list",
      'Resources…',
      'Save page outline for a bug report…',
      'Move up',
      'Move down',
      'Remove…',
    ]);
    expect(within(menu).getAllByRole('menuitemcheckbox').map((el) => el.getAttribute('aria-checked'))).toEqual(['false', 'false', 'false']);
    expect(items[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(items[2]).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(bridge.commands).toEqual([{ type: 'service.set', id: 'b', callsAllowed: true }]);
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('saves the page outline of that service for a bug report', async () => {
    const { bridge, user } = await renderShell(three());
    fireEvent.contextMenu(tab('WhatsApp 2'), { clientX: 40, clientY: 120 });
    await user.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Save page outline for a bug report…' }));
    expect(bridge.commands).toEqual([{ type: 'service.saveOutline', id: 'b' }]);
  });

  it('disables moving past the ends and closes on Escape, giving the focus back', async () => {
    const { bridge, user } = await renderShell(three());
    act(() => tab('WhatsApp').focus());
    await user.keyboard('{Shift>}{F10}{/Shift}');
    const menu = screen.getByRole('menu');
    expect(within(menu).getByRole('menuitem', { name: 'Move up' })).toHaveAttribute('aria-disabled', 'true');
    await user.click(within(menu).getByRole('menuitem', { name: 'Move up' }));
    expect(bridge.sent('service.move')).toEqual([]);
    await user.keyboard('{End}{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(tab('WhatsApp')).toHaveFocus();
  });

  it('the toolbar toggles mute and its "more" menu offers the same actions', async () => {
    const { bridge, user } = await renderShell(three());
    const mute = screen.getByRole('button', { name: 'Mute notifications' });
    expect(mute).toHaveAttribute('aria-pressed', 'false');
    await user.click(mute);
    expect(bridge.commands).toEqual([{ type: 'service.set', id: 'a', muted: true }]);
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(bridge.commands.at(-1)).toEqual({ type: 'service.reload', id: 'a' });

    const more = screen.getByRole('button', { name: 'More actions' });
    await user.click(more);
    expect(more).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('menuitem', { name: 'Turn off' }));
    expect(bridge.commands.at(-1)).toEqual({ type: 'service.set', id: 'a', enabled: false });
    expect(screen.queryByRole('menu')).toBeNull();
  });
});

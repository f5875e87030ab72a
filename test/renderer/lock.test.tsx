import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LockStatus } from '../../common/lock';
import { App } from '../../renderer/src/App';
import { appState, FakeBridge, service } from './fake-bridge';
import { renderShell } from './render';

const LOCKED: LockStatus = { set: true, locked: true, retryAt: null };

async function renderLocked(lock: LockStatus = LOCKED) {
  const state = appState([service('a', 'whatsapp', 'Shop WhatsApp')], {
    lock,
    notifications: [{ id: 'n1', serviceId: 'a', title: 'Layla Haddad', body: 'Is the blue dress in stock?', at: 1, read: false }],
    runtime: { a: { status: 'ready', unread: 7, titleUnread: 7, failures: 0, connected: true, degraded: false } },
  });
  const bridge = new FakeBridge(state);
  bridge.chats = { a: { loggedIn: true, unread: { direct: 7, indirect: 0 }, chats: [{ id: 'c1', title: 'Layla Haddad', unread: 7, preview: 'Is the blue dress in stock?' }] } };
  const user = userEvent.setup();
  const result = render(<App bridge={bridge} />);
  await screen.findByRole('main', { name: 'Wasl is locked' });
  return { ...result, bridge, user };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the lock screen', () => {
  it('shows only the password field and the unlock button: no chat, name or count', async () => {
    const { container } = await renderLocked();
    expect(screen.getByLabelText('Password')).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Unlock' })).toBeDisabled();
    expect(screen.queryByRole('navigation')).toBeNull();
    for (const secret of ['Layla', 'Shop WhatsApp', 'dress', '7']) expect(container.textContent).not.toContain(secret);
  });

  it('sends the password and, once main unlocks, shows the window', async () => {
    const { bridge, user } = await renderLocked();
    await user.type(screen.getByLabelText('Password'), 'sesame');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(bridge.sent('lock.unlock')).toEqual([{ type: 'lock.unlock', password: 'sesame' }]);
    act(() => bridge.push({ lock: { ...LOCKED, locked: false } }));
    expect(await screen.findByRole('navigation')).toBeInTheDocument();
    expect(screen.queryByRole('main', { name: 'Wasl is locked' })).toBeNull();
  });

  it('says a wrong password is wrong, clears the field, and counts down a wait main imposes', async () => {
    const { bridge, user } = await renderLocked();
    bridge.respond = () => ({ ok: false, error: 'wrong-password' });
    const field = screen.getByLabelText('Password');
    await user.type(field, 'nope{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong password. Try again.');
    expect(field).toHaveValue('');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/Wrong password/u);

    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'setInterval', 'Date'] });
    act(() => bridge.push({ lock: { ...LOCKED, retryAt: Date.now() + 4_000 } }));
    expect(screen.getByText(/Too many wrong tries\. You can try again in 4 seconds\./u)).toBeInTheDocument();
    expect(field).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Unlock' })).toBeDisabled();
    act(() => {
      vi.advanceTimersByTime(2_000);
    });
    expect(screen.getByText(/in 2 seconds/u)).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(2_100);
    });
    expect(screen.queryByText(/Too many wrong tries/u)).toBeNull();
    expect(field).toBeEnabled();
  });

  it('says so when main could not check the password', async () => {
    const { bridge, user } = await renderLocked();
    bridge.respond = () => ({ ok: false, error: 'failed' });
    await user.type(screen.getByLabelText('Password'), 'sesame{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent("Wasl couldn't check the password. Try again.");
  });
});

describe('the app lock in the settings', () => {
  const open = async (lock?: LockStatus) => {
    const rendered = await renderShell(appState([service('a', 'whatsapp', 'WhatsApp')], lock ? { lock } : {}));
    await rendered.user.click(screen.getByRole('button', { name: 'Settings' }));
    const section = within(await screen.findByRole('region', { name: 'App lock' }));
    return { ...rendered, section };
  };

  it('sets a password, refusing a short one and two that differ before sending anything', async () => {
    const { bridge, user, section } = await open();
    await user.click(section.getByRole('button', { name: 'Set a password…' }));
    const next = section.getByLabelText('New password');
    expect(next).toHaveFocus();
    expect(next).toHaveAccessibleDescription(/At least 4 characters/u);
    await user.type(next, 'abc');
    await user.click(section.getByRole('button', { name: 'Save password' }));
    expect(next).toHaveAccessibleDescription('Too short: use at least 4 characters.');
    await user.type(next, 'd');
    await user.type(section.getByLabelText('Confirm the new password'), 'abce');
    await user.click(section.getByRole('button', { name: 'Save password' }));
    expect(section.getByLabelText('Confirm the new password')).toHaveAccessibleDescription('The two new passwords differ.');
    expect(bridge.sent('lock.set')).toEqual([]);

    await user.clear(section.getByLabelText('Confirm the new password'));
    await user.type(section.getByLabelText('Confirm the new password'), 'abcd');
    await user.click(section.getByRole('button', { name: 'Save password' }));
    expect(bridge.sent('lock.set')).toEqual([{ type: 'lock.set', password: 'abcd' }]);
    expect(await screen.findByText('Password set. Wasl will ask for it from now on.')).toBeInTheDocument();
  });

  it('with a password set: the inactivity choice, lock now, and a change that needs the current password', async () => {
    const { bridge, user, section } = await open({ set: true, locked: false, retryAt: null });
    const group = section.getByRole('radiogroup', { name: 'Lock after no use for' });
    expect(within(group).getAllByRole('radio').map((r) => r.parentElement?.textContent)).toEqual(['Never', '5 min', '15 min', '1 hr']);
    expect(within(group).getByRole('radio', { name: '15 min' })).toBeChecked();
    await user.click(within(group).getByRole('radio', { name: '1 hr' }));
    expect(bridge.sent('settings.set')).toEqual([{ type: 'settings.set', lockAfterMin: 60 }]);
    await user.click(section.getByRole('button', { name: 'Lock now' }));
    expect(bridge.sent('lock.lock')).toHaveLength(1);

    bridge.respond = (command) => (command.type === 'lock.set' ? { ok: false, error: 'wrong-password' } : { ok: true });
    await user.click(section.getByRole('button', { name: 'Change password…' }));
    await user.type(section.getByLabelText('Current password'), 'old1');
    await user.type(section.getByLabelText('New password'), 'new-one');
    await user.type(section.getByLabelText('Confirm the new password'), 'new-one');
    await user.click(section.getByRole('button', { name: 'Save password' }));
    expect(bridge.sent('lock.set')).toEqual([{ type: 'lock.set', password: 'new-one', current: 'old1' }]);
    expect(section.getByLabelText('Current password')).toHaveAccessibleDescription('The current password is wrong.');
    expect(section.getByLabelText('Current password')).toHaveValue('');
  });

  it('removes the password only with the current one, and says when the file could not be written', async () => {
    const { bridge, user, section } = await open({ set: true, locked: false, retryAt: null });
    await user.click(section.getByRole('button', { name: 'Remove password…' }));
    await user.click(section.getByRole('button', { name: 'Remove password' }));
    expect(section.getByLabelText('Current password')).toHaveAccessibleDescription('Enter your current password.');
    expect(bridge.sent('lock.remove')).toEqual([]);
    bridge.respond = () => ({ ok: false, error: 'failed' });
    await user.type(section.getByLabelText('Current password'), 'sesame');
    await user.click(section.getByRole('button', { name: 'Remove password' }));
    expect(bridge.sent('lock.remove')).toEqual([{ type: 'lock.remove', current: 'sesame' }]);
    expect(await section.findByRole('alert')).toHaveTextContent("Wasl couldn't save the password, so nothing changed. Try again.");
  });
});

import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../common/settings';
import { FOREVER } from '../../common/dnd';
import type { NotificationRecord } from '../../common/model';
import type { AppState } from '../../common/state';
import { appState, service } from './fake-bridge';
import { chat, MINUTE, NOW, snapshot } from './inbox-data';
import { nth, renderShell } from './render';

const note = (id: string, serviceId: string, title: string, at: number, extra: Partial<NotificationRecord> = {}): NotificationRecord => ({
  id,
  serviceId,
  title,
  at,
  read: false,
  ...extra,
});

/** Ahmed on WhatsApp and Telegram (one person by phone), Sara on WhatsApp, and a Telegram notice about no chat. */
function trayState(extra: Partial<AppState> = {}): AppState {
  return appState([service('wa', 'whatsapp', 'Shop'), service('tg', 'telegram', 'Telegram')], {
    notifications: [
      note('n1', 'wa', 'Sara', NOW - 50 * MINUTE, { chatId: 's', body: 'Thanks!', read: true }),
      note('n2', 'wa', 'Ahmed', NOW - 40 * MINUTE, { chatId: 'a', body: 'Hello' }),
      note('n3', 'tg', 'Telegram', NOW - 30 * MINUTE, { body: 'New login from Chrome' }),
      note('n4', 'tg', 'Ahmed T', NOW - 20 * MINUTE, { chatId: 't', body: 'Voice message' }),
      note('n5', 'wa', 'Ahmed', NOW - 2 * MINUTE, { chatId: 'a', body: 'Is it ready?' }),
    ],
    ...extra,
  });
}

const chats = () => ({
  wa: snapshot([chat('a', 'Ahmed', { phone: '+966501234567', lastActivity: NOW - 2 * MINUTE }), chat('s', 'Sara', { lastActivity: NOW - 50 * MINUTE })]),
  tg: snapshot([chat('t', 'Ahmed T', { phone: '+966501234567', lastActivity: NOW - 20 * MINUTE })]),
});

const bell = () => screen.getByRole('button', { name: 'Notifications' });
const tray = () => screen.getByRole('dialog', { name: 'Notifications' });
const groups = () => within(within(tray()).getByRole('list', { name: 'Notifications' })).getAllByRole('listitem').filter((li) => li.classList.contains('tray-group'));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the notification tray', () => {
  it('the bell counts unread notifications and opens the panel, hiding the service page meanwhile', async () => {
    const { bridge, user } = await renderShell(trayState(), chats());
    expect(bell().closest('.sidebar-bell')?.querySelector('.badge')).toHaveTextContent('4');
    expect(bell()).toHaveAccessibleDescription('4 unread');
    expect(bridge.viewports.at(-1)).not.toBeNull();
    await user.click(bell());
    expect(bell()).toHaveAttribute('aria-expanded', 'true');
    expect(tray()).toHaveFocus();
    expect(bridge.viewports.at(-1)).toBeNull();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bell()).toHaveFocus();
    expect(bridge.viewports.at(-1)).not.toBeNull();
  });

  it('groups by person across platforms, newest first; a record about no chat stays with its service', async () => {
    const { user } = await renderShell(trayState(), chats());
    await user.click(bell());
    const shown = groups();
    expect(shown.map((g) => g.querySelector('.tray-group-name')?.textContent)).toEqual(['Ahmed', 'Telegram', 'Sara']);
    const ahmed = nth(shown, 0);
    expect(ahmed).toHaveClass('is-unread');
    expect(ahmed.querySelectorAll('.tray-group-platforms .tile')).toHaveLength(2);
    expect(ahmed.querySelector('.inbox-badge')).toHaveTextContent('3');
    // Each record's text, and who wrote when it is not the group's name.
    expect([...ahmed.querySelectorAll('.tray-record-text')].map((t) => t.textContent)).toEqual(['Is it ready?', 'Ahmed T: Voice message', 'Hello']);
    expect(within(ahmed).getAllByRole('button', { name: /Hello/u })).toHaveLength(1);
    expect([...ahmed.querySelectorAll('.tray-record time')].map((t) => t.textContent)).toEqual(['2 min', '20 min', '40 min']);
    expect(nth(shown, 2)).not.toHaveClass('is-unread');
    expect(within(ahmed).getAllByRole('button')[0]).toHaveAccessibleName('Ahmed, WhatsApp and Telegram, 3 unread, 2 min, Is it ready?');
  });

  it('a click on a group opens its newest chat and marks the group read; a record opens its own', async () => {
    const { bridge, user } = await renderShell(trayState(), chats());
    await user.click(bell());
    await user.click(within(nth(groups(), 0)).getAllByRole('button')[0] ?? tray());
    expect(bridge.sent('notifications.open')).toEqual([{ type: 'notifications.open', id: 'n5' }]);
    expect(bridge.sent('notifications.read')).toEqual([{ type: 'notifications.read', ids: ['n4', 'n2'] }]);
    // The chat opens in its service: the panel is done.
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.click(bell());
    await user.click(within(nth(groups(), 0)).getByRole('button', { name: 'Ahmed T: Voice message, 20 min' }));
    expect(bridge.sent('notifications.open').at(-1)).toEqual({ type: 'notifications.open', id: 'n4' });
  });

  it('marks all read, and clears after a confirmation', async () => {
    const { bridge, user } = await renderShell(trayState(), chats());
    await user.click(bell());
    await user.click(within(tray()).getByRole('button', { name: 'Mark all read' }));
    expect(bridge.sent('notifications.read')).toEqual([{ type: 'notifications.read' }]);

    await user.click(within(tray()).getByRole('button', { name: 'Clear…' }));
    const confirm = within(tray()).getByRole('group', { name: "Clear all notifications? This can't be undone." });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(bridge.sent('notifications.clear')).toEqual([]);
    await user.click(within(tray()).getByRole('button', { name: 'Clear…' }));
    await user.click(within(tray()).getByRole('button', { name: 'Clear' }));
    expect(bridge.sent('notifications.clear')).toEqual([{ type: 'notifications.clear' }]);

    bridge.push({ notifications: [] });
    expect(within(tray()).getByText('No notifications.')).toBeInTheDocument();
    expect(within(tray()).getByRole('button', { name: 'Mark all read' })).toBeDisabled();
    expect(bell().closest('.sidebar-bell')?.querySelector('.badge')).toBeNull();
  });

  it('do not disturb: off, on, for an hour, until 8:00; quiet hours; private mode; sound', async () => {
    const { bridge, user } = await renderShell(trayState(), chats());
    await user.click(bell());
    const dnd = within(tray()).getByRole('radiogroup', { name: 'Do not disturb' });
    expect(within(dnd).getByRole('radio', { name: 'Off' })).toBeChecked();
    await user.click(within(dnd).getByRole('radio', { name: '1 hour' }));
    expect(bridge.sent('settings.set').at(-1)).toEqual({ type: 'settings.set', notifications: { dndUntil: NOW + 3_600_000 } });
    // It is 14:20: the next 8:00 is tomorrow's.
    await user.click(within(dnd).getByRole('radio', { name: 'Until 8:00 AM' }));
    expect(bridge.sent('settings.set').at(-1)).toEqual({ type: 'settings.set', notifications: { dndUntil: new Date(2026, 10, 22, 8, 0).getTime() } });

    bridge.push({ settings: { ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, dndUntil: new Date(2026, 10, 22, 8, 0).getTime() } } });
    expect(within(dnd).getByRole('radio', { name: 'Until 8:00 AM' })).toBeChecked();
    expect(within(tray()).getByText('On until Sun 8:00 AM')).toBeInTheDocument();
    await user.click(within(dnd).getByRole('radio', { name: 'Off' }));
    expect(bridge.sent('settings.set').at(-1)).toEqual({ type: 'settings.set', notifications: { dndUntil: null } });

    await user.click(within(dnd).getByRole('radio', { name: 'On' }));
    expect(bridge.sent('settings.set').at(-1)).toEqual({ type: 'settings.set', notifications: { dndUntil: FOREVER } });
    bridge.push({ settings: { ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, dndUntil: FOREVER } } });
    expect(within(dnd).getByRole('radio', { name: 'On' })).toBeChecked();
    expect(within(tray()).queryByText(/On until/)).toBeNull();

    const quiet = within(tray()).getByRole('switch', { name: 'Quiet hours every day' });
    expect(within(tray()).getByLabelText('From')).toBeDisabled();
    await user.click(quiet);
    expect(bridge.sent('settings.set').at(-1)).toEqual({ type: 'settings.set', notifications: { quietHours: { enabled: true, from: '22:00', to: '08:00' } } });

    await user.click(within(tray()).getByRole('switch', { name: 'Private mode' }));
    expect(bridge.sent('settings.set').at(-1)).toEqual({ type: 'settings.set', notifications: { privateMode: true } });
    expect(within(tray()).getByRole('switch', { name: 'Private mode' })).toHaveAccessibleDescription('Pop-up notifications say who wrote, never what.');
    await user.click(within(tray()).getByRole('switch', { name: 'Sound' }));
    expect(bridge.sent('settings.set').at(-1)).toEqual({ type: 'settings.set', notifications: { sound: false } });
  });

  it('changes quiet hours when a valid time is entered', async () => {
    const quietOn = { ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, quietHours: { enabled: true, from: '22:00', to: '08:00' } } };
    const { bridge, user } = await renderShell(trayState({ settings: quietOn }), chats());
    await user.click(bell());
    // 14:20 is outside 22:00–08:00.
    // A time field's value changes as a whole, once it is a valid time.
    fireEvent.change(within(tray()).getByLabelText('From'), { target: { value: '23:30' } });
    expect(bridge.sent('settings.set').at(-1)).toEqual({ type: 'settings.set', notifications: { quietHours: { enabled: true, from: '23:30', to: '08:00' } } });
    expect(within(tray()).queryByText(/Quiet hours until/u)).toBeNull();
    fireEvent.change(within(tray()).getByLabelText('To'), { target: { value: '' } });
    expect(bridge.sent('settings.set')).toHaveLength(1);
  });
});

describe('a suggested answer in the tray', () => {
  it('is offered under the person who waits for it, and a click types it into their chat and closes the panel', async () => {
    const state = trayState({
      quickReplies: [{ id: 'q1', name: 'Ready times', body: 'Hi {first_name}, it is ready at 5.', triggers: ['ready'] }],
      settings: { ...DEFAULT_SETTINGS, shop: { ...DEFAULT_SETTINGS.shop, greeting: 'Welcome!' } },
    });
    const waiting = {
      wa: snapshot([
        chat('a', 'Ahmed', { phone: '+966501234567', lastActivity: NOW - 2 * MINUTE, unread: 1, preview: 'Is it ready?', activity: { first: NOW - 9 * 24 * 60 * MINUTE, lastIn: NOW - 2 * MINUTE, waitingSince: NOW - 40 * MINUTE } }),
        chat('s', 'Sara', { lastActivity: NOW - 50 * MINUTE, preview: 'Thanks!', activity: { first: NOW - 60 * MINUTE, lastIn: NOW - 50 * MINUTE, lastOut: NOW - 45 * MINUTE } }),
      ]),
      tg: snapshot([chat('t', 'Ahmed T', { phone: '+966501234567', lastActivity: NOW - 20 * MINUTE })]),
    };
    const { bridge, user } = await renderShell(state, waiting);
    await user.click(bell());
    const ahmed = nth(groups(), 0);
    const chip = within(ahmed).getByRole('button', { name: 'Type the suggested answer: Ready times' });
    // Sara was answered: nothing offered.
    expect(groups().filter((g) => g.querySelector('.suggestion-chip') !== null)).toEqual([ahmed]);
    await user.click(chip);
    expect(bridge.sent('service.insertText')).toEqual([{ type: 'service.insertText', id: 'wa', chatId: 'a', text: 'Hi Ahmed, it is ready at 5.' }]);
    expect(screen.queryByRole('dialog', { name: 'Notifications' })).toBeNull();
  });
});

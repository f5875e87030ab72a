/** The resources screen: what each service and Wasl use, and sleep, wake and power choices per service. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { initialRuntime } from '../../common/state';
import { appState, service } from './fake-bridge';
import { named, renderShell } from './render';

const MIB = 1024;
const SLEPT_AT = new Date(2026, 10, 21, 9, 30).getTime();

function shopState() {
  const state = appState([service('wa', 'whatsapp', 'Shop WhatsApp'), service('tg', 'telegram', 'Telegram', { alwaysOn: true }), service('ig', 'instagram', 'Instagram', { sleepAfterMin: 60 }), service('sl', 'slack', 'Team', { enabled: false })]);
  state.runtime['ig'] = { ...initialRuntime(true), status: 'asleep', asleepSince: SLEPT_AT };
  return state;
}

async function openResources() {
  const rendered = await renderShell(shopState());
  rendered.bridge.usage = {
    at: 0,
    services: { wa: { memoryKiB: 180 * MIB, cpuPercent: 2.5 }, tg: { memoryKiB: 1.5 * 1024 * MIB, cpuPercent: 0.5 } },
    app: { memoryKiB: 150 * MIB, cpuPercent: 1, processes: [{ type: 'Browser', memoryKiB: 100 * MIB, cpuPercent: 1 }, { type: 'GPU', memoryKiB: 50 * MIB, cpuPercent: 0 }] },
    total: { memoryKiB: 1866 * MIB, cpuPercent: 4 },
  };
  rendered.bridge.action('open-resources');
  const dialog = await screen.findByRole('dialog', { name: 'Resources' });
  await within(dialog).findByText('In all: 1.8 GB, 4% CPU. 1 service asleep.');
  return { ...rendered, dialog };
}

/** A service's rows (its figures, and its power choices below them), or Wasl's. */
const rowOf = (dialog: HTMLElement, name: string) => {
  const row = within(dialog).getAllByRole('row').find((r) => within(r).queryByRole('rowheader', { name: new RegExp(name, 'u') }) !== null);
  if (row === undefined) throw new Error(`no row for ${name}`);
  return row.parentElement ?? row;
};

describe('the resources screen', () => {
  it('shows each service’s memory and CPU, its state, Wasl’s own processes and the total', async () => {
    const { dialog } = await openResources();
    const cells = (name: string) => within(rowOf(dialog, name)).getAllByRole('cell').slice(0, 2).map((c) => c.textContent);
    expect(cells('Shop WhatsApp')).toEqual(['180 MB', '2.5%']);
    expect(cells('Telegram')).toEqual(['1.5 GB', '0.5%']);
    expect(cells('Instagram')).toEqual(['—', '—']);
    expect(within(rowOf(dialog, 'Instagram')).getByText(/^Asleep since (09:30|9:30\sAM)$/u)).toBeInTheDocument();
    expect(within(rowOf(dialog, 'Shop WhatsApp')).getByText('Awake')).toBeInTheDocument();
    expect(within(rowOf(dialog, 'Team')).getByText('Turned off')).toBeInTheDocument();
    expect(within(rowOf(dialog, 'Wasl itself')).getByText('main 100 MB · graphics 50 MB')).toBeInTheDocument();
    expect(cells('Wasl itself')).toEqual(['150 MB', '1%']);
  });

  it('says how well each service’s page is read, what its reader cannot find, and what the user can do', async () => {
    const state = shopState();
    const health = { rows: 25, chats: 25, badges: 3, titleUnread: null, missing: ['composer'], lastGoodRead: SLEPT_AT };
    state.runtime['wa'] = { ...initialRuntime(true), status: 'ready', connected: true, health };
    state.runtime['tg'] = { ...initialRuntime(true), status: 'ready', connected: true, health: { ...health, rows: 0, chats: 0, badges: 0, missing: ['list', 'rows'] } };
    const rendered = await renderShell(state);
    rendered.bridge.action('open-resources');
    const dialog = await screen.findByRole('dialog', { name: 'Resources' }, { timeout: 10_000 });
    const line = (name: string) => within(rowOf(dialog, name)).getByText(/^Reading its page:/u).parentElement?.textContent ?? '';
    expect(line('Shop WhatsApp')).toMatch(/^Reading its page: Reads 25 chats · 3 with unread messages · last good read (09:30|9:30\sAM) · not on the page now: the message box$/u);
    expect(line('Telegram')).toMatch(/can't find the chat list and the chat rows: the platform may have changed its page$/u);
    expect(within(rowOf(dialog, 'Instagram')).getByText('Its reader has not reported yet.')).toBeInTheDocument();
  });

  it('names every hook a reader can miss in the user’s words, and one from a newer connector as it is', async () => {
    const state = shopState();
    const missing = ['sidebar', 'homeTab', 'rail', 'unreadMarks', 'badges', 'futureHook'];
    state.runtime['wa'] = { ...initialRuntime(true), status: 'ready', connected: true, health: { rows: 4, chats: 4, badges: 0, titleUnread: null, missing, lastGoodRead: SLEPT_AT } };
    const rendered = await renderShell(state);
    rendered.bridge.action('open-resources');
    const dialog = await screen.findByRole('dialog', { name: 'Resources' }, { timeout: 10_000 });
    const line = within(rowOf(dialog, 'Shop WhatsApp')).getByText(/^Reading its page:/u).parentElement?.textContent ?? '';
    expect(line).toMatch(/not on the page now: the sidebar, the Home tab, the server list, unread badges,? and futureHook$/u);
  });

  it('measures again while open, and stops once closed', async () => {
    const { bridge, dialog, user } = await openResources();
    const before = bridge.resourceCalls;
    await waitFor(() => expect(bridge.resourceCalls).toBeGreaterThan(before), { timeout: 3_000 });
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    const closed = bridge.resourceCalls;
    await new Promise((resolve) => setTimeout(resolve, 2_300));
    expect(bridge.resourceCalls).toBe(closed);
  });

  it('sleeps an awake service, opens a sleeping one, and sets always on, sleep after and check every', async () => {
    const { bridge, dialog, user } = await openResources();
    await user.click(within(rowOf(dialog, 'Shop WhatsApp')).getByRole('button', { name: named('Put Shop WhatsApp to sleep now') }));
    expect(bridge.sent('service.sleep')).toEqual([{ type: 'service.sleep', id: 'wa' }]);
    await user.click(within(rowOf(dialog, 'Instagram')).getByRole('button', { name: named('Open Instagram now') }));
    expect(bridge.sent('service.activate')).toEqual([{ type: 'service.activate', id: 'ig' }]);

    const wa = within(rowOf(dialog, 'Shop WhatsApp'));
    await user.click(wa.getByRole('switch', { name: 'Always on' }));
    expect(bridge.sent('service.set').at(-1)).toEqual({ type: 'service.set', id: 'wa', alwaysOn: true });
    const sleepAfter = wa.getByRole('combobox', { name: 'Sleep after' });
    expect(sleepAfter).toHaveDisplayValue('Default (30 min)');
    await user.selectOptions(sleepAfter, '2 hr');
    expect(bridge.sent('service.set').at(-1)).toEqual({ type: 'service.set', id: 'wa', sleepAfterMin: 120 });
    await user.selectOptions(wa.getByRole('combobox', { name: 'Check every' }), 'Only when opened');
    expect(bridge.sent('service.set').at(-1)).toEqual({ type: 'service.set', id: 'wa', checkEveryMin: 0 });

    const tg = within(rowOf(dialog, 'Telegram'));
    expect(tg.getByRole('switch', { name: 'Always on' })).toBeChecked();
    expect(tg.getByRole('combobox', { name: 'Sleep after' })).toBeDisabled();
    expect(within(rowOf(dialog, 'Instagram')).getByRole('combobox', { name: 'Sleep after' })).toHaveDisplayValue('1 hr');
  });

  it('says so when Wasl cannot measure, and keeps the services’ actions', async () => {
    const rendered = await renderShell(shopState());
    rendered.bridge.resources = () => Promise.reject(new Error('gone'));
    rendered.bridge.action('open-resources');
    const dialog = await screen.findByRole('dialog', { name: 'Resources' });
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Wasl could not measure its processes just now');
    expect(within(rowOf(dialog, 'Shop WhatsApp')).getAllByRole('cell')[0]).toHaveTextContent('—');
    expect(within(rowOf(dialog, 'Shop WhatsApp')).getByRole('button', { name: named('Reload Shop WhatsApp') })).toBeEnabled();
  });

  it('offers sleep and always on in a service’s menu', async () => {
    const { bridge, user } = await renderShell(shopState());
    await user.pointer({ keys: '[MouseRight]', target: screen.getByRole('tab', { name: 'Shop WhatsApp' }) });
    await user.click(await screen.findByRole('menuitem', { name: 'Sleep Now' }));
    expect(bridge.sent('service.sleep')).toEqual([{ type: 'service.sleep', id: 'wa' }]);
    await user.pointer({ keys: '[MouseRight]', target: screen.getByRole('tab', { name: 'Instagram' }) });
    expect(await screen.findByRole('menuitem', { name: 'Sleep Now' })).toHaveAttribute('aria-disabled', 'true');
  });
});

/**
 * The resources screen: what each service and Wasl use, sleep, wake and power choices per service, the policy in
 * force now and why, sleep in business hours and the memory budget, and the connector pack.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Command, CommandResult } from '../../common/ipc';
import { BUILT_IN_PACK_VERSION } from '../../common/pack-version';
import type { ResourceReport } from '../../common/resources';
import { DEFAULT_SETTINGS } from '../../common/settings';
import { initialRuntime, type AppState } from '../../common/state';
import { appState, service } from './fake-bridge';
import { named, plain, renderShell } from './render';

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

  it('names the connector pack each service’s page reads with, once its reader has said', async () => {
    const state = shopState();
    const health = { rows: 25, chats: 25, badges: 3, titleUnread: null, missing: [], lastGoodRead: SLEPT_AT };
    state.runtime['wa'] = { ...initialRuntime(true), status: 'ready', connected: true, health: { ...health, packVersion: '1.3.0' } };
    state.runtime['tg'] = { ...initialRuntime(true), status: 'ready', connected: true, health };
    const rendered = await renderShell(state);
    rendered.bridge.action('open-resources');
    const dialog = await screen.findByRole('dialog', { name: 'Resources' }, { timeout: 10_000 });
    const line = (name: string) => within(rowOf(dialog, name)).getByText(/^Reading its page:/u).parentElement?.textContent ?? '';
    expect(line('Shop WhatsApp')).toMatch(/ · Connector pack 1\.3\.0$/u);
    expect(line('Telegram')).not.toMatch(/Connector pack/u);
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

describe('the resources screen’s connector pack', () => {
  const BUILT = '2026-03-01T10:00:00.000Z';

  async function openPack(packs: Partial<AppState['packs']> = {}, language: 'en' | 'ar' = 'en') {
    const state = appState([service('wa', 'whatsapp', 'Shop WhatsApp'), service('tg', 'telegram', 'Telegram')], {
      packs: { builtIn: BUILT_IN_PACK_VERSION, pinBuiltIn: false, rolledBack: [], ...packs },
      settings: { ...DEFAULT_SETTINGS, language },
    });
    const rendered = await renderShell(state);
    rendered.bridge.action('open-resources');
    const dialog = await screen.findByRole('dialog', { name: language === 'en' ? 'Resources' : 'الموارد' }, { timeout: 10_000 });
    const section = within(dialog).getByRole('region', { name: language === 'en' ? 'Connector pack' : 'حزمة الموصلات' });
    return { ...rendered, section: within(section), text: () => plain(section.textContent) };
  }

  it('says the built-in pack is in use when none was downloaded', async () => {
    const { section, text } = await openPack();
    expect(text()).toContain(`In use: the pack built into Wasl, version ${BUILT_IN_PACK_VERSION}.`);
    expect(section.getByRole('switch', { name: 'Keep the built-in pack' })).not.toBeChecked();
    expect(section.queryByRole('list')).toBeNull();
  });

  it('says which downloaded pack is in use and when it was built, and each platform that went back and why', async () => {
    const { section, text } = await openPack({
      downloaded: { version: '1.3.0', builtAt: BUILT },
      rolledBack: [
        { platform: 'whatsapp', from: '1.3.0', to: '1.2.0', at: 1 },
        { platform: 'telegram', from: '1.3.0', to: BUILT_IN_PACK_VERSION, at: 2 },
      ],
    });
    expect(text()).toContain('In use: downloaded pack 1.3.0, built Mar 1, 2026.');
    expect(section.getAllByRole('listitem').map((item) => plain(item.textContent))).toEqual([
      'WhatsApp went back to pack 1.2.0 because 1.3.0 found no chats.',
      `Telegram went back to the built-in pack ${BUILT_IN_PACK_VERSION} because 1.3.0 found no chats.`,
    ]);
  });

  it.each([
    ['unreadable', 'its file could not be read'],
    ['unknown-key', 'it was signed with a key Wasl does not trust'],
    ['bad-signature', 'its signature does not match it, so it may have been changed on the way'],
    ['bad-manifest', 'its list of contents is not valid'],
    ['file-mismatch', 'a file in it is not the one that was signed'],
    ['not-newer', 'it is not newer than the pack in use'],
    ['app-out-of-range', 'it is made for another version of Wasl'],
    ['too-large', 'it is far larger than a pack can be'],
  ] as const)('says in plain words why the last pack was not used: %s', async (reason, words) => {
    const { text } = await openPack({ lastRefusal: { reason, version: '1.4.0', at: 3 } });
    expect(text()).toContain(`Pack 1.4.0 was not used: ${words}.`);
  });

  it('says a pack that could not be downloaded was not used, without a version it never learnt', async () => {
    const { text } = await openPack({ lastRefusal: { reason: 'download-failed', at: 3 } });
    expect(text()).toContain('A new pack was not used: it could not be downloaded; Wasl tries again later.');
  });

  it('keeps the built-in pack with its switch, and lets downloaded packs back with it', async () => {
    const { bridge, section, text, user } = await openPack({ downloaded: { version: '1.3.0', builtAt: BUILT }, rolledBack: [{ platform: 'whatsapp', from: '1.3.0', to: '1.2.0', at: 1 }] });
    const pin = section.getByRole('switch', { name: 'Keep the built-in pack' });
    expect(pin).toHaveAccessibleDescription('Every service reads its page with the connectors that came with this version of Wasl, from its next reload.');
    await user.click(pin);
    expect(bridge.sent('packs.pinBuiltIn')).toEqual([{ type: 'packs.pinBuiltIn', pinned: true }]);
    bridge.push({ packs: { ...bridge.state.packs, pinBuiltIn: true } });
    expect(pin).toBeChecked();
    expect(text()).toContain(`In use: the pack built into Wasl, version ${BUILT_IN_PACK_VERSION}. Downloaded pack 1.3.0 waits until you let services use it.`);
    // Pinned, no platform takes a downloaded pack: a rollback says nothing then.
    expect(section.queryByRole('list')).toBeNull();
    await user.click(pin);
    expect(bridge.sent('packs.pinBuiltIn').at(-1)).toEqual({ type: 'packs.pinBuiltIn', pinned: false });
  });

  it('offers no check where the build checks no feed, and says why', async () => {
    const { section, text } = await openPack({ noFeed: true });
    expect(section.queryByRole('button', { name: 'Check now' })).toBeNull();
    expect(text()).toContain('This build checks for no new packs: development builds check only a feed given in WASL_PACK_FEED.');
  });

  it('checks for a new pack now, says so while it checks, and when it last did', async () => {
    const { bridge, section, user } = await openPack();
    let answer: (result: CommandResult) => void = () => undefined;
    const sent: Command[] = [];
    bridge.command = (command) => {
      sent.push(command);
      return new Promise((resolve) => (answer = resolve));
    };
    const button = section.getByRole('button', { name: 'Check now' });
    await user.click(button);
    expect(sent).toEqual([{ type: 'packs.check' }]);
    expect(section.getByRole('status')).toHaveTextContent('Checking for a new pack…');
    expect(button).toBeDisabled();
    const checkedAt = Date.now();
    bridge.push({ packs: { ...bridge.state.packs, lastCheck: checkedAt } });
    await act(async () => {
      answer({ ok: true });
      await Promise.resolve();
    });
    expect(button).toBeEnabled();
    const moment = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(checkedAt);
    expect(plain(section.getByRole('status').textContent)).toBe(`Last checked: ${moment}.`);
  });

  it('tells the user when the check could not run', async () => {
    const { bridge, section, user } = await openPack();
    bridge.respond = () => ({ ok: false, error: 'invalid', detail: 'no-pack-feed' });
    await user.click(section.getByRole('button', { name: 'Check now' }));
    await waitFor(() => expect(plain(document.querySelector('[aria-live] span:last-child')?.textContent ?? '')).toBe('Wasl could not check for a new pack just now.'));
  });

  it('says it all in Arabic, the versions kept in Latin digits as the app writes them', async () => {
    const { section, text } = await openPack(
      { downloaded: { version: '1.3.0', builtAt: BUILT }, rolledBack: [{ platform: 'whatsapp', from: '1.3.0', to: '1.2.0', at: 1 }], lastRefusal: { reason: 'bad-signature', version: '1.4.0', at: 3 } },
      'ar',
    );
    const built = new Intl.DateTimeFormat('ar', { dateStyle: 'medium' }).format(new Date(BUILT));
    expect(text()).toContain(`المستخدمة الآن: الحزمة المنزّلة 1.3.0، المبنية في ${built}.`);
    expect(plain(section.getByRole('listitem').textContent)).toBe('عاد WhatsApp إلى الحزمة 1.2.0 لأن الحزمة 1.3.0 لم تجد أي محادثة.');
    expect(text()).toContain('لم تُستخدم الحزمة 1.4.0: توقيعها لا يطابقها، فربما عُدّلت في الطريق.');
    expect(section.getByRole('switch', { name: 'الإبقاء على الحزمة المدمجة' })).toBeInTheDocument();
    expect(section.getByRole('button', { name: 'البحث الآن' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
  });
});

describe('the resources screen: sleep in business hours and the memory budget', () => {
  const MIN = 60_000;
  const POWER: NonNullable<ResourceReport['power']> = {
    openHoursMode: 'awake',
    services: {
      wa: { policy: { alwaysOn: false, sleepAfterMs: null, checkEveryMs: 2 * MIN }, reason: 'open-hours' },
      tg: { policy: { alwaysOn: true, sleepAfterMs: null, checkEveryMs: 15 * MIN }, reason: 'default' },
      ig: { policy: { alwaysOn: false, sleepAfterMs: 60 * MIN, checkEveryMs: 2 * MIN }, reason: 'customer-waiting' },
      ms: { policy: { alwaysOn: false, sleepAfterMs: 0, checkEveryMs: 15 * MIN }, reason: 'memory-budget' },
    },
  };

  async function openSleep(settings: Partial<AppState['settings']> = {}, power: ResourceReport['power'] | null = POWER, language: 'en' | 'ar' = 'en') {
    const state = appState([service('wa', 'whatsapp', 'Shop WhatsApp'), service('tg', 'telegram', 'Telegram', { alwaysOn: true }), service('ig', 'instagram', 'Instagram'), service('ms', 'messenger', 'Messenger')], {
      settings: { ...DEFAULT_SETTINGS, language, shop: { ...DEFAULT_SETTINGS.shop, hoursEnabled: true }, ...settings },
    });
    const rendered = await renderShell(state);
    rendered.bridge.usage = { at: 0, services: {}, app: { memoryKiB: 0, cpuPercent: 0, processes: [] }, total: { memoryKiB: 0, cpuPercent: 0 }, ...(power ? { power } : {}) };
    rendered.bridge.action('open-resources');
    const dialog = await screen.findByRole('dialog', { name: language === 'en' ? 'Resources' : 'الموارد' }, { timeout: 10_000 });
    const section = within(dialog).getByRole('region', { name: language === 'en' ? 'Sleep in business hours and memory' : 'السكون في ساعات العمل والذاكرة' });
    return { ...rendered, dialog, section: within(section), text: () => plain(section.textContent) };
  }
  const policyOf = (dialog: HTMLElement, name: string) => plain(rowOf(dialog, name).querySelector('.resources-policy')?.textContent ?? null);

  it('shows each service’s policy in force now and why', async () => {
    const { dialog } = await openSleep();
    await waitFor(() => expect(policyOf(dialog, 'Shop WhatsApp')).toBe('Now: stays awake open hours'));
    expect(policyOf(dialog, 'Telegram')).toBe('Now: stays awake default');
    expect(policyOf(dialog, 'Instagram')).toBe('Now: sleeps after 1 hr, checks every 2 min customer waiting');
    expect(policyOf(dialog, 'Messenger')).toBe('Now: sleeps at once, checks every 15 min memory budget');
    expect(within(rowOf(dialog, 'Messenger')).getByText('memory budget')).toHaveClass('resources-reason-memory-budget');
  });

  it('shows no policy line before main has said', async () => {
    const { dialog } = await openSleep({}, null);
    await within(dialog).findByText('In all: 0 MB, 0% CPU. 0 services asleep.');
    expect(rowOf(dialog, 'Shop WhatsApp').querySelector('.resources-policy')).toBeNull();
  });

  it('sets what customer services do in business hours, and names what Automatic chose on this computer', async () => {
    const { bridge, section, user } = await openSleep();
    const mode = section.getByRole('combobox', { name: 'In business hours, services with customers' });
    await waitFor(() => expect(mode).toHaveDisplayValue('Automatic: Stay awake'));
    expect(within(mode).getAllByRole('option').map((o) => o.textContent)).toEqual(['Automatic: Stay awake', 'Stay awake', 'Check every 2 min']);
    await user.selectOptions(mode, 'Check every 2 min');
    expect(bridge.sent('settings.set').at(-1)).toEqual({ type: 'settings.set', power: { openHours: 'check' } });
    await user.selectOptions(mode, 'Stay awake');
    expect(bridge.sent('settings.set').at(-1)).toEqual({ type: 'settings.set', power: { openHours: 'awake' } });
  });

  it('sets the services’ memory budget', async () => {
    const { bridge, section, user } = await openSleep({ power: { openHours: 'auto', budgetMB: 2048 } });
    const budget = section.getByRole('combobox', { name: 'Memory budget for services' });
    expect(budget).toHaveDisplayValue('2 GB');
    await user.selectOptions(budget, '1.5 GB');
    expect(bridge.sent('settings.set').at(-1)).toEqual({ type: 'settings.set', power: { budgetMB: 1536 } });
    await user.selectOptions(budget, 'None');
    expect(bridge.sent('settings.set').at(-1)).toEqual({ type: 'settings.set', power: { budgetMB: 0 } });
  });

  it('says services follow their own settings while business hours are not set', async () => {
    const { text } = await openSleep({ shop: { ...DEFAULT_SETTINGS.shop, hoursEnabled: false } });
    expect(text()).toContain('Business hours are not set (Shop & hours), so services follow their own settings.');
    expect(text()).not.toContain('A service counts as one with customers');
  });

  it('says which services count as having customers while business hours are set', async () => {
    const { text } = await openSleep();
    expect(text()).toContain('A service counts as one with customers when a customer wrote in it in the last 14 days.');
    expect(text()).not.toContain('Business hours are not set');
  });

  it('says it in Arabic', async () => {
    const { dialog, section } = await openSleep({}, { ...POWER, openHoursMode: 'check' }, 'ar');
    await waitFor(() => expect(policyOf(dialog, 'Instagram')).toContain('عميل ينتظر'));
    expect(section.getByRole('combobox', { name: 'في ساعات العمل، الخدمات التي فيها عملاء' })).toHaveDisplayValue(/^تلقائي: تتحقق كل/u);
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
  });
});

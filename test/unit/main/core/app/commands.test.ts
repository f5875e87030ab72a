/**
 * Every command of the IPC contract, sent by the shell through main's router (main/index.ts on the fake Electron),
 * must cause the state or effect it names. One row per command type, keyed by the type so the compiler refuses a
 * table without a row for a new command; a command validated and answered "ok" but dropped fails its row.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../../../common/channels';
import { commandSchema, LIMITS, type Command, type CommandResult } from '../../../../../common/ipc';
import type { AppState } from '../../../../../common/state';
import { commandTable, dispatchCommand, type CommandTargets } from '../../../../../main/core/app/commands';
import { OUTLINE_FORMAT, OUTLINE_LIMITS, type PageOutline } from '../../../../../common/outline';
import { qrSvg } from '../../../../../common/shop/qr-code';
import { FIELD_ID } from '../../../../../common/shop/fields';
import { DEFAULT_PACK_FEED } from '../../../../../main/core/packs/updates';
import { FakeDownloadItem, FakeEvent } from '../../../../fakes/electron';
import { packBytes, testKey } from '../../../../support/signed-packs';
import { FakeCapturedImage } from '../../../../fakes/electron';
import { bootMain, goodSettings, SERVICES, type BootOptions, type MainUnderTest } from '../../../hostile/main-under-test';

vi.mock('electron', async () => (await import('../../../hostile/main-under-test')).fakeElectronModule());
vi.mock('electron-store', async () => (await import('../../../hostile/main-under-test')).fakeElectronStore());

/** What a page's outline looks like: a list of one row, every text a shape. */
const SMALL_OUTLINE: PageOutline = {
  format: OUTLINE_FORMAT,
  wasl: 'a page cannot say',
  platform: 'telegram',
  savedAt: '2026-03-01T10:00:00.000Z',
  url: 'https://web.whatsapp.com/',
  limits: OUTLINE_LIMITS,
  stats: { elements: 3, texts: 1, shadowRoots: 0, frames: 0, textsShortened: 0 },
  omitted: { depth: 0, nodes: 0, size: 0 },
  complete: true,
  root: { tag: 'html', children: [{ tag: 'body', children: [{ tag: 'div', attrs: [['role', 'list']], children: [{ text: 'Latn5' }] }] }] },
};

interface Row {
  /** The settings file the start reads (goodSettings() by default), and how Wasl starts. */
  settings?: Record<string, unknown>;
  boot?: BootOptions;
  /** What must be true before the command (a chat reported, a password set…). */
  before?: (main: MainUnderTest) => Promise<void>;
  /** The command, or how to make it from main's state once `before` ran (for ids main chose). */
  command: Command | ((state: AppState) => Command);
  /** Throws unless the command did what it names. `before` is main's state just before the command. */
  effect: (main: MainUnderTest, result: CommandResult, before: AppState) => Promise<void> | void;
}

async function send(main: MainUnderTest, cmd: Command): Promise<CommandResult> {
  const handler = main.fake.ipcMain.handlers.get(CHANNELS.command);
  if (!handler) throw new Error('app:command is not wired');
  return (await handler(main.event('shell'), cmd)) as CommandResult;
}

/** A message from a service page (a send channel), as its view's main frame sends it. */
async function fromPage(main: MainUnderTest, serviceId: string, channel: string, payload: unknown): Promise<void> {
  const listener = main.fake.ipcMain.listeners.get(channel);
  if (!listener) throw new Error(`${channel} is not wired`);
  listener(main.event('service', serviceId), payload);
  await main.advance(0);
}

const sentTo = (main: MainUnderTest, serviceId: string, channel: string): unknown[][] =>
  main.view(serviceId).webContents.sent.filter((m) => m.channel === channel).map((m) => m.args);

const reported = (main: MainUnderTest, serviceId: string) =>
  fromPage(main, serviceId, CHANNELS.serviceUpdate, {
    seq: 0,
    reset: true,
    loggedIn: true,
    unread: { direct: 1, indirect: 0 },
    upsert: [{ id: '966501234567@c.us', title: 'Layla', unread: 1, preview: 'Is it in stock?' }],
    remove: [],
  });

const notified = (main: MainUnderTest) =>
  fromPage(main, 'wa1', CHANNELS.serviceNotification, { id: 'page-1', title: 'Layla', body: 'Is it in stock?', chatId: '966501234567@c.us', derived: false });

const onDisk = (main: MainUnderTest): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(main.profile, 'settings.json'), 'utf8')) as Record<string, unknown>;

/** The download a row's `before` started on wa1's page, saved straight into the profile folder. */
let item: FakeDownloadItem | undefined;
const fileDownloaded = async (main: MainUnderTest, name = 'invoice.pdf', done = true): Promise<FakeDownloadItem> => {
  main.fake.dialog.answers.open = main.profile;
  await send(main, { type: 'downloads.chooseFolder' });
  const started = new FakeDownloadItem(name, 'https://web.whatsapp.com/d/1', 10);
  main.view('wa1').webContents.session.emit('will-download', new FakeEvent(), started, main.view('wa1').webContents);
  if (done) {
    fs.writeFileSync(started.savePath, 'PDF');
    started.finish('completed');
  }
  item = started;
  return started;
};
const firstDownload = (state: AppState): string => state.downloads?.[0]?.id ?? 'none';
const downloadsOnDisk = (main: MainUnderTest): { downloads: { fileName: string; state: string }[] } =>
  JSON.parse(fs.readFileSync(path.join(main.profile, 'downloads.json'), 'utf8')) as { downloads: { fileName: string; state: string }[] };

const PASSWORD = 'open-sesame-1';
const setPassword = async (main: MainUnderTest) => {
  expect(await send(main, { type: 'lock.set', password: PASSWORD })).toEqual({ ok: true });
};
const downloaded = (main: MainUnderTest) => main.downloadUpdate('9.9.9');

const ROWS = {
  'service.add': {
    command: { type: 'service.add', platform: 'instagram', name: 'Boutique' },
    effect: async (main, result) => {
      const state = await main.state();
      const added = state.services.at(-1);
      expect(result).toEqual({ ok: true, id: added?.id });
      expect(added).toMatchObject({ platform: 'instagram', name: 'Boutique', enabled: true });
      expect(state.activeServiceId).toBe(added?.id);
      expect(main.view(added?.id ?? '').webContents.loads).toEqual(['https://www.instagram.com/direct/inbox/']);
    },
  },
  'service.rename': {
    command: { type: 'service.rename', id: 'tg1', name: 'دعم العملاء' },
    effect: async (main) => expect((await main.state()).services[1]?.name).toBe('دعم العملاء'),
  },
  'service.move': {
    command: { type: 'service.move', id: 'tg1', index: 0 },
    effect: async (main) => expect((await main.state()).services.map((s) => s.id)).toEqual(['tg1', 'wa1']),
  },
  'service.set': {
    command: { type: 'service.set', id: 'wa1', muted: true, callsAllowed: true, alwaysOn: true, sleepAfterMin: 60, checkEveryMin: 0 },
    effect: async (main) => {
      expect((await main.state()).services[0]).toEqual({ ...SERVICES[0], muted: true, callsAllowed: true, alwaysOn: true, sleepAfterMin: 60, checkEveryMin: 0 });
      expect(main.view('wa1').webContents.audioMuted).toBe(true);
      await main.advance(1_000);
      expect((onDisk(main)['services'] as unknown[])[0]).toMatchObject({ alwaysOn: true, sleepAfterMin: 60, checkEveryMin: 0 });
    },
  },
  'service.reload': {
    command: { type: 'service.reload', id: 'wa1' },
    effect: (main) => expect(main.view('wa1').webContents.reloads).toBe(1),
  },
  'service.zoom': {
    command: { type: 'service.zoom', id: 'wa1', step: 'in' },
    effect: async (main) => {
      expect((await main.state()).services.find((s) => s.id === 'wa1')?.zoom).toBe(110);
      expect(main.view('wa1').webContents.zoomFactor).toBe(1.1);
    },
  },
  'service.sleep': {
    before: (main) => reported(main, 'tg1'),
    command: { type: 'service.sleep', id: 'tg1' },
    effect: async (main, result) => {
      expect(result).toEqual({ ok: true });
      expect((await main.state()).runtime['tg1']?.status).toBe('asleep');
      expect(() => main.view('tg1')).toThrow();
      // Its chats stay for the inbox.
      expect((await main.chats())['tg1']?.chats).toHaveLength(1);
    },
  },
  'service.remove': {
    command: { type: 'service.remove', id: 'tg1' },
    effect: async (main) => {
      expect((await main.state()).services.map((s) => s.id)).toEqual(['wa1']);
      expect(main.fake.sessions.get('persist:svc-tg1')?.cleared.storage).toBe(1);
      await main.advance(1_000);
      expect(onDisk(main)['pendingDeletions']).toEqual(['tg1']);
    },
  },
  'service.activate': {
    settings: { ...goodSettings(), view: 'inbox' },
    command: { type: 'service.activate', id: 'tg1' },
    effect: async (main) => expect(await main.state()).toMatchObject({ activeServiceId: 'tg1', view: 'service' }),
  },
  'service.openChat': {
    before: (main) => reported(main, 'tg1'),
    command: { type: 'service.openChat', id: 'tg1', chatId: '777' },
    effect: async (main) => {
      expect(await main.state()).toMatchObject({ activeServiceId: 'tg1', view: 'service' });
      expect(sentTo(main, 'tg1', CHANNELS.serviceOpenChat)).toEqual([['777']]);
    },
  },
  'settings.set': {
    command: {
      type: 'settings.set',
      theme: 'dark',
      language: 'ar',
      defaultRegion: 'SA',
      unreadCount: 'chats',
      updates: false,
      startAtLogin: true,
      startMinimized: true,
      closeToTray: false,
      lockAfterMin: 60,
      digits: 'arab',
      calendar: 'both',
      shop: { name: 'متجر هبة', hoursEnabled: true, hours: Array.from({ length: 7 }, () => ({ open: true, from: '10:00', to: '22:00' })), holdOutsideHours: true, specialHours: [{ id: 'eid', name: 'عيد الفطر', from: '2026-03-20', to: '2026-03-22', hours: null }], greeting: 'أهلًا!', away: 'مغلق الآن', chatLinks: { last: 'telegram', telegram: { account: 'sweet_shop' } } },
      notifications: { sound: false, privateMode: true, dndUntil: 1_800_000_000_000, quietHours: { enabled: true, from: '23:00', to: '07:00' } },
      layout: { listWidth: 400, listCollapsed: true },
      shortcuts: { keys: { 'next-unread': 'Mod+Alt+KeyJ', 'show-hide': 'Ctrl+Alt+KeyW' } },
      downloads: { mode: 'folder', folder: null },
      power: { openHours: 'check', budgetMB: 2048 },
    },
    effect: async (main) => {
      expect((await main.state()).settings).toEqual({
        theme: 'dark',
        language: 'ar',
        defaultRegion: 'SA',
        unreadCount: 'chats',
        updates: false,
        startAtLogin: true,
        startMinimized: true,
        closeToTray: false,
        lockAfterMin: 60,
        digits: 'arab',
        calendar: 'both',
        shop: { name: 'متجر هبة', hoursEnabled: true, hours: Array.from({ length: 7 }, () => ({ open: true, from: '10:00', to: '22:00' })), holdOutsideHours: true, specialHours: [{ id: 'eid', name: 'عيد الفطر', from: '2026-03-20', to: '2026-03-22', hours: null }], greeting: 'أهلًا!', away: 'مغلق الآن', chatLinks: { last: 'telegram', whatsapp: { account: '', message: '' }, messenger: { account: '' }, instagram: { account: '' }, telegram: { account: 'sweet_shop', message: '' } } },
        notifications: { sound: false, privateMode: true, dndUntil: 1_800_000_000_000, quietHours: { enabled: true, from: '23:00', to: '07:00' } },
        layout: { listWidth: 400, listCollapsed: true },
        shortcuts: { keys: { 'next-unread': 'Mod+Alt+KeyJ', 'show-hide': 'Ctrl+Alt+KeyW' } },
        downloads: { mode: 'folder', folder: null },
        power: { openHours: 'check', budgetMB: 2048 },
      });
      expect(main.fake.nativeTheme.themeSource).toBe('dark');
      // The new keys work at once: the window key in a page, the show/hide key from anywhere.
      expect(main.view('wa1').webContents.key({ code: 'KeyJ', control: true, alt: true })).toBe(false);
      expect(main.view('wa1').webContents.key({ code: 'KeyJ', control: true })).toBe(true);
      expect([...main.fake.globalShortcut.registered.keys()]).toEqual(['Ctrl+Alt+W']);
    },
  },
  'notice.dismiss': {
    settings: { ...goodSettings(), people: 'damaged' },
    command: (state) => ({ type: 'notice.dismiss', id: state.notices[0]?.id ?? 'none' }),
    effect: async (main, _result, before) => {
      expect(before.notices.map((n) => n.kind)).toEqual(['settings-repaired']);
      expect((await main.state()).notices).toEqual([]);
    },
  },
  'view.inbox': {
    command: { type: 'view.inbox' },
    effect: async (main) => expect((await main.state()).view).toBe('inbox'),
  },
  'people.link': {
    command: { type: 'people.link', chats: [{ serviceId: 'wa1', chatId: 'a' }, { serviceId: 'tg1', chatId: 'b' }], displayName: 'Omar' },
    effect: async (main, result) => {
      const person = (await main.state()).people.find((p) => p.displayName === 'Omar');
      expect(person?.chats).toEqual([{ serviceId: 'wa1', chatId: 'a' }, { serviceId: 'tg1', chatId: 'b' }]);
      expect(result).toEqual({ ok: true, id: person?.id });
    },
  },
  'people.unlink': {
    command: { type: 'people.unlink', chat: { serviceId: 'tg1', chatId: '777' } },
    effect: async (main) => {
      const layla = (await main.state()).people.find((p) => p.id === 'p1');
      expect(layla?.chats.some((c) => c.chatId === '777') ?? false).toBe(false);
    },
  },
  'people.rename': {
    command: { type: 'people.rename', personId: 'p1', displayName: 'ليلى' },
    effect: async (main) => expect((await main.state()).people.find((p) => p.id === 'p1')?.displayName).toBe('ليلى'),
  },
  'people.undo': {
    before: async (main) => {
      await send(main, { type: 'people.rename', personId: 'p1', displayName: 'Someone else' });
    },
    command: { type: 'people.undo' },
    effect: async (main) => expect((await main.state()).people.find((p) => p.id === 'p1')?.displayName).toBe('Layla'),
  },
  'suggestion.dismiss': {
    command: { type: 'suggestion.dismiss', a: 'chat:wa1:a', b: 'chat:tg1:b' },
    effect: async (main) => expect((await main.state()).dismissedSuggestions).toContain('chat:tg1:b|chat:wa1:a'),
  },
  'notifications.read': {
    before: notified,
    command: { type: 'notifications.read' },
    effect: async (main, _result, before) => {
      expect(before.notifications.map((n) => n.read)).toEqual([false]);
      expect((await main.state()).notifications.map((n) => n.read)).toEqual([true]);
    },
  },
  'notifications.clear': {
    before: notified,
    command: { type: 'notifications.clear' },
    effect: async (main, _result, before) => {
      expect(before.notifications).toHaveLength(1);
      expect((await main.state()).notifications).toEqual([]);
    },
  },
  'notifications.open': {
    settings: { ...goodSettings(), view: 'inbox' },
    before: notified,
    command: (state) => ({ type: 'notifications.open', id: state.notifications.at(-1)?.id ?? 'none' }),
    effect: async (main) => {
      const state = await main.state();
      expect(state).toMatchObject({ activeServiceId: 'wa1', view: 'service' });
      expect(state.notifications.map((n) => n.read)).toEqual([true]);
      expect(sentTo(main, 'wa1', CHANNELS.serviceOpenChat)).toEqual([['966501234567@c.us']]);
    },
  },
  'service.saveOutline': {
    before: async (main) => {
      await reported(main, 'wa1');
      main.fake.dialog.answers.save = path.join(main.profile, 'outline.json');
    },
    command: { type: 'service.saveOutline', id: 'wa1' },
    effect: (main, result) => {
      expect(result).toEqual({ ok: true });
      const saved = JSON.parse(fs.readFileSync(path.join(main.profile, 'outline.json'), 'utf8')) as Record<string, unknown>;
      expect(saved).toMatchObject({ format: 'wasl-outline/1', platform: 'whatsapp', wasl: '0.0.0-test' });
      expect(fs.readFileSync(path.join(main.profile, 'outline.txt'), 'utf8')).toMatch(/^# Wasl page outline/u);
    },
  },
  'service.insertText': {
    before: (main) => reported(main, 'wa1'),
    command: { type: 'service.insertText', id: 'wa1', text: 'أهلاً ليلى، نعم متوفر' },
    effect: (_main, result) => expect(result).toEqual({ ok: true }),
  },
  'quickReply.save': {
    command: { type: 'quickReply.save', name: 'thanks', body: 'شكرًا {first_name}!', triggers: [' شكراً ', 'thank you'] },
    effect: async (main) => {
      expect((await main.state()).quickReplies.map((q) => [q.name, q.triggers])).toEqual([['prices', undefined], ['thanks', ['شكراً', 'thank you']]]);
      await main.advance(1_000);
      expect((onDisk(main)['quickReplies'] as unknown[])[1]).toMatchObject({ name: 'thanks', triggers: ['شكراً', 'thank you'] });
    },
  },
  'quickReply.move': {
    before: async (main) => {
      await send(main, { type: 'quickReply.save', name: 'thanks', body: 'Thanks!' });
    },
    command: { type: 'quickReply.move', id: 'q1', index: 1 },
    effect: async (main) => expect((await main.state()).quickReplies.map((q) => q.name)).toEqual(['thanks', 'prices']),
  },
  'quickReply.delete': {
    command: { type: 'quickReply.delete', id: 'q1' },
    effect: async (main) => expect((await main.state()).quickReplies).toEqual([]),
  },
  'product.save': {
    command: { type: 'product.save', name: 'عباية زرقاء', price: { amount: '45.5', currency: 'SAR' }, link: 'https://shop.example/abaya', inStock: true },
    effect: async (main, result) => {
      const { products } = await main.state();
      expect(products).toEqual([{ id: expect.stringMatching(/./u) as string, name: 'عباية زرقاء', price: { amount: '45.5', currency: 'SAR' }, link: 'https://shop.example/abaya', inStock: true }]);
      expect(result).toEqual({ ok: true, id: products[0]?.id });
      await main.advance(1_000);
      expect(onDisk(main)['products']).toEqual(products);
    },
  },
  'product.move': {
    before: async (main) => {
      await send(main, { type: 'product.save', name: 'Scarf', price: { amount: '20', currency: 'SAR' }, inStock: true });
      await send(main, { type: 'product.save', name: 'Bag', price: { amount: '7.125', currency: 'JOD' }, inStock: false });
    },
    command: (state) => ({ type: 'product.move', id: state.products[1]?.id ?? 'none', index: 0 }),
    effect: async (main) => expect((await main.state()).products.map((p) => p.name)).toEqual(['Bag', 'Scarf']),
  },
  'product.delete': {
    before: async (main) => {
      await send(main, { type: 'product.save', name: 'Scarf', price: { amount: '20', currency: 'SAR' }, inStock: true });
    },
    command: (state) => ({ type: 'product.delete', id: state.products[0]?.id ?? 'none' }),
    effect: async (main) => {
      expect((await main.state()).products).toEqual([]);
      expect((await main.state()).shopUndo).toBe('product-deleted');
      expect(await send(main, { type: 'shop.undo' })).toEqual({ ok: true });
      expect((await main.state()).products.map((p) => p.name)).toEqual(['Scarf']);
    },
  },
  'label.save': {
    command: { type: 'label.save', name: 'جملة', color: 'purple' },
    effect: async (main, result, before) => {
      const labels = (await main.state()).labels;
      expect(labels).toHaveLength(before.labels.length + 1);
      expect(labels.at(-1)).toMatchObject({ name: 'جملة', color: 'purple' });
      expect(result).toEqual({ ok: true, id: labels.at(-1)?.id });
    },
  },
  'label.delete': {
    command: (state) => ({ type: 'label.delete', id: state.labels[0]?.id ?? 'none' }),
    effect: async (main, _result, before) => {
      expect(before.labels.length).toBeGreaterThan(0);
      expect((await main.state()).labels).toEqual(before.labels.slice(1));
    },
  },
  'customerField.save': {
    command: { type: 'customerField.save', name: 'المقاس', fieldType: 'choice', choices: [' S ', 'M', 'L'] },
    effect: async (main, result) => {
      const fields = (await main.state()).customerFields;
      expect(fields).toEqual([{ id: expect.stringMatching(FIELD_ID) as string, name: 'المقاس', type: 'choice', choices: ['S', 'M', 'L'] }]);
      expect(result).toEqual({ ok: true, id: fields[0]?.id });
    },
  },
  'customerField.delete': {
    before: async (main) => {
      const saved = await send(main, { type: 'customerField.save', name: 'City', fieldType: 'text' });
      await send(main, { type: 'customer.update', key: 'person:p1', from: [], fields: { [saved.ok ? (saved.id ?? '') : '']: 'Jeddah' } });
    },
    command: (state) => ({ type: 'customerField.delete', id: state.customerFields[0]?.id ?? 'none' }),
    effect: async (main, result, before) => {
      expect(before.customers['person:p1']?.fields).toEqual({ [before.customerFields[0]?.id ?? '']: 'Jeddah' });
      expect(result).toEqual({ ok: true });
      const state = await main.state();
      expect(state.customerFields).toEqual([]);
      expect(state.customers['person:p1']?.fields).toBeUndefined();
      expect(state.shopUndo).toBe('field-deleted');
    },
  },
  'customerField.move': {
    before: async (main) => {
      await send(main, { type: 'customerField.save', name: 'City', fieldType: 'text' });
      await send(main, { type: 'customerField.save', name: 'Order', fieldType: 'number' });
    },
    command: (state) => ({ type: 'customerField.move', id: state.customerFields[1]?.id ?? 'none', index: 0 }),
    effect: async (main) => expect((await main.state()).customerFields.map((f) => f.name)).toEqual(['Order', 'City']),
  },
  'customer.update': {
    command: { type: 'customer.update', key: 'person:p1', from: [], note: 'Wholesale, pays on delivery', status: 'awaiting-customer', priority: true },
    effect: async (main) => expect((await main.state()).customers['person:p1']).toMatchObject({ note: 'Wholesale, pays on delivery', status: 'awaiting-customer', priority: true }),
  },
  'shop.undo': {
    before: async (main) => {
      await send(main, { type: 'quickReply.delete', id: 'q1' });
    },
    command: { type: 'shop.undo' },
    effect: async (main) => expect((await main.state()).quickReplies.map((q) => q.id)).toEqual(['q1']),
  },
  'data.export': {
    before: (main) => {
      main.fake.dialog.answers.save = path.join(main.profile, 'my-backup.json');
      return Promise.resolve();
    },
    command: { type: 'data.export', what: 'backup' },
    effect: (main, result) => {
      expect(result).toEqual({ ok: true });
      const file = JSON.parse(fs.readFileSync(path.join(main.profile, 'my-backup.json'), 'utf8')) as Record<string, unknown>;
      expect(file).toMatchObject({ app: 'wasl', kind: 'backup', quickReplies: [{ id: 'q1', name: 'prices' }] });
    },
  },
  'chatLink.copy': {
    command: { type: 'chatLink.copy', link: 'https://m.me/SweetShop.Riyadh' },
    effect: (main, result) => {
      expect(result).toEqual({ ok: true });
      expect(main.fake.clipboard.written.at(-1)).toBe('https://m.me/SweetShop.Riyadh');
    },
  },
  'chatLink.save': {
    before: (main) => {
      main.fake.dialog.answers.save = path.join(main.profile, 'qr.svg');
      return Promise.resolve();
    },
    command: { type: 'chatLink.save', link: 'https://t.me/sweet_shop?text=%D9%85%D8%B1%D8%AD%D8%A8%D8%A7', format: 'svg' },
    effect: (main, result) => {
      expect(result).toEqual({ ok: true });
      expect(fs.readFileSync(path.join(main.profile, 'qr.svg'), 'utf8')).toBe(qrSvg('https://t.me/sweet_shop?text=%D9%85%D8%B1%D8%AD%D8%A8%D8%A7'));
    },
  },
  'data.import': {
    before: (main) => {
      const file = path.join(main.profile, 'replies.json');
      fs.writeFileSync(file, JSON.stringify({ app: 'wasl', kind: 'quick-replies', version: 1, replies: [{ name: 'hours', body: 'We open at 10.' }] }));
      main.fake.dialog.answers.open = file;
      return Promise.resolve();
    },
    command: { type: 'data.import', what: 'quick-replies' },
    effect: async (main) => expect((await main.state()).quickReplies.map((q) => q.name)).toEqual(['prices', 'hours']),
  },
  'update.check': {
    boot: { packaged: true },
    command: { type: 'update.check' },
    effect: async (main, result) => {
      expect(result).toEqual({ ok: true });
      expect(main.updater.checks).toBe(1);
      expect((await main.state()).update).toMatchObject({ phase: 'idle', checkedAt: expect.any(Number) as number });
    },
  },
  'update.install': {
    boot: { packaged: true },
    before: downloaded,
    command: { type: 'update.install' },
    effect: (main, result) => {
      expect(result).toEqual({ ok: true });
      expect(main.updater.installs).toBe(1);
    },
  },
  'update.dismiss': {
    boot: { packaged: true },
    before: downloaded,
    command: { type: 'update.dismiss' },
    effect: async (main) => expect((await main.state()).update).toMatchObject({ phase: 'ready', dismissed: true }),
  },
  'packs.pinBuiltIn': {
    command: { type: 'packs.pinBuiltIn', pinned: true },
    effect: async (main, result) => {
      expect(result).toEqual({ ok: true });
      expect((await main.state()).packs).toMatchObject({ pinBuiltIn: true, rolledBack: [] });
      await main.advance(1_000);
      expect(onDisk(main)['packs']).toEqual({ pinBuiltIn: true, rolledBack: [] });
    },
  },
  'packs.check': {
    // An installed build checks the default feed at once: here it names a pack signed by a key Wasl does not trust.
    boot: { packaged: true },
    before: (main) => {
      const url = 'https://github.com/wasl-app/wasl/releases/download/connectors-v9.9.9/connectors-9.9.9.json';
      main.fake.net.published.set(DEFAULT_PACK_FEED, new TextEncoder().encode(JSON.stringify({ format: 1, version: '9.9.9', url })));
      main.fake.net.published.set(url, packBytes(testKey(), { version: '9.9.9', maxAppVersion: '0.999.999' }));
      return Promise.resolve();
    },
    command: { type: 'packs.check' },
    effect: async (main, result) => {
      expect(result).toEqual({ ok: true });
      expect(main.fake.net.fetched).toContain(DEFAULT_PACK_FEED);
      const { packs } = await main.state();
      expect(packs.lastRefusal).toMatchObject({ reason: 'unknown-key', version: '9.9.9' });
      expect(packs.lastCheck).toBeGreaterThan(0);
      expect(packs.downloaded).toBeUndefined();
    },
  },
  'lock.lock': {
    before: setPassword,
    command: { type: 'lock.lock' },
    effect: async (main) => expect((await main.state()).lock).toMatchObject({ set: true, locked: true }),
  },
  'lock.unlock': {
    before: async (main) => {
      await setPassword(main);
      await send(main, { type: 'lock.lock' });
    },
    command: { type: 'lock.unlock', password: PASSWORD },
    effect: async (main) => expect((await main.state()).lock).toMatchObject({ set: true, locked: false }),
  },
  'lock.set': {
    command: { type: 'lock.set', password: PASSWORD },
    effect: async (main) => {
      expect((await main.state()).lock).toMatchObject({ set: true });
      expect(onDisk(main)['lock']).toMatchObject({ kdf: 'scrypt' });
    },
  },
  'lock.remove': {
    before: setPassword,
    command: { type: 'lock.remove', current: PASSWORD },
    effect: async (main) => {
      expect((await main.state()).lock).toMatchObject({ set: false });
      expect(onDisk(main)).not.toHaveProperty('lock');
    },
  },
  'shortcuts.record': {
    command: { type: 'shortcuts.record', recording: true },
    effect: async (main, result) => {
      expect(result).toEqual({ ok: true });
      // Ctrl+J (next unread) pressed in the shell reaches the settings screen recording it; in a page it is still Wasl's.
      expect(main.win.webContents.key({ code: 'KeyJ', control: true })).toBe(true);
      expect(main.view('wa1').webContents.key({ code: 'KeyJ', control: true })).toBe(false);
      expect(await send(main, { type: 'shortcuts.record', recording: false })).toEqual({ ok: true });
      expect(main.win.webContents.key({ code: 'KeyJ', control: true })).toBe(false);
    },
  },
  'find.search': {
    command: { type: 'find.search', id: 'wa1', text: 'Layla', forward: true },
    effect: async (main, result) => {
      expect(result).toEqual({ ok: true });
      const page = main.view('wa1').webContents;
      const [request] = page.finds;
      expect(page.finds).toEqual([{ requestId: request?.requestId, text: 'Layla', options: { forward: true, findNext: true } }]);
      page.answerFind({ requestId: request?.requestId ?? -1, activeMatchOrdinal: 1, matches: 3, finalUpdate: true });
      expect((await main.state()).find).toEqual({ serviceId: 'wa1', text: 'Layla', matches: 3, active: 1, pending: false });
    },
  },
  'find.stop': {
    before: async (main) => {
      expect(await send(main, { type: 'find.search', id: 'wa1', text: 'Layla', forward: true })).toEqual({ ok: true });
    },
    command: { type: 'find.stop', id: 'wa1', focusPage: true },
    effect: async (main, result, before) => {
      expect(result).toEqual({ ok: true });
      expect(before.find).toMatchObject({ serviceId: 'wa1', text: 'Layla' });
      const page = main.view('wa1').webContents;
      expect(page.findStops).toEqual(['keepSelection']);
      expect(page.focused).toBe(1);
      expect((await main.state()).find).toBeNull();
    },
  },
  'screenShare.answer': (() => {
    // Telegram's page (calls allowed, in front) asks to share the screen; the answer reaches that very request.
    let answers: unknown[] = [];
    return {
      settings: { ...goodSettings(), activeServiceId: 'tg1' },
      before: async (main: MainUnderTest) => {
        main.fake.desktopCapturer.sources = [{ id: 'screen:1:0', name: 'Entire Screen', thumbnail: new FakeCapturedImage('s', { width: 320, height: 180 }), appIcon: null }];
        const view = main.view('tg1');
        answers = view.webContents.session.displayMedia({ frame: view.webContents.mainFrame, securityOrigin: 'https://web.telegram.org', videoRequested: true, audioRequested: false, userGesture: true });
        await main.advance(0);
        expect(answers).toEqual([]);
        expect((await main.state()).screenShare?.sources.map((s) => s.id)).toEqual(['screen:1:0']);
      },
      command: (state: AppState): Command => ({ type: 'screenShare.answer', requestId: state.screenShare?.requestId ?? '', sourceId: 'screen:1:0', audio: false }),
      effect: async (main: MainUnderTest, result: CommandResult) => {
        expect(result).toEqual({ ok: true });
        expect(answers).toEqual([{ video: { id: 'screen:1:0', name: 'Entire Screen' } }]);
        expect((await main.state()).screenShare).toBeNull();
      },
    };
  })(),
  'proxy.set': {
    command: { type: 'proxy.set', id: 'wa1', proxy: { mode: 'http', host: 'proxy.example', port: 3128, username: 'amal' }, password: 'pw-in-the-clear' },
    effect: async (main, result) => {
      expect(result).toEqual({ ok: true });
      const state = await main.state();
      expect(state.services.find((s) => s.id === 'wa1')?.proxy).toEqual({ mode: 'http', host: 'proxy.example', port: 3128, username: 'amal' });
      expect(state.proxyVault).toEqual({ storage: 'encrypted', saved: ['wa1'] });
      expect(main.fake.session.fromPartition('persist:svc-wa1').proxies.at(-1)).toEqual({ mode: 'fixed_servers', proxyRules: 'http://proxy.example:3128', proxyBypassRules: '<local>' });
      // The other service's session is left as Electron made it.
      expect(main.fake.session.fromPartition('persist:svc-tg1').proxies).toEqual([]);
      // The settings hold the choice, never the password; its own file holds it only encrypted.
      await main.advance(1_000);
      expect(onDisk(main)['services']).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'wa1', proxy: { mode: 'http', host: 'proxy.example', port: 3128, username: 'amal' } })]));
      expect(fs.readFileSync(path.join(main.profile, 'settings.json'), 'utf8')).not.toContain('pw-in-the-clear');
      expect(fs.readFileSync(path.join(main.profile, 'proxy-passwords.json'), 'utf8')).not.toContain('pw-in-the-clear');
    },
  },
  'proxy.test': {
    before: (main) => {
      main.fake.net.answer = (request) => request.fail('net::ERR_PROXY_CONNECTION_FAILED');
      return Promise.resolve();
    },
    command: { type: 'proxy.test', id: 'wa1' },
    effect: (main, result) => {
      expect(result).toEqual({ ok: false, error: 'failed', detail: 'refused' });
      expect(main.fake.net.requests.at(-1)?.options).toMatchObject({ url: 'https://web.whatsapp.com/', session: main.fake.session.fromPartition('persist:svc-wa1') });
    },
  },
  'download.cancel': {
    before: (main) => fileDownloaded(main, 'big.zip', false).then(() => undefined),
    command: (state) => ({ type: 'download.cancel', id: firstDownload(state) }),
    effect: async (main, result) => {
      expect(result).toEqual({ ok: true });
      expect(item?.cancelled).toBe(true);
      expect((await main.state()).downloads?.[0]).toMatchObject({ fileName: 'big.zip', state: 'cancelled' });
      expect(downloadsOnDisk(main).downloads[0]).toMatchObject({ fileName: 'big.zip', state: 'cancelled' });
    },
  },
  'download.open': {
    before: (main) => fileDownloaded(main).then(() => undefined),
    command: (state) => ({ type: 'download.open', id: firstDownload(state) }),
    effect: (main, result) => {
      expect(result).toEqual({ ok: true });
      expect(main.fake.shell.files).toEqual([`open ${path.join(main.profile, 'invoice.pdf')}`]);
    },
  },
  'download.show': {
    before: (main) => fileDownloaded(main).then(() => undefined),
    command: (state) => ({ type: 'download.show', id: firstDownload(state) }),
    effect: (main, result) => {
      expect(result).toEqual({ ok: true });
      expect(main.fake.shell.files).toEqual([`show ${path.join(main.profile, 'invoice.pdf')}`]);
    },
  },
  'download.remove': {
    before: (main) => fileDownloaded(main).then(() => undefined),
    command: (state) => ({ type: 'download.remove', id: firstDownload(state) }),
    effect: async (main, result) => {
      expect(result).toEqual({ ok: true });
      expect((await main.state()).downloads).toEqual([]);
      expect(downloadsOnDisk(main).downloads).toEqual([]);
      // The file itself stays.
      expect(fs.existsSync(path.join(main.profile, 'invoice.pdf'))).toBe(true);
    },
  },
  'downloads.clear': {
    before: async (main) => {
      await fileDownloaded(main, 'done.pdf');
      await fileDownloaded(main, 'running.zip', false);
    },
    command: { type: 'downloads.clear' },
    effect: async (main, result) => {
      expect(result).toEqual({ ok: true });
      expect((await main.state()).downloads?.map((d) => d.fileName)).toEqual(['running.zip']);
    },
  },
  'downloads.chooseFolder': {
    before: (main) => {
      main.fake.dialog.answers.open = main.profile;
      return Promise.resolve();
    },
    command: { type: 'downloads.chooseFolder' },
    effect: async (main, result) => {
      expect(result).toEqual({ ok: true });
      expect((await main.state()).settings.downloads).toEqual({ mode: 'folder', folder: main.profile });
      await main.advance(1_000);
      expect(onDisk(main)['settings']).toMatchObject({ downloads: { mode: 'folder', folder: main.profile } });
    },
  },
} satisfies Record<Command['type'], Row>;

let main: MainUnderTest | undefined;
afterEach(() => {
  main?.close();
  main = undefined;
});

describe('every command causes what it names', () => {
  it('has a row for every command type of the contract, and no other', () => {
    const types = commandSchema.options.map((option) => option.shape.type.value).sort();
    expect(Object.keys(ROWS).sort()).toEqual(types);
  });

  it.each(Object.entries(ROWS) as [Command['type'], Row][])('%s', async (_type, row) => {
    main = await bootMain(row.settings ?? goodSettings(), row.boot ?? {});
    const running = main;
    await row.before?.(running);
    const before = await running.state();
    const cmd = typeof row.command === 'function' ? row.command(before) : row.command;
    const pending = send(running, cmd);
    if (cmd.type === 'service.insertText') {
      // The page types it and says so.
      await running.advance(0);
      const [request] = sentTo(running, cmd.id, CHANNELS.serviceInsertText).at(-1) ?? [];
      const { requestId } = request as { requestId: string };
      await fromPage(running, cmd.id, CHANNELS.serviceInsertResult, { requestId, ok: true });
      expect(request).toEqual({ requestId, text: cmd.text });
    }
    if (cmd.type === 'service.saveOutline') {
      // The page outlines itself (preload/outline.ts, tested in Chromium) and answers.
      await running.advance(0);
      const [request] = sentTo(running, cmd.id, CHANNELS.serviceOutlineRequest).at(-1) ?? [];
      const { requestId } = request as { requestId: string };
      await fromPage(running, cmd.id, CHANNELS.serviceOutline, { requestId, outline: JSON.stringify(SMALL_OUTLINE) });
    }
    const result = await pending;
    await row.effect(running, result, before);
  }, 20_000);
});

describe('quickReply.save: trigger phrases', () => {
  it.each([
    ['too many', Array.from({ length: LIMITS.triggersPerReply + 1 }, (_, i) => `phrase ${i}`)],
    ['one too long', ['x'.repeat(LIMITS.triggerChars + 1)]],
    ['one blank', ['  ']],
    ['one of punctuation only', ['؟!']],
    ['two that read the same', ['كم السعر', 'كم السِّعر؟']],
  ])('refuses a list with %s, and the reply stays as it was', async (_what, triggers) => {
    main = await bootMain(goodSettings());
    const before = (await main.state()).quickReplies;
    const result = await send(main, { type: 'quickReply.save', id: 'q1', name: 'prices', body: 'New prices', triggers });
    expect(result).toMatchObject({ ok: false, error: 'invalid' });
    expect((await main.state()).quickReplies).toEqual(before);
  });
});

describe('the product commands refuse', () => {
  const good = { type: 'product.save', name: 'Blue abaya', price: { amount: '45.5', currency: 'SAR' }, inStock: true };
  it.each([
    ['a currency Intl does not know', { ...good, price: { amount: '45.5', currency: 'XQZ' } }],
    ['a currency in small letters', { ...good, price: { amount: '45.5', currency: 'sar' } }],
    ['an amount with a comma', { ...good, price: { amount: '1,200', currency: 'SAR' } }],
    ['a negative amount', { ...good, price: { amount: '-1', currency: 'SAR' } }],
    ['more decimals than the currency has', { ...good, price: { amount: '100.5', currency: 'JPY' } }],
    ['a price with an unknown field', { ...good, price: { amount: '1', currency: 'SAR', tax: '0' } }],
    ['a link that is not an address', { ...good, link: 'shop.example/abaya' }],
    ['an http: link', { ...good, link: 'http://shop.example/abaya' }],
    ['a javascript: photo', { ...good, photo: 'javascript:alert(1)' }],
    ['a link with a password in it', { ...good, link: 'https://me:secret@shop.example/' }],
    ['a link too long', { ...good, link: `https://shop.example/${'a'.repeat(2_100)}` }],
    ['a name too long', { ...good, name: 'a'.repeat(81) }],
    ['an empty name', { ...good, name: '   ' }],
    ['no stock state', { type: 'product.save', name: 'Blue abaya', price: { amount: '45.5', currency: 'SAR' } }],
    ['an unknown field', { ...good, colour: 'blue' }],
  ])('%s, changing nothing', async (_name, cmd) => {
    main = await bootMain(goodSettings());
    const running = main;
    const result = await send(running, cmd as Command);
    expect(result).toMatchObject({ ok: false, error: 'invalid' });
    expect((await running.state()).products).toEqual([]);
  });

  it('an id it does not have, to save, move or delete', async () => {
    main = await bootMain(goodSettings());
    const running = main;
    expect(await send(running, { ...good, id: 'nope' } as Command)).toEqual({ ok: false, error: 'not-found' });
    expect(await send(running, { type: 'product.move', id: 'nope', index: 0 })).toEqual({ ok: false, error: 'not-found' });
    expect(await send(running, { type: 'product.delete', id: 'nope' })).toEqual({ ok: false, error: 'not-found' });
    expect((await running.state()).products).toEqual([]);
  });
});

describe('the pack commands', () => {
  /** The table with only the pack targets: the pack commands touch nothing else. */
  const packTable = (targets: Pick<CommandTargets, 'packs' | 'checkPacks'>) => commandTable(targets as CommandTargets);
  const noPin = { pinBuiltIn: () => undefined };

  it('packs.check asks the feed’s checker and answers once it is done', async () => {
    let checks = 0;
    let finish = (): void => undefined;
    const table = packTable({ packs: noPin, checkPacks: () => new Promise<void>((resolve) => { checks += 1; finish = resolve; }) });
    let answer: CommandResult | undefined;
    const pending = dispatchCommand({ type: 'packs.check' }, table, () => false).then((result) => (answer = result));
    await Promise.resolve();
    expect(checks).toBe(1);
    expect(answer).toBeUndefined();
    finish();
    await pending;
    expect(answer).toEqual({ ok: true });
  });

  it('packs.check answers failed when the check throws, and invalid where there is no feed', async () => {
    const failing = packTable({ packs: noPin, checkPacks: () => Promise.reject(new Error('offline')) });
    expect(await dispatchCommand({ type: 'packs.check' }, failing, () => false)).toEqual({ ok: false, error: 'failed' });
    expect(await dispatchCommand({ type: 'packs.check' }, packTable({ packs: noPin }), () => false)).toEqual({ ok: false, error: 'invalid', detail: 'no-pack-feed' });
  });

  it('packs.pinBuiltIn passes the user’s choice to its owner, both ways', async () => {
    const pins: boolean[] = [];
    const table = packTable({ packs: { pinBuiltIn: (pinned) => pins.push(pinned) } });
    expect(await dispatchCommand({ type: 'packs.pinBuiltIn', pinned: true }, table, () => false)).toEqual({ ok: true });
    expect(await dispatchCommand({ type: 'packs.pinBuiltIn', pinned: false }, table, () => false)).toEqual({ ok: true });
    expect(pins).toEqual([true, false]);
  });
});

describe('customer fields through main’s router', () => {
  const saveField = async (running: MainUnderTest, cmd: Omit<Extract<Command, { type: 'customerField.save' }>, 'type'>): Promise<string> => {
    const result = await send(running, { type: 'customerField.save', ...cmd });
    if (!result.ok || result.id === undefined) throw new Error(`field not saved: ${JSON.stringify(result)}`);
    return result.id;
  };

  it('refuses commands of the wrong shape before they reach the shop', async () => {
    main = await bootMain(goodSettings());
    const running = main;
    const malformed: unknown[] = [
      { type: 'customerField.save', name: 'City' },
      { type: 'customerField.save', name: 'City', fieldType: 'colour' },
      { type: 'customerField.save', name: '   ', fieldType: 'text' },
      { type: 'customerField.save', name: 'x'.repeat(41), fieldType: 'text' },
      { type: 'customerField.save', name: 'City', fieldType: 'text', extra: true },
      { type: 'customerField.save', name: 'Size', fieldType: 'choice', choices: Array.from({ length: 31 }, (_, i) => `c${i}`) },
      { type: 'customerField.move', id: 'f1', index: -1 },
      { type: 'customerField.delete' },
      { type: 'customer.update', key: 'person:p1', from: [], fields: { city: 'x'.repeat(501) } },
      { type: 'customer.update', key: 'person:p1', from: [], fields: { order: Number.POSITIVE_INFINITY } },
      { type: 'customer.update', key: 'person:p1', from: [], fields: { order: true } },
      { type: 'customer.update', key: 'person:p1', from: [], fields: Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`f${i}`, 'x'])) },
    ];
    for (const cmd of malformed) expect(await send(running, cmd as Command), JSON.stringify(cmd).slice(0, 80)).toMatchObject({ ok: false, error: 'invalid' });
    expect((await running.state()).customerFields).toEqual([]);
    // A value under "__proto__" is no field's: the schema drops it, and nothing is set on the record or elsewhere.
    const sneaky = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, string>;
    expect(await send(running, { type: 'customer.update', key: 'person:p1', from: [], fields: sneaky })).toEqual({ ok: true });
    expect((await running.state()).customers['person:p1']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('deletes a field with its values, and undo puts both back, saved to disk', async () => {
    main = await bootMain(goodSettings());
    const running = main;
    const city = await saveField(running, { name: 'المدينة', fieldType: 'text' });
    const order = await saveField(running, { name: 'Order number', fieldType: 'number' });
    expect(await send(running, { type: 'customer.update', key: 'person:p1', from: [], fields: { [city]: ' جدة ', [order]: 12345 } })).toEqual({ ok: true });
    expect(await send(running, { type: 'customer.update', key: 'chat:wa1:1', from: [], fields: { [city]: 'الرياض' } })).toEqual({ ok: true });
    expect((await running.state()).customers['person:p1']?.fields).toEqual({ [city]: 'جدة', [order]: 12345 });
    expect(await send(running, { type: 'customerField.delete', id: city })).toEqual({ ok: true });
    let state = await running.state();
    expect(state.customers['person:p1']?.fields).toEqual({ [order]: 12345 });
    expect(state.customers['chat:wa1:1']?.fields).toBeUndefined();
    // A value set on another field since the deletion survives the undo.
    expect(await send(running, { type: 'customer.update', key: 'person:p1', from: [], fields: { [order]: 7 } })).toEqual({ ok: true });
    expect(await send(running, { type: 'shop.undo' })).toEqual({ ok: true });
    state = await running.state();
    expect(state.customerFields.map((f) => f.id)).toEqual([city, order]);
    expect(state.customers['person:p1']?.fields).toEqual({ [city]: 'جدة', [order]: 7 });
    expect(state.customers['chat:wa1:1']?.fields).toEqual({ [city]: 'الرياض' });
    await running.advance(1_000);
    const disk = onDisk(running);
    expect(disk['customerFields']).toEqual(state.customerFields);
    expect((disk['customers'] as Record<string, { fields?: unknown }>)['person:p1']?.fields).toEqual({ [city]: 'جدة', [order]: 7 });
  });

  it('answers each refusal of the shop, changing nothing', async () => {
    main = await bootMain(goodSettings());
    const running = main;
    const size = await saveField(running, { name: 'Size', fieldType: 'choice', choices: ['S', 'M'] });
    await send(running, { type: 'customer.update', key: 'person:p1', from: [], fields: { [size]: 'M' } });
    const before = await running.state();
    const refusals: [Command, CommandResult][] = [
      [{ type: 'customerField.save', name: ' size ', fieldType: 'text' }, { ok: false, error: 'invalid', detail: 'duplicate-name' }],
      [{ type: 'customerField.save', name: 'Colour', fieldType: 'choice' }, { ok: false, error: 'invalid', detail: 'choices' }],
      [{ type: 'customerField.save', name: 'Colour', fieldType: 'choice', choices: ['Red', ' Red'] }, { ok: false, error: 'invalid', detail: 'choices' }],
      [{ type: 'customerField.save', name: 'City', fieldType: 'text', choices: ['a'] }, { ok: false, error: 'invalid', detail: 'choices' }],
      [{ type: 'customerField.save', id: 'gone', name: 'City', fieldType: 'text' }, { ok: false, error: 'not-found' }],
      [{ type: 'customerField.save', id: size, name: 'Size', fieldType: 'number' }, { ok: false, error: 'invalid', detail: 'values-do-not-fit' }],
      [{ type: 'customerField.save', id: size, name: 'Size', fieldType: 'choice', choices: ['S', 'L'] }, { ok: false, error: 'invalid', detail: 'values-do-not-fit' }],
      [{ type: 'customerField.delete', id: 'gone' }, { ok: false, error: 'not-found' }],
      [{ type: 'customerField.move', id: 'gone', index: 0 }, { ok: false, error: 'not-found' }],
      [{ type: 'customer.update', key: 'person:p1', from: [], fields: { gone: 'x' } }, { ok: false, error: 'not-found', detail: 'no field gone' }],
      [{ type: 'customer.update', key: 'person:p1', from: [], fields: { [size]: 'XL' } }, { ok: false, error: 'invalid', detail: `the value does not fit the field ${size}` }],
      [{ type: 'customer.update', key: 'person:p1', from: [], fields: { [size]: 3 } }, { ok: false, error: 'invalid', detail: `the value does not fit the field ${size}` }],
    ];
    for (const [cmd, answer] of refusals) expect(await send(running, cmd), JSON.stringify(cmd)).toEqual(answer);
    const after = await running.state();
    expect(after.customerFields).toEqual(before.customerFields);
    expect(after.customers).toEqual(before.customers);
  });
});

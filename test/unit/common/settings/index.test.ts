/**
 * The settings schemas in common/settings are the one source of every setting and every service choice: the
 * type, the defaults, what `settings.set` and `service.set` accept, the merge and the settings file's reading
 * all come from them. Every field is changed through main (main/index.ts on the fake Electron) and read back
 * after a restart; an invalid value is refused; and a field added to a schema reaches all of it with no other code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { CHANNELS } from '../../../../common/channels';
import { commandSchema, LIMITS, type CommandResult } from '../../../../common/ipc';
import { MAX_LINK_LENGTH } from '../../../../common/shop/chat-links';
import { DEFAULT_SETTINGS, mergeSettings, readSettings, settingsSchema, type Settings } from '../../../../common/settings';
import { mergePatch, patchShape, salvage } from '../../../../common/settings/derive';
import { notificationSettings } from '../../../../common/settings/groups';
import { serviceOptional, serviceSwitches, type ServiceChoices } from '../../../../common/settings/service';
import { bootMain, goodSettings, SERVICES, type MainUnderTest } from '../../hostile/main-under-test';

vi.mock('electron', async () => (await import('../../hostile/main-under-test')).fakeElectronModule());
vi.mock('electron-store', async () => (await import('../../hostile/main-under-test')).fakeElectronStore());

/** The paths of a shape's settings: `theme`, or `group.field` (`group.inner.field`...) for a setting of a group. */
type PathsOf<S, P extends string = ''> = {
  [K in Extract<keyof S, string>]: S[K] extends z.ZodPrefault<z.ZodObject<infer G>> ? PathsOf<G, `${P}${K}.`> : `${P}${K}`;
}[Extract<keyof S, string>];

/** Every setting's path. */
type SettingPath = PathsOf<typeof settingsSchema.shape>;

/** For every setting, a valid value that is not the one Wasl starts with here, and an invalid one. */
const SAMPLES: Record<SettingPath, readonly [valid: unknown, invalid: unknown]> = {
  theme: ['dark', 'purple'],
  language: ['ar', 'fr'],
  defaultRegion: ['SA', 'Saudi'],
  unreadCount: ['chats', 'threads'],
  digits: ['arab', 'hindi'],
  calendar: ['hijri', 'islamic'],
  updates: [false, 'no'],
  startAtLogin: [true, 1],
  startMinimized: [true, null],
  closeToTray: [false, 'false'],
  lockAfterMin: [60, 7],
  'notifications.sound': [false, 'loud'],
  'notifications.privateMode': [true, 0],
  'notifications.dndUntil': [1_800_000_000_000, -1],
  'notifications.quietHours': [{ enabled: true, from: '23:00', to: '07:30' }, { enabled: true, from: '25:00', to: '07:30' }],
  'shop.name': ['متجر هبة', 'x'.repeat(LIMITS.shopName + 1)],
  'shop.hoursEnabled': [true, 'yes'],
  'shop.hours': [Array.from({ length: 7 }, (_, d) => ({ open: d !== 5, from: '10:00', to: '22:00' })), [{ open: true, from: '10:00', to: '22:00' }]],
  'shop.holdOutsideHours': [true, {}],
  'shop.greeting': ['أهلاً بك في {shop}! كيف نخدمك؟', 'x'.repeat(LIMITS.replyBody + 1)],
  'shop.away': ['We are closed now; we answer from 9 am.', 42],
  'shop.chatLinks.last': ['telegram', 'signal'],
  // Kept as typed, though no link yet: the owner may be half-way through the number or the name.
  'shop.chatLinks.whatsapp.account': ['+966 50 12', 'x'.repeat(LIMITS.urlChars + 1)],
  'shop.chatLinks.whatsapp.message': ['مرحبا، أريد كيكة 🎂', 'x'.repeat(MAX_LINK_LENGTH + 1)],
  'shop.chatLinks.messenger.account': ['SweetShop.Riyadh', 42],
  'shop.chatLinks.instagram.account': ['https://www.instagram.com/sweet.shop/', null],
  'shop.chatLinks.telegram.account': ['sweet_', ['sweet_shop']],
  'shop.chatLinks.telegram.message': ['Hello', { text: 'Hello' }],
  'shop.specialHours': [[{ id: 'ramadan', name: 'Ramadan', from: '2026-02-18', to: '2026-03-19', hours: { from: '20:00', to: '03:00' } }], 'ramadan'],
  'layout.listWidth': [400, 100],
  'layout.listCollapsed': [true, 'yes'],
  'shortcuts.keys': [{ lock: 'Mod+Alt+KeyL', 'show-hide': 'Ctrl+Alt+KeyW', pin: null }, { lock: 'Mod+Hyper+KeyL' }],
  'downloads.mode': ['folder', 'always'],
  'downloads.folder': ['/home/salma/متجر', ''],
  'power.openHours': ['check', 'sometimes'],
  'power.budgetMB': [2048, 1000],
};

/** The one setting the shell cannot name a value of (only main's folder dialog can): see `shellSettingsPatch`. */
const FOLDER = 'downloads.folder';

/** For every choice `service.set` offers, a valid value that tg1 does not have yet, and an invalid one. */
const SERVICE_SAMPLES: Record<keyof ServiceChoices, readonly [valid: unknown, invalid: unknown]> = {
  enabled: [false, 'off'],
  muted: [true, 'yes'],
  callsAllowed: [false, 0],
  alwaysOn: [false, null],
  sleepAfterMin: [120, 45],
  checkEveryMin: [5, -5],
  compact: [true, 'on'],
  spellLanguages: [['ar', 'en-GB'], ['en-US', 'en-US']],
  zoom: [125, 130],
  proxy: [{ mode: 'socks5', host: '127.0.0.1', port: 1080 }, { mode: 'socks5', host: '127.0.0.1', port: 1080, username: 'amal' }],
};

/** The settings paths the schema itself has. */
function settingPaths(shape: Readonly<Record<string, z.ZodType>>, prefix = ''): string[] {
  return Object.entries(shape).flatMap(([key, field]) => {
    const inner = field instanceof z.ZodPrefault ? field.unwrap() : undefined;
    return inner instanceof z.ZodObject ? settingPaths(inner.shape, `${prefix}${key}.`) : [`${prefix}${key}`];
  });
}

const entries = <K extends string, V>(record: Record<K, V>) => Object.entries(record) as [K, V][];

/** `{ theme: value }`, or `{ shop: { name: value } }` for a setting of a group (and so on for a group in a group). */
function patchAt(at: string, value: unknown): Record<string, unknown> {
  return at.split('.').reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: inner }), value as Record<string, unknown>);
}

type Tree = Record<string, unknown>;

/** An object with the value at `keys` replaced, copied along the way. */
function replaced(tree: Tree, [key = '', ...rest]: string[], value: unknown): Tree {
  return { ...tree, [key]: rest.length === 0 ? value : replaced(tree[key] as Tree, rest, value) };
}

/** The settings with one setting changed. */
function withValue(settings: Settings, at: string, value: unknown): Settings {
  return replaced(settings, at.split('.'), value) as unknown as Settings;
}

/** A setting's value. */
function valueAt(settings: Settings, at: string): unknown {
  return at.split('.').reduce<unknown>((tree, key) => (tree as Tree)[key], settings);
}

/** The defaults with every setting changed to its sample. */
const ALL_CHANGED = entries(SAMPLES).reduce((settings, [at, [valid]]) => withValue(settings, at, valid), DEFAULT_SETTINGS);

describe('the settings schema', () => {
  it('has a sample for every setting and every service choice, and no other', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(settingPaths(settingsSchema.shape).sort());
    expect(Object.keys(SERVICE_SAMPLES).sort()).toEqual(Object.keys({ ...serviceSwitches.shape, ...serviceOptional.shape }).sort());
  });

  it.each(entries(SAMPLES))('takes %s from settings.set and from the file, and refuses it invalid', (at, [valid, invalid]) => {
    // A downloads folder is named only by main's folder dialog: the shell may only set it back to the default.
    const fromShell = at === FOLDER ? null : valid;
    expect(commandSchema.safeParse({ type: 'settings.set', ...patchAt(at, fromShell) }).success).toBe(true);
    if (at === FOLDER) expect(commandSchema.safeParse({ type: 'settings.set', ...patchAt(at, valid) }).success).toBe(false);
    expect(commandSchema.safeParse({ type: 'settings.set', ...patchAt(at, invalid) }).success).toBe(false);
    expect(readSettings(patchAt(at, valid))).toEqual({ settings: withValue(DEFAULT_SETTINGS, at, valid), dropped: 0 });
    // An invalid value in the file: that setting alone falls back to its default, counted as damage; every other
    // setting, of its group too, is kept.
    const stored = withValue(ALL_CHANGED, at, invalid);
    expect(readSettings(stored)).toEqual({ settings: withValue(ALL_CHANGED, at, valueAt(DEFAULT_SETTINGS, at)), dropped: 1 });
  });
});

describe('special opening hours in the settings', () => {
  const good = { id: 'eid', name: 'Eid', from: '2026-03-20', to: '2026-03-22', hours: null };
  const bad = [
    { ...good, id: 'backwards', from: '2026-03-23' },
    { ...good, id: 'no-such-day', to: '2026-02-30' },
    { ...good, id: 'bad-time', hours: { from: '25:00', to: '03:00' } },
    { ...good, id: 'extra', colour: 'red' },
    { ...good, id: '' },
    { ...good, name: 'x'.repeat(LIMITS.specialHoursName + 1) },
    'eid',
  ];

  it('drops each bad stored range alone and keeps the others', () => {
    const ramadan = { id: 'ramadan', name: ' Ramadan ', from: '2026-02-18', to: '2026-03-19', hours: { from: '20:00', to: '03:00' } };
    const { settings } = readSettings({ shop: { specialHours: [bad[0], ramadan, ...bad.slice(1), good] } });
    expect(settings.shop.specialHours).toEqual([{ ...ramadan, name: 'Ramadan' }, good]);
  });

  it('keeps at most the first LIMITS.specialHours ranges', () => {
    const many = Array.from({ length: LIMITS.specialHours + 5 }, (_, i) => ({ ...good, id: `r${String(i)}` }));
    const { settings, dropped } = readSettings({ shop: { specialHours: many } });
    expect(settings.shop.specialHours.map((range) => range.id)).toEqual(many.slice(0, LIMITS.specialHours).map((range) => range.id));
    expect(dropped).toBe(0);
  });

  it('starts with none and keeps none from a file that has no such setting', () => {
    expect(DEFAULT_SETTINGS.shop.specialHours).toEqual([]);
    expect(readSettings({ shop: { name: 'Noor' } }).settings.shop.specialHours).toEqual([]);
  });
});

describe('the chat links tab in the settings', () => {
  const typed = { last: 'telegram', whatsapp: { account: '+966501234567', message: 'مرحبا' }, telegram: { account: 'sweet_shop', message: 'Hi' } };

  it('starts with no platform and every entry empty, and a file from before has nothing dropped', () => {
    expect(DEFAULT_SETTINGS.shop.chatLinks).toEqual({ last: null, whatsapp: { account: '', message: '' }, messenger: { account: '' }, instagram: { account: '' }, telegram: { account: '', message: '' } });
    expect(readSettings({ shop: { name: 'Noor', greeting: 'Hi' } })).toEqual({ settings: withValue(withValue(DEFAULT_SETTINGS, 'shop.name', 'Noor'), 'shop.greeting', 'Hi'), dropped: 0 });
  });

  it('drops a bad stored entry alone: the platform, its other field and the other platforms are kept', () => {
    const { settings, dropped } = readSettings({ shop: { greeting: 'Hi', chatLinks: { ...typed, whatsapp: { account: '+966501234567', message: 7 }, telegram: 'sweet_shop' } } });
    expect(dropped).toBe(2);
    expect(settings.shop.chatLinks).toEqual({ ...DEFAULT_SETTINGS.shop.chatLinks, last: 'telegram', whatsapp: { account: '+966501234567', message: '' } });
    expect(settings.shop.greeting).toBe('Hi');
    // The whole group unreadable: the tab starts empty, the rest of the shop is kept.
    const broken = readSettings({ shop: { greeting: 'Hi', chatLinks: 'wa.me/966501234567' } });
    expect(broken.dropped).toBe(1);
    expect(broken.settings.shop).toEqual({ ...DEFAULT_SETTINGS.shop, greeting: 'Hi' });
  });

  it('keeps no message for Messenger or Instagram, whose links take none', () => {
    expect(readSettings({ shop: { chatLinks: { messenger: { account: 'SweetShop', message: 'Hi' } } } }).settings.shop.chatLinks.messenger).toEqual({ account: 'SweetShop' });
    expect(commandSchema.safeParse({ type: 'settings.set', shop: { chatLinks: { instagram: { account: 'sweet.shop', message: 'Hi' } } } }).success).toBe(false);
  });

  it('changes one field of one platform with settings.set and leaves the others as they were', () => {
    const start = readSettings({ shop: { chatLinks: typed } }).settings;
    const command = commandSchema.parse({ type: 'settings.set', shop: { chatLinks: { whatsapp: { message: 'أهلاً' } } } });
    if (command.type !== 'settings.set') throw new Error('not settings.set');
    const { type: _type, ...patch } = command;
    expect(mergeSettings(start, patch).shop.chatLinks).toEqual({ ...start.shop.chatLinks, whatsapp: { account: '+966501234567', message: 'أهلاً' } });
  });
});

describe('a setting added to a schema', () => {
  it('reaches the type, the defaults, the patch, the merge and the file’s reading with no other code', () => {
    const variant = z.object({
      ...settingsSchema.shape,
      compact: z.boolean().default(false),
      notifications: notificationSettings.extend({ vibrate: z.enum(['off', 'short', 'long']).default('off') }).prefault({}),
      calls: z.object({ ringtone: z.string().max(20).trim().default('classic') }).prefault({}),
    });
    const defaults = variant.parse({});
    expect(defaults).toEqual({ ...DEFAULT_SETTINGS, compact: false, notifications: { ...DEFAULT_SETTINGS.notifications, vibrate: 'off' }, calls: { ringtone: 'classic' } });

    const patch = z.strictObject(patchShape(variant.shape));
    expect(patch.safeParse({ compact: true, notifications: { vibrate: 'long' }, calls: { ringtone: 'bell' } }).success).toBe(true);
    expect(patch.safeParse({ notifications: { vibrate: 'loud' } }).success).toBe(false);
    expect(patch.safeParse({ calls: { volume: 3 } }).success).toBe(false);
    // A patch never resets what it leaves out to a default.
    expect(patch.parse({ calls: {} })).toEqual({ calls: {} });

    const merged = mergePatch(variant.shape, defaults, patch.parse({ notifications: { vibrate: 'long' }, calls: { ringtone: ' bell ' } }));
    const vibrate: 'off' | 'short' | 'long' = merged.notifications.vibrate;
    expect(vibrate).toBe('long');
    expect(merged).toEqual({ ...defaults, notifications: { ...defaults.notifications, vibrate: 'long' }, calls: { ringtone: 'bell' } });
    expect(merged.shop).toBe(defaults.shop);

    const read = variant.parse({});
    expect(salvage(variant.shape, { compact: true, notifications: { vibrate: 'loud', sound: false }, calls: 'ring' }, read)).toBe(2);
    expect(read).toEqual({ ...defaults, compact: true, notifications: { ...defaults.notifications, sound: false } });
  });
});

let main: MainUnderTest | undefined;
afterEach(() => {
  main?.close();
  main = undefined;
});

async function send(m: MainUnderTest, cmd: Record<string, unknown>): Promise<CommandResult> {
  const handler = m.fake.ipcMain.handlers.get(CHANNELS.command);
  if (!handler) throw new Error('app:command is not wired');
  return (await handler(m.event('shell'), cmd)) as CommandResult;
}

const onDisk = (m: MainUnderTest): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(m.profile, 'settings.json'), 'utf8')) as Record<string, unknown>;

/** Quits (pending writes happen) and starts again on the same profile, its settings file as it is. */
async function restart(m: MainUnderTest): Promise<MainUnderTest> {
  await m.advance(1_000);
  m.quit();
  m.close({ keepProfile: true });
  main = undefined;
  main = await bootMain(null, { profile: m.profile });
  return main;
}

describe('every setting, through main', () => {
  it('changes exactly that setting with settings.set, refuses an invalid value, and is still set after a restart', async () => {
    main = await bootMain(goodSettings());
    let expected = (await main.state()).settings;
    for (const [at, [valid, invalid]] of entries(SAMPLES)) {
      const before = (await main.state()).settings;
      expect(await send(main, { type: 'settings.set', ...patchAt(at, invalid) })).toMatchObject({ ok: false, error: 'invalid' });
      expect((await main.state()).settings).toBe(before);
      if (at === FOLDER) {
        expect(await send(main, { type: 'settings.set', ...patchAt(at, valid) })).toMatchObject({ ok: false, error: 'invalid' });
        main.fake.dialog.answers.open = String(valid);
        expect(await send(main, { type: 'downloads.chooseFolder' })).toEqual({ ok: true });
      } else {
        expect(await send(main, { type: 'settings.set', ...patchAt(at, valid) })).toEqual({ ok: true });
      }
      expected = withValue(expected, at, valid);
      expect((await main.state()).settings, at).toEqual(expected);
      expect(expected, at).not.toEqual(before);
    }
    const restarted = await restart(main);
    const state = await restarted.state();
    expect(state.settings).toEqual(expected);
    expect(onDisk(restarted)['settings']).toEqual(expected);
    expect(state.notices).toEqual([]);
  }, 30_000);

  it('changes exactly that choice of a service with service.set, refuses an invalid value, and keeps it after a restart', async () => {
    main = await bootMain(goodSettings());
    const original = SERVICES[1];
    if (!original) throw new Error('no second service');
    let expected: Record<string, unknown> = { ...original };
    for (const [key, [valid, invalid]] of entries(SERVICE_SAMPLES)) {
      const before = (await main.state()).services;
      expect(await send(main, { type: 'service.set', id: original.id, [key]: invalid })).toMatchObject({ ok: false, error: 'invalid' });
      expect((await main.state()).services).toBe(before);
      expect(await send(main, { type: 'service.set', id: original.id, [key]: valid })).toEqual({ ok: true });
      expected = { ...expected, [key]: valid };
      expect((await main.state()).services, key).toEqual([SERVICES[0], expected]);
    }
    const restarted = await restart(main);
    expect((await restarted.state()).services).toEqual([SERVICES[0], expected]);
    expect(onDisk(restarted)['services']).toEqual([SERVICES[0], expected]);
  }, 30_000);
});

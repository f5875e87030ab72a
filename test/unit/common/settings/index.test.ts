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
import { DEFAULT_SETTINGS, readSettings, settingsSchema, type Settings } from '../../../../common/settings';
import { mergePatch, patchShape, salvage } from '../../../../common/settings/derive';
import { notificationSettings } from '../../../../common/settings/groups';
import { serviceOptional, serviceSwitches, type ServiceChoices } from '../../../../common/settings/service';
import { bootMain, goodSettings, SERVICES, type MainUnderTest } from '../../hostile/main-under-test';

vi.mock('electron', async () => (await import('../../hostile/main-under-test')).fakeElectronModule());
vi.mock('electron-store', async () => (await import('../../hostile/main-under-test')).fakeElectronStore());

/** Every setting's path: `theme`, or `group.field` for a setting of a group kept under its own key. */
type SettingPath = {
  [K in keyof Settings]: Settings[K] extends Record<string, unknown> ? `${K}.${Extract<keyof Settings[K], string>}` : K;
}[keyof Settings];

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
    return inner instanceof z.ZodObject ? settingPaths(inner.shape, `${key}.`) : [`${prefix}${key}`];
  });
}

const entries = <K extends string, V>(record: Record<K, V>) => Object.entries(record) as [K, V][];

/** `{ theme: value }`, or `{ shop: { name: value } }` for a setting of a group. */
function patchAt(at: string, value: unknown): Record<string, unknown> {
  const [group, key] = at.split('.');
  return key === undefined ? { [at]: value } : { [group ?? '']: { [key]: value } };
}

/** The settings with one setting changed. */
function withValue(settings: Settings, at: string, value: unknown): Settings {
  const [group = '', key] = at.split('.');
  const values = settings as unknown as Record<string, Record<string, unknown>>;
  return { ...settings, [group]: key === undefined ? value : { ...values[group], [key]: value } };
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
    const [group = '', key] = at.split('.');
    const defaults = DEFAULT_SETTINGS as unknown as Record<string, Record<string, unknown>>;
    const fallback = key === undefined ? defaults[group] : defaults[group]?.[key];
    expect(readSettings(stored)).toEqual({ settings: withValue(ALL_CHANGED, at, fallback), dropped: 1 });
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

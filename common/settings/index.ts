/**
 * The settings as one schema made of the groups in ./groups.ts, and all that derives from it: the `Settings`
 * type, the defaults, the patch `settings.set` carries, the merge of a patch, and the reading of the settings
 * file's part, field by field. Nothing here names a field: a new one in a group reaches all of these by itself.
 */
import { z } from 'zod';
import { mergePatch, patchShape, salvage } from './derive';
import { desktopSettings, downloadSettings, generalSettings, layoutSettings, lockSettings, notificationSettings, powerSettings, shopSettings, shortcutSettings } from './groups';

export const settingsSchema = z.object({
  ...generalSettings.shape,
  ...desktopSettings.shape,
  ...lockSettings.shape,
  notifications: notificationSettings.prefault({}),
  shop: shopSettings.prefault({}),
  layout: layoutSettings.prefault({}),
  shortcuts: shortcutSettings.prefault({}),
  downloads: downloadSettings.prefault({}),
  power: powerSettings.prefault({}),
});

export type Settings = z.output<typeof settingsSchema>;
export type ThemeSetting = Settings['theme'];
export type LanguageSetting = Settings['language'];
export type NotificationSettings = Settings['notifications'];
export type QuietHours = NotificationSettings['quietHours'];
export type ShopSettings = Settings['shop'];
export type DayHours = ShopSettings['hours'][number];
export type SpecialHours = ShopSettings['specialHours'][number];
export type ChatLinkSettings = ShopSettings['chatLinks'];
export type LayoutSettings = Settings['layout'];
export type ShortcutSettings = Settings['shortcuts'];
export type DownloadSettings = Settings['downloads'];
export type PowerSettings = Settings['power'];

/** The settings a new profile starts with, as new objects. */
export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}

/** The settings a new profile starts with. */
export const DEFAULT_SETTINGS: Settings = defaultSettings();

/** What `settings.set` carries: any of the settings, a group's fields each on its own. */
export const settingsPatchShape = patchShape(settingsSchema.shape);
export type SettingsPatch = z.output<z.ZodObject<typeof settingsPatchShape>>;

/** The settings with a patch applied; the groups it does not touch stay the same objects. */
export function mergeSettings(current: Settings, patch: SettingsPatch): Settings {
  return mergePatch(settingsSchema.shape, current, patch);
}

/**
 * The settings part of a stored document: each valid setting kept, each invalid one at its default and counted in
 * `dropped` (as is a part that should be an object and is not). Absent settings take their defaults.
 */
export function readSettings(raw: unknown): { settings: Settings; dropped: number } {
  const settings = defaultSettings();
  return { settings, dropped: salvage(settingsSchema.shape, raw, settings) };
}

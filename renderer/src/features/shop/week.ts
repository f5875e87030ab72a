/**
 * The week as the user's locale lays it out: which day comes first (Saturday in much of the Arab world, Sunday
 * in Saudi Arabia and the United States, Monday in most of Europe), and the days' names in the UI language.
 * Days are numbered as Date.getDay() (0 is Sunday), the order the shop's settings keep them in.
 */

/** CLDR week data: `firstDay` 1 is Monday … 7 is Sunday. */
interface WeekInfo {
  firstDay: number;
}

/** Chromium has `getWeekInfo()`; older engines the `weekInfo` getter; neither is in TypeScript's lib yet. */
type LocaleWithWeek = Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };

/** The region whose calendar to follow: the shop's country when set, else the OS locale's when it speaks `language`. */
export function weekRegion(language: string, defaultRegion: string | null, systemLocale: string): string | undefined {
  if (defaultRegion !== null) return defaultRegion;
  try {
    const system = new Intl.Locale(systemLocale);
    return system.language === language ? system.region : undefined;
  } catch {
    return undefined;
  }
}

/** The first day of the week (0 is Sunday) in `language` as spoken in `region`. */
export function firstDayOfWeek(language: string, region: string | undefined): number {
  try {
    const locale: LocaleWithWeek = new Intl.Locale(language, region === undefined ? {} : { region });
    const info = locale.getWeekInfo?.() ?? locale.weekInfo;
    if (info !== undefined) return info.firstDay % 7;
  } catch {
    // An unknown region: fall back on the language alone.
  }
  return language === 'ar' ? 6 : 0;
}

/** The seven days (0 is Sunday) in the order the week is shown. */
export function weekOrder(firstDay: number): number[] {
  return Array.from({ length: 7 }, (_, i) => (firstDay + i) % 7);
}

/** The days' full names, index 0 Sunday. */
export function dayNames(language: string): string[] {
  const format = new Intl.DateTimeFormat(language, { weekday: 'long' });
  // 1 January 2023 was a Sunday.
  return Array.from({ length: 7 }, (_, day) => format.format(new Date(2023, 0, 1 + day)));
}

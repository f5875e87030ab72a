/**
 * The words main shows itself (application menu, tray, dialogs, notifications), in English and Arabic, through
 * i18next with the shell's conventions: catalogues in locales/, `{{name}}` placeholders, `{{count, number}}` in
 * the digits the settings choose (a sentence with a number takes a MainLocale, ./format.ts; words alone take the
 * language), and a key per plural form (`_one`/`_other`; Arabic `_zero`…`_many` too). The keys are typed
 * (i18next.d.ts), so a missing one fails to compile.
 */
import i18next, { type TFunction } from 'i18next';
import { PLATFORMS } from '../../common/catalog';
import { isolate, LANGUAGES, type UiLanguage } from '../../common/language';
import type { ServiceConfig } from '../../common/model';
import type { Label } from '../../common/shop/model';
import type { ReplySuggestion } from '../../common/shop/suggest';
import { formatMemory, keepDigitsInOrder, numberLocale, type MainLocale } from './format';
import ar from './locales/ar.json';
import en from './locales/en.json';

export { resolveLanguage } from '../../common/language';
export { mainLocale, type MainLocale } from './format';

/** Arabic holds every key English does (and more plural forms): a key missing from it fails to compile. */
const arabic: typeof en = ar;

const instance = i18next.createInstance();
void instance.init({
  resources: { en: { main: en }, ar: { main: arabic } },
  ns: ['main'],
  defaultNS: 'main',
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  // Menus, tooltips and notifications show plain text: nothing to escape.
  interpolation: { escapeValue: false },
});

const translators: Record<UiLanguage, TFunction<'main'>> = { en: instance.getFixedT('en', 'main'), ar: instance.getFixedT('ar', 'main') };

/**
 * Translates main's keys into one language: `mainT('ar')('tray.hide')`. Its `{{count, number}}` writes the
 * language's own digits: a sentence with a number goes through `counted` instead.
 */
export function mainT(language: UiLanguage): TFunction<'main'> {
  return translators[language];
}

type CountedKey = 'badge.unread' | 'tray.tooltipUnread' | 'notification.coalesced' | 'notification.held';

/** A sentence with a count, its plural form picked by the count and the count in the digits the settings choose. */
function counted(key: CountedKey, locale: MainLocale, count: number): string {
  return keepDigitsInOrder(locale, translators[locale.language](key, { count, locale: numberLocale(locale) }));
}

/** The fixed words (menu items, dialog titles, column names) by name, for code that takes them all at once. */
export type MainStrings = typeof en.words;

export function mainStrings(language: UiLanguage): MainStrings {
  return mainT(language)('words', { returnObjects: true });
}

/** A service as a notification names it: "WhatsApp (Shop)", or the account's name when it says as much. */
function serviceLabel(language: UiLanguage, service: Pick<ServiceConfig, 'platform' | 'name'>): string {
  const platform = PLATFORMS[service.platform].name;
  if (service.platform === 'custom' || service.name.toLowerCase().includes(platform.toLowerCase())) return service.name;
  return mainT(language)('notification.service', { platform, name: isolate(service.name) });
}

/**
 * The title of a service's OS notification: who wrote and which service it came from ("Ahmed — WhatsApp (Shop)"),
 * so no page can pose as another service or as Wasl; the service alone when the title must not say who.
 */
export function notificationTitle(language: UiLanguage, service: Pick<ServiceConfig, 'platform' | 'name'>, title?: string): string {
  const label = serviceLabel(language, service);
  return title === undefined ? label : mainT(language)('notification.title', { title: isolate(title), service: isolate(label) });
}

/** What screen readers say for the unread badge: "5 unread". */
export function unreadBadge(locale: MainLocale, count: number): string {
  return counted('badge.unread', locale, count);
}

/** The tray's tooltip: "Wasl", or "Wasl — 5 unread", and the memory Wasl uses when known ("· 812 MB"). */
export function trayTooltip(locale: MainLocale, total: number, memoryKiB?: number): string {
  const base = total > 0 ? counted('tray.tooltipUnread', locale, total) : mainT(locale.language)('tray.tooltip');
  return memoryKiB === undefined ? base : keepDigitsInOrder(locale, `${base} · ${formatMemory(locale, memoryKiB)}`);
}

/** "12 more new messages": the body of a notification that stands for a flood from one service. */
export function coalescedText(locale: MainLocale, count: number): string {
  return counted('notification.coalesced', locale, count);
}

/** "3 messages came in while you were closed": the pop-up at opening time for what business hours held. */
export function heldText(locale: MainLocale, count: number): string {
  return counted('notification.held', locale, count);
}

/** The titles of a notification's buttons and the placeholder of its answer field. */
export function notificationResponseText(language: UiLanguage): { done: string; remindLater: string; replyPlaceholder: string } {
  const t = mainT(language);
  return { done: t('notification.done'), remindLater: t('notification.remindLater'), replyPlaceholder: t('notification.replyPlaceholder') };
}

/** A suggested answer's notification button: "Type: Delivery times", "Type the greeting", "Type the away message". */
export function suggestionTitle(language: UiLanguage, suggestion: ReplySuggestion): string {
  const t = mainT(language);
  if (suggestion.reply !== undefined) return t('notification.suggestedReply', { name: suggestion.reply.name });
  return suggestion.kind === 'away' ? t('notification.suggestedAway') : t('notification.suggestedGreeting');
}

/** A label as the user sees it: their name for it, or a preset's name in their language. */
export function labelName(language: UiLanguage, label: Label): string {
  if (label.name !== undefined) return label.name;
  return label.preset === undefined ? '' : mainT(language)(`labelPresets.${label.preset}`);
}

/**
 * Numbers, countdowns and user text inside translated sentences, in the UI language.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Formatters {
  /** "in 5 seconds", "now", "خلال ٥ ثوانٍ". */
  inSeconds(seconds: number): string;
  /** An unread badge: nothing at 0, 1…99, then "99+". */
  badge(count: number): string | null;
  /** Short facts joined the way the language lists them ("3 unread, muted"). */
  list(items: readonly string[]): string;
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const numbers = new Intl.NumberFormat(language);
    const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
    const lists = new Intl.ListFormat(language, { type: 'unit', style: 'short' });
    return {
      inSeconds: (seconds) => relative.format(seconds, 'second'),
      badge: (count) => {
        if (count <= 0) return null;
        return count > 99 ? `${numbers.format(99)}+` : numbers.format(count);
      },
      list: (items) => lists.format(items),
    };
  }, [language]);
}

/**
 * Wraps user-provided text (a service name, a file name) in first-strong isolates, so an Arabic name inside an
 * English sentence, or the reverse, keeps its own direction without reordering the sentence around it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** Wraps text that is always left-to-right (a file path, an address) in a left-to-right isolate. */
export function isolateLtr(text: string): string {
  return `\u2066${text}\u2069`;
}

/**
 * Applies the settings to the document: language and direction on <html>, and the theme (`data-theme` when the
 * user chose one; absent for 'system', where CSS follows prefers-color-scheme).
 */
import { useEffect, useLayoutEffect, useSyncExternalStore } from 'react';
import type { i18n } from 'i18next';
import type { Settings } from '../../../../common/state';
import { directionOf, resolveLanguage, type UiLanguage } from '../../i18n';

function subscribeLanguage(onChange: () => void): () => void {
  window.addEventListener('languagechange', onChange);
  return () => window.removeEventListener('languagechange', onChange);
}

/** The OS language, followed while the app runs. */
export function useSystemLanguage(): string {
  return useSyncExternalStore(subscribeLanguage, () => navigator.language);
}

export function useUiLanguage(settings: Settings | undefined): UiLanguage {
  const system = useSystemLanguage();
  return resolveLanguage(settings?.language ?? 'system', system);
}

export function useDocumentSettings(i18n: i18n, language: UiLanguage, settings: Settings | undefined): void {
  // Before paint, so a language switch never shows a frame in the old direction.
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.lang = language;
    root.dir = directionOf(language);
    if (i18n.language !== language) void i18n.changeLanguage(language);
  }, [i18n, language]);

  const theme = settings?.theme ?? 'system';
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') root.removeAttribute('data-theme');
    else root.dataset['theme'] = theme;
  }, [theme]);
}

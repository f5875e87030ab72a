/**
 * The shell's translations: English and Arabic, chosen from the settings ('system' follows the OS language).
 */
import i18next, { type i18n } from 'i18next';
import type { LanguageSetting } from '../../../common/state';
import ar from './locales/ar.json';
import en from './locales/en.json';

export const LANGUAGES = ['en', 'ar'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];

const resources = { en: { translation: en }, ar: { translation: ar } } as const;

export function resolveLanguage(setting: LanguageSetting, systemLanguage: string): UiLanguage {
  if (setting !== 'system') return setting;
  return systemLanguage.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

export function directionOf(language: UiLanguage): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

export function createI18n(language: UiLanguage): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
  });
  return instance;
}

/**
 * The shell's translations: English and Arabic, chosen from the settings ('system' follows the OS language).
 */
import i18next, { type i18n } from 'i18next';
import { LANGUAGES, type UiLanguage } from '../../../common/language';
import ar from './locales/ar.json';
import en from './locales/en.json';

export { LANGUAGES, resolveLanguage, type UiLanguage } from '../../../common/language';

const resources = { en: { translation: en }, ar: { translation: ar } } as const;

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

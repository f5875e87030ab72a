/**
 * The words main's parts use (main/core/app/words.ts): in the language main speaks when they are needed.
 */
import { describe, expect, it } from 'vitest';
import type { ServiceConfig } from '../../../../../common/model';
import { csvText, fileTexts, notificationWords } from '../../../../../main/core/app/words';
import { DEFAULT_SETTINGS, type Settings } from '../../../../../common/settings';
import { mainLocale, mainStrings, type MainLocale } from '../../../../../main/i18n';

const shop: ServiceConfig = { id: 'wa', platform: 'whatsapp', name: 'Shop', enabled: true, muted: false, callsAllowed: false };

describe('fileTexts', () => {
  it('titles each dialog and names its filter, saving or opening', () => {
    const texts = fileTexts(() => 'en');
    expect(texts('backup', 'save')).toEqual({ title: 'Save a Backup of Wasl', filter: 'Wasl backup' });
    expect(texts('backup', 'open')).toEqual({ title: 'Restore a Backup', filter: 'Wasl backup' });
    expect(texts('customers-csv', 'save')).toEqual({ title: 'Export Customers', filter: 'CSV spreadsheet' });
    expect(texts('quick-replies', 'save')).toEqual({ title: 'Export Quick Replies', filter: 'Wasl quick replies' });
    expect(texts('quick-replies', 'open')).toEqual({ title: 'Import Quick Replies', filter: 'Wasl quick replies' });
    expect(texts('outline', 'save')).toEqual({ title: 'Save Page Outline for a Bug Report', filter: 'Wasl page outline' });
  });

  it('speaks the language of the moment it is asked', () => {
    let language: 'en' | 'ar' = 'en';
    const texts = fileTexts(() => language);
    language = 'ar';
    expect(texts('backup', 'save').title).toBe(mainStrings('ar').saveBackup);
  });
});

describe('csvText', () => {
  it('heads the columns, names labels (presets in the user’s language) and platforms', () => {
    const text = csvText(() => 'ar')();
    const ar = mainStrings('ar');
    expect(text.header).toEqual([ar.csvName, ar.csvPlatforms, ar.csvPhones, ar.csvLabels, ar.csvNotes, ar.csvLastContact]);
    expect(text.labelName({ id: 'l1', preset: 'paid', color: 'green' })).toBe('تم الدفع');
    expect(text.labelName({ id: 'l2', name: 'VIP', color: 'yellow' })).toBe('VIP');
    expect(text.platformName(shop)).toBe('WhatsApp (Shop)');
  });
});

describe('notificationWords', () => {
  it('says who wrote and where, sums up floods, and stands in for hidden text', () => {
    const words = notificationWords(() => ({ language: 'en', digits: 'auto', calendar: 'gregory' }));
    expect(words.serviceTitle(shop, 'Layla')).toBe('\u2068Layla\u2069 — \u2068WhatsApp (\u2068Shop\u2069)\u2069');
    expect(words.serviceTitle(shop)).toBe('WhatsApp (\u2068Shop\u2069)');
    expect(words.coalescedText(12)).toBe('12 more new messages');
    expect(words.heldText(1)).toBe('1 message came in while you were closed');
    expect(words.privateText()).toBe('New message');
    expect(words.reminderText()).toBe('Reminder');
  });

  it('names a notification’s buttons and its answer field in the user’s language', () => {
    let locale: MainLocale = { language: 'en', digits: 'auto', calendar: 'gregory' };
    const words = notificationWords(() => locale);
    expect(words.responseText()).toEqual({ done: 'Done', remindLater: 'Remind me in 1 hour', replyPlaceholder: 'Type a reply (Wasl will not send it)' });
    locale = { ...locale, language: 'ar' };
    expect(words.responseText()).toEqual({ done: 'تم', remindLater: 'ذكّرني بعد ساعة', replyPlaceholder: 'اكتب ردًا (لن يرسله وصل)' });
  });

  it('writes counts in the digits the settings choose, whatever the language', () => {
    let settings: Settings = { ...DEFAULT_SETTINGS, language: 'ar', digits: 'latn' };
    const words = notificationWords(() => mainLocale(settings, 'ar-EG'));
    expect(words.heldText(3)).toBe('وصلت 3 رسائل أثناء الإغلاق');
    expect(words.coalescedText(12)).toBe('12 رسالة جديدة أخرى');
    settings = { ...settings, language: 'en', digits: 'arab' };
    expect(words.heldText(3)).toBe('٣ messages came in while you were closed');
    expect(words.coalescedText(1234)).toBe('١٬٢٣٤ more new messages');
    settings = { ...settings, language: 'system', digits: 'arab' };
    expect(words.heldText(3)).toBe('وصلت ٣ رسائل أثناء الإغلاق');
  });
});

/**
 * Main's words through i18next: plural forms picked by count (Arabic's six included), counts in the digits the
 * shell uses, the language a setting means, user text left as written, and the sentences built from them.
 */
import { describe, expect, it } from 'vitest';
import { resolveLanguage } from '../../../../common/language';
import { coalescedText, heldText, labelName, mainLocale, mainStrings, mainT, notificationTitle, trayTooltip, unreadBadge, type MainLocale } from '../../../../main/i18n';
import ar from '../../../../main/i18n/locales/ar.json';
import en from '../../../../main/i18n/locales/en.json';
import { createI18n } from '../../../../renderer/src/i18n';

/** Digits as the platform's Intl writes Arabic numbers (Arabic-Indic or Latin, depending on its CLDR data). */
const n = (value: number) => new Intl.NumberFormat('ar').format(value);
const EN: MainLocale = { language: 'en', digits: 'auto', calendar: 'gregory' };
const AR: MainLocale = { ...EN, language: 'ar' };

describe('unreadBadge', () => {
  it('picks Arabic’s plural form for 0, 1, 2, 3, 11 and 100', () => {
    expect([0, 1, 2, 3, 11, 100].map((count) => unreadBadge(AR, count))).toEqual([
      'لا رسائل غير مقروءة',
      'رسالة واحدة غير مقروءة',
      'رسالتان غير مقروءتين',
      `${n(3)} رسائل غير مقروءة`,
      `${n(11)} رسالة غير مقروءة`,
      `${n(100)} رسالة غير مقروءة`,
    ]);
  });

  it('counts in English', () => {
    expect([0, 1, 5, 1234].map((count) => unreadBadge(EN, count))).toEqual(['0 unread', '1 unread', '5 unread', '1,234 unread']);
  });

  it('writes numbers in the digits the shell writes them in', () => {
    const shell = createI18n('ar');
    for (const count of [3, 47, 1234]) {
      expect(unreadBadge(AR, count)).toContain(n(count));
      expect(shell.t('services.unread', { count })).toContain(n(count));
    }
  });
});

describe('trayTooltip', () => {
  it('says the unread total in each Arabic plural form, and the name alone at 0', () => {
    expect([0, 1, 2, 7, 25, 300].map((count) => trayTooltip(AR, count))).toEqual([
      'وصل',
      'وصل — رسالة واحدة غير مقروءة',
      'وصل — رسالتان غير مقروءتين',
      `وصل — ${n(7)} رسائل غير مقروءة`,
      `وصل — ${n(25)} رسالة غير مقروءة`,
      `وصل — ${n(300)} رسالة غير مقروءة`,
    ]);
    expect(trayTooltip(EN, 1)).toBe('Wasl — 1 unread');
  });
});

describe('resolveLanguage', () => {
  it.each([
    ['system', 'ar', 'ar'],
    ['system', 'ar-EG', 'ar'],
    ['system', 'AR-sa', 'ar'],
    ['system', 'en-US', 'en'],
    ['system', 'fr-FR', 'en'],
    ['system', '', 'en'],
    ['en', 'ar-EG', 'en'],
    ['ar', 'en-US', 'ar'],
  ] as const)('%s with the OS in "%s" is %s', (setting, osLocale, expected) => {
    expect(resolveLanguage(setting, osLocale)).toBe(expected);
  });
});

describe('mainStrings', () => {
  it('gives the fixed words of the language as they are in its catalogue', () => {
    expect(mainStrings('en')).toEqual(en.words);
    expect(mainStrings('ar')).toEqual(ar.words);
    expect(mainStrings('ar').quit).toBe('إنهاء وصل');
  });
});

describe('user text inside a sentence', () => {
  it('stays as written: no placeholder, nesting or markup in it is acted on', () => {
    const I = (text: string) => `\u2068${text}\u2069`;
    const title = '{{service}} $t(words.quit) <b>&amp;</b>';
    expect(notificationTitle('en', { platform: 'telegram', name: '{{title}}' }, title)).toBe(`${I(title)} — ${I(`Telegram (${I('{{title}}')})`)}`);
    expect(mainT('ar')('dnd.quietHours', { from: '<22:00>', to: '$t(words.file)' })).toBe('ساعات الهدوء (<22:00>–$t(words.file))');
  });
});

describe('notificationTitle', () => {
  const I = (text: string) => `\u2068${text}\u2069`;
  it.each([
    ['en', 'whatsapp', 'Shop', 'Ahmed', `${I('Ahmed')} — ${I(`WhatsApp (${I('Shop')})`)}`],
    ['ar', 'whatsapp', 'المتجر', 'أحمد', `${I('أحمد')} — ${I(`WhatsApp (${I('المتجر')})`)}`],
    ['en', 'telegram', 'Telegram', 'Omar', `${I('Omar')} — ${I('Telegram')}`],
    ['en', 'whatsapp', 'WhatsApp Business', 'Omar', `${I('Omar')} — ${I('WhatsApp Business')}`],
    ['en', 'custom', 'chat.example.com', 'Omar', `${I('Omar')} — ${I('chat.example.com')}`],
    ['en', 'slack', 'Team', undefined, `Slack (${I('Team')})`],
  ] as const)('%s %s "%s" with %s: %s', (language, platform, name, title, expected) => {
    expect(notificationTitle(language, { platform, name }, title)).toBe(expected);
  });
});

describe('coalescedText', () => {
  it('counts in English and in Arabic with its plural forms', () => {
    expect([1, 2, 47].map((count) => coalescedText(EN, count))).toEqual(['1 more new message', '2 more new messages', '47 more new messages']);
    expect([0, 1, 2, 3, 11, 100].map((value) => coalescedText(AR, value))).toEqual([
      'لا رسائل جديدة أخرى',
      'رسالة جديدة أخرى',
      'رسالتان جديدتان أخريان',
      `${n(3)} رسائل جديدة أخرى`,
      `${n(11)} رسالة جديدة أخرى`,
      `${n(100)} رسالة جديدة أخرى`,
    ]);
  });
});

describe('heldText', () => {
  it('counts what came in while closed, in English and in Arabic with its plural forms', () => {
    expect([1, 5].map((count) => heldText(EN, count))).toEqual(['1 message came in while you were closed', '5 messages came in while you were closed']);
    expect([0, 1, 2, 3, 11, 100].map((value) => heldText(AR, value))).toEqual([
      'لم تصل أي رسالة أثناء الإغلاق',
      'وصلت رسالة واحدة أثناء الإغلاق',
      'وصلت رسالتان أثناء الإغلاق',
      `وصلت ${n(3)} رسائل أثناء الإغلاق`,
      `وصلت ${n(11)} رسالة أثناء الإغلاق`,
      `وصلت ${n(100)} رسالة أثناء الإغلاق`,
    ]);
  });
});

describe('labelName', () => {
  it('names a label as the user did, or a preset in the language of the interface', () => {
    expect(labelName('en', { id: 'l', color: 'red', name: 'VIP' })).toBe('VIP');
    expect(labelName('ar', { id: 'l', color: 'red', name: 'VIP', preset: 'paid' })).toBe('VIP');
    expect(labelName('en', { id: 'l', color: 'green', preset: 'pending-payment' })).toBe('Pending payment');
    expect(labelName('ar', { id: 'l', color: 'green', preset: 'pending-payment' })).toBe('في انتظار الدفع');
  });
});


describe('the digits the settings choose', () => {
  const latinArabic: MainLocale = { ...AR, digits: 'latn' };
  const indicEnglish: MainLocale = { ...EN, digits: 'arab' };

  it('writes Latin digits in Arabic sentences', () => {
    expect(unreadBadge(latinArabic, 3)).toBe('3 رسائل غير مقروءة');
    expect(unreadBadge(latinArabic, 1234)).toBe('1,234 رسالة غير مقروءة');
    expect(trayTooltip(latinArabic, 7, 812 * 1024)).toMatch(/^وصل — 7 رسائل غير مقروءة · 812 \S+$/u);
    expect(coalescedText(latinArabic, 11)).toBe('11 رسالة جديدة أخرى');
    expect(heldText(latinArabic, 3)).toBe('وصلت 3 رسائل أثناء الإغلاق');
  });

  it('writes Arabic-Indic digits in Arabic and in English sentences', () => {
    expect(unreadBadge({ ...AR, digits: 'arab' }, 3)).toBe('٣ رسائل غير مقروءة');
    expect(unreadBadge(indicEnglish, 5)).toBe('٥ unread');
    expect(trayTooltip(indicEnglish, 5)).toBe('Wasl — ٥ unread');
    expect(trayTooltip(indicEnglish, 0, 1.45 * 1024 * 1024)).toBe('Wasl · ١٫٥ GB');
    expect(coalescedText(indicEnglish, 1234)).toBe('١٬٢٣٤ more new messages');
    expect(heldText(indicEnglish, 2)).toBe('٢ messages came in while you were closed');
  });

  it('keeps the plural form the count picks, whatever the digits', () => {
    expect(unreadBadge(latinArabic, 2)).toBe(unreadBadge(AR, 2));
    expect(heldText(indicEnglish, 1)).toBe('١ message came in while you were closed');
  });

  it('leaves the language’s own digits when they are left to it', () => {
    expect(unreadBadge(EN, 3)).toBe('3 unread');
    expect(unreadBadge(AR, 3)).toBe(`${n(3)} رسائل غير مقروءة`);
    expect(unreadBadge({ ...EN, calendar: 'hijri' }, 1234)).toBe('1,234 unread');
  });

  it('reads the language, the digits and the calendar from the settings', () => {
    expect(mainLocale({ language: 'system', digits: 'latn', calendar: 'hijri' }, 'ar-MA')).toEqual({ language: 'ar', digits: 'latn', calendar: 'hijri' });
    expect(mainLocale({ language: 'en', digits: 'arab', calendar: 'both' }, 'ar-EG')).toEqual({ language: 'en', digits: 'arab', calendar: 'both' });
  });
});

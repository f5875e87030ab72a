/**
 * The words main's parts need, in the language main speaks at the moment they are needed: the titles and filters
 * of the file dialogs, the customers CSV's header and names, and the texts of Wasl's own notifications (their
 * counts in the digits the settings choose). The CSV's dates and numbers are not among them: they stay ISO and
 * Latin, as spreadsheets read them.
 */
import { PLATFORMS } from '../../../common/catalog';
import { coalescedText, heldText, labelName, mainStrings, notificationResponseText, notificationTitle, type MainLocale } from '../../i18n';
import type { NotificationCenterDeps } from '../notifications/center';
import type { CsvText, FileTexts } from '../shop/data-transfer';

type Language = () => 'en' | 'ar';

export function fileTexts(language: Language): FileTexts {
  return (kind, action) => {
    const s = mainStrings(language());
    if (kind === 'customers-csv') return { title: s.saveCustomers, filter: s.filterCsv };
    if (kind === 'outline') return { title: s.saveOutline, filter: s.filterOutline };
    if (kind === 'qr-png') return { title: s.saveQrCode, filter: s.filterPng };
    if (kind === 'qr-svg') return { title: s.saveQrCode, filter: s.filterSvg };
    if (kind === 'backup') return { title: action === 'save' ? s.saveBackup : s.openBackup, filter: s.filterBackup };
    return { title: action === 'save' ? s.saveReplies : s.openReplies, filter: s.filterReplies };
  };
}

export function csvText(language: Language): () => CsvText {
  return () => {
    const lang = language();
    const s = mainStrings(lang);
    return {
      header: [s.csvName, s.csvPlatforms, s.csvPhones, s.csvLabels, s.csvNotes, s.csvLastContact],
      labelName: (label) => labelName(lang, label),
      platformName: (service) => `${PLATFORMS[service.platform].name} (${service.name})`,
    };
  };
}

export type NotificationWords = Required<Pick<NotificationCenterDeps, 'serviceTitle' | 'coalescedText' | 'privateText' | 'heldText' | 'reminderText' | 'responseText'>>;

export function notificationWords(locale: () => MainLocale): NotificationWords {
  return {
    serviceTitle: (service, title) => notificationTitle(locale().language, service, title),
    coalescedText: (count) => coalescedText(locale(), count),
    privateText: () => mainStrings(locale().language).newMessage,
    heldText: (count) => heldText(locale(), count),
    reminderText: () => mainStrings(locale().language).reminder,
    responseText: () => notificationResponseText(locale().language),
  };
}

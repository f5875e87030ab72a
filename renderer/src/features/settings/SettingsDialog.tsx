/**
 * Settings: appearance, language, digits, calendar, the country of local phone numbers (to merge chats by
 * number), what the unread badges count, the app lock, desktop behaviour, updates and the keyboard shortcuts.
 * Each choice applies at once.
 */
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CALENDARS, DIGITS, type CalendarSetting, type DigitsSetting } from '../../../../common/language';
import type { LanguageSetting, Settings, ThemeSetting } from '../../../../common/state';
import { Dialog } from '../../components/Dialog';
import { useApp } from '../../store/context';
import { LockSettings } from '../lock/LockSettings';
import { useServiceActions } from '../services/useServiceActions';
import { UpdateSettings } from '../updates/UpdateSettings';
import { DesktopSettings } from './DesktopSettings';
import { DownloadSettings } from './DownloadSettings';
import { KeyboardSettings } from './KeyboardSettings';
import { namedRegions } from './regions';

const THEME_TEXT = {
  system: 'settings.theme.system',
  light: 'settings.theme.light',
  dark: 'settings.theme.dark',
} as const satisfies Record<ThemeSetting, string>;

/** Languages are offered in their own names, whatever the current one is. */
const DIGITS_TEXT = {
  auto: 'settings.digits.auto',
  latn: 'settings.digits.latn',
  arab: 'settings.digits.arab',
} as const satisfies Record<DigitsSetting, string>;

const CALENDAR_TEXT = {
  gregory: 'settings.calendar.gregory',
  hijri: 'settings.calendar.hijri',
  both: 'settings.calendar.both',
} as const satisfies Record<CalendarSetting, string>;

const LANGUAGE_NAMES = { en: 'English', ar: 'العربية' } as const;

interface Choice<T extends string> {
  value: T;
  label: string;
  lang?: string;
}

function ChoiceGroup<T extends string>({
  legend,
  value,
  choices,
  onChange,
}: {
  legend: string;
  value: T;
  choices: readonly Choice<T>[];
  onChange: (value: T) => void;
}) {
  const name = useId();
  return (
    <fieldset className="choice-group">
      <legend className="choice-legend">{legend}</legend>
      <div className="segmented">
        {choices.map((choice) => (
          <label key={choice.value} className="segment" lang={choice.lang}>
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={choice.value === value}
              onChange={() => onChange(choice.value)}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function RegionSelect({ value, onChange }: { value: string | null; onChange: (region: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const hintId = useId();
  const regions = useMemo(() => namedRegions(i18n.language), [i18n.language]);
  return (
    <div className="field settings-field">
      <label htmlFor={id} className="choice-legend">
        {t('settings.region.label')}
      </label>
      <select
        id={id}
        className="field-input field-select"
        value={value ?? ''}
        aria-describedby={hintId}
        onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
      >
        <option value="">{t('settings.region.none')}</option>
        {regions.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </select>
      <p id={hintId} className="field-hint">
        {t('settings.region.hint')}
      </p>
    </div>
  );
}

/** `section`: the part shown first (scrolled to), the keyboard shortcuts when the cheat sheet asked for them. */
export function SettingsDialog({ onClose, section }: { onClose: () => void; section?: 'keyboard' }) {
  const { t } = useTranslation();
  const settings = useApp((s) => s.settings);
  const { run } = useServiceActions();
  const counts: Choice<Settings['unreadCount']>[] = [
    { value: 'messages', label: t('settings.unreadCount.messages') },
    { value: 'chats', label: t('settings.unreadCount.chats') },
  ];

  const themes: Choice<ThemeSetting>[] = (['system', 'light', 'dark'] as const).map((value) => ({
    value,
    label: t(THEME_TEXT[value]),
  }));
  const languages: Choice<LanguageSetting>[] = [
    { value: 'system', label: t('settings.language.system') },
    { value: 'en', label: LANGUAGE_NAMES.en, lang: 'en' },
    { value: 'ar', label: LANGUAGE_NAMES.ar, lang: 'ar' },
  ];

  return (
    <Dialog title={t('settings.title')} onClose={onClose} size="md">
      <div className="dialog-body settings-body">
        <ChoiceGroup
          legend={t('settings.theme.label')}
          value={settings.theme}
          choices={themes}
          onChange={(theme) => run({ type: 'settings.set', theme })}
        />
        <ChoiceGroup
          legend={t('settings.language.label')}
          value={settings.language}
          choices={languages}
          onChange={(language) => run({ type: 'settings.set', language })}
        />
        <ChoiceGroup
          legend={t('settings.digits.label')}
          value={settings.digits}
          choices={DIGITS.map((value) => ({ value, label: t(DIGITS_TEXT[value]) }))}
          onChange={(digits) => run({ type: 'settings.set', digits })}
        />
        <ChoiceGroup
          legend={t('settings.calendar.label')}
          value={settings.calendar}
          choices={CALENDARS.map((value) => ({ value, label: t(CALENDAR_TEXT[value]) }))}
          onChange={(calendar) => run({ type: 'settings.set', calendar })}
        />
        <RegionSelect value={settings.defaultRegion} onChange={(defaultRegion) => run({ type: 'settings.set', defaultRegion })} />
        <ChoiceGroup
          legend={t('settings.unreadCount.label')}
          value={settings.unreadCount}
          choices={counts}
          onChange={(unreadCount) => run({ type: 'settings.set', unreadCount })}
        />
        <LockSettings />
        <DesktopSettings />
        <DownloadSettings />
        <UpdateSettings />
        <KeyboardSettings scrollIntoView={section === 'keyboard'} />
      </div>
      <footer className="dialog-footer">
        <button type="button" className="button button-primary" onClick={onClose}>
          {t('common.done')}
        </button>
      </footer>
    </Dialog>
  );
}

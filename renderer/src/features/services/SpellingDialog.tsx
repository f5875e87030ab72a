/**
 * The languages a service's pages are spell-checked in: several at once, or none. Until the user ticks one, the
 * default ones show, taken from Wasl's language and the system's (common/spelling.ts). Each change applies at once.
 * What the system can do is said plainly: on macOS its own checker decides (Arabic included) and the list is not
 * shown; on Windows and Linux, Arabic cannot be checked, why, and what the user gets instead; and where dictionaries
 * come from (Google's server), what is typed never being sent.
 */
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceConfig } from '../../../../common/model';
import { checkableOn, chosenSpellLanguages, SPELL_LANGUAGES, spellingNotes, type SpellingNote, type SpellLanguage } from '../../../../common/spelling';
import type { HostOs } from '../../../../common/state';
import { Dialog } from '../../components/Dialog';
import { isolate } from '../../i18n/format';
import { useApp } from '../../store/context';
import { useServiceActions } from './useServiceActions';

/** The text of each note; Arabic's depends on the system, for the reason differs. */
function noteText(note: SpellingNote, os: HostOs) {
  switch (note) {
    case 'system-checker':
      return 'spelling.systemChecker';
    case 'no-arabic':
      return os === 'win32' ? 'spelling.noArabicWindows' : 'spelling.noArabicLinux';
    case 'off':
      return 'spelling.off';
    case 'download-linux':
      return 'spelling.downloadLinux';
    case 'download-windows':
      return 'spelling.downloadWindows';
  }
}

/** Notes that say something is not checked stand out; those that only inform do not. */
const WARNINGS: ReadonlySet<SpellingNote> = new Set(['no-arabic', 'off']);

export function SpellingDialog({ service, onClose }: { service: ServiceConfig; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { run } = useServiceActions();
  const os = useApp((s) => s.os);
  const systemLanguages = useApp((s) => s.systemLanguages);
  const legendId = useId();
  const language = i18n.language === 'ar' ? 'ar' : 'en';
  const chosen = chosenSpellLanguages(service.spellLanguages, language, systemLanguages);
  const names = useMemo(() => new Intl.DisplayNames([language], { type: 'language', languageDisplay: 'standard' }), [language]);
  const notes = spellingNotes(chosen, os);

  const toggle = (code: SpellLanguage, on: boolean) => {
    const spellLanguages = SPELL_LANGUAGES.filter((c) => (c === code ? on : chosen.includes(c)));
    run({ type: 'service.set', id: service.id, spellLanguages });
  };

  return (
    <Dialog title={t('spelling.title', { name: isolate(service.name) })} onClose={onClose} size="lg">
      <div className="dialog-body spelling-body">
        <p className="field-hint">{t('spelling.intro')}</p>
        {os === 'darwin' ? null : (
          <fieldset className="spelling-languages" aria-labelledby={legendId}>
            <legend id={legendId} className="choice-legend">
              {t('spelling.legend')}
            </legend>
            <ul className="spelling-list">
              {SPELL_LANGUAGES.map((code) => (
                <li key={code}>
                  <label className="spelling-choice">
                    <input type="checkbox" checked={chosen.includes(code)} onChange={(event) => toggle(code, event.target.checked)} />
                    <span className="spelling-name">{names.of(code) ?? code}</span>
                    {checkableOn(code, os) ? null : <span className="spelling-unavailable">{os === 'win32' ? t('spelling.notOnWindows') : t('spelling.notOnLinux')}</span>}
                  </label>
                </li>
              ))}
            </ul>
            {service.spellLanguages === undefined ? <p className="field-hint">{t('spelling.automatic')}</p> : null}
          </fieldset>
        )}
        <ul className="spelling-notes">
          {notes.map((note) => (
            <li key={note} className={WARNINGS.has(note) ? 'spelling-note is-warning' : 'spelling-note'}>
              {t(noteText(note, os))}
            </li>
          ))}
        </ul>
      </div>
      <footer className="dialog-footer">
        <button type="button" className="button button-primary" onClick={onClose}>
          {t('common.done')}
        </button>
      </footer>
    </Dialog>
  );
}

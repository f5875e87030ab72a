/**
 * The cheat sheet: every keyboard shortcut with the key it has now (the user's changes included), grouped by where
 * it works (anywhere in Wasl, in the chat list, anywhere on the computer), then the fixed keys. Keys are written as
 * the system writes them and stay left-to-right in the Arabic UI. A window key a hosted site keeps in its own page
 * says so.
 */
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { comboLabel, FIXED_KEYS, SHORTCUT_IDS, SHORTCUTS, sitesUsing, type Combo, type ShortcutScope } from '../../../../common/shortcuts';
import type { HostOs } from '../../../../common/state';
import { Dialog } from '../../components/Dialog';
import { useFormat } from '../../i18n/format';
import { useShell } from '../../store/context';
import { fixedKeyText, FIXED_NAMES, SCOPE_NAMES, SCOPES, SHORTCUT_NAMES, siteNote, useShortcutTable } from './keys';

/** A shortcut's keys, each a left-to-right `kbd`, or "None". */
export function Keys({ combos, os }: { combos: readonly Combo[]; os: HostOs }) {
  const { t } = useTranslation();
  if (combos.length === 0) return <span className="key-none">{t('shortcuts.none')}</span>;
  return (
    <span className="keys">
      {combos.map((combo, index) => (
        <span key={comboLabel(combo, os)}>
          {index > 0 ? <span className="keys-or"> {t('shortcuts.or')} </span> : null}
          <kbd className="key" dir="ltr">
            {comboLabel(combo, os)}
          </kbd>
        </span>
      ))}
    </span>
  );
}

function ScopeSection({ scope }: { scope: ShortcutScope }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { os, resolved } = useShortcutTable();
  const headingId = useId();
  return (
    <section className="shortcuts-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="choice-legend">
        {t(SCOPE_NAMES[scope])}
      </h3>
      <dl className="shortcut-list">
        {SHORTCUT_IDS.filter((id) => SHORTCUTS[id].scope === scope).map((id) => {
          const combos = resolved[id];
          const note = scope === 'window' ? siteNote(t, format, [...new Set(combos.flatMap((combo) => sitesUsing(combo, os)))]) : undefined;
          return (
            <div key={id} className="shortcut-row">
              <dt>{t(SHORTCUT_NAMES[id])}</dt>
              <dd>
                <Keys combos={combos} os={os} />
                {note === undefined ? null : <span className="shortcut-note">{note}</span>}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { ui } = useShell();
  const { os } = useShortcutTable();
  const fixedId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog title={t('shortcuts.title')} onClose={onClose} size="md" className="shortcuts-dialog" initialFocus={closeRef}>
      <div className="dialog-body shortcuts-body">
        {SCOPES.map((scope) => (
          <ScopeSection key={scope} scope={scope} />
        ))}
        <section className="shortcuts-section" aria-labelledby={fixedId}>
          <h3 id={fixedId} className="choice-legend">
            {t('shortcuts.scopes.fixed')}
          </h3>
          <dl className="shortcut-list">
            {(Object.keys(FIXED_KEYS) as (keyof typeof FIXED_KEYS)[]).map((fixed) => (
              <div key={fixed} className="shortcut-row">
                <dt>{t(FIXED_NAMES[fixed])}</dt>
                <dd>
                  <kbd className="key" dir="ltr">
                    {fixedKeyText(FIXED_KEYS[fixed], os)}
                  </kbd>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
      <footer className="dialog-footer">
        <button type="button" className="button" onClick={() => ui.getState().openDialog({ kind: 'settings', section: 'keyboard' })}>
          {t('shortcuts.change')}
        </button>
        <button ref={closeRef} type="button" className="button button-primary" onClick={onClose}>
          {t('common.close')}
        </button>
      </footer>
    </Dialog>
  );
}

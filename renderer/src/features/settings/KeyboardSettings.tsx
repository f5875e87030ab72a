/**
 * The keyboard part of the settings: every shortcut with its key now, grouped by where it works. "Change" records
 * the next key pressed (Escape cancels; meanwhile main leaves the window's keys to this screen), and the key is
 * checked by the table's rules (common/shortcuts.ts judgeKey): one another shortcut has, one the system or editing
 * needs, or a single key outside the chat list is refused and the reason said; a key a hosted site keeps in its
 * page is taken with a warning. "Reset" brings the default keys back, "None" leaves the shortcut without a key. Each
 * change is sent at once. The show/hide key the system refused (another app holds it) is said under its row.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  comboLabel,
  comboOfPress,
  comboText,
  judgeKey,
  parseCombo,
  SHORTCUT_IDS,
  SHORTCUTS,
  withKey,
  type Combo,
  type KeyVerdict,
  type ReservedKind,
  type ShortcutId,
} from '../../../../common/shortcuts';
import { isolateLtr, useFormat } from '../../i18n/format';
import { useApp, useCommand, useShell } from '../../store/context';
import { FIXED_NAMES, pressOf, SCOPE_NAMES, SCOPES, SHORTCUT_NAMES, siteNote, useShortcutTable } from '../shortcuts/keys';
import { Keys } from '../shortcuts/ShortcutsDialog';

const RESERVED_TEXT = {
  editing: 'settings.keyboard.reservedEditing',
  system: 'settings.keyboard.reservedSystem',
  menu: 'settings.keyboard.reservedMenu',
  focus: 'settings.keyboard.reservedFocus',
} as const satisfies Record<ReservedKind, string>;

interface Message {
  id: ShortcutId;
  tone: 'error' | 'warning';
  text: string;
}

export function KeyboardSettings({ scrollIntoView = false }: { scrollIntoView?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { os, overrides, resolved } = useShortcutTable();
  const refused = useApp((s) => s.globalKeyRefused);
  const command = useCommand();
  const { ui } = useShell();
  const [recording, setRecording] = useState<ShortcutId | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const recordingRef = useRef(recording);
  const headingId = useId();

  const keyText = (combo: Combo): string => isolateLtr(comboLabel(combo, os));
  const nameOf = (id: ShortcutId): string => t(SHORTCUT_NAMES[id]);

  const refusal = (verdict: Exclude<KeyVerdict, { ok: true }>, combo: Combo): string => {
    const key = keyText(combo);
    switch (verdict.reason) {
      case 'taken':
        return t('settings.keyboard.taken', { key, name: nameOf(verdict.by) });
      case 'fixed':
        return t('settings.keyboard.fixed', { key, name: t(FIXED_NAMES[verdict.fixed]) });
      case 'reserved':
        return t(RESERVED_TEXT[verdict.kind], { key });
      case 'needs-modifier':
        return os === 'darwin' ? t('settings.keyboard.needsModifierMac', { key }) : t('settings.keyboard.needsModifier', { key });
    }
  };

  const save = (id: ShortcutId, key: Combo | null | undefined, announce: string): void => {
    void command({ type: 'settings.set', shortcuts: { keys: withKey(overrides, id, key) } }).then((result) => {
      ui.getState().announce(result.ok ? announce : t('errors.commandFailed'));
    });
  };

  const record = (id: ShortcutId | null): void => {
    setRecording(id);
    void command({ type: 'shortcuts.record', recording: id !== null });
  };

  useEffect(() => {
    if (scrollIntoView) sectionRef.current?.scrollIntoView({ block: 'start' });
  }, [scrollIntoView]);

  useEffect(() => {
    recordingRef.current = recording;
  }, [recording]);

  // Leaving the screen while recording gives the window's keys back to Wasl.
  useEffect(
    () => () => {
      if (recordingRef.current !== null) void command({ type: 'shortcuts.record', recording: false });
    },
    [command],
  );

  useEffect(() => {
    if (recording === null) return;
    const onKeyDown = (event: KeyboardEvent) => {
      event.preventDefault();
      event.stopPropagation();
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
      if (event.code === 'Escape' && plain) {
        record(null);
        return;
      }
      const combo = comboOfPress(pressOf(event), os);
      // A modifier alone: the key is still to come.
      if (combo === undefined) return;
      const verdict = judgeKey(recording, combo, resolved, os);
      if (!verdict.ok) {
        setMessage({ id: recording, tone: 'error', text: refusal(verdict, combo) });
        return;
      }
      record(null);
      const note = siteNote(t, format, verdict.sites);
      setMessage(note === undefined ? null : { id: recording, tone: 'warning', text: note });
      save(recording, combo, t('settings.keyboard.saved', { name: nameOf(recording), key: keyText(combo) }));
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  });

  const reset = (id: ShortcutId): void => {
    for (const text of SHORTCUTS[id].defaults) {
      const combo = parseCombo(text);
      const verdict = combo === undefined ? undefined : judgeKey(id, combo, resolved, os);
      if (combo !== undefined && verdict !== undefined && !verdict.ok) {
        setMessage({ id, tone: 'error', text: refusal(verdict, combo) });
        return;
      }
    }
    setMessage(null);
    save(id, undefined, t('settings.keyboard.resetDone', { name: nameOf(id) }));
  };

  const clear = (id: ShortcutId): void => {
    setMessage(null);
    save(id, null, t('settings.keyboard.cleared', { name: nameOf(id) }));
  };

  const showHide = resolved['show-hide'][0];
  const globalRefused = refused !== undefined && showHide !== undefined && comboText(showHide) === refused;

  return (
    <section ref={sectionRef} className="settings-section keyboard-settings" aria-labelledby={headingId}>
      <h3 id={headingId} className="choice-legend">
        {t('settings.keyboard.title')}
      </h3>
      <p className="field-hint">{t('settings.keyboard.hint')}</p>
      {SCOPES.map((scope) => (
        <div key={scope} className="key-settings-group">
          <h4 className="key-settings-scope">{t(SCOPE_NAMES[scope])}</h4>
          <ul className="key-settings">
            {SHORTCUT_IDS.filter((id) => SHORTCUTS[id].scope === scope).map((id) => {
              const name = nameOf(id);
              const shown: Pick<Message, 'tone' | 'text'> | null =
                message?.id === id ? message : id === 'show-hide' && globalRefused ? { tone: 'error', text: t('settings.keyboard.refused', { key: keyText(showHide) }) } : null;
              return (
                <li key={id} className="key-setting">
                  <span className="key-setting-name">{name}</span>
                  <span className="key-setting-keys">
                    {recording === id ? <span className="key-recording">{t('settings.keyboard.recording')}</span> : <Keys combos={resolved[id]} os={os} />}
                  </span>
                  <span className="key-setting-actions">
                    <button
                      type="button"
                      className="button key-button"
                      aria-label={t('settings.keyboard.changeNamed', { name })}
                      aria-pressed={recording === id}
                      onClick={() => {
                        setMessage(null);
                        record(recording === id ? null : id);
                      }}
                    >
                      {t('settings.keyboard.change')}
                    </button>
                    <button type="button" className="button key-button" aria-label={t('settings.keyboard.resetNamed', { name })} disabled={!(id in overrides)} onClick={() => reset(id)}>
                      {t('settings.keyboard.reset')}
                    </button>
                    <button type="button" className="button key-button" aria-label={t('settings.keyboard.noneNamed', { name })} disabled={resolved[id].length === 0} onClick={() => clear(id)}>
                      {t('settings.keyboard.none')}
                    </button>
                  </span>
                  {shown === null ? null : (
                    <p className={shown.tone === 'error' ? 'field-error key-setting-message' : 'key-setting-warning key-setting-message'} role={shown.tone === 'error' ? 'alert' : 'status'}>
                      {shown.text}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}

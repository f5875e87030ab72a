/**
 * The find bar over the service in front (Ctrl/Cmd+F, the View menu's Find…): a field whose text main searches for
 * in the service's page (main/core/find/find.ts), how many matches there are and which one is selected ("3 of 12"),
 * and previous, next and close. Enter goes to the next match, Shift+Enter to the previous one; Escape closes the
 * bar and gives the page the keyboard focus back. The bar takes its own strip above the page: the viewport below
 * it shrinks, so the native page never covers it.
 *
 * The count shown is main's answer for the text in the field only (an answer to an earlier text is never shown
 * for a newer one), with its numbers in the UI language. The field's direction follows what is typed (dir="auto"),
 * so Arabic and English text both read the right way in either UI language.
 */
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/limits';
import type { ServiceConfig } from '../../../../common/model';
import type { FindState } from '../../../../common/state';
import { IconButton } from '../../components/IconButton';
import { ChevronDownIcon, ChevronUpIcon, CloseIcon, SearchIcon } from '../../components/icons';
import { useFormat, type Formatters } from '../../i18n/format';
import { useApp, useCommand, useShell, useUi } from '../../store/context';

/**
 * What the bar says of the search: nothing before main has answered the text in the field (or while it is still
 * counting none), else "3 of 12" or that there are no matches.
 */
export function findCount(t: TFunction, format: Formatters, text: string, serviceId: string, find: FindState | null | undefined): { text: string; none: boolean } {
  if (text === '' || !find || find.serviceId !== serviceId || find.text !== text) return { text: '', none: false };
  if (find.matches === 0) return find.pending ? { text: '', none: false } : { text: t('find.none'), none: true };
  return { text: t('find.count', { active: format.number(find.active), total: format.number(find.matches) }), none: false };
}

export function FindBar({ service }: { service: ServiceConfig }) {
  const { t } = useTranslation();
  const format = useFormat();
  const command = useCommand();
  const { ui } = useShell();
  const seq = useUi((s) => s.find?.seq ?? 0);
  const find = useApp((s) => s.find);
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);

  // Opened, or Ctrl/Cmd+F again while open: the field takes the focus with its text selected, to type a new one.
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [seq]);

  const search = (value: string, forward: boolean): void => {
    void command({ type: 'find.search', id: service.id, text: value, forward });
  };
  const step = (forward: boolean): void => {
    if (text !== '') search(text, forward);
  };
  const close = (focusPage: boolean): void => {
    ui.getState().closeFind();
    void command({ type: 'find.stop', id: service.id, focusPage });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      step(!event.shiftKey);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    }
  };
  const count = findCount(t, format, text, service.id, find);

  return (
    <div className="find-bar" role="search" aria-label={t('find.label')}>
      <label className="find-field">
        <SearchIcon />
        <input
          ref={input}
          className="find-input"
          type="text"
          dir="auto"
          value={text}
          maxLength={LIMITS.findText}
          placeholder={t('find.placeholder')}
          aria-label={t('find.field', { name: service.name })}
          aria-invalid={count.none}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => {
            setText(event.target.value);
            search(event.target.value, true);
          }}
          onKeyDown={onKeyDown}
        />
      </label>
      <output className={count.none ? 'find-count is-none' : 'find-count'} aria-live="polite">
        {count.text}
      </output>
      <IconButton label={t('find.previous')} disabled={text === ''} onClick={() => step(false)}>
        <ChevronUpIcon />
      </IconButton>
      <IconButton label={t('find.next')} disabled={text === ''} onClick={() => step(true)}>
        <ChevronDownIcon />
      </IconButton>
      <IconButton label={t('find.close')} onClick={() => close(true)}>
        <CloseIcon />
      </IconButton>
    </div>
  );
}

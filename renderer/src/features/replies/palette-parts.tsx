/**
 * What the palette's two pickers (quick replies, products) share: the search box that drives the list (arrows move
 * the choice, wrapping; Enter takes it; the count is spoken), keeping the chosen option in view, typing a text into
 * the chat in front through main (`service.insertText`; the user presses send), and the line that says where it
 * goes or why it did not.
 */
import { useEffect, useState, type KeyboardEvent, type RefObject } from 'react';
import { SearchIcon } from '../../components/icons';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../i18n/format';
import { useCommand, useShell } from '../../store/context';
import type { ReplyTarget } from './target';

/** Keeps `child` in view inside the scrolling `list` (which must be its offset parent). */
function keepInView(list: HTMLElement, child: HTMLElement): void {
  if (child.offsetTop < list.scrollTop) list.scrollTop = child.offsetTop;
  else if (child.offsetTop + child.offsetHeight > list.scrollTop + list.clientHeight) list.scrollTop = child.offsetTop + child.offsetHeight - list.clientHeight;
}

/** Keeps the chosen option (DOM id `optionId`) in view in the scrolling list, as the choice moves. */
export function useChosenInView(listRef: RefObject<HTMLElement | null>, optionId: string | undefined): void {
  useEffect(() => {
    const list = listRef.current;
    const option = optionId === undefined ? null : document.getElementById(optionId);
    if (list !== null && option !== null) keepInView(list, option);
  }, [listRef, optionId]);
}

export interface PickerSearchProps {
  listId: string;
  previewId: string;
  /** The chosen option's DOM id. */
  activeId: string | undefined;
  label: string;
  placeholder: string;
  query: string;
  /** The results as assistive technology hears them ("3 replies", "Nothing matches …"). */
  resultsText: string;
  onQuery: (query: string) => void;
  /** The chosen option's place among `count` results; `onMove` chooses another, `onEnter` takes the chosen one. */
  current: number;
  count: number;
  onMove: (index: number) => void;
  onEnter: () => void;
}

/** The picker's search box, a combobox over its list. */
export function PickerSearch(props: PickerSearchProps) {
  const { current, count, onMove } = props;
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = count - 1;
    if (event.key === 'ArrowDown') onMove(current >= last ? 0 : current + 1);
    else if (event.key === 'ArrowUp') onMove(current <= 0 ? last : current - 1);
    else if (event.key === 'Enter') props.onEnter();
    else return;
    event.preventDefault();
  };
  return (
    <>
      <div className="add-search reply-search">
        <SearchIcon />
        <input
          type="search"
          role="combobox"
          aria-expanded="true"
          aria-controls={props.listId}
          aria-autocomplete="list"
          aria-activedescendant={props.activeId}
          aria-describedby={props.previewId}
          className="add-search-input"
          aria-label={props.label}
          placeholder={props.placeholder}
          value={props.query}
          autoComplete="off"
          spellCheck={false}
          dir="auto"
          onChange={(event) => props.onQuery(event.target.value)}
          onKeyDown={onKeyDown}
          autoFocus
        />
      </div>
      <p className="visually-hidden" role="status">
        {props.resultsText}
      </p>
    </>
  );
}

export interface TextInsert {
  pending: boolean;
  failure: string | null;
  setFailure: (failure: string | null) => void;
  /** Types `text` into the target's chat; on success announces `done(service)` and closes the palette. */
  insert: (text: string, done: (service: string) => string) => Promise<void>;
}

export function useTextInsert(target: ReplyTarget | null, onClose: () => void): TextInsert {
  const { t } = useTranslation();
  const { ui } = useShell();
  const command = useCommand();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const insert = async (text: string, done: (service: string) => string) => {
    if (pending) return;
    if (target === null) {
      setFailure(t('replies.palette.noService'));
      return;
    }
    if (text.trim() === '') return;
    setPending(true);
    setFailure(null);
    const service = isolate(target.service.name);
    const result = await command({ type: 'service.insertText', id: target.service.id, text });
    if (result.ok) {
      ui.getState().announce(done(service));
      onClose();
      return;
    }
    setPending(false);
    setFailure(result.error === 'no-composer' ? t('replies.palette.noComposer', { service }) : t('replies.palette.failed', { service }));
  };
  return { pending, failure, setFailure, insert };
}

/** Where the text goes, or why it cannot go anywhere yet, or why it did not. */
export function Where({ target, failure }: { target: ReplyTarget | null; failure: string | null }) {
  const { t } = useTranslation();
  if (failure !== null) {
    return (
      <p className="reply-where is-error" role="alert">
        {failure}
      </p>
    );
  }
  if (target === null) return <p className="reply-where is-warning">{t('replies.palette.noService')}</p>;
  const service = isolate(target.service.name);
  const text =
    target.chatTitle === undefined ? t('replies.palette.toOpen', { service }) : t('replies.palette.to', { name: isolate(target.chatTitle), service });
  return <p className="reply-where">{text}</p>;
}

/**
 * What the palette's two pickers (quick replies, products) share: the list's state (the query, the chosen option
 * kept in view, the ids tying box, list and preview together), the search box that drives it (arrows move the
 * choice, wrapping; Enter takes it; the count is spoken), an option row, typing a text into the chat in front
 * through main (`service.insertText`; the user presses send), and the footer that says where it goes or why it did
 * not.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
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
function useChosenInView(listRef: RefObject<HTMLElement | null>, optionId: string | undefined): void {
  useEffect(() => {
    const list = listRef.current;
    const option = optionId === undefined ? null : document.getElementById(optionId);
    if (list !== null && option !== null) keepInView(list, option);
  }, [listRef, optionId]);
}

/**
 * A picker's list: `search` (stable: memoized by the caller) gives the results for the query; `onQuery` is told
 * each new query (the pickers clear a failure then). The choice goes back to the first result as the query changes.
 */
export function usePickerList<T extends { id: string }>(search: (query: string) => readonly T[], onQuery: () => void) {
  const listId = useId();
  const previewId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const results = useMemo(() => search(query), [search, query]);
  const current = Math.min(active, results.length - 1);
  const chosen: T | undefined = results[current];
  const optionId = (id: string) => `${listId}-${id}`;
  const activeId = chosen === undefined ? undefined : optionId(chosen.id);
  useChosenInView(listRef, activeId);
  const searchProps = {
    listId,
    previewId,
    activeId,
    query,
    current,
    count: results.length,
    onMove: setActive,
    onQuery: (value: string) => {
      setQuery(value);
      setActive(0);
      onQuery();
    },
  };
  return { listRef, query, results, current, chosen, optionId, setActive, searchProps };
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

/** One result in a picker's list: hovering chooses it, a click takes it. */
export function PickerOption(props: { id: string; selected: boolean; className: string; onChoose: () => void; onTake: () => void; children: ReactNode }) {
  return (
    <div
      id={props.id}
      role="option"
      aria-selected={props.selected}
      className={props.selected ? `${props.className} is-selected` : props.className}
      onMouseMove={() => {
        if (!props.selected) props.onChoose();
      }}
      onClick={() => {
        props.onChoose();
        props.onTake();
      }}
    >
      {props.children}
    </div>
  );
}

/** A picker's footer: where the text goes (or why not), the keys, the way to manage the list, and Insert. */
export function PickerFooter(props: { target: ReplyTarget | null; failure: string | null; manage: string; onManage: () => void; canInsert: boolean; onInsert: () => void }) {
  const { t } = useTranslation();
  return (
    <footer className="reply-palette-footer">
      <Where target={props.target} failure={props.failure} />
      <div className="reply-palette-actions">
        <span className="reply-keys" aria-hidden="true">
          {t('replies.palette.keys')}
        </span>
        <button type="button" className="button button-link" onClick={props.onManage}>
          {props.manage}
        </button>
        <button type="button" className="button button-primary" disabled={props.target === null || !props.canInsert} onClick={props.onInsert}>
          {t('replies.palette.insert')}
        </button>
      </div>
    </footer>
  );
}

/** Where the text goes, or why it cannot go anywhere yet, or why it did not. */
function Where({ target, failure }: { target: ReplyTarget | null; failure: string | null }) {
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

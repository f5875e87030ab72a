/**
 * "Link with…": pick the other entry that is the same person (search over names, previews and phone numbers);
 * all chats of both become one person. Undoable from the toast.
 */
import { useDeferredValue, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxEntry } from '../../../../common/model';
import { Dialog } from '../../components/Dialog';
import { SearchIcon } from '../../components/icons';
import { isolate, useFormat } from '../../i18n/format';
import { useInbox } from '../../store/inbox';
import { Avatar } from './Avatar';
import { useDirectory } from './directory';
import { matchesQuery, parseQuery } from './filter';
import { rowId } from './InboxRow';
import { useEntryActions } from './useEntryActions';

/** The picker lists this many candidates; searching finds the others. */
const SHOWN = 50;

export function LinkDialog({ entry, onClose }: { entry: InboxEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const inbox = useInbox();
  const directory = useDirectory();
  const actions = useEntryActions(directory);
  const listId = useId();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const [active, setActive] = useState(0);
  const [pending, setPending] = useState(false);

  const candidates = useMemo(() => {
    const parsed = parseQuery(deferred);
    const out: InboxEntry[] = [];
    for (const other of inbox.entries) {
      if (out.length >= SHOWN) break;
      if (other.key !== entry.key && (parsed === null || matchesQuery(other, inbox.chatsOf(other), parsed))) out.push(other);
    }
    return out;
  }, [deferred, entry.key, inbox]);
  const current = Math.min(active, candidates.length - 1);
  const optionId = (key: string) => `${listId}-${rowId(key)}`;

  const choose = async (other: InboxEntry) => {
    if (pending) return;
    setPending(true);
    if (await actions.link(entry, other)) onClose();
    else setPending(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = candidates.length - 1;
    if (event.key === 'ArrowDown') setActive(Math.min(last, current + 1));
    else if (event.key === 'ArrowUp') setActive(Math.max(0, current - 1));
    else if (event.key === 'Enter') {
      const chosen = candidates[current];
      if (chosen !== undefined) void choose(chosen);
    } else return;
    event.preventDefault();
  };

  const activeEntry = candidates[current];
  return (
    <Dialog title={t('inbox.link.title', { name: isolate(entry.title) })} onClose={onClose} size="md" className="link-dialog">
      <div className="add-search">
        <SearchIcon />
        <input
          type="search"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeEntry === undefined ? undefined : optionId(activeEntry.key)}
          className="add-search-input"
          aria-label={t('inbox.link.search')}
          placeholder={t('inbox.link.search')}
          value={query}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          autoFocus
        />
      </div>
      <div className="link-scroll">
        {candidates.length === 0 ? (
          <p className="add-empty">{t('inbox.empty.search')}</p>
        ) : (
          <div role="listbox" id={listId} aria-label={t('inbox.link.candidates')} className="link-list">
            {candidates.map((other, i) => (
              <div
                key={other.key}
                id={optionId(other.key)}
                role="option"
                aria-selected={i === current}
                className={i === current ? 'link-option is-selected' : 'link-option'}
                onMouseEnter={() => setActive(i)}
                onClick={() => void choose(other)}
              >
                <Avatar name={other.title} url={inbox.chatsOf(other).find((c) => c.avatarUrl !== undefined)?.avatarUrl} size="sm" />
                <span className="link-option-name" dir="auto">
                  {other.title}
                </span>
                <span className="link-option-where">{format.and(directory.labels(other.chats.map((c) => c.serviceId)))}</span>
              </div>
            ))}
          </div>
        )}
      </div>
    </Dialog>
  );
}

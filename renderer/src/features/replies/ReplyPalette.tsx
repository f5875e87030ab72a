/**
 * The quick reply palette (Ctrl/Cmd+Shift+Space, the menu, the toolbar): search the library, see the chosen
 * reply with its variables filled for the customer of the chat in front, and Enter types it into that chat's
 * message box. Wasl never sends: the user checks the text and presses send in the service's own page. When the
 * page cannot take it, the palette stays open with the search and the choice as they were.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuickReply } from '../../../../common/shop/model';
import { fillTemplate, variablesIn } from '../../../../common/shop/templates';
import { Dialog } from '../../components/Dialog';
import { QuickReplyIcon, SearchIcon } from '../../components/icons';
import { isolate } from '../../i18n/format';
import { useApp, useCommand, useShell } from '../../store/context';
import type { UiStore } from '../../store/ui';
import { parseQuery, replySearch } from './search';
import { useReplyTarget, type ReplyTarget } from './target';

export function ReplyPalette({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const replies = useApp((s) => s.quickReplies);
  return (
    <Dialog title={t('replies.palette.title')} onClose={onClose} size="lg" className="reply-palette">
      {replies.length === 0 ? <EmptyLibrary /> : <Picker replies={replies} onClose={onClose} />}
    </Dialog>
  );
}

function openLibrary(ui: UiStore): void {
  ui.getState().openDialog({ kind: 'shop', tab: 'replies' });
}

function EmptyLibrary() {
  const { t } = useTranslation();
  const { ui } = useShell();
  return (
    <div className="replies-empty">
      <span className="replies-empty-icon" aria-hidden="true">
        <QuickReplyIcon />
      </span>
      <h3 className="replies-empty-title">{t('replies.palette.emptyTitle')}</h3>
      <p className="replies-empty-text">{t('replies.palette.emptyBody')}</p>
      <button type="button" className="button button-primary" onClick={() => openLibrary(ui)}>
        {t('replies.palette.emptyAction')}
      </button>
    </div>
  );
}

/** Keeps `child` in view inside the scrolling `list` (which must be its offset parent). */
function keepInView(list: HTMLElement, child: HTMLElement): void {
  if (child.offsetTop < list.scrollTop) list.scrollTop = child.offsetTop;
  else if (child.offsetTop + child.offsetHeight > list.scrollTop + list.clientHeight) list.scrollTop = child.offsetTop + child.offsetHeight - list.clientHeight;
}

function Picker({ replies, onClose }: { replies: readonly QuickReply[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { ui } = useShell();
  const command = useCommand();
  const target = useReplyTarget();
  const shopName = useApp((s) => s.settings.shop.name);
  const listId = useId();
  const previewId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const search = useMemo(() => replySearch(replies), [replies]);
  const results = useMemo(() => search(query), [search, query]);
  const current = Math.min(active, results.length - 1);
  const chosen = results[current];
  const optionId = (id: string) => `${listId}-${id}`;
  const values = { name: target?.customerName, shop: shopName };
  const filled = chosen === undefined ? '' : fillTemplate(chosen.body, values);

  useEffect(() => {
    const list = listRef.current;
    const option = chosen === undefined ? null : document.getElementById(`${listId}-${chosen.id}`);
    if (list !== null && option !== null) keepInView(list, option);
  }, [chosen, listId]);

  const insert = async (reply: QuickReply) => {
    if (pending) return;
    if (target === null) {
      setFailure(t('replies.palette.noService'));
      return;
    }
    const text = fillTemplate(reply.body, values);
    if (text.trim() === '') return;
    setPending(true);
    setFailure(null);
    const service = isolate(target.service.name);
    const result = await command({ type: 'service.insertText', id: target.service.id, text });
    if (result.ok) {
      ui.getState().announce(t('replies.palette.inserted', { name: isolate(reply.name), service }));
      onClose();
      return;
    }
    setPending(false);
    setFailure(result.error === 'no-composer' ? t('replies.palette.noComposer', { service }) : t('replies.palette.failed', { service }));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = results.length - 1;
    if (event.key === 'ArrowDown') setActive(current >= last ? 0 : current + 1);
    else if (event.key === 'ArrowUp') setActive(current <= 0 ? last : current - 1);
    else if (event.key === 'Enter') {
      if (chosen !== undefined) void insert(chosen);
    } else return;
    event.preventDefault();
  };

  const typed = parseQuery(query).text === '' ? null : query.trim();
  const resultsText =
    results.length === 0 && typed !== null ? t('replies.palette.noMatch', { query: isolate(typed) }) : t('replies.palette.results', { count: results.length });

  return (
    <>
      <div className="add-search reply-search">
        <SearchIcon />
        <input
          type="search"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={chosen === undefined ? undefined : optionId(chosen.id)}
          aria-describedby={previewId}
          className="add-search-input"
          aria-label={t('replies.palette.search')}
          placeholder={t('replies.palette.placeholder')}
          value={query}
          autoComplete="off"
          spellCheck={false}
          dir="auto"
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setFailure(null);
          }}
          onKeyDown={onKeyDown}
          autoFocus
        />
      </div>
      <p className="visually-hidden" role="status">
        {resultsText}
      </p>
      <div className="reply-palette-body">
        <div ref={listRef} className="reply-results">
          <div role="listbox" id={listId} aria-label={t('replies.palette.list')} className="reply-options">
            {results.map((reply, i) => (
              <div
                key={reply.id}
                id={optionId(reply.id)}
                role="option"
                aria-selected={i === current}
                className={i === current ? 'reply-option is-selected' : 'reply-option'}
                onMouseMove={() => {
                  if (i !== current) setActive(i);
                }}
                onClick={() => {
                  setActive(i);
                  void insert(reply);
                }}
              >
                <span className="reply-option-name">
                  <bdi>{`/${reply.name}`}</bdi>
                </span>
                <span className="reply-option-body">
                  <bdi>{reply.body}</bdi>
                </span>
              </div>
            ))}
          </div>
          {results.length === 0 ? <p className="reply-no-match">{resultsText}</p> : null}
        </div>
        <section className="reply-preview" aria-label={t('replies.palette.preview')} id={previewId}>
          {chosen === undefined ? null : (
            <>
              <h3 className="reply-preview-name" dir="auto">{`/${chosen.name}`}</h3>
              <p className="reply-preview-text" dir="auto">
                {filled}
              </p>
              <Notes body={chosen.body} target={target} shopName={shopName} />
            </>
          )}
        </section>
      </div>
      <footer className="reply-palette-footer">
        <Where target={target} failure={failure} />
        <div className="reply-palette-actions">
          <span className="reply-keys" aria-hidden="true">
            {t('replies.palette.keys')}
          </span>
          <button type="button" className="button button-link" onClick={() => openLibrary(ui)}>
            {t('replies.palette.manage')}
          </button>
          <button type="button" className="button button-primary" disabled={target === null || chosen === undefined || pending} onClick={() => chosen !== undefined && void insert(chosen)}>
            {t('replies.palette.insert')}
          </button>
        </div>
      </footer>
    </>
  );
}

/** What the chosen reply's variables cannot be filled with, and how to fix it. */
function Notes({ body, target, shopName }: { body: string; target: ReplyTarget | null; shopName: string }) {
  const { t } = useTranslation();
  const { ui } = useShell();
  const used = variablesIn(body);
  const noName = (used.includes('name') || used.includes('first_name')) && target?.customerName === undefined;
  const noShop = used.includes('shop') && shopName.trim() === '';
  if (!noName && !noShop) return null;
  return (
    <ul className="reply-notes">
      {noName ? <li className="reply-note">{t('replies.vars.noName')}</li> : null}
      {noShop ? (
        <li className="reply-note">
          <span>{t('replies.vars.noShop')}</span>
          <button type="button" className="button button-link" onClick={() => ui.getState().openDialog({ kind: 'shop', tab: 'hours' })}>
            {t('replies.vars.setShop')}
          </button>
        </li>
      ) : null}
    </ul>
  );
}

/** Where the reply goes, or why it cannot go anywhere yet, or why it did not. */
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

/**
 * The unified inbox: every chat of every enabled service in one list, newest first, a person on several
 * platforms shown once. Above the list: search, views and filters, then a line for each service whose chats are
 * missing (loading, signed out…), then suggested links. The list is virtual (only the rows in view exist) and each
 * row re-renders only when its own entry or customer view changes. The selection is the one the list beside a service
 * shows (the UI store's). A row's menu and the customer card change what the shop keeps about the customer;
 * opening a customer whose reminder is due ends the reminder, opening one marked unread ends the mark. The views
 * say how many entries they hold.
 *
 * Keyboard: ↑/↓ (PageUp/PageDown, Home/End in the list) move the selection, Enter opens it, Shift+F10 or the
 * menu key opens its menu; the triage keys (done, mark unread, pin, snooze, undo: useListKeys.ts) act on it; `/`
 * or Ctrl/Cmd+K goes to the search box, where Esc clears the query, then leaves.
 */
import { lazy, useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { InboxEntry } from '../../../../common/model';
import { Menu, type MenuAnchor } from '../../components/Menu';
import { Spinner } from '../../components/Spinner';
import { isolate } from '../../i18n/format';
import { useApp, useShell, useUi } from '../../store/context';
import { reminderState, useCustomers } from '../../store/customers';
import { useChatsHydrated, useInbox, useSuggestions } from '../../store/inbox';
import { useCustomerMenu, type CustomerMenuPage } from '../customer/menu';
import { LazyDialog } from '../shell/LazyDialog';
import { useNow } from '../viewport/useNow';
import { useDirectory } from './directory';
import { countViews, NO_FILTER, narrow, neighbourOf, parseQuery, type InboxFilter } from './filter';
import { FilterChips, SearchBox } from './Filters';
import { InboxRow, ROW_HEIGHT, rowId, type RowHandlers } from './InboxRow';
import { ServiceBanners } from './ServiceBanners';
import { Suggestions } from './Suggestions';
import { UndoToast } from './UndoToast';
import { useListActions } from './useEntryActions';
import { useListKeys } from './useListKeys';
import { useReplySuggestions, useTypeSuggestion } from './suggestion';
import { useVirtualRows } from './useVirtualRows';

const TEXT_FIELD = 'input, textarea, select, [contenteditable="true"]';

const isTextField = (target: EventTarget | null): boolean => target instanceof Element && target.closest(TEXT_FIELD) !== null;

/** The customer card is a chunk of its own: the inbox's first paint does not wait for it. */
const CustomerCard = lazy(() => import('../customer/CustomerCard').then((m) => ({ default: m.CustomerCard })));

/** What an empty list says when the view or the filters left nothing. */
const EMPTY_TEXT = {
  all: 'inbox.empty.filter',
  unread: 'inbox.empty.unread',
  waiting: 'inbox.empty.waiting',
  snoozed: 'inbox.empty.snoozed',
  done: 'inbox.empty.done',
} as const satisfies Record<InboxFilter['view'], string>;

export function InboxView() {
  const { t } = useTranslation();
  const { ui, chats } = useShell();
  const inbox = useInbox();
  const hydrated = useChatsHydrated();
  const snapshots = useStore(chats, (s) => s.snapshots);
  const services = useApp((s) => s.services);
  const os = useApp((s) => s.os);
  const customerFields = useApp((s) => s.customerFields);
  const directory = useDirectory();
  const { customers, latest } = useCustomers(inbox);
  const customerMenu = useCustomerMenu();
  const actions = useListActions(directory, latest);
  const suggestions = useSuggestions(inbox);
  const now = useNow(60_000);
  const minute = Math.floor(now / 60_000) * 60_000;
  const titleId = useId();
  const listId = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const [list, setList] = useState<HTMLDivElement | null>(null);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [filter, setFilter] = useState<InboxFilter>(NO_FILTER);
  const selectedKey = useUi((s) => s.selectedKey);
  const setSelectedKey = ui.getState().select;
  const [menu, setMenu] = useState<{ key: string; anchor: MenuAnchor; page?: CustomerMenuPage } | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const [card, setCard] = useState<{ key: string; focus?: 'reminder' } | null>(null);
  const closeCard = useCallback(() => setCard(null), []);

  const parsed = useMemo(() => parseQuery(deferredQuery), [deferredQuery]);
  const visible = useMemo(
    () => narrow(inbox.entries, { filter, query: parsed, chatsOf: inbox.chatsOf, services, customers, now: minute, fields: customerFields }),
    [customerFields, customers, filter, inbox, minute, parsed, services],
  );
  const found = selectedKey === null ? -1 : visible.findIndex((e) => e.key === selectedKey);
  const selectedIndex = visible.length === 0 ? -1 : Math.max(0, found);
  const selected = visible[selectedIndex];
  const counts = useMemo(
    () => countViews(inbox.entries, { filter, chatsOf: inbox.chatsOf, services, customers, now: minute }),
    [customers, filter, inbox, minute, services],
  );

  /** Once the entry leaves the list (done, snoozed), the row after it is selected. */
  const leaving = (entry: InboxEntry) => {
    const neighbour = neighbourOf(visible, entry);
    return () => ui.getState().select(neighbour?.key ?? null);
  };

  const rows = useVirtualRows({ count: visible.length, rowHeight: ROW_HEIGHT, overscan: 8, scrollElement: list });
  const { items } = rows;
  const selectedShown = selected !== undefined && items.some((item) => item.index === selectedIndex);
  const activeId = selectedShown ? rowId(selected.key) : undefined;

  const suggestionOf = useReplySuggestions();
  const typeSuggestion = useTypeSuggestion();
  const handlers = useMemo<RowHandlers>(
    () => ({
      open: actions.open,
      select: setSelectedKey,
      menu: (entry, anchor) => setMenu({ key: entry.key, anchor }),
      suggest: (entry, chats, suggestion) => void typeSuggestion(entry, chats, suggestion),
    }),
    [actions, setSelectedKey, typeSuggestion],
  );

  const triageKeys = useListKeys({
    visible,
    selected,
    customers,
    snooze: (entry) => {
      const row = document.getElementById(rowId(entry.key));
      if (row !== null) setMenu({ key: entry.key, anchor: row, page: 'remind' });
    },
    undo: actions.undo,
    suggestion: (entry) => suggestionOf(entry, customers.view(entry), minute),
    typeSuggestion: (entry, suggestion) => void typeSuggestion(entry, inbox.chatsOf(entry), suggestion),
  });

  const search = (value: string) => {
    setQuery(value);
    setSelectedKey(null);
    rows.scrollToTop();
  };
  const changeFilter = (next: InboxFilter) => {
    setFilter(next);
    setSelectedKey(null);
    rows.scrollToTop();
  };

  const moveTo = (index: number) => {
    const entry = visible[index];
    if (entry === undefined) return;
    setSelectedKey(entry.key);
    rows.scrollToIndex(index);
  };

  /** Keys shared by the list and the search box (which keeps Home and End for its caret). */
  const onNavigate = (event: KeyboardEvent<HTMLElement>, inSearch: boolean) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const last = visible.length - 1;
    const page = Math.max(1, Math.floor((list?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    switch (event.key) {
      case 'ArrowDown':
        moveTo(Math.min(last, selectedIndex + 1));
        break;
      case 'ArrowUp':
        moveTo(Math.max(0, selectedIndex - 1));
        break;
      case 'PageDown':
        moveTo(Math.min(last, selectedIndex + page));
        break;
      case 'PageUp':
        moveTo(Math.max(0, selectedIndex - page));
        break;
      case 'Home':
      case 'End':
        if (inSearch) return;
        moveTo(event.key === 'Home' ? 0 : last);
        break;
      case 'Enter':
        if (selected === undefined) return;
        actions.open(selected);
        break;
      case 'F10':
      case 'ContextMenu': {
        if (selected === undefined || (event.key === 'F10' && !event.shiftKey)) return;
        const row = document.getElementById(rowId(selected.key));
        if (row !== null) setMenu({ key: selected.key, anchor: row });
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  };

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (query !== '') search('');
      else list?.focus();
      return;
    }
    onNavigate(event, true);
  };

  // `/` and Ctrl/Cmd+K go to the search box; Ctrl/Cmd+Z undoes while the toast offers it.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const state = ui.getState();
      if (event.defaultPrevented || state.dialog !== null || state.overlays > 0 || event.altKey) return;
      const primary = os === 'darwin' ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
      const typing = isTextField(event.target);
      const slash = !primary && !typing && (event.key === '/' || event.code === 'Slash');
      if (slash || (primary && !event.shiftKey && event.code === 'KeyK')) {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (primary && !event.shiftKey && event.code === 'KeyZ' && !typing && state.undo !== null) {
        event.preventDefault();
        actions.undo();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [actions, os, ui]);

  // The toast belongs to the inbox: leaving it (to a service) ends the offer.
  useEffect(() => () => ui.getState().dismissUndo(), [ui]);

  const menuEntry = menu === null ? undefined : inbox.find(menu.key);
  const cardEntry = card === null ? undefined : inbox.find(card.key);

  const filtered = filter.view !== 'all' || filter.platform !== null || filter.label !== null;
  let empty: string | null = null;
  if (visible.length === 0) {
    if (!hydrated) empty = null;
    else if (parsed !== null) empty = t('inbox.empty.query', { query: isolate(deferredQuery.trim()) });
    else if (filtered && inbox.entries.length > 0) empty = t(EMPTY_TEXT[filter.view]);
    else if (inbox.entries.length > 0) empty = t('inbox.empty.caughtUp');
    else empty = t('inbox.empty.none');
  }

  const menuContent = (() => {
    if (menu === null || menuEntry === undefined) return null;
    const context = {
      entry: menuEntry,
      view: customers.view(menuEntry),
      now,
      showPage: (page: CustomerMenuPage) => setMenu({ ...menu, page }),
      openCard: (focus?: 'reminder') => setCard(focus === undefined ? { key: menuEntry.key } : { key: menuEntry.key, focus }),
      onLeave: leaving(menuEntry),
    };
    if (menu.page !== undefined) return customerMenu.page(menu.page, context);
    return {
      label: t('inbox.menu.label', { name: menuEntry.title }),
      entries: actions.menuEntries(menuEntry, inbox.chatsOf(menuEntry), customerMenu.entries(context)),
    };
  })();

  return (
    <main id="inbox-panel" className="inbox" aria-labelledby={titleId}>
      <header className="inbox-header">
        <div className="inbox-column inbox-header-top">
          <h1 id={titleId} className="inbox-title">
            {t('inbox.title')}
          </h1>
          <SearchBox ref={searchRef} value={query} onChange={search} onKeyDown={onSearchKeyDown} listId={listId}
            activeId={activeId}
            shortcut={os === 'darwin' ? '⌘K' : 'Ctrl+K'}
          />
        </div>
        <div className="inbox-column">
          <FilterChips filter={filter} counts={counts} onChange={changeFilter} />
        </div>
      </header>
      <div className="inbox-notes inbox-column">
        <ServiceBanners snapshots={snapshots} />
        <Suggestions suggestions={suggestions} directory={directory} actions={actions} />
      </div>
      <div className="inbox-body" data-chat-list>
        <div
          ref={setList}
          id={listId}
          role="listbox"
          tabIndex={0}
          aria-label={t('inbox.list')}
          aria-activedescendant={activeId}
          className="inbox-list"
          onKeyDown={(event) => {
            if (triageKeys(event)) event.preventDefault();
            else onNavigate(event, false);
          }}
        >
          <div className="inbox-list-sizer" style={{ blockSize: `${rows.totalSize}px` }}>
            {items.map((item) => {
              const entry = visible[item.index];
              if (entry === undefined) return null;
              const view = customers.view(entry);
              return (
                <InboxRow
                  key={entry.key}
                  entry={entry}
                  chats={inbox.chatsOf(entry)}
                  directory={directory}
                  handlers={handlers}
                  selected={item.index === selectedIndex}
                  index={item.index}
                  count={visible.length}
                  top={item.start}
                  now={minute}
                  customer={view}
                  reminder={reminderState(view, minute)}
                  suggestion={suggestionOf(entry, view, minute)}
                />
              );
            })}
          </div>
        </div>
        {visible.length > 0 ? null : (
          <div className="inbox-empty">
            {empty === null ? <Spinner /> : <p>{empty}</p>}
            {empty !== null && filtered && parsed === null ? (
              <button type="button" className="button button-link" onClick={() => changeFilter(NO_FILTER)}>
                {t('inbox.filters.showAll')}
              </button>
            ) : null}
          </div>
        )}
      </div>
      <UndoToast onUndo={actions.undo} />
      {menu === null || menuContent === null ? null : (
        <Menu key={menu.page ?? 'main'} label={menuContent.label} entries={menuContent.entries} anchor={menu.anchor} onClose={closeMenu} />
      )}
      {card === null || cardEntry === undefined ? null : (
        <LazyDialog onClose={closeCard}>
          <CustomerCard
            entry={cardEntry}
            view={customers.view(cardEntry)}
            chats={cardEntry.chats.map((ref) => ({ ref, chat: inbox.chatOf(ref) }))}
            directory={directory}
            focus={card.focus}
            onOpen={(ref) => {
              setCard(null);
              actions.open(cardEntry, ref);
            }}
            onClose={closeCard}
          />
        </LazyDialog>
      )}
    </main>
  );
}

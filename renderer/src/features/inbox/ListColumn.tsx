/**
 * The chat list beside the open service: every chat of the inbox in its order (due reminders, then pinned ones
 * first; snoozed and done ones out), in the inbox's own rows and virtual list, between the sidebar and the service.
 * Clicking a row, or Enter on it, opens that chat on the right and the list stays; the selection is the inbox
 * page's (the UI store's), and it follows the chat the service's page has open when the user switches chats inside
 * the page. Its header counts the unread, waiting and snoozed entries, each count a toggle that shows that view.
 * The triage keys (done, mark unread, pin, snooze, undo: useListKeys.ts) act on the selected row while the list has
 * the focus; snooze offers the "Remind me" choices by the row, and the toast at the list's foot offers "Undo".
 *
 * Its width is the user's to drag (or to set from the keyboard on the separator: arrows, Home, End) and collapsing
 * it leaves only the pictures; both are settings (`layout`), so they are remembered. A window narrower than
 * NARROW_WINDOW shows only the pictures too. The viewport beside it is what main places the page in, so the page
 * is never under the list.
 */
import { lazy, useCallback, useEffect, useEffectEvent, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { LIST_WIDTH } from '../../../../common/layout';
import { IconButton } from '../../components/IconButton';
import { ChevronDownIcon } from '../../components/icons';
import { Menu } from '../../components/Menu';
import { useApp, useCommand, useShell, useUi } from '../../store/context';
import { reminderState, useCustomers } from '../../store/customers';
import { useChatsHydrated, useInbox } from '../../store/inbox';
import { useCustomerMenu } from '../customer/menu';
import { LazyDialog } from '../shell/LazyDialog';
import { useNow } from '../viewport/useNow';
import { useDirectory } from './directory';
import { countViews, NO_FILTER, narrow, neighbourOf, type InboxView } from './filter';
import { ViewChips } from './Filters';
import { InboxRow, ROW_HEIGHT, rowId, type RowHandlers } from './InboxRow';
import { UndoToast } from './UndoToast';
import { useListActions } from './useEntryActions';
import { useListKeys } from './useListKeys';
import { useReplySuggestions, useTypeSuggestion } from './suggestion';
import { useVirtualRows } from './useVirtualRows';

/** Below this window width (CSS pixels) the list shows only the pictures. */
export const NARROW_WINDOW = 1000;

/** How long after the list opened a chat the page may still report the chat it had open before, in ms. */
const OPENING_MS = 5_000;

/** How far one arrow key moves the separator, in CSS pixels. */
const KEY_STEP = 16;

/** What the list says when a view holds nothing. */
const EMPTY_TEXT = {
  unread: 'inbox.empty.unread',
  waiting: 'inbox.empty.waiting',
  snoozed: 'inbox.empty.snoozed',
  done: 'inbox.empty.done',
} as const satisfies Record<Exclude<InboxView, 'all'>, string>;

const clampWidth = (width: number): number => Math.min(LIST_WIDTH.max, Math.max(LIST_WIDTH.min, Math.round(width)));

/** Whether the window is narrower than NARROW_WINDOW, kept up to date as it resizes. */
function useNarrowWindow(): boolean {
  const [narrowWindow, setNarrowWindow] = useState(() => window.innerWidth < NARROW_WINDOW);
  useEffect(() => {
    const update = () => setNarrowWindow(window.innerWidth < NARROW_WINDOW);
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return narrowWindow;
}

const rtl = (): boolean => document.documentElement.dir === 'rtl';

/** The customer card (for a snooze to a moment the user picks) is a chunk of its own, as in the inbox page. */
const CustomerCard = lazy(() => import('../customer/CustomerCard').then((m) => ({ default: m.CustomerCard })));

export function ListColumn() {
  const { t } = useTranslation();
  const { ui, chats } = useShell();
  const command = useCommand();
  const inbox = useInbox();
  const hydrated = useChatsHydrated();
  const services = useApp((s) => s.services);
  const layout = useApp((s) => s.settings.layout);
  const activeServiceId = useApp((s) => s.activeServiceId);
  const activeChatId = useStore(chats, (s) => (activeServiceId === null ? undefined : s.snapshots[activeServiceId]?.activeChatId));
  const directory = useDirectory();
  const { customers, latest } = useCustomers(inbox);
  const actions = useListActions(directory, latest);
  const selectedKey = useUi((s) => s.selectedKey);
  const select = ui.getState().select;
  const now = useNow(60_000);
  const minute = Math.floor(now / 60_000) * 60_000;
  const labelId = useId();
  const [list, setList] = useState<HTMLDivElement | null>(null);
  const narrowWindow = useNarrowWindow();
  const avatars = layout.listCollapsed || narrowWindow;
  /** The width while the user drags, or until main has the new one (while the setting is still `base`). */
  const [pending, setPending] = useState<{ width: number; base: number } | null>(null);
  const drag = useRef<{ pointer: number; x: number; width: number } | null>(null);
  const [view, setView] = useState<InboxView>('all');
  const customerMenu = useCustomerMenu();
  /** The snooze choices, by the row they are for. */
  const [snoozing, setSnoozing] = useState<{ key: string; anchor: HTMLElement } | null>(null);
  const closeSnoozing = useCallback(() => setSnoozing(null), []);
  const [card, setCard] = useState<string | null>(null);
  const closeCard = useCallback(() => setCard(null), []);

  // Only the pictures: no view chips, so every chat.
  const shownView = avatars ? 'all' : view;
  const visible = useMemo(
    () => narrow(inbox.entries, { filter: { ...NO_FILTER, view: shownView }, query: null, chatsOf: inbox.chatsOf, services, customers, now: minute }),
    [customers, inbox, minute, services, shownView],
  );
  const counts = useMemo(
    () => countViews(inbox.entries, { filter: NO_FILTER, chatsOf: inbox.chatsOf, services, customers, now: minute }),
    [customers, inbox, minute, services],
  );
  const selectedIndex = selectedKey === null ? -1 : visible.findIndex((e) => e.key === selectedKey);
  const selected = visible[selectedIndex];
  const rows = useVirtualRows({ count: visible.length, rowHeight: ROW_HEIGHT, overscan: 8, scrollElement: list });
  const { items } = rows;
  const activeId = selected !== undefined && items.some((item) => item.index === selectedIndex) ? rowId(selected.key) : undefined;

  // The chat open in the service's page is the selected one: switching chats inside the page moves the selection.
  // Right after the shell opened a chat (from a row, or "Next unread"), the page may still report the one it had
  // open: that one is not followed.
  const followed = activeServiceId === null || activeChatId === undefined ? undefined : { serviceId: activeServiceId, chatId: activeChatId };
  const followedKey = followed === undefined ? undefined : inbox.entryOfChat(followed)?.key;
  const follow = useEffectEvent((key: string) => {
    const asked = ui.getState().opening;
    if (asked !== null && followed !== undefined && Date.now() - asked.at < OPENING_MS) {
      if (asked.ref.serviceId === followed.serviceId && asked.ref.chatId !== followed.chatId) return;
    }
    ui.getState().setOpening(null);
    select(key);
    const index = visible.findIndex((e) => e.key === key);
    if (index >= 0) rows.scrollToIndex(index);
  });
  useEffect(() => {
    if (followedKey !== undefined) follow(followedKey);
  }, [followedKey]);

  const suggestionOf = useReplySuggestions();
  const typeSuggestion = useTypeSuggestion();
  const handlers = useMemo<RowHandlers>(
    () => ({ open: actions.open, select, suggest: (entry, chats, suggestion) => void typeSuggestion(entry, chats, suggestion) }),
    [actions, select, typeSuggestion],
  );

  const moveTo = (index: number) => {
    const entry = visible[index];
    if (entry === undefined) return;
    select(entry.key);
    rows.scrollToIndex(index);
  };

  const triageKeys = useListKeys({
    visible,
    selected,
    customers,
    snooze: (entry) => {
      const row = document.getElementById(rowId(entry.key));
      if (row !== null) setSnoozing({ key: entry.key, anchor: row });
    },
    undo: actions.undo,
    suggestion: (entry) => suggestionOf(entry, customers.view(entry), minute),
    typeSuggestion: (entry, suggestion) => void typeSuggestion(entry, inbox.chatsOf(entry), suggestion),
  });

  const changeView = (next: InboxView) => {
    setView(next);
    rows.scrollToTop();
  };

  // The toast belongs to the list: leaving it (to the inbox page) ends the offer.
  useEffect(() => () => ui.getState().dismissUndo(), [ui]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (triageKeys(event)) {
      event.preventDefault();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const last = visible.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(Math.min(last, selectedIndex + 1));
        break;
      case 'ArrowUp':
        moveTo(Math.max(0, selectedIndex - 1));
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(last);
        break;
      case 'Enter':
        if (selected === undefined) return;
        handlers.open(selected);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  // Once main's width arrives (or it changed elsewhere), it is the one shown.
  const width = pending !== null && pending.base === layout.listWidth ? pending.width : layout.listWidth;

  const commitWidth = (wanted: number) => {
    const next = clampWidth(wanted);
    setPending({ width: next, base: layout.listWidth });
    if (next === layout.listWidth) return;
    void command({ type: 'settings.set', layout: { listWidth: next } }).then((result) => {
      if (!result.ok) setPending(null);
    });
  };


  const onSeparatorKey = (event: KeyboardEvent<HTMLElement>) => {
    const grow = rtl() ? 'ArrowLeft' : 'ArrowRight';
    const shrink = rtl() ? 'ArrowRight' : 'ArrowLeft';
    if (event.key === grow) commitWidth(width + KEY_STEP);
    else if (event.key === shrink) commitWidth(width - KEY_STEP);
    else if (event.key === 'Home') commitWidth(LIST_WIDTH.min);
    else if (event.key === 'End') commitWidth(LIST_WIDTH.max);
    else return;
    event.preventDefault();
  };

  const onPointerDown = (event: PointerEvent<HTMLElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { pointer: event.pointerId, x: event.clientX, width };
  };
  const dragged = (event: PointerEvent<HTMLElement>): number | null => {
    const start = drag.current;
    if (start === null || start.pointer !== event.pointerId) return null;
    const moved = (event.clientX - start.x) * (rtl() ? -1 : 1);
    return clampWidth(start.width + moved);
  };
  const onPointerMove = (event: PointerEvent<HTMLElement>) => {
    const next = dragged(event);
    if (next !== null) setPending({ width: next, base: layout.listWidth });
  };
  const onPointerUp = (event: PointerEvent<HTMLElement>) => {
    const next = dragged(event);
    drag.current = null;
    if (next !== null) commitWidth(next);
  };

  const toggle = () => void command({ type: 'settings.set', layout: { listCollapsed: !layout.listCollapsed } });

  const snoozeEntry = snoozing === null ? undefined : inbox.find(snoozing.key);
  const snoozeMenu = (() => {
    if (snoozing === null || snoozeEntry === undefined) return null;
    const neighbour = neighbourOf(visible, snoozeEntry);
    return customerMenu.page('remind', {
      entry: snoozeEntry,
      view: customers.view(snoozeEntry),
      now,
      showPage: () => undefined,
      openCard: () => setCard(snoozeEntry.key),
      onLeave: () => select(neighbour?.key ?? null),
    });
  })();
  const cardEntry = card === null ? undefined : inbox.find(card);

  return (
    <aside className={avatars ? 'list-column is-avatars' : 'list-column'} style={avatars ? undefined : { inlineSize: `${width}px` }} aria-labelledby={labelId} data-chat-list>
      <div className="list-column-header">
        <h2 id={labelId} className={avatars ? 'list-column-title visually-hidden' : 'list-column-title'}>
          {t('inbox.column.title')}
        </h2>
        {narrowWindow ? null : (
          <IconButton
            label={layout.listCollapsed ? t('inbox.column.expand') : t('inbox.column.collapse')}
            className="list-column-toggle"
            aria-expanded={!layout.listCollapsed}
            onClick={toggle}
          >
            <ChevronDownIcon />
          </IconButton>
        )}
      </div>
      {avatars ? null : <ViewChips view={view} counts={counts} onChange={changeView} />}
      <div
        ref={setList}
        role="listbox"
        tabIndex={0}
        aria-labelledby={labelId}
        aria-activedescendant={activeId}
        className="inbox-list list-column-list"
        onKeyDown={onKeyDown}
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
      {visible.length > 0 || !hydrated || avatars ? null : (
        <p className="list-column-empty">
          {shownView !== 'all' ? t(EMPTY_TEXT[shownView]) : inbox.entries.length > 0 ? t('inbox.empty.caughtUp') : t('inbox.empty.none')}
        </p>
      )}
      <UndoToast onUndo={actions.undo} inColumn />
      {snoozing === null || snoozeMenu === null ? null : (
        <Menu label={snoozeMenu.label} entries={snoozeMenu.entries} anchor={snoozing.anchor} onClose={closeSnoozing} />
      )}
      {cardEntry === undefined ? null : (
        <LazyDialog onClose={closeCard}>
          <CustomerCard
            entry={cardEntry}
            view={customers.view(cardEntry)}
            chats={cardEntry.chats.map((ref) => ({ ref, chat: inbox.chatOf(ref) }))}
            directory={directory}
            focus="reminder"
            onOpen={(ref) => {
              setCard(null);
              handlers.open(cardEntry, ref);
            }}
            onClose={closeCard}
          />
        </LazyDialog>
      )}
      {avatars ? null : (
        <div
          role="separator"
          tabIndex={0}
          aria-orientation="vertical"
          aria-label={t('inbox.column.resize')}
          aria-valuemin={LIST_WIDTH.min}
          aria-valuemax={LIST_WIDTH.max}
          aria-valuenow={width}
          className="list-column-resize"
          onKeyDown={onSeparatorKey}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => {
            drag.current = null;
            setPending(null);
          }}
        />
      )}
    </aside>
  );
}

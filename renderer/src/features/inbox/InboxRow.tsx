/**
 * One entry of the inbox: picture, name, the platforms it is on, its labels, a pin when pinned, the last message,
 * when, and how many unread (a dot when the user marked it unread in Wasl and the platform counts none); for a
 * customer, where the conversation stands: a due reminder, the status when not open, or how long they have waited
 * for a reply and how much of the platform's reply window is left; and the answer Wasl offers them, if one fits
 * (suggestion.tsx).
 * Memoized: the list re-renders it only when its own entry or customer view (or its place, its selection, the
 * minute) changes.
 */
import { memo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORMS } from '../../../../common/catalog';
import type { ChatSummary, InboxEntry, PlatformId } from '../../../../common/model';
import { CountBadge } from '../../components/CountBadge';
import { IconButton } from '../../components/IconButton';
import { BellOffIcon, MoonIcon, MoreIcon, PinIcon } from '../../components/icons';
import type { MenuAnchor } from '../../components/Menu';
import { PlatformTile } from '../../components/PlatformTile';
import { useFormat } from '../../i18n/format';
import type { CustomerView, ReminderState } from '../../store/customers';
import type { ChatRef } from '../../../../common/model';
import type { ReplySuggestion } from '../../../../common/shop/suggest';
import { Avatar } from './Avatar';
import type { ServiceDirectory } from './directory';
import { isUnread } from './filter';
import { RowLabels, RowState, useRowStateText } from './RowChips';
import { SuggestionChip, useSuggestionText } from './suggestion';

/** Rows have one fixed height, which the virtual list relies on (the same as `.inbox-row` in inbox.css). */
export const ROW_HEIGHT = 68;

export interface RowHandlers {
  open: (entry: InboxEntry, chat?: ChatRef) => void;
  select: (key: string) => void;
  /** Opens the row's menu; without it the row has none (the list beside a service). */
  menu?: (entry: InboxEntry, anchor: MenuAnchor) => void;
  /** Types the row's suggested answer into the customer's chat. */
  suggest?: (entry: InboxEntry, chats: readonly ChatSummary[], suggestion: ReplySuggestion) => void;
}

interface InboxRowProps {
  entry: InboxEntry;
  chats: readonly ChatSummary[];
  directory: ServiceDirectory;
  handlers: RowHandlers;
  selected: boolean;
  /** Position in the (filtered) list, and the list's length, for assistive technology. */
  index: number;
  count: number;
  /** Offset from the top of the list, in pixels. */
  top: number;
  /** The current time, to the minute. */
  now: number;
  /** What the shop keeps about the customer, and where their reminder stands. */
  customer: CustomerView;
  reminder: ReminderState | undefined;
  /** The answer offered for the waiting customer (common/shop/suggest.ts). */
  suggestion?: ReplySuggestion | undefined;
}

/** The option's DOM id (for aria-activedescendant): entry keys hold any character, ids no spaces. */
export const rowId = (key: string): string => `inbox-row-${encodeURIComponent(key)}`;

/** Each platform of the entry once, with its newest chat (entry.chats are newest first). */
function platformChats(entry: InboxEntry, directory: ServiceDirectory): { platform: PlatformId; ref: ChatRef }[] {
  const out: { platform: PlatformId; ref: ChatRef }[] = [];
  for (const ref of entry.chats) {
    const platform = directory.service(ref.serviceId)?.platform;
    if (platform !== undefined && !out.some((p) => p.platform === platform)) out.push({ platform, ref });
  }
  return out;
}

/** "Telegram is asleep: chats as of 10:32", for an entry with a chat on a sleeping service (the first such). */
function useSleepingText(): (entry: InboxEntry, directory: ServiceDirectory) => string | null {
  const { t } = useTranslation();
  const format = useFormat();
  return (entry, directory) => {
    for (const ref of entry.chats) {
      const at = directory.asleep(ref.serviceId);
      if (at === undefined) continue;
      const where = directory.label(ref.serviceId);
      return at === 0 ? t('inbox.row.asleep', { where }) : t('inbox.row.asleepSince', { where, time: format.time(at) });
    }
    return null;
  };
}

export const InboxRow = memo(function InboxRow({ entry, chats, directory, handlers, selected, index, count, top, now, customer, reminder, suggestion }: InboxRowProps) {
  const { t } = useTranslation();
  const suggestionText = useSuggestionText();
  const suggest = handlers.suggest;
  const format = useFormat();
  const state = useRowStateText(customer, reminder, now);
  const sleepingText = useSleepingText();
  const openMenu = handlers.menu;
  const marks = platformChats(entry, directory);
  const merged = marks.length > 1;
  const muted = chats.length > 0 && chats.every((c, i) => c.muted === true || directory.service(entry.chats[i]?.serviceId ?? '')?.muted === true);
  const badge = format.badge(entry.unread);
  const when = entry.lastActivity === undefined ? null : format.when(entry.lastActivity, now);
  const avatar = chats.find((c) => c.avatarUrl !== undefined)?.avatarUrl;
  const where = marks.map((m) => directory.label(m.ref.serviceId));
  const asleep = sleepingText(entry, directory);
  const unread = isUnread(entry, customer);
  const label = format.list(
    [
      entry.title,
      format.and(where),
      customer.pinned ? t('inbox.row.pinned') : null,
      entry.unread > 0 ? t('inbox.row.unread', { count: entry.unread }) : customer.marked ? t('inbox.row.marked') : null,
      muted ? t('services.muted') : null,
      asleep,
      when,
      ...state.spoken,
      entry.preview === undefined ? null : t('inbox.row.preview', { text: entry.preview }),
      suggestion === undefined || suggest === undefined ? null : t('inbox.suggest.spoken', { name: suggestionText.name(suggestion), why: suggestionText.why(suggestion) }),
    ].filter((x): x is string => x !== null && x !== ''),
  );
  const classes = [
    'inbox-row',
    selected ? 'is-selected' : null,
    unread ? 'is-unread' : null,
    customer.pinned ? 'is-pinned' : null,
    muted ? 'is-muted' : null,
    reminder === 'due' ? 'is-reminded' : null,
  ];

  const openChat = (event: MouseEvent, ref: ChatRef) => {
    event.stopPropagation();
    handlers.open(entry, ref);
  };

  return (
    <div
      role="option"
      id={rowId(entry.key)}
      aria-selected={selected}
      aria-label={label}
      aria-posinset={index + 1}
      aria-setsize={count}
      className={classes.filter((c) => c !== null).join(' ')}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => {
        handlers.select(entry.key);
        handlers.open(entry);
      }}
      onContextMenu={(event) => {
        if (openMenu === undefined) return;
        event.preventDefault();
        handlers.select(entry.key);
        openMenu(entry, { x: event.clientX, y: event.clientY });
      }}
    >
      <Avatar name={entry.title} url={avatar} />
      <div className="inbox-row-main">
        <div className="inbox-row-line">
          <span className="inbox-row-name" dir="auto">
            {entry.title}
          </span>
          <span className="inbox-row-platforms">
            {marks.map(({ platform, ref }, i) =>
              merged ? (
                <button
                  key={platform}
                  type="button"
                  tabIndex={-1}
                  className="platform-mark"
                  title={t('inbox.menu.openIn', { where: where[i] ?? '' })}
                  aria-label={t('inbox.menu.openIn', { where: where[i] ?? '' })}
                  onClick={(event) => openChat(event, ref)}
                >
                  <PlatformTile icon={PLATFORMS[platform].icon} size="xs" />
                </button>
              ) : (
                <span key={platform} className="platform-mark" title={where[i]}>
                  <PlatformTile icon={PLATFORMS[platform].icon} size="xs" />
                </span>
              ),
            )}
          </span>
          <RowLabels labels={customer.labels} />
          <span className="inbox-row-meta">
            {customer.pinned ? (
              <span className="inbox-row-pin">
                <PinIcon />
              </span>
            ) : null}
            {muted ? <BellOffIcon /> : null}
            {asleep === null ? null : (
              <span className="inbox-row-asleep" title={asleep}>
                <MoonIcon />
              </span>
            )}
            {when === null || entry.lastActivity === undefined ? null : (
              <time className="inbox-row-time" dateTime={new Date(entry.lastActivity).toISOString()} title={format.moment(entry.lastActivity)}>
                {when}
              </time>
            )}
          </span>
        </div>
        <div className="inbox-row-line">
          <span className="inbox-row-preview" dir="auto">
            {entry.preview ?? ''}
          </span>
          <RowState chips={state.chips} />
          {suggestion === undefined || suggest === undefined ? null : (
            <SuggestionChip
              suggestion={suggestion}
              onType={(event) => {
                event.stopPropagation();
                handlers.select(entry.key);
                suggest(entry, chats, suggestion);
              }}
            />
          )}
          {badge !== null ? <CountBadge text={badge} /> : customer.marked ? <span className="inbox-dot" aria-hidden="true" /> : null}
        </div>
      </div>
      {openMenu === undefined ? null : (
        <IconButton
          label={t('inbox.menu.label', { name: entry.title })}
          className="inbox-row-more"
          tabIndex={-1}
          aria-haspopup="menu"
          onClick={(event) => {
            event.stopPropagation();
            handlers.select(entry.key);
            openMenu(entry, event.currentTarget);
          }}
        >
          <MoreIcon />
        </IconButton>
      )}
    </div>
  );
});

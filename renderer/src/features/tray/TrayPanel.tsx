/**
 * The notification tray: a panel beside the sidebar with the notifications main kept (the last 500), grouped by
 * person, newest first, unread ones marked. A click opens that exact chat (and marks what it shows read). Mark
 * all read; Clear, after an inline confirmation (main keeps no copy to undo it from). Above the list: do not
 * disturb, quiet hours, private mode and sound. A person who waits for an answer Wasl can offer (an FAQ match, the
 * away text, the greeting) has it under their name: a click types it into their chat (never sent) — on Linux,
 * where OS notifications have no buttons, this is where a notification offers it.
 *
 * The tray shows message text even in private mode: private mode keeps text out of OS notifications, which pop
 * up for anyone looking at the screen; the tray, like the inbox's previews, shows only when the user opens it.
 *
 * Like a menu it covers the service page (an overlay), and closes on Escape, on a click elsewhere, or when a
 * dialog opens; the focus goes back to the bell.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORMS } from '../../../../common/catalog';
import { isAway, nextChange, businessHours } from '../../../../common/shop/hours';
import type { NotificationRecord } from '../../../../common/model';
import { CountBadge } from '../../components/CountBadge';
import { restoreFocus, trapTab } from '../../components/focus';
import { IconButton } from '../../components/IconButton';
import { AlarmIcon, CloseIcon, StoreIcon } from '../../components/icons';
import { PlatformTile } from '../../components/PlatformTile';
import { isolate, useFormat } from '../../i18n/format';
import { useApp, useCommand, useOverlay, useShell, useUi } from '../../store/context';
import { useCustomers } from '../../store/customers';
import { useInbox } from '../../store/inbox';
import { Avatar } from '../inbox/Avatar';
import { useDirectory } from '../inbox/directory';
import { SuggestionChip, useReplySuggestions, useTypeSuggestion } from '../inbox/suggestion';
import type { ReplySuggestion } from '../../../../common/shop/suggest';
import { useNow } from '../viewport/useNow';
import { groupNotifications, type TrayGroup } from './groups';
import { NotificationSettings } from './NotificationSettings';

/** Records listed under a group's heading; the rest are counted. */
const RECORDS_SHOWN = 3;

function useTrayCommands(onDone: () => void) {
  const { t } = useTranslation();
  const { ui } = useShell();
  const command = useCommand();
  const failed = () => ui.getState().announce(t('errors.commandFailed'));
  return {
    open: (record: NotificationRecord, alsoRead: readonly string[]) => {
      void command({ type: 'notifications.open', id: record.id }).then((result) => {
        if (!result.ok) failed();
      });
      if (alsoRead.length > 0) void command({ type: 'notifications.read', ids: [...alsoRead] });
      onDone();
    },
    readAll: () =>
      void command({ type: 'notifications.read' }).then((result) => {
        if (!result.ok) failed();
      }),
    clear: () =>
      void command({ type: 'notifications.clear' }).then((result) => {
        if (!result.ok) failed();
      }),
  };
}

interface GroupProps {
  group: TrayGroup;
  now: number;
  onOpen: (record: NotificationRecord, alsoRead: readonly string[]) => void;
  /** The answer offered the group's person, and what types it. */
  suggestion: ReplySuggestion | undefined;
  onSuggest: (suggestion: ReplySuggestion) => void;
}

function Group({ group, now, onOpen, suggestion, onSuggest }: GroupProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const directory = useDirectory();
  const inbox = useInbox();
  const latest = group.records[0];
  if (latest === undefined) return null;
  const service = group.serviceId === undefined ? undefined : directory.service(group.serviceId);
  const title = group.entry?.title ?? service?.name ?? latest.title;
  const serviceIds = group.entry?.chats.map((c) => c.serviceId) ?? [latest.serviceId];
  const platforms = [...new Set(serviceIds.map((id) => directory.service(id)?.platform).filter((p) => p !== undefined))];
  const avatar = group.entry === undefined ? latest.iconUrl : inbox.chatsOf(group.entry).find((c) => c.avatarUrl !== undefined)?.avatarUrl;
  /** A record's line: its text, with who wrote when the group is a whole service (or a group chat). */
  const text = (record: NotificationRecord) => {
    if (record.kind === 'reminder') return record.title === title ? t('tray.reminder') : t('tray.reminderFor', { name: isolate(record.title) });
    const body = record.body ?? '';
    if (record.title === title || body === '') return body === '' ? record.title : body;
    return t('tray.from', { name: record.title, text: body });
  };
  const unreadIds = group.records.filter((r) => !r.read).map((r) => r.id);
  const shown = group.records.slice(0, RECORDS_SHOWN);
  const more = group.records.length - shown.length;

  return (
    <li className={group.unread > 0 ? 'tray-group is-unread' : 'tray-group'}>
      <button
        type="button"
        className="tray-group-head"
        onClick={() => onOpen(latest, unreadIds.filter((id) => id !== latest.id))}
        aria-label={format.list(
          [
            title,
            format.and(directory.labels(serviceIds)),
            group.unread > 0 ? t('tray.unread', { count: group.unread }) : null,
            format.when(latest.at, now),
            text(latest),
          ].filter((x): x is string => x !== null && x !== ''),
        )}
      >
        {service === undefined ? (
          <Avatar name={title} url={avatar} size="sm" />
        ) : (
          <span className="tray-service-tile">
            <PlatformTile icon={PLATFORMS[service.platform].icon} size="sm" />
          </span>
        )}
        <span className="tray-group-name" dir="auto">
          {title}
        </span>
        {service === undefined ? (
          <span className="tray-group-platforms">
            {platforms.map((p) => (
              <PlatformTile key={p} icon={PLATFORMS[p].icon} size="xs" />
            ))}
          </span>
        ) : null}
        {group.unread > 0 ? <CountBadge text={format.badge(group.unread) ?? ''} /> : null}
      </button>
      {suggestion === undefined ? null : (
        <div className="tray-suggestion">
          <SuggestionChip suggestion={suggestion} focusable onType={() => onSuggest(suggestion)} />
        </div>
      )}
      <ul className="tray-records">
        {shown.map((record) => (
          <li key={record.id}>
            <button
              type="button"
              className={record.read ? 'tray-record' : 'tray-record is-unread'}
              aria-label={format.list([text(record), format.when(record.at, now)])}
              onClick={() => onOpen(record, [])}
            >
              {record.kind === 'reminder' ? (
                <span className="tray-record-icon">
                  <AlarmIcon />
                </span>
              ) : null}
              <span className="tray-record-text" dir="auto">
                {text(record)}
              </span>
              <time className="tray-time" dateTime={new Date(record.at).toISOString()} title={format.moment(record.at)}>
                {format.when(record.at, now)}
              </time>
            </button>
          </li>
        ))}
        {more > 0 ? <li className="tray-more">{t('tray.more', { count: more })}</li> : null}
      </ul>
    </li>
  );
}

/** While business hours are set and the shop is closed: "Away — opens Sat 9:00 AM", whether pop-ups wait, and a way to the hours. */
function AwayLine({ now }: { now: number }) {
  const { t } = useTranslation();
  const { ui } = useShell();
  const format = useFormat();
  const shop = useApp((s) => s.settings.shop);
  const date = new Date(now);
  if (!isAway(shop, date)) return null;
  const opens = nextChange(businessHours(shop), date);
  let text = t('tray.away.closed');
  if (opens !== undefined) {
    const time = format.until(opens.getTime(), now);
    text = opens.toDateString() === date.toDateString() ? t('tray.away.opensAt', { time }) : t('tray.away.opensOn', { time });
  }
  return (
    <div className="tray-away">
      <span className="tray-away-icon">
        <StoreIcon />
      </span>
      <div className="tray-away-body">
        <p className="tray-away-main">{text}</p>
        {shop.holdOutsideHours ? <p className="tray-away-held">{opens === undefined ? t('tray.away.heldClosed') : t('tray.away.held')}</p> : null}
        <button type="button" className="button button-link tray-away-edit" aria-haspopup="dialog" onClick={() => ui.getState().openDialog({ kind: 'shop', tab: 'hours' })}>
          {t('tray.away.edit')}
        </button>
      </div>
    </div>
  );
}

export function TrayPanel({ onClose, opener }: { onClose: () => void; opener: HTMLElement | null }) {
  const { t } = useTranslation();
  const titleId = useId();
  const panelRef = useRef<HTMLElement>(null);
  const notifications = useApp((s) => s.notifications);
  const dialogOpen = useUi((s) => s.dialog !== null);
  const inbox = useInbox();
  const now = useNow(60_000);
  const commands = useTrayCommands(onClose);
  const [confirming, setConfirming] = useState(false);
  const groups = useMemo(() => groupNotifications(notifications, inbox.entryOfChat), [inbox, notifications]);
  const { customers } = useCustomers(inbox);
  const suggestionOf = useReplySuggestions();
  const typeSuggestion = useTypeSuggestion();
  const minute = Math.floor(now / 60_000) * 60_000;
  const unread = notifications.some((n) => !n.read);
  useOverlay();

  useLayoutEffect(() => {
    panelRef.current?.focus();
    return () => restoreFocus(opener);
  }, [opener]);

  useEffect(() => {
    if (dialogOpen) onClose();
  }, [dialogOpen, onClose]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target;
      if (!(target instanceof Node) || panelRef.current?.contains(target) === true) return;
      // The bell toggles the panel itself.
      if (opener?.contains(target) === true) return;
      onClose();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [onClose, opener]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (panelRef.current !== null) trapTab(event, panelRef.current);
  };

  return (
    <section ref={panelRef} role="dialog" aria-labelledby={titleId} tabIndex={-1} className="tray" onKeyDown={onKeyDown}>
      <header className="tray-header">
        <h2 id={titleId} className="tray-title">
          {t('tray.title')}
        </h2>
        <IconButton label={t('common.close')} className="dialog-close" onClick={onClose}>
          <CloseIcon />
        </IconButton>
      </header>
      <AwayLine now={now} />
      <NotificationSettings />
      <div className="tray-actions">
        {confirming ? (
          <div className="tray-confirm" role="group" aria-label={t('tray.clearConfirm')}>
            <span className="tray-confirm-text">{t('tray.clearConfirm')}</span>
            <button type="button" className="button button-small" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button button-small button-danger"
              autoFocus
              onClick={() => {
                setConfirming(false);
                commands.clear();
              }}
            >
              {t('tray.clear')}
            </button>
          </div>
        ) : (
          <>
            <button type="button" className="button button-link" disabled={!unread} onClick={commands.readAll}>
              {t('tray.readAll')}
            </button>
            <button type="button" className="button button-link" disabled={notifications.length === 0} onClick={() => setConfirming(true)}>
              {t('tray.clearAsk')}
            </button>
          </>
        )}
      </div>
      {groups.length === 0 ? (
        <p className="tray-empty">{t('tray.empty')}</p>
      ) : (
        <ul className="tray-list" aria-label={t('tray.title')}>
          {groups.map((group) => (
            <Group
              key={group.key}
              group={group}
              now={now}
              onOpen={commands.open}
              suggestion={group.entry === undefined ? undefined : suggestionOf(group.entry, customers.view(group.entry), minute)}
              onSuggest={(suggestion) => {
                if (group.entry === undefined) return;
                void typeSuggestion(group.entry, inbox.chatsOf(group.entry), suggestion);
                onClose();
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

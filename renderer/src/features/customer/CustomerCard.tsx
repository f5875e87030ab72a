/**
 * The customer card: everything the shop knows about one inbox entry, in a panel at the inline end of the window
 * (a modal dialog: Esc or a click outside closes it, the focus stays inside and goes back to the row). Their
 * chats with a button each to open it, phone numbers, the conversation's status, labels, the shop's fields (a size,
 * a city, an order number), a note saved as the user types, the reminder, and when they first and last wrote. Every change goes to main at once.
 */
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORMS } from '../../../../common/catalog';
import type { ChatSummary, InboxEntry } from '../../../../common/model';
import { CONVERSATION_STATUSES, type ConversationStatus, type Label } from '../../../../common/shop/model';
import { Dialog } from '../../components/Dialog';
import { CheckIcon } from '../../components/icons';
import { PlatformTile } from '../../components/PlatformTile';
import { isolate, useFormat } from '../../i18n/format';
import { useApp, useShell } from '../../store/context';
import { reminderState, type CustomerView } from '../../store/customers';
import type { ChatRef } from '../../../../common/model';
import { Avatar } from '../inbox/Avatar';
import type { ServiceDirectory } from '../inbox/directory';
import { useLabelName } from '../shop/labels';
import { useNow } from '../viewport/useNow';
import { reminderFor, useCustomerActions } from './actions';
import { FieldsSection } from './FieldsSection';
import { NoteField } from './NoteField';
import { formatPhone } from './phone';
import { ReminderField } from './ReminderField';
import { chipDuration, STATUS_TEXT, windowTone } from './text';

interface CustomerCardProps {
  entry: InboxEntry;
  view: CustomerView;
  /** The entry's chats, newest first, with what their service shows of each (when it still lists it). */
  chats: readonly { ref: ChatRef; chat: ChatSummary | undefined }[];
  directory: ServiceDirectory;
  /** `reminder`: the focus starts in the reminder's date and time field. */
  focus: 'reminder' | undefined;
  onOpen: (ref: ChatRef) => void;
  onClose: () => void;
}

export function CustomerCard({ entry, view, chats, directory, focus, onOpen, onClose }: CustomerCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { ui } = useShell();
  const labels = useApp((s) => s.labels);
  const labelName = useLabelName();
  const actions = useCustomerActions();
  const now = useNow(60_000);
  const reminderInput = useRef<HTMLInputElement>(null);
  const chatsId = useId();
  const statusName = useId();
  const announce = (text: string) => ui.getState().announce(text);

  const setStatus = (status: ConversationStatus) =>
    void actions.update(view, { status }).then((ok) => {
      if (ok) announce(t('customer.status.changed', { status: t(STATUS_TEXT[status]) }));
    });
  const toggleLabel = (label: Label) => {
    const had = view.labels.some((l) => l.id === label.id);
    const name = isolate(labelName(label));
    void actions.toggleLabel(view, label.id).then((ok) => {
      if (ok) announce(had ? t('customer.label.removed', { name }) : t('customer.label.added', { name }));
    });
  };
  const setReminder = (at: number) => {
    const reminder = reminderFor(entry, at, Date.now());
    if (reminder === undefined) return;
    void actions.update(view, { reminder }).then((ok) => {
      if (ok) announce(t('customer.reminder.set', { when: format.until(at, Date.now()) }));
    });
  };
  const clearReminder = () =>
    void actions.update(view, { reminder: null }).then((ok) => {
      if (ok) announce(t('customer.reminder.cleared'));
    });
  const manageFields = () => {
    onClose();
    ui.getState().openDialog({ kind: 'shop', tab: 'fields' });
  };
  const manageLabels = () => {
    onClose();
    ui.getState().openDialog({ kind: 'shop', tab: 'labels' });
  };

  const avatar = chats.find((c) => c.chat?.avatarUrl !== undefined)?.chat?.avatarUrl;
  const lastContact = Math.max(view.lastIn ?? 0, view.lastOut ?? 0, entry.lastActivity ?? 0);
  // Short, as the list says them; the full moment in the tooltip.
  const facts: { term: string; detail: string; at: number; tone?: string }[] = [];
  if (view.waiting !== undefined) {
    const detail = t('customer.facts.since', { duration: format.duration(chipDuration(now - view.waiting)), time: format.until(view.waiting, now) });
    facts.push({ term: t('customer.facts.waiting'), detail, at: view.waiting });
  }
  const end = view.windowEnd;
  if (end !== undefined && view.status === 'open') {
    facts.push(
      end > now
        ? {
            term: t('customer.facts.window'),
            detail: t('customer.facts.windowCloses', { duration: format.duration(chipDuration(end - now)), time: format.until(end, now) }),
            at: end,
            tone: windowTone(end, now),
          }
        : { term: t('customer.facts.window'), detail: t('customer.facts.windowClosed', { time: format.until(end, now) }), at: end, tone: 'danger' },
    );
  }
  if (view.first !== undefined) facts.push({ term: t('customer.facts.first'), detail: format.when(view.first, now), at: view.first });
  if (lastContact > 0) facts.push({ term: t('customer.facts.last'), detail: format.when(lastContact, now), at: lastContact });

  return (
    <Dialog title={entry.title} onClose={onClose} className="customer-card" initialFocus={focus === 'reminder' ? reminderInput : undefined}>
      <div className="customer-body">
        <div className="customer-profile">
          <Avatar name={entry.title} url={avatar} />
          <div className="customer-profile-text">
            {view.phones.length === 0 ? (
              <p className="customer-muted">{t('customer.noPhone')}</p>
            ) : (
              <ul className="customer-phones" aria-label={t('customer.phones')}>
                {view.phones.map((phone) => (
                  <li key={phone} className="customer-phone" dir="ltr">
                    {formatPhone(phone)}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>

        {facts.length === 0 ? null : (
          <dl className="customer-facts">
            {facts.map((fact) => (
              <div key={fact.term} className={fact.tone === undefined ? 'customer-fact' : `customer-fact tone-${fact.tone}`}>
                <dt>{fact.term}</dt>
                <dd title={format.moment(fact.at)}>{fact.detail}</dd>
              </div>
            ))}
          </dl>
        )}

        <section className="customer-section" aria-labelledby={chatsId}>
          <h3 id={chatsId} className="customer-section-title">
            {t('customer.chats')}
          </h3>
          <ul className="framed-list customer-chats">
            {chats.map(({ ref, chat }) => {
              const service = directory.service(ref.serviceId);
              const where = directory.label(ref.serviceId);
              return (
                <li key={`${ref.serviceId}\u0000${ref.chatId}`} className="customer-chat">
                  {service === undefined ? null : <PlatformTile icon={PLATFORMS[service.platform].icon} size="sm" />}
                  <span className="customer-chat-text">
                    <span className="customer-chat-where">{where}</span>
                    <span className="customer-chat-name" dir="auto">
                      {chat?.title ?? entry.title}
                    </span>
                  </span>
                  <button type="button" className="button button-small" aria-label={t('inbox.menu.openIn', { where })} onClick={() => onOpen(ref)}>
                    {t('customer.openChat')}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>

        <fieldset className="customer-section">
          <legend className="customer-section-title">{t('customer.status.title')}</legend>
          <div className="customer-status">
            {CONVERSATION_STATUSES.map((status) => (
              <label key={status} className="customer-status-option">
                <input type="radio" name={statusName} value={status} checked={view.status === status} onChange={() => setStatus(status)} />
                <span>{t(STATUS_TEXT[status])}</span>
              </label>
            ))}
          </div>
          {view.record !== undefined && view.record.status !== 'open' && view.status === 'open' ? (
            <p className="customer-muted">{t('customer.status.reopened')}</p>
          ) : null}
        </fieldset>

        <fieldset className="customer-section">
          <legend className="customer-section-title">{t('customer.labels')}</legend>
          <div className="customer-labels">
            {labels.map((label) => {
              const on = view.labels.some((l) => l.id === label.id);
              return (
                <button key={label.id} type="button" className="label-toggle" data-color={label.color} aria-pressed={on} onClick={() => toggleLabel(label)}>
                  {on ? <CheckIcon /> : <span className="label-toggle-dot" aria-hidden="true" />}
                  <span dir="auto">{labelName(label)}</span>
                </button>
              );
            })}
            <button type="button" className="button button-link button-small" onClick={manageLabels}>
              {labels.length === 0 ? t('customer.addLabels') : t('customer.menu.manageLabels')}
            </button>
          </div>
        </fieldset>

        <FieldsSection values={view.record?.fields} save={(id, value) => actions.update(view, { fields: { [id]: value } })} onManage={manageFields} />

        <NoteField key={entry.key} draftKey={entry.key} note={view.record?.note ?? ''} save={(note) => actions.update(view, { note })} />

        <ReminderField
          reminder={view.reminder}
          due={reminderState(view, now) === 'due'}
          now={now}
          set={setReminder}
          clear={clearReminder}
          inputRef={reminderInput}
        />
      </div>
    </Dialog>
  );
}

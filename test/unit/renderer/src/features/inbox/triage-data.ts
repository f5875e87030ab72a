/** An inbox and its customers as the shell derives them, for the tests of the views and of "Next unread". */
import type { ChatSummary, Person, ServiceConfig } from '../../../../../../common/model';
import { DEFAULT_LABELS, type ChatActivity, type Customer } from '../../../../../../common/shop/model';
import { CustomerDeriver, type Customers } from '../../../../../../renderer/src/store/customers';
import { InboxDeriver, type Inbox } from '../../../../../../renderer/src/store/inbox';

/** Saturday 21 November 2026, 14:20 local time. */
export const NOW = new Date(2026, 10, 21, 14, 20).getTime();
export const MIN = 60_000;
export const HOUR = 60 * MIN;

export const SERVICES: ServiceConfig[] = [
  { id: 'wa', platform: 'whatsapp', name: 'Shop', enabled: true, muted: false, callsAllowed: false },
  { id: 'tg', platform: 'telegram', name: 'Telegram', enabled: true, muted: false, callsAllowed: false },
];

/** A chat: last active `ago` ms before NOW, with what Wasl learned of it. */
export function chat(id: string, title: string, ago: number, extra: Omit<Partial<ChatSummary>, 'activity'> & { activity?: Omit<ChatActivity, 'first'> } = {}): ChatSummary {
  const { activity, ...rest } = extra;
  const out: ChatSummary = { id, title, unread: 0, lastActivity: NOW - ago, ...rest };
  if (activity !== undefined) out.activity = { first: NOW - 30 * 24 * HOUR, ...activity };
  return out;
}

export const record = (parts: Partial<Customer> = {}): Customer => ({ labels: [], note: '', status: 'open', statusAt: 0, priority: false, ...parts });

export interface Derived {
  inbox: Inbox;
  customers: Customers;
  sources: { entries: Inbox['entries']; chatsOf: Inbox['chatsOf']; services: ServiceConfig[]; customers: Customers; now: number };
  keyOf: (title: string) => string;
}

export function derive(chats: { wa?: ChatSummary[]; tg?: ChatSummary[] }, records: Record<string, Customer> = {}, people: Person[] = []): Derived {
  const snapshots = Object.fromEntries(
    Object.entries(chats).map(([id, list]) => [id, { loggedIn: true, unread: { direct: 0, indirect: 0 }, chats: list }]),
  );
  const inbox = new InboxDeriver().derive({ services: SERVICES, snapshots, people });
  const customers = new CustomerDeriver().derive({ inbox, customers: records, labels: DEFAULT_LABELS, services: SERVICES });
  const keyOf = (title: string) => {
    const entry = inbox.entries.find((e) => e.title === title);
    if (entry === undefined) throw new Error(`no entry ${title}`);
    return entry.key;
  };
  return { inbox, customers, sources: { entries: inbox.entries, chatsOf: inbox.chatsOf, services: SERVICES, customers, now: NOW }, keyOf };
}

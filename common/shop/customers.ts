/**
 * Which saved customer record belongs to an inbox entry. Records are saved under the entry's key; an entry's key
 * changes when its chats merge (two chats with one phone number become `phone:…`, a link makes `person:…`), so an
 * entry without a record of its own finds those of what it was made from — its phone numbers' and its chats' —
 * and shows them merged. Splitting a person apart finds each chat's old record again. Pure.
 */
import type { InboxEntry, Person } from '../model';
import type { ChatRef } from '../model';
import type { FieldValues } from './fields';
import type { ConversationStatus, Customer } from './model';

export const chatEntryKey = (ref: ChatRef): string => `chat:${ref.serviceId}:${ref.chatId}`;
export const phoneEntryKey = (phone: string): string => `phone:${phone}`;
export const personEntryKey = (personId: string): string => `person:${personId}`;

/** The keys an entry's record may be saved under, its own first. */
export function entryCustomerKeys(entry: Pick<InboxEntry, 'key' | 'chats'>, phones: readonly string[]): string[] {
  return [...new Set([entry.key, ...phones.map(phoneEntryKey), ...entry.chats.map(chatEntryKey)])];
}

/**
 * The keys a chat's customer record may be saved under, as main sees them: it knows the people, not the inbox.
 * A linked chat answers for its whole person (every chat of it), as the inbox shows it.
 */
export function chatCustomerKeys(ref: ChatRef, phone: string | undefined, people: readonly Person[]): string[] {
  const person = people.find((p) => p.chats.some((c) => c.serviceId === ref.serviceId && c.chatId === ref.chatId));
  const keys = person ? [personEntryKey(person.id)] : [];
  if (phone !== undefined) keys.push(phoneEntryKey(phone));
  keys.push(chatEntryKey(ref));
  if (person) keys.push(...person.chats.map(chatEntryKey));
  return [...new Set(keys)];
}

/**
 * The record for these keys: the first key's own when it has one; otherwise the others' merged (labels joined,
 * notes one after another, the latest status, the earliest reminder, pinned when one is, the latest unread mark,
 * each field's value from the first record holding one), or undefined when none has one.
 */
export function resolveCustomer(customers: Readonly<Record<string, Customer>>, keys: readonly string[]): Customer | undefined {
  const recordOf = (key: string): Customer | undefined => (Object.hasOwn(customers, key) ? customers[key] : undefined);
  const own = keys[0] === undefined ? undefined : recordOf(keys[0]);
  if (own !== undefined) return own;
  const found = keys.slice(1).flatMap((key) => recordOf(key) ?? []);
  if (found.length <= 1) return found[0];
  const latest = found.reduce((a, b) => (b.statusAt > a.statusAt ? b : a));
  const merged: Customer = {
    labels: [...new Set(found.flatMap((c) => c.labels))],
    note: [...new Set(found.map((c) => c.note.trim()).filter((n) => n !== ''))].join('\n\n'),
    status: latest.status,
    statusAt: latest.statusAt,
    priority: found.some((c) => c.priority),
  };
  const reminders = found.flatMap((c) => (c.reminder ? [c.reminder] : []));
  const first = reminders.reduce<(typeof reminders)[number] | undefined>((a, b) => (a === undefined || b.at < a.at ? b : a), undefined);
  if (first !== undefined) merged.reminder = first;
  if (found.some((c) => c.pinned === true)) merged.pinned = true;
  const marks = found.flatMap((c) => (c.unreadMark === undefined ? [] : [c.unreadMark]));
  if (marks.length > 0) merged.unreadMark = Math.max(...marks);
  const fields: FieldValues = {};
  for (const record of [...found].reverse()) Object.assign(fields, record.fields);
  if (Object.keys(fields).length > 0) merged.fields = fields;
  return merged;
}

/** The status the user set, unless the customer wrote since: then the conversation is open again. */
export function effectiveStatus(customer: Pick<Customer, 'status' | 'statusAt'> | undefined, lastIn: number | undefined): ConversationStatus {
  if (customer === undefined || customer.status === 'open') return 'open';
  return lastIn !== undefined && lastIn > customer.statusAt ? 'open' : customer.status;
}

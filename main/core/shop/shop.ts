/**
 * The shop-owner toolkit's commands: quick replies, labels, what the shop keeps about each customer (labels,
 * notes, status, priority, a reminder), and undo for what deletes or replaces data (the last twenty steps). It
 * also brings reminders back when they are due.
 */
import { LIMITS, type Command, type CommandResult } from '../../../common/ipc';
import { chatCustomerKeys, resolveCustomer } from '../../../common/shop/customers';
import type { ChatRef } from '../../../common/model';
import { EMPTY_CUSTOMER, type Customer, type Label, type QuickReply, type Reminder } from '../../../common/shop/model';
import type { AppState, ShopUndo } from '../../../common/state';
import type { AppStore } from '../app/app-store';
import type { Clock, Logger, TimerHandle } from '../app/ports';

export type ShopCommand = Extract<Command, { type: `quickReply.${string}` | `label.${string}` | 'customer.update' | 'shop.undo' }>;

/** What a restore or an import replaces, and so what undo puts back. */
type Restorable = Pick<AppState, 'settings' | 'people' | 'dismissedSuggestions' | 'quickReplies' | 'labels' | 'customers'>;

interface Step {
  before: Partial<Restorable>;
  label: ShopUndo;
}

const UNDO_DEPTH = 20;

export interface ShopControllerDeps {
  store: AppStore;
  clock: Clock;
  log: Logger;
  newId: () => string;
  /** A reminder is due: notify, and put it in the tray. */
  remind(reminder: Reminder): void;
}

const isBlank = (c: Customer): boolean => c.labels.length === 0 && c.note.trim() === '' && c.status === 'open' && !c.priority && c.reminder === undefined;

export class ShopController {
  private readonly undo: Step[] = [];
  private timer: TimerHandle | undefined;

  constructor(private readonly deps: ShopControllerDeps) {
    deps.store.subscribe((next, prev) => {
      if (next.customers !== prev.customers) this.scheduleReminders();
    });
    this.scheduleReminders();
  }

  command(cmd: ShopCommand): CommandResult {
    switch (cmd.type) {
      case 'quickReply.save':
        return this.saveReply(cmd.id, cmd.name, cmd.body);
      case 'quickReply.move':
        return this.moveReply(cmd.id, cmd.index);
      case 'quickReply.delete': {
        const { quickReplies } = this.deps.store.getState();
        if (!quickReplies.some((r) => r.id === cmd.id)) return { ok: false, error: 'not-found' };
        this.change('reply-deleted', { quickReplies: quickReplies.filter((r) => r.id !== cmd.id) });
        return { ok: true };
      }
      case 'label.save':
        return this.saveLabel(cmd);
      case 'label.delete':
        return this.deleteLabel(cmd.id);
      case 'customer.update':
        return this.updateCustomer(cmd);
      case 'shop.undo': {
        const step = this.undo.pop();
        if (!step) return { ok: false, error: 'nothing-to-undo' };
        this.deps.store.setState({ ...step.before, shopUndo: this.undo.at(-1)?.label ?? null });
        return { ok: true };
      }
    }
  }

  /** Whether the customer of this chat (with this phone number, if known) is one the shop hears from even when closed. */
  isPriority(chat: ChatRef, phone: string | undefined): boolean {
    const { customers, people } = this.deps.store.getState();
    return resolveCustomer(customers, chatCustomerKeys(chat, phone, people))?.priority === true;
  }

  /** Adds quick replies from a file: those the library already has (same name and text) are skipped. */
  importReplies(replies: readonly Pick<QuickReply, 'name' | 'body'>[]): CommandResult {
    const { quickReplies } = this.deps.store.getState();
    const have = new Set(quickReplies.map((r) => `${r.name}\u0000${r.body}`));
    const added: QuickReply[] = [];
    for (const reply of replies) {
      const key = `${reply.name}\u0000${reply.body}`;
      if (have.has(key)) continue;
      have.add(key);
      added.push({ id: this.deps.newId(), name: reply.name, body: reply.body });
    }
    if (quickReplies.length + added.length > LIMITS.quickReplies) return { ok: false, error: 'full' };
    if (added.length > 0) this.change('replies-imported', { quickReplies: [...quickReplies, ...added] });
    return { ok: true };
  }

  /** A reminder that went off was opened from its notification: the customer is no longer pinned. */
  reminderOpened(chat: ChatRef): void {
    const { customers } = this.deps.store.getState();
    let changed = false;
    const next = { ...customers };
    for (const [key, record] of Object.entries(customers)) {
      const reminder = record.reminder;
      if (reminder?.notified !== true || reminder.chat.serviceId !== chat.serviceId || reminder.chat.chatId !== chat.chatId) continue;
      next[key] = withoutReminder(record);
      changed = true;
    }
    if (changed) this.deps.store.setState({ customers: next });
  }

  /** Replaces the user's data with a backup's; undo puts it back. */
  restore(data: Restorable): void {
    this.change('backup-restored', data);
  }

  private saveReply(id: string | undefined, name: string, body: string): CommandResult {
    const { quickReplies } = this.deps.store.getState();
    if (id === undefined) {
      if (quickReplies.length >= LIMITS.quickReplies) return { ok: false, error: 'full' };
      const reply: QuickReply = { id: this.deps.newId(), name, body };
      this.deps.store.setState({ quickReplies: [...quickReplies, reply] });
      return { ok: true, id: reply.id };
    }
    if (!quickReplies.some((r) => r.id === id)) return { ok: false, error: 'not-found' };
    this.deps.store.setState({ quickReplies: quickReplies.map((r) => (r.id === id ? { id, name, body } : r)) });
    return { ok: true, id };
  }

  private moveReply(id: string, index: number): CommandResult {
    const replies = [...this.deps.store.getState().quickReplies];
    const from = replies.findIndex((r) => r.id === id);
    const [moved] = from < 0 ? [] : replies.splice(from, 1);
    if (!moved) return { ok: false, error: 'not-found' };
    replies.splice(Math.min(index, replies.length), 0, moved);
    this.deps.store.setState({ quickReplies: replies });
    return { ok: true };
  }

  private saveLabel(cmd: Extract<ShopCommand, { type: 'label.save' }>): CommandResult {
    const { labels } = this.deps.store.getState();
    if (cmd.id === undefined) {
      if (typeof cmd.name !== 'string') return { ok: false, error: 'invalid', detail: 'a new label needs a name' };
      if (labels.length >= LIMITS.labels) return { ok: false, error: 'full' };
      const label: Label = { id: this.deps.newId(), color: cmd.color, name: cmd.name };
      this.deps.store.setState({ labels: [...labels, label] });
      return { ok: true, id: label.id };
    }
    const current = labels.find((l) => l.id === cmd.id);
    if (!current) return { ok: false, error: 'not-found' };
    const next: Label = { ...current, color: cmd.color };
    if (typeof cmd.name === 'string') next.name = cmd.name;
    else if (cmd.name === null) {
      if (current.preset === undefined) return { ok: false, error: 'invalid', detail: 'only a preset label can go without a name' };
      Reflect.deleteProperty(next, 'name');
    }
    this.deps.store.setState({ labels: labels.map((l) => (l.id === cmd.id ? next : l)) });
    return { ok: true, id: cmd.id };
  }

  private deleteLabel(id: string): CommandResult {
    const { labels, customers } = this.deps.store.getState();
    if (!labels.some((l) => l.id === id)) return { ok: false, error: 'not-found' };
    const without: Record<string, Customer> = {};
    for (const [key, customer] of Object.entries(customers)) {
      without[key] = customer.labels.includes(id) ? { ...customer, labels: customer.labels.filter((l) => l !== id) } : customer;
    }
    this.change('label-deleted', { labels: labels.filter((l) => l.id !== id), customers: without });
    return { ok: true };
  }

  private updateCustomer(cmd: Extract<ShopCommand, { type: 'customer.update' }>): CommandResult {
    const { customers, labels } = this.deps.store.getState();
    const base = resolveCustomer(customers, [cmd.key, ...cmd.from]) ?? EMPTY_CUSTOMER;
    const next: Customer = { ...base, labels: [...base.labels] };
    if (cmd.labels !== undefined) {
      const known = new Set(labels.map((l) => l.id));
      const unknown = cmd.labels.filter((l) => !known.has(l));
      if (unknown.length > 0) return { ok: false, error: 'not-found', detail: `no label ${unknown.join(', ')}` };
      next.labels = [...new Set(cmd.labels)];
    }
    if (cmd.note !== undefined) next.note = cmd.note;
    if (cmd.status !== undefined) {
      next.status = cmd.status;
      next.statusAt = this.deps.clock.now();
    }
    if (cmd.priority !== undefined) next.priority = cmd.priority;
    if (cmd.reminder === null) Reflect.deleteProperty(next, 'reminder');
    else if (cmd.reminder !== undefined) {
      const { at, setAt, chat, title, notified } = cmd.reminder;
      next.reminder = { at, setAt, chat: { serviceId: chat.serviceId, chatId: chat.chatId }, title };
      if (notified === true) next.reminder.notified = true;
    }
    const rest = { ...customers };
    // The records the entry was made from keep no reminder of their own: the timer reads every record.
    if (cmd.reminder !== undefined) {
      for (const key of cmd.from) {
        const record = rest[key];
        if (record?.reminder !== undefined) rest[key] = withoutReminder(record);
      }
    }
    // A blank record is dropped, unless it must hide the records the entry was made from.
    if (isBlank(next) && !cmd.from.some((key) => Object.hasOwn(customers, key))) Reflect.deleteProperty(rest, cmd.key);
    else rest[cmd.key] = next;
    this.deps.store.setState({ customers: rest });
    return { ok: true };
  }

  private change(label: ShopUndo, next: Partial<Restorable>): void {
    const state = this.deps.store.getState();
    const before: Partial<Restorable> = {};
    for (const key of Object.keys(next) as (keyof Restorable)[]) Object.assign(before, { [key]: state[key] });
    this.undo.push({ before, label });
    if (this.undo.length > UNDO_DEPTH) this.undo.shift();
    this.deps.store.setState({ ...next, shopUndo: label });
  }

  /** One timer, for the earliest reminder not yet shown. */
  private scheduleReminders(): void {
    const { clock } = this.deps;
    if (this.timer !== undefined) clock.clearTimeout(this.timer);
    this.timer = undefined;
    let next: number | undefined;
    for (const customer of Object.values(this.deps.store.getState().customers)) {
      const reminder = customer.reminder;
      if (reminder && reminder.notified !== true && (next === undefined || reminder.at < next)) next = reminder.at;
    }
    if (next === undefined) return;
    this.timer = clock.setTimeout(() => this.fire(), Math.max(0, next - clock.now()));
  }

  /** Every reminder that is due: shown once, and kept (notified) so the customer stays at the top until looked at. */
  private fire(): void {
    this.timer = undefined;
    const { store, clock } = this.deps;
    const now = clock.now();
    const due: Reminder[] = [];
    const customers: Record<string, Customer> = {};
    for (const [key, customer] of Object.entries(store.getState().customers)) {
      const reminder = customer.reminder;
      if (reminder && reminder.notified !== true && reminder.at <= now) {
        due.push(reminder);
        customers[key] = { ...customer, reminder: { ...reminder, notified: true } };
      } else {
        customers[key] = customer;
      }
    }
    if (due.length === 0) {
      this.scheduleReminders();
      return;
    }
    this.deps.log.info('reminders due', { count: due.length });
    store.setState({ customers });
    for (const reminder of due) this.deps.remind(reminder);
  }
}

function withoutReminder(record: Customer): Customer {
  const copy = { ...record };
  Reflect.deleteProperty(copy, 'reminder');
  return copy;
}

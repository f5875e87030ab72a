/**
 * The shop-owner toolkit's commands: quick replies, products, labels, customer fields, what the shop keeps about
 * each customer (labels, notes, status, priority, a reminder, a pin, a mark as unread, field values), and undo for
 * what deletes or replaces data and for the inbox's triage steps (the last twenty steps). A step that changes
 * customers keeps only the records it touched, as they were and as it left them: undoing it puts back those
 * records alone (an edit made to another customer since survives), and of a record edited again since, only the
 * fields the step changed. It also brings reminders back when they are due, and ends a mark as unread once the
 * customer's chat is opened.
 */
import { LIMITS, type Command, type CommandResult } from '../../../common/ipc';
import { chatCustomerKeys, resolveCustomer } from '../../../common/shop/customers';
import { normalizeTrigger } from '../../../common/shop/faq';
import type { ChatRef } from '../../../common/model';
import { cleanChoices, convertFieldValue, FIELD_REFUSALS, sameFieldName, validFieldValue, type FieldDef, type FieldValue, type FieldValues } from '../../../common/shop/fields';
import { EMPTY_CUSTOMER, type Customer, type Label, type QuickReply, type Reminder } from '../../../common/shop/model';
import type { Product } from '../../../common/shop/products';
import type { AppState, ShopUndo } from '../../../common/state';
import type { AppStore } from '../app/app-store';
import type { Clock, Logger, TimerHandle } from '../app/ports';

export type ShopCommand = Extract<
  Command,
  { type: `quickReply.${string}` | `product.${string}` | `label.${string}` | `customerField.${string}` | 'customer.update' | 'shop.undo' }
>;

/** What a restore or an import replaces, and so what undo puts back. */
type Restorable = Pick<AppState, 'settings' | 'people' | 'dismissedSuggestions' | 'quickReplies' | 'labels' | 'customers' | 'products' | 'customerFields'>;

/** One customer record before a step and after it (undefined: no record under that key). */
interface RecordChange {
  key: string;
  before: Customer | undefined;
  after: Customer | undefined;
}

interface Step {
  /** Whole parts as they were (what a restore or an import replaced, the list a deletion shortened). */
  before: Partial<Restorable>;
  /** The customer records the step changed: undo puts back these alone. */
  records: RecordChange[];
  label: ShopUndo;
}

/** Every field of a customer record, for putting back those a step changed. */
const CUSTOMER_FIELDS = ['labels', 'note', 'status', 'statusAt', 'priority', 'reminder', 'pinned', 'unreadMark', 'fields'] as const satisfies readonly (keyof Customer)[];

const UNDO_DEPTH = 20;

/**
 * A page that says a chat opened this soon after the user marked it unread is still catching up with an opening
 * from before the mark (a click, then the key at once): the mark stays.
 */
export const MARK_GRACE_MS = 5_000;

export interface ShopControllerDeps {
  store: AppStore;
  clock: Clock;
  log: Logger;
  newId: () => string;
  /** A reminder is due: notify, and put it in the tray. */
  remind(reminder: Reminder): void;
}

const isBlank = (c: Customer): boolean =>
  c.labels.length === 0 && c.note.trim() === '' && c.status === 'open' && !c.priority && c.reminder === undefined && c.pinned !== true && c.unreadMark === undefined && c.fields === undefined;

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
        return this.saveReply(cmd.id, cmd.name, cmd.body, cmd.triggers);
      case 'quickReply.move':
        return this.reorder(cmd.id, cmd.index, (state) => state.quickReplies, (quickReplies) => ({ quickReplies }));
      case 'quickReply.delete': {
        const { quickReplies } = this.deps.store.getState();
        if (!quickReplies.some((r) => r.id === cmd.id)) return { ok: false, error: 'not-found' };
        this.change('reply-deleted', { quickReplies: quickReplies.filter((r) => r.id !== cmd.id) });
        return { ok: true };
      }
      case 'product.save':
        return this.saveProduct(cmd);
      case 'product.move':
        return this.reorder(cmd.id, cmd.index, (state) => state.products, (products) => ({ products }));
      case 'product.delete': {
        const { products } = this.deps.store.getState();
        if (!products.some((p) => p.id === cmd.id)) return { ok: false, error: 'not-found' };
        this.change('product-deleted', { products: products.filter((p) => p.id !== cmd.id) });
        return { ok: true };
      }
      case 'label.save':
        return this.saveLabel(cmd);
      case 'label.delete':
        return this.deleteLabel(cmd.id);
      case 'customerField.save':
        return this.saveField(cmd);
      case 'customerField.delete':
        return this.deleteField(cmd.id);
      case 'customerField.move':
        return this.reorder(cmd.id, cmd.index, (state) => state.customerFields, (customerFields) => ({ customerFields }));
      case 'customer.update':
        return this.updateCustomer(cmd);
      case 'shop.undo': {
        const step = this.undo.at(-1);
        if (!step || (cmd.step !== undefined && step.label !== cmd.step)) return { ok: false, error: 'nothing-to-undo' };
        this.undo.pop();
        const restored: Partial<Restorable> = { ...step.before };
        if (step.records.length > 0) restored.customers = revertRecords(restored.customers ?? this.deps.store.getState().customers, step.records);
        this.deps.store.setState({ ...restored, shopUndo: this.undo.at(-1)?.label ?? null });
        return { ok: true };
      }
    }
  }

  /** Whether the customer of this chat (with this phone number, if known) is one the shop hears from even when closed. */
  isPriority(chat: ChatRef, phone: string | undefined): boolean {
    const { customers, people } = this.deps.store.getState();
    return resolveCustomer(customers, chatCustomerKeys(chat, phone, people))?.priority === true;
  }

  /**
   * Adds quick replies from a file: those the library already has (same name and text) are not added again, but
   * take the file's trigger phrases they lack (up to the limit, none reading as one they have).
   */
  importReplies(replies: readonly Pick<QuickReply, 'name' | 'body' | 'triggers'>[]): CommandResult {
    const { quickReplies } = this.deps.store.getState();
    const have = new Map(quickReplies.map((r, index) => [`${r.name}\u0000${r.body}`, index]));
    const next = [...quickReplies];
    let changed = false;
    for (const reply of replies) {
      const key = `${reply.name}\u0000${reply.body}`;
      const index = have.get(key);
      const existing = index === undefined ? undefined : next[index];
      if (index !== undefined && existing !== undefined) {
        const triggers = foldTriggers(existing.triggers ?? [], reply.triggers ?? []);
        if (triggers.length === (existing.triggers ?? []).length) continue;
        next[index] = withTriggers(existing, triggers);
      } else {
        have.set(key, next.length);
        next.push(withTriggers({ id: this.deps.newId(), name: reply.name, body: reply.body }, reply.triggers));
      }
      changed = true;
    }
    if (next.length > LIMITS.quickReplies) return { ok: false, error: 'full' };
    if (changed) this.change('replies-imported', { quickReplies: next });
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

  /**
   * The chat was opened in its page (the page switched to it): the customer is no longer marked unread in Wasl,
   * under any key their record may be saved under, unless the mark is newer than MARK_GRACE_MS. A record left
   * blank goes when no other key keeps one.
   */
  chatOpened(chat: ChatRef, phone: string | undefined): void {
    const { customers, people } = this.deps.store.getState();
    const keys = chatCustomerKeys(chat, phone, people);
    const settled = this.deps.clock.now() - MARK_GRACE_MS;
    const next = { ...customers };
    let changed = false;
    for (const key of keys) {
      const record = Object.hasOwn(customers, key) ? customers[key] : undefined;
      if (record?.unreadMark === undefined || record.unreadMark > settled) continue;
      const copy = { ...record };
      Reflect.deleteProperty(copy, 'unreadMark');
      changed = true;
      if (isBlank(copy) && !keys.some((other) => other !== key && Object.hasOwn(customers, other))) Reflect.deleteProperty(next, key);
      else next[key] = copy;
    }
    if (changed) this.deps.store.setState({ customers: next });
  }

  /** Replaces the user's data with a backup's; undo puts it back. */
  restore(data: Restorable): void {
    this.change('backup-restored', data);
  }

  /** `triggers` undefined: a new reply has none, an edited one keeps its own. */
  private saveReply(id: string | undefined, name: string, body: string, triggers: string[] | undefined): CommandResult {
    const { quickReplies } = this.deps.store.getState();
    if (id === undefined) {
      if (quickReplies.length >= LIMITS.quickReplies) return { ok: false, error: 'full' };
      const reply = withTriggers({ id: this.deps.newId(), name, body }, triggers);
      this.deps.store.setState({ quickReplies: [...quickReplies, reply] });
      return { ok: true, id: reply.id };
    }
    const current = quickReplies.find((r) => r.id === id);
    if (!current) return { ok: false, error: 'not-found' };
    const next = withTriggers({ id, name, body }, triggers ?? current.triggers);
    this.deps.store.setState({ quickReplies: quickReplies.map((r) => (r.id === id ? next : r)) });
    return { ok: true, id };
  }


  /** Moves the record `id` of one list (`get`, `put`) to `index` (past the end: last). */
  private reorder<T extends { id: string }>(id: string, index: number, get: (state: AppState) => readonly T[], put: (items: T[]) => Partial<AppState>): CommandResult {
    const items = [...get(this.deps.store.getState())];
    const from = items.findIndex((item) => item.id === id);
    const [moved] = from < 0 ? [] : items.splice(from, 1);
    if (!moved) return { ok: false, error: 'not-found' };
    items.splice(Math.min(index, items.length), 0, moved);
    this.deps.store.setState(put(items));
    return { ok: true };
  }

  private saveProduct(cmd: Extract<ShopCommand, { type: 'product.save' }>): CommandResult {
    const { products } = this.deps.store.getState();
    const fields: Omit<Product, 'id'> = { name: cmd.name, price: { amount: cmd.price.amount, currency: cmd.price.currency }, inStock: cmd.inStock };
    if (cmd.link !== undefined) fields.link = cmd.link;
    if (cmd.photo !== undefined) fields.photo = cmd.photo;
    if (cmd.id === undefined) {
      if (products.length >= LIMITS.products) return { ok: false, error: 'full' };
      const product: Product = { id: this.deps.newId(), ...fields };
      this.deps.store.setState({ products: [...products, product] });
      return { ok: true, id: product.id };
    }
    const id = cmd.id;
    if (!products.some((p) => p.id === id)) return { ok: false, error: 'not-found' };
    this.deps.store.setState({ products: products.map((p) => (p.id === id ? { id, ...fields } : p)) });
    return { ok: true, id };
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
    const records: RecordChange[] = [];
    for (const [key, customer] of Object.entries(customers)) {
      if (customer.labels.includes(id)) records.push({ key, before: customer, after: { ...customer, labels: customer.labels.filter((l) => l !== id) } });
    }
    this.change('label-deleted', { labels: labels.filter((l) => l.id !== id) }, records);
    return { ok: true };
  }

  /**
   * A new field, or a field renamed, retyped or given other choices. A change is refused when a customer's value
   * cannot be kept (convertFieldValue); otherwise the values convert with it.
   */
  private saveField(cmd: Extract<ShopCommand, { type: 'customerField.save' }>): CommandResult {
    const { customerFields, customers } = this.deps.store.getState();
    const choices = cmd.fieldType === 'choice' && cmd.choices !== undefined ? cleanChoices(cmd.choices) : undefined;
    if (cmd.fieldType === 'choice' ? choices === undefined : cmd.choices !== undefined) return { ok: false, error: 'invalid', detail: FIELD_REFUSALS.choices };
    if (customerFields.some((d) => d.id !== cmd.id && sameFieldName(d.name, cmd.name))) return { ok: false, error: 'invalid', detail: FIELD_REFUSALS.duplicateName };
    const def: FieldDef = { id: cmd.id ?? this.deps.newId(), name: cmd.name, type: cmd.fieldType, ...(choices === undefined ? {} : { choices }) };
    if (cmd.id === undefined) {
      if (customerFields.length >= LIMITS.customerFields) return { ok: false, error: 'full' };
      this.deps.store.setState({ customerFields: [...customerFields, def] });
      return { ok: true, id: def.id };
    }
    if (!customerFields.some((d) => d.id === cmd.id)) return { ok: false, error: 'not-found' };
    const next = { ...customers };
    let changed = false;
    for (const [key, customer] of Object.entries(customers)) {
      const value = customer.fields?.[def.id];
      if (value === undefined) continue;
      const converted = convertFieldValue(def, value);
      if (converted === undefined) return { ok: false, error: 'invalid', detail: FIELD_REFUSALS.valuesDoNotFit };
      if (converted === value) continue;
      next[key] = { ...customer, fields: { ...customer.fields, [def.id]: converted } };
      changed = true;
    }
    this.deps.store.setState({ customerFields: customerFields.map((d) => (d.id === def.id ? def : d)), ...(changed ? { customers: next } : {}) });
    return { ok: true, id: def.id };
  }

  /** The field goes, and its values with it; undo puts both back. */
  private deleteField(id: string): CommandResult {
    const { customerFields, customers } = this.deps.store.getState();
    if (!customerFields.some((d) => d.id === id)) return { ok: false, error: 'not-found' };
    const records: RecordChange[] = [];
    for (const [key, customer] of Object.entries(customers)) {
      if (customer.fields === undefined || !Object.hasOwn(customer.fields, id)) continue;
      records.push({ key, before: customer, after: withFields(customer, withoutKey(customer.fields, id)) });
    }
    this.change('field-deleted', { customerFields: customerFields.filter((d) => d.id !== id) }, records);
    return { ok: true };
  }


  /** The customer's values with the patch applied (null clears), or why the patch is refused. */
  private patchFields(
    current: FieldValues | undefined,
    patch: Readonly<Record<string, FieldValue | null>>,
  ): { ok: true; values: FieldValues | undefined } | Extract<CommandResult, { ok: false }> {
    const defs = new Map(this.deps.store.getState().customerFields.map((d) => [d.id, d]));
    let values: FieldValues = { ...current };
    for (const [id, raw] of Object.entries(patch)) {
      const def = defs.get(id);
      if (def === undefined) return { ok: false, error: 'not-found', detail: `no field ${id}` };
      if (raw === null) {
        values = withoutKey(values, id);
        continue;
      }
      const value = typeof raw === 'string' && def.type === 'text' ? raw.trim() : raw;
      if (!validFieldValue(def, value)) return { ok: false, error: 'invalid', detail: `the value does not fit the field ${id}` };
      values[id] = value;
    }
    return { ok: true, values: Object.keys(values).length === 0 ? undefined : values };
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
    if (cmd.fields !== undefined) {
      const patched = this.patchFields(next.fields, cmd.fields);
      if (!patched.ok) return patched;
      if (patched.values === undefined) Reflect.deleteProperty(next, 'fields');
      else next.fields = patched.values;
    }
    if (cmd.status !== undefined) {
      next.status = cmd.status;
      next.statusAt = this.deps.clock.now();
    }
    if (cmd.priority !== undefined) next.priority = cmd.priority;
    if (cmd.pinned === true) next.pinned = true;
    else if (cmd.pinned === false) Reflect.deleteProperty(next, 'pinned');
    if (cmd.unreadMark === true) next.unreadMark = this.deps.clock.now();
    else if (cmd.unreadMark === false) Reflect.deleteProperty(next, 'unreadMark');
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
    if (cmd.undo !== undefined) {
      const records = [cmd.key, ...cmd.from].flatMap((key): RecordChange[] => {
        const before = recordAt(customers, key);
        const after = recordAt(rest, key);
        return before === after ? [] : [{ key, before, after }];
      });
      this.change(cmd.undo, {}, records);
      return { ok: true };
    }
    this.deps.store.setState({ customers: rest });
    return { ok: true };
  }

  /** Carries out a step undo can take back: `next` replaces whole parts, `records` change customers one by one. */
  private change(label: ShopUndo, next: Partial<Restorable>, records: RecordChange[] = []): void {
    const state = this.deps.store.getState();
    const before: Partial<Restorable> = {};
    for (const key of Object.keys(next) as (keyof Restorable)[]) Object.assign(before, { [key]: state[key] });
    this.undo.push({ before, records, label });
    if (this.undo.length > UNDO_DEPTH) this.undo.shift();
    const patch: Partial<AppState> = { ...next, shopUndo: label };
    if (records.length > 0) {
      const customers = { ...(next.customers ?? state.customers) };
      for (const { key, after } of records) {
        if (after === undefined) Reflect.deleteProperty(customers, key);
        else customers[key] = after;
      }
      patch.customers = customers;
    }
    this.deps.store.setState(patch);
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

/** The reply with these trigger phrases; none (or an empty list) leaves it without the field. */
function withTriggers(reply: QuickReply, triggers: readonly string[] | undefined): QuickReply {
  const { triggers: _old, ...rest } = reply;
  return triggers === undefined || triggers.length === 0 ? rest : { ...rest, triggers: [...triggers] };
}

/** `have` and then those of `more` that read as none before them, up to the limit per reply. */
function foldTriggers(have: readonly string[], more: readonly string[]): string[] {
  const out = [...have];
  const seen = new Set(have.map(normalizeTrigger));
  for (const trigger of more) {
    const key = normalizeTrigger(trigger);
    if (key === '' || seen.has(key) || out.length >= LIMITS.triggersPerReply) continue;
    seen.add(key);
    out.push(trigger);
  }
  return out;
}

function recordAt(customers: Readonly<Record<string, Customer>>, key: string): Customer | undefined {
  return Object.hasOwn(customers, key) ? customers[key] : undefined;
}

const sameField = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * `customers` with each changed record put back: as it was, when nothing touched it since the step; otherwise
 * only the fields the step changed go back, and what was edited since stays.
 */
function revertRecords(customers: Readonly<Record<string, Customer>>, records: readonly RecordChange[]): Record<string, Customer> {
  const next = { ...customers };
  for (const { key, before, after } of records) {
    const current = recordAt(customers, key);
    let restored: Customer | undefined;
    if (current === after) restored = before;
    else {
      const out: Customer = { ...(current ?? EMPTY_CUSTOMER) };
      const was = before ?? EMPTY_CUSTOMER;
      const then = after ?? EMPTY_CUSTOMER;
      for (const field of CUSTOMER_FIELDS) {
        if (sameField(was[field], then[field])) continue;
        if (field === 'fields') {
          const fields = revertFields(out.fields, was.fields, then.fields);
          if (fields === undefined) Reflect.deleteProperty(out, 'fields');
          else out.fields = fields;
          continue;
        }
        const value = was[field];
        if (value === undefined) Reflect.deleteProperty(out, field);
        else Object.assign(out, { [field]: value });
      }
      restored = before === undefined && isBlank(out) ? undefined : out;
    }
    if (restored === undefined) Reflect.deleteProperty(next, key);
    else next[key] = restored;
  }
  return next;
}

/** Of the values, only those the step changed go back: a value set on another field since stays. */
function revertFields(current: FieldValues | undefined, was: FieldValues | undefined, then: FieldValues | undefined): FieldValues | undefined {
  let out: FieldValues = { ...current };
  for (const id of new Set([...Object.keys(was ?? {}), ...Object.keys(then ?? {})])) {
    const before = was?.[id];
    if (before === then?.[id]) continue;
    if (before === undefined) out = withoutKey(out, id);
    else out[id] = before;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

function withoutKey(values: FieldValues, id: string): FieldValues {
  const copy = { ...values };
  Reflect.deleteProperty(copy, id);
  return copy;
}

/** The record with these values (none: without its fields). */
function withFields(record: Customer, fields: FieldValues | undefined): Customer {
  const copy = { ...record };
  if (fields === undefined || Object.keys(fields).length === 0) Reflect.deleteProperty(copy, 'fields');
  else copy.fields = fields;
  return copy;
}

function withoutReminder(record: Customer): Customer {
  const copy = { ...record };
  Reflect.deleteProperty(copy, 'reminder');
  return copy;
}

/**
 * The shop's records in the settings document (quick replies, labels, what Wasl keeps about each customer, the
 * products), read
 * one by one: each valid record is kept, each invalid one dropped and counted, as the rest of the document is. A
 * customer's later fields (a pin, a mark as unread) are read one by one too: a file from before them reads as it
 * did, and a bad value of one is dropped and counted while the rest of the record stays. A quick reply's trigger
 * phrases are read the same way: a bad list is dropped and counted, and the reply kept without it. The customer
 * fields the shop defines are read one by one as labels are, and each customer's values of them one by one: a
 * value that does not fit its field is dropped and counted, a value of a field the shop no longer defines dropped
 * quietly.
 */
import { z } from 'zod';
import { ENTRY_KEY, LIMITS, serviceIdSchema, shopSchemas } from '../../../common/ipc';
import { fieldSchemas } from '../../../common/ipc';
import { FIELD_ID, readFieldValues, sameFieldName, validFieldDef, type FieldDef } from '../../../common/shop/fields';
import { DEFAULT_LABELS, LABEL_PRESETS, type Customer, type Label, type QuickReply } from '../../../common/shop/model';
import { isCurrencyCode, isProductUrl, type Product } from '../../../common/shop/products';

const idField = z.string().min(1).max(LIMITS.idChars);

/** Trigger phrases are checked on their own (toReply): a bad list must not drop the reply. */
const quickReplySchema = z.object({ id: idField, name: shopSchemas.replyName, body: shopSchemas.replyBody, triggers: z.unknown().optional() });

const labelSchema = z
  .object({
    id: idField,
    color: shopSchemas.labelColor,
    name: shopSchemas.labelName.optional(),
    preset: z.enum(LABEL_PRESETS).optional(),
  })
  .refine((l) => l.name !== undefined || l.preset !== undefined, 'a label needs a name or a preset');

const customerSchema = z.object({
  labels: z.array(idField).max(LIMITS.labels),
  note: shopSchemas.note,
  status: shopSchemas.status,
  statusAt: z.number().int().min(0),
  priority: z.boolean(),
  reminder: z
    .object({
      at: z.number().int().min(0),
      setAt: z.number().int().min(0),
      chat: z.object({ serviceId: serviceIdSchema, chatId: idField }),
      title: z.string().max(LIMITS.textChars),
      notified: z.boolean().optional(),
    })
    .optional(),
});

/**
 * A product as the file keeps it. Its currency need only look like one: a code this build's Intl does not know
 * (a later one may) keeps the product rather than dropping it.
 */
const productSchema = z.object({
  id: idField,
  name: z.string().trim().min(1).max(LIMITS.productName),
  price: z.object({ amount: z.string().regex(/^(?:0|[1-9]\d{0,11})(?:\.\d{1,3})?$/u), currency: z.string().refine(isCurrencyCode) }),
  link: z.string().refine(isProductUrl).optional(),
  photo: z.string().refine(isProductUrl).optional(),
  inStock: z.boolean(),
});

const fieldDefSchema = z
  .object({ id: z.string().regex(FIELD_ID), name: fieldSchemas.name, type: fieldSchemas.type, choices: fieldSchemas.choices.optional() })
  .transform((d): FieldDef => ({ id: d.id, name: d.name, type: d.type, ...(d.choices === undefined ? {} : { choices: d.choices }) }))
  .refine(validFieldDef, 'a choice field needs its choices, and only a choice field has them');

/** A customer's fields added after the first shop release, each read on its own (absent: not set). */
const laterFields = {
  pinned: z.boolean(),
  unreadMark: z.number().int().min(0),
};

export interface ShopRecords {
  quickReplies: QuickReply[];
  labels: Label[];
  customers: Record<string, Customer>;
  products: Product[];
  customerFields: FieldDef[];
  /** How many records (or whole parts of the wrong shape) were invalid and dropped. */
  dropped: number;
}

/** Quick replies, labels, customers and products: each valid one kept, the rest counted. Customers keep known labels only. */
export function readShopRecords(raw: Record<string, unknown>): ShopRecords {
  let dropped = 0;
  const replies = list(raw['quickReplies'], quickReplySchema, LIMITS.quickReplies);
  const parsed = replies.items.map(toReply);
  const quickReplies = parsed.map((r) => r.reply);
  dropped += parsed.filter((r) => r.bad).length;
  // A document that never had labels starts with the defaults; an empty list is the user's choice.
  const read = raw['labels'] === undefined ? { items: [...DEFAULT_LABELS], dropped: 0 } : list(raw['labels'], labelSchema, LIMITS.labels);
  const labels = read.items.map(toLabel);
  dropped += replies.dropped + read.dropped;
  const fields = list(raw['customerFields'], fieldDefSchema, LIMITS.customerFields);
  // Two fields of one name would be one column in the CSV: the later one is dropped.
  const customerFields = fields.items.filter((d, i) => !fields.items.slice(0, i).some((e) => sameFieldName(e.name, d.name)));
  dropped += fields.dropped + fields.items.length - customerFields.length;
  const known = new Set(labels.map((l) => l.id));
  const stored = isRecord(raw['customers']) ? raw['customers'] : {};
  if (raw['customers'] !== undefined && !isRecord(raw['customers'])) dropped += 1;
  const customers: Record<string, Customer> = {};
  for (const [key, value] of Object.entries(stored)) {
    const parsed = customerSchema.safeParse(value);
    if (!parsed.success || key.length > LIMITS.idChars * 2 || !ENTRY_KEY.test(key)) {
      dropped += 1;
      continue;
    }
    const customer = toCustomer(parsed.data, known);
    if (isRecord(value)) {
      dropped += readLaterFields(value, customer);
      const values = readFieldValues(customerFields, value['fields']);
      if (values.values !== undefined) customer.fields = values.values;
      dropped += values.dropped;
    }
    customers[key] = customer;
  }
  const productList = list(raw['products'], productSchema, LIMITS.products);
  dropped += productList.dropped;
  return { quickReplies, labels, customers, products: productList.items.map(toProduct), customerFields, dropped };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The valid items of a list, each id once, at most `max`; `raw` absent is an empty list. */
function list<T extends { id: string }>(raw: unknown, schema: z.ZodType<T>, max: number): { items: T[]; dropped: number } {
  if (raw === undefined) return { items: [], dropped: 0 };
  if (!Array.isArray(raw)) return { items: [], dropped: 1 };
  const items: T[] = [];
  const ids = new Set<string>();
  let dropped = 0;
  for (const item of raw) {
    const parsed = schema.safeParse(item);
    if (!parsed.success || ids.has(parsed.data.id) || items.length >= max) {
      dropped += 1;
      continue;
    }
    ids.add(parsed.data.id);
    items.push(parsed.data);
  }
  return { items, dropped };
}

/** A reply as read, with its trigger phrases when they are valid; `bad` when they were there but invalid. */
function toReply(data: z.infer<typeof quickReplySchema>): { reply: QuickReply; bad: boolean } {
  const reply: QuickReply = { id: data.id, name: data.name, body: data.body };
  if (data.triggers === undefined) return { reply, bad: false };
  const triggers = shopSchemas.triggers.safeParse(data.triggers);
  if (triggers.success && triggers.data.length > 0) reply.triggers = triggers.data;
  return { reply, bad: !triggers.success };
}

function toProduct(data: z.infer<typeof productSchema>): Product {
  const product: Product = { id: data.id, name: data.name, price: { amount: data.price.amount, currency: data.price.currency }, inStock: data.inStock };
  if (data.link !== undefined) product.link = data.link;
  if (data.photo !== undefined) product.photo = data.photo;
  return product;
}

function toLabel(data: z.infer<typeof labelSchema>): Label {
  const label: Label = { id: data.id, color: data.color };
  if (data.name !== undefined) label.name = data.name;
  if (data.preset !== undefined) label.preset = data.preset;
  return label;
}

/** Sets the later fields `raw` has valid values for on `customer`; answers how many were invalid. */
function readLaterFields(raw: Record<string, unknown>, customer: Customer): number {
  let bad = 0;
  const pinned = laterFields.pinned.safeParse(raw['pinned']);
  if (pinned.success) {
    if (pinned.data) customer.pinned = true;
  } else if (raw['pinned'] !== undefined) bad += 1;
  const mark = laterFields.unreadMark.safeParse(raw['unreadMark']);
  if (mark.success) customer.unreadMark = mark.data;
  else if (raw['unreadMark'] !== undefined) bad += 1;
  return bad;
}

function toCustomer(data: z.infer<typeof customerSchema>, knownLabels: ReadonlySet<string>): Customer {
  const customer: Customer = {
    labels: data.labels.filter((id) => knownLabels.has(id)),
    note: data.note,
    status: data.status,
    statusAt: data.statusAt,
    priority: data.priority,
  };
  if (data.reminder) {
    const { at, setAt, chat, title, notified } = data.reminder;
    customer.reminder = { at, setAt, chat: { serviceId: chat.serviceId, chatId: chat.chatId }, title };
    if (notified === true) customer.reminder.notified = true;
  }
  return customer;
}

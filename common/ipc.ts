/**
 * The IPC contract between main, the shell (`app:*`) and service views (`svc:*`): channel names, message
 * schemas and limits. Main parses every incoming message with these schemas; the shell and the service preload
 * use the inferred types.
 */
import { z } from 'zod';
import { PLATFORM_IDS, READ_HINTS, REFUSALS, type ChatSummary } from './model';
import { MAX_PANE_MATCHES } from './compact';
import { MAX_COUNT } from './count';
import { LIMITS } from './limits';
import { PASSWORD_MAX, PASSWORD_MIN } from './lock';
import { CONNECTOR_FAILURES } from './pack-register';
import { packManifestSchema, type PackSource } from './packs';
import { SCREEN_SOURCE_ID } from './screen-share';
import { PROXY_PASSWORD_MAX, proxyChoiceSchema } from './proxy';
import { settingsPatchShape } from './settings';
import { downloadSettings } from './settings/groups';
import { servicePatchShape } from './settings/service';
import { isChatLink, MAX_LINK_LENGTH } from './shop/chat-links';
import { normalizeTrigger } from './shop/faq';
import { FIELD_ID, FIELD_TYPES } from './shop/fields';
import { CONVERSATION_STATUSES, LABEL_COLORS, TRIAGE_STEPS } from './shop/model';
import { isKnownCurrency, isProductUrl, priceProblem } from './shop/products';
import { ZOOM_STEPS } from './zoom';

export { LIMITS } from './limits';

/** Chat and notice ids: whatever the platform uses, bounded. */
const id = z.string().min(1).max(LIMITS.idChars);
/** Service ids name partitions (`persist:svc-<id>`): Wasl makes them UUIDs; nothing else is accepted. */
export const serviceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const serviceId = serviceIdSchema;
const serviceName = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1).max(LIMITS.serviceName));

export const rectSchema = z.strictObject({
  x: z.number().min(0).max(100_000),
  y: z.number().min(0).max(100_000),
  width: z.number().min(0).max(100_000),
  height: z.number().min(0).max(100_000),
});
export type Rect = z.infer<typeof rectSchema>;

export const viewportSchema = z.strictObject({ rect: rectSchema.nullable() });
export type Viewport = z.infer<typeof viewportSchema>;

const platformId = z.enum(PLATFORM_IDS);
const chatRef = z.strictObject({ serviceId, chatId: id });
const personName = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1).max(LIMITS.serviceName * 2));
/** An inbox entry's key (`chat:…`, `phone:…`, `person:…`): never a name an object already has (`__proto__`). */
export const ENTRY_KEY = /^(?:chat|phone|person):/u;
const entryKey = z.string().min(1).max(LIMITS.idChars * 2).regex(ENTRY_KEY);
/** A password as typed (never trimmed): up to the limit to try one, and at least PASSWORD_MIN long to set one. */
const typedPassword = z.string().min(1).max(PASSWORD_MAX);
const newPassword = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);
const trimmed = (max: number) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(1).max(max));

/** The shop-owner toolkit's parts, as commands carry them and the settings file keeps them. */
export const shopSchemas = {
  replyName: trimmed(LIMITS.replyName),
  replyBody: z.string().max(LIMITS.replyBody).refine((s) => s.trim() !== ''),
  /** A reply's trigger phrases (common/shop/faq.ts): each with a letter or digit, none reading as another. */
  triggers: z
    .array(trimmed(LIMITS.triggerChars).refine((s) => normalizeTrigger(s) !== '', 'a trigger needs a letter or digit'))
    .max(LIMITS.triggersPerReply)
    .refine((list) => new Set(list.map(normalizeTrigger)).size === list.length, 'two triggers read the same'),
  labelName: trimmed(LIMITS.labelName),
  labelColor: z.enum(LABEL_COLORS),
  status: z.enum(CONVERSATION_STATUSES),
  note: z.string().max(LIMITS.note),
  reminder: z.strictObject({
    at: z.number().int().min(0),
    setAt: z.number().int().min(0),
    chat: chatRef,
    title: z.string().max(LIMITS.textChars),
    notified: z.boolean().optional(),
  }),
  entryKey,
};

/** Customer fields (common/shop/fields.ts) as commands carry them; main checks a value against its field. */
export const fieldSchemas = {
  name: trimmed(LIMITS.fieldName),
  type: z.enum(FIELD_TYPES),
  choices: z.array(z.string().max(LIMITS.fieldChoice * 2)).max(LIMITS.fieldChoices),
  /** Values to set by field id; null clears one. */
  patch: z
    .record(z.string().regex(FIELD_ID), z.union([z.string().max(LIMITS.fieldText), z.number(), z.null()]))
    .refine((values) => Object.keys(values).length <= LIMITS.customerFields, 'too many fields'),
};

/**
 * A product as `product.save` carries it: a price whose amount is decimal text with no more decimals than its
 * currency has, a currency Intl knows, and https addresses only.
 */
export const productSchemas = {
  name: trimmed(LIMITS.productName),
  price: z
    .strictObject({ amount: z.string().max(16), currency: z.string().length(3).refine(isKnownCurrency, 'unknown currency') })
    .refine((price) => priceProblem(price) === undefined, 'invalid amount'),
  url: z.string().max(LIMITS.productUrl).refine(isProductUrl, 'not an https address'),
};

/**
 * What `settings.set` may carry from the shell: every setting but a downloads folder by name. Only main's folder
 * dialog names one (`downloads.chooseFolder`), so a shell that was taken over cannot send every download into a
 * folder the system runs files from; `folder: null` (back to the system's Downloads folder) stays open to it.
 */
const shellSettingsPatch = {
  ...settingsPatchShape,
  downloads: z.strictObject({ mode: downloadSettings.shape.mode.unwrap().optional(), folder: z.null().optional() }).optional(),
};

export const commandSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('service.add'),
    platform: platformId,
    name: serviceName.optional(),
    url: z.string().max(LIMITS.urlChars).optional(),
  }),
  z.strictObject({ type: z.literal('service.rename'), id: serviceId, name: serviceName }),
  z.strictObject({ type: z.literal('service.move'), id: serviceId, index: z.number().int().min(0).max(10_000) }),
  /** Change any of a service's choices (common/settings/service.ts). */
  z.strictObject({ type: z.literal('service.set'), id: serviceId, ...servicePatchShape }),
  z.strictObject({ type: z.literal('service.reload'), id: serviceId }),
  /** Show the service's pages a zoom step bigger, smaller, or at actual size (common/zoom.ts); kept across restarts. */
  z.strictObject({ type: z.literal('service.zoom'), id: serviceId, step: z.enum(ZOOM_STEPS) }),
  /** Unload the service now; it wakes when used or on its schedule. */
  z.strictObject({ type: z.literal('service.sleep'), id: serviceId }),
  z.strictObject({ type: z.literal('service.remove'), id: serviceId }),
  z.strictObject({ type: z.literal('service.activate'), id: serviceId }),
  /** Show the service with this chat open. */
  z.strictObject({ type: z.literal('service.openChat'), id: serviceId, chatId: id }),
  /** Change any of the settings (common/settings/groups.ts), a group's fields one by one. */
  z.strictObject({ type: z.literal('settings.set'), ...shellSettingsPatch }),
  z.strictObject({ type: z.literal('notice.dismiss'), id }),
  /** Show the unified inbox instead of a service. */
  z.strictObject({ type: z.literal('view.inbox') }),
  /** These chats are one person (merging any people they already belong to). */
  z.strictObject({ type: z.literal('people.link'), chats: z.array(chatRef).min(2).max(50), displayName: personName.optional() }),
  /** This chat is not the person it was merged with (by a link or by phone). */
  z.strictObject({ type: z.literal('people.unlink'), chat: chatRef }),
  z.strictObject({ type: z.literal('people.rename'), personId: id, displayName: personName.nullable() }),
  /** Undo the last link, unlink, rename or dismissal. */
  z.strictObject({ type: z.literal('people.undo') }),
  /** Two inbox entries that look alike are not the same person: stop suggesting it. */
  z.strictObject({ type: z.literal('suggestion.dismiss'), a: entryKey, b: entryKey }),
  /** Mark notifications read: these, or all of them. */
  z.strictObject({ type: z.literal('notifications.read'), ids: z.array(id).max(1_000).optional() }),
  z.strictObject({ type: z.literal('notifications.clear') }),
  /** Open the chat a notification is about (and mark it read). */
  z.strictObject({ type: z.literal('notifications.open'), id }),
  /** Save the service's page outline (its structure, every text replaced by its shape) for a bug report. */
  z.strictObject({ type: z.literal('service.saveOutline'), id: serviceId }),
  /** Type this text into the service's open chat, or first open `chatId` (the user presses send). */
  z.strictObject({ type: z.literal('service.insertText'), id: serviceId, text: z.string().min(1).max(LIMITS.replyBody), chatId: id.optional() }),
  /** Add a quick reply (no id) or change one; `triggers` absent leaves a reply's trigger phrases as they are. */
  z.strictObject({
    type: z.literal('quickReply.save'),
    id: id.optional(),
    name: shopSchemas.replyName,
    body: shopSchemas.replyBody,
    triggers: shopSchemas.triggers.optional(),
  }),
  z.strictObject({ type: z.literal('quickReply.move'), id, index: z.number().int().min(0).max(10_000) }),
  z.strictObject({ type: z.literal('quickReply.delete'), id }),
  /** Add a product (no id) or change one; a link or photo left out is removed. */
  z.strictObject({
    type: z.literal('product.save'),
    id: id.optional(),
    name: productSchemas.name,
    price: productSchemas.price,
    link: productSchemas.url.optional(),
    photo: productSchemas.url.optional(),
    inStock: z.boolean(),
  }),
  z.strictObject({ type: z.literal('product.move'), id, index: z.number().int().min(0).max(10_000) }),
  /** Delete a product; `shop.undo` puts it back. */
  z.strictObject({ type: z.literal('product.delete'), id }),
  /** Add a label (no id) or change one; a null name gives a preset its translated name back. */
  z.strictObject({ type: z.literal('label.save'), id: id.optional(), name: shopSchemas.labelName.nullable().optional(), color: shopSchemas.labelColor }),
  z.strictObject({ type: z.literal('label.delete'), id }),
  /**
   * Change what the shop keeps about a customer, saved under `key` (the entry's key); `from` are the keys of the
   * records the entry showed until now (its phones', its chats'), merged in when `key` has none yet. `pinned`:
   * pin or unpin; `unreadMark`: true marks the customer unread in Wasl now (main's clock), false clears the mark.
   * `undo`: the change is a triage step the user can take back (`shop.undo`), named so.
   */
  z.strictObject({
    type: z.literal('customer.update'),
    key: entryKey,
    from: z.array(entryKey).max(200),
    labels: z.array(id).max(LIMITS.labels).optional(),
    note: shopSchemas.note.optional(),
    status: shopSchemas.status.optional(),
    priority: z.boolean().optional(),
    reminder: shopSchemas.reminder.nullable().optional(),
    pinned: z.boolean().optional(),
    unreadMark: z.boolean().optional(),
    fields: fieldSchemas.patch.optional(),
    undo: z.enum(TRIAGE_STEPS).optional(),
  }),
  /**
   * Add a customer field (no id) or change one: its name, its type (`fieldType`, as `type` names the command) and
   * a choice field's choices. A change customers' values no longer fit is refused, unless each converts.
   */
  z.strictObject({
    type: z.literal('customerField.save'),
    id: id.optional(),
    name: fieldSchemas.name,
    fieldType: fieldSchemas.type,
    choices: fieldSchemas.choices.optional(),
  }),
  /** Delete a customer field and its values on every customer (undoable: `shop.undo` puts both back). */
  z.strictObject({ type: z.literal('customerField.delete'), id }),
  z.strictObject({ type: z.literal('customerField.move'), id, index: z.number().int().min(0).max(10_000) }),
  /**
   * Undo the last deletion of a quick reply or label, the last import or restore, or the last triage step. With
   * `step`, only when the last step is that triage step (an undo offered for it never takes back another change).
   */
  z.strictObject({ type: z.literal('shop.undo'), step: z.enum(TRIAGE_STEPS).optional() }),
  /** Save a file the user picks: a backup of all Wasl data, the customers as CSV, or the quick replies. */
  z.strictObject({ type: z.literal('data.export'), what: z.enum(['backup', 'customers-csv', 'quick-replies']) }),
  /** Put a chat link on the clipboard (the shell has no clipboard permission of its own). */
  z.strictObject({ type: z.literal('chatLink.copy'), link: z.string().max(MAX_LINK_LENGTH).refine(isChatLink) }),
  /** Save the QR code of a chat link (common/shop/chat-links.ts) to a file the user picks; main draws it from the link. */
  z.strictObject({ type: z.literal('chatLink.save'), link: z.string().max(MAX_LINK_LENGTH).refine(isChatLink), format: z.enum(['png', 'svg']) }),
  /** Read a file the user picks: a backup to restore, or quick replies to add. */
  z.strictObject({ type: z.literal('data.import'), what: z.enum(['backup', 'quick-replies']) }),
  /** Look for a new version of Wasl now (it downloads in the background). */
  z.strictObject({ type: z.literal('update.check') }),
  /** Quit, install the downloaded update and start the new version: only ever on the user's click. */
  z.strictObject({ type: z.literal('update.install') }),
  /** Put the restart off: the banner goes; the settings and the tray still offer it, and it installs on quit. */
  z.strictObject({ type: z.literal('update.dismiss') }),
  /** Keep every service on the connector pack built into Wasl (or let them take downloaded packs again). */
  z.strictObject({ type: z.literal('packs.pinBuiltIn'), pinned: z.boolean() }),
  /** Look for a new connector pack now. */
  z.strictObject({ type: z.literal('packs.check') }),
  /** Lock Wasl now (when a password is set). */
  z.strictObject({ type: z.literal('lock.lock') }),
  /** The password to unlock Wasl: the only command main accepts while locked. */
  z.strictObject({ type: z.literal('lock.unlock'), password: typedPassword }),
  /** Set the app-lock password, or change it (`current` is then required). */
  z.strictObject({ type: z.literal('lock.set'), password: newPassword, current: typedPassword.optional() }),
  /** Remove the password (Wasl no longer locks). */
  z.strictObject({ type: z.literal('lock.remove'), current: typedPassword }),
  /** The settings screen records a key for a shortcut (or is done): meanwhile the shell's keys reach it, not Wasl's shortcuts. */
  z.strictObject({ type: z.literal('shortcuts.record'), recording: z.boolean() }),
  /**
   * Find text in the service's page: a new text starts a new search, the same text goes to the next match (or the
   * previous one, `forward` false); an empty text ends the search.
   */
  z.strictObject({ type: z.literal('find.search'), id: serviceId, text: z.string().max(LIMITS.findText), forward: z.boolean() }),
  /** End the find in the service's page (the bar closed); `focusPage`: the page takes the keyboard focus back. */
  z.strictObject({ type: z.literal('find.stop'), id: serviceId, focusPage: z.boolean() }),
  /** The screen-share picker's answer: a source main offered in that request, or null (cancel); `audio`: share the computer's sound too. */
  z.strictObject({ type: z.literal('screenShare.answer'), requestId: id, sourceId: z.string().max(120).regex(SCREEN_SOURCE_ID).nullable(), audio: z.boolean() }),
  /**
   * A service's proxy (common/proxy.ts) and its password: absent, the saved one is kept; null, it is forgotten; a
   * text replaces it. Main refuses a choice the password makes invalid (SOCKS5 cannot send one).
   */
  z.strictObject({
    type: z.literal('proxy.set'),
    id: serviceId,
    proxy: proxyChoiceSchema,
    password: z.string().min(1).max(PROXY_PASSWORD_MAX).nullable().optional(),
  }),
  /** Fetch the service's start page through its proxy now; a failure's `detail` is a ProxyTestOutcome. */
  z.strictObject({ type: z.literal('proxy.test'), id: serviceId }),
  /** The downloads list (main/core/downloads/): stop one under way, open a completed file or show it in its folder. */
  z.strictObject({ type: z.literal('download.cancel'), id }),
  z.strictObject({ type: z.literal('download.open'), id }),
  z.strictObject({ type: z.literal('download.show'), id }),
  /** Take one off the list (its file stays; one under way is cancelled first). */
  z.strictObject({ type: z.literal('download.remove'), id }),
  /** Take every finished download off the list. */
  z.strictObject({ type: z.literal('downloads.clear') }),
  /** Ask the user for the folder downloads go to (a folder dialog); choosing one turns on saving there. */
  z.strictObject({ type: z.literal('downloads.chooseFolder') }),
]);
export type Command = z.infer<typeof commandSchema>;

/** The app lock's: `wrong-password`, `too-soon` (a try before the wait after wrong ones is over), `locked` (any command but unlock). */
export type CommandError = 'invalid' | 'not-found' | 'custom-url' | 'failed' | 'nothing-to-undo' | 'cancelled' | 'invalid-file' | 'no-composer' | 'full' | 'wrong-password' | 'too-soon' | 'locked';

/** What changed in one service's chats, as main tells the shell (`reset`: the chats below are all of them). */
export interface ChatsDelta {
  reset: boolean;
  loggedIn: boolean;
  unread: { direct: number; indirect: number };
  upsert: ChatSummary[];
  remove: string[];
  activeChatId?: string | null;
}
export type CommandResult = { ok: true; id?: string } | { ok: false; error: CommandError; detail?: string };

/** Actions main forwards to the shell (from the application menu, the tray or a shortcut in a service view). */
export type ShellAction =
  | 'add-service'
  | 'open-settings'
  | 'rename-active'
  | 'remove-active'
  | 'quick-replies'
  | 'open-shop'
  | 'open-report'
  | 'open-resources'
  /** Open the chat of the customer who has waited longest (common/shortcuts.ts `next-unread`). */
  | 'next-unread'
  /** Move the focus to the chat list (`focus-list`). */
  | 'focus-list'
  /** Show the list of keyboard shortcuts (`cheat-sheet`). */
  | 'shortcuts'
  /** Open the find bar over the service in front, or select its text when it is open (`find`). */
  | 'find';

const text = z.string().max(LIMITS.textChars);
/** A picture a page names (a chat's avatar, a notification's icon): an https or data:image address, nothing else. */
const imageAddress = z
  .string()
  .max(LIMITS.urlChars)
  .regex(/^(https:\/\/|data:image\/)/);

export const chatSchema = z.strictObject({
  id,
  title: text,
  preview: text.optional(),
  lastActivity: z.number().min(0).optional(),
  unread: z.number().int().min(0).max(MAX_COUNT),
  muted: z.boolean().optional(),
  kind: z.enum(['direct', 'group', 'channel']).optional(),
  phone: z.string().regex(/^\+[1-9]\d{3,14}$/).optional(),
  avatarUrl: imageAddress.optional(),
});

const count = z.number().int().min(0).max(10_000_000);
/** A connector pack's version, x.y.z, as its manifest spells it. */
const packVersion = packManifestSchema.shape.version;

export const serviceUpdateSchema = z.strictObject({
  /** Increments by one per message; a gap makes main ask for a full update. */
  seq: z.number().int().min(0),
  /** The chats below replace every chat main holds (a full update) instead of merging into them. */
  reset: z.boolean(),
  loggedIn: z.boolean(),
  unread: z.strictObject({ direct: count, indirect: count }),
  upsert: z.array(chatSchema).max(LIMITS.chats),
  remove: z.array(id).max(LIMITS.chats),
  activeChatId: id.nullable().optional(),
  /** The connector's hooks found nothing while the title counts unread messages: the platform changed its page. */
  degraded: z.boolean().optional(),
  /** Signed out because the platform refuses this account web sign-in (WeChat's error 1203, Google's "not secure"). */
  refusal: z.enum(REFUSALS).optional(),
  /** The page shows only some of its chats (a virtualised list): chats not in `upsert` are kept, not deleted. */
  partial: z.boolean().optional(),
  /** How well the connector reads the page now (sent when it changes). */
  health: z
    .strictObject({
      rows: count,
      chats: count,
      badges: count,
      titleUnread: count.nullable(),
      missing: z.array(z.string().min(1).max(40)).max(20),
      lastGoodRead: z.number().int().min(0).nullable(),
      hint: z.enum(READ_HINTS).optional(),
      packVersion: packVersion.optional(),
      listPane: z.number().int().min(0).max(MAX_PANE_MATCHES).optional(),
    })
    .optional(),
});
export type ServiceUpdate = z.infer<typeof serviceUpdateSchema>;

/**
 * Main's answer to `svc:connector`: the pack the page's connector comes from, and that pack's connector script for
 * the page's platform; no `code`: the page runs the connector built into its preload.
 */
export interface ConnectorAnswer {
  source: PackSource;
  code?: string;
}

/** A page could not use the pack's connector it was given (`version`: that pack's) and runs the built-in one. */
export const connectorFailureSchema = z.strictObject({ version: packVersion, reason: z.enum(CONNECTOR_FAILURES) });
export type ConnectorFailure = z.infer<typeof connectorFailureSchema>;

export const insertResultSchema = z.strictObject({ requestId: id, ok: z.boolean() });

/** A page's outline, as JSON (common/outline-schema.ts checks what it holds). */
export const outlineAnswerSchema = z.strictObject({ requestId: id, outline: z.string().min(2).max(LIMITS.messageChars - 1_000) });

/** The report's period: at most a year, in epoch ms. */
export const reportRangeSchema = z
  .strictObject({ from: z.number().int().min(0), to: z.number().int().min(0) })
  .refine((r) => r.from <= r.to && r.to - r.from <= 366 * 86_400_000);

/** A notification a service page raised (`derived`: Wasl derived it from a rising unread count). */
export const pageNotificationSchema = z.strictObject({
  id: z.string().min(1).max(64),
  title: z.string().min(1).max(LIMITS.textChars),
  body: z.string().max(LIMITS.textChars).optional(),
  iconUrl: imageAddress.optional(),
  tag: z.string().max(200).optional(),
  chatId: id.optional(),
  derived: z.boolean(),
});
export type PageNotification = z.infer<typeof pageNotificationSchema>;

/** A key of a worker notification's `data` (`chatId`, `channel_id`): a short plain name, never one that means code. */
const dataKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/);

/**
 * A notification a service's worker raised (`registration.showNotification(title, {body, tag, icon, data})`), as the
 * service-worker preload forwards it: `icon` only when it is an https or data:image address, and `data` as the
 * [key, text] pairs of its top-level text, number and true/false fields (what may name the chat it is about).
 */
export const workerNotificationSchema = z.strictObject({
  title: z.string().min(1).max(LIMITS.textChars),
  body: z.string().max(LIMITS.textChars).optional(),
  tag: z.string().max(200).optional(),
  icon: imageAddress.optional(),
  data: z.array(z.tuple([dataKey, z.string().max(200)])).max(20).optional(),
});
export type WorkerNotification = z.infer<typeof workerNotificationSchema>;

/**
 * The serialized size of a value, or `Infinity` as soon as it passes `maxChars` or `maxDepth`: bounded work
 * however large or deep the value is, so a hostile message is refused before any schema walks it.
 */
export function boundedSize(value: unknown, maxChars: number, maxDepth: number): number {
  let total = 0;
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop() as { v: unknown; depth: number };
    if (depth > maxDepth) return Infinity;
    if (typeof v === 'string') total += v.length + 2;
    else if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) total += 8;
    else if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return Infinity;
    else if (Array.isArray(v)) {
      total += 2 + v.length;
      if (total > maxChars) return Infinity;
      for (const item of v) stack.push({ v: item, depth: depth + 1 });
    } else if (typeof v === 'object') {
      const keys = Object.keys(v);
      total += 2 + keys.length;
      if (total > maxChars) return Infinity;
      for (const key of keys) {
        total += key.length + 3;
        stack.push({ v: (v as Record<string, unknown>)[key], depth: depth + 1 });
      }
    } else {
      return Infinity;
    }
    if (total > maxChars) return Infinity;
  }
  return total;
}

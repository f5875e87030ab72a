/**
 * Malformed messages for every channel main wires and every command type, made by breaking one thing in a valid
 * message: a required field dropped, a value of the wrong type, an unknown key in an object, a string longer than
 * any field allows. Which fields are required is written here by hand, not read off the schemas in common/ipc.ts,
 * so a schema that gets looser than this table (a required field made optional, a strict object made loose, a
 * bound removed) lets a malformed variant through and fails the suite.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { CHANNELS } from '../../../common/channels';
import { LIMITS, type commandSchema } from '../../../common/ipc';
import { PASSWORD_MAX } from '../../../common/lock';

type CommandInput = z.input<typeof commandSchema>;
type CommandType = CommandInput['type'];

/** A valid message, and the fields of it that may be left out (dot-joined paths; `*` stands for any array item). */
export interface Row {
  channel: string;
  /** The command type, on `app:command`. */
  type?: CommandType;
  valid: unknown;
  optional?: readonly string[];
  /** Fields that may be as long as a whole message (a page's outline): no oversized string fits them but the message limit. */
  whole?: readonly string[];
}

/** The longest string any field of any message accepts, but the whole-message ones: a string one longer fits none of them. */
export const LONGEST_FIELD = Math.max(LIMITS.note, LIMITS.urlChars, LIMITS.textChars, LIMITS.replyBody, LIMITS.idChars * 2, PASSWORD_MAX);

const START = Date.UTC(2026, 2, 1, 10, 0, 0);
const chat = { serviceId: 'wa1', chatId: 'c1' };

/** One valid command of every type; the mapped type makes a new command type without a row a compile error. */
export const COMMANDS: { [T in CommandType]: { valid: Extract<CommandInput, { type: T }>; optional?: readonly string[] } } = {
  'service.add': { valid: { type: 'service.add', platform: 'telegram', name: 'Shop 2', url: 'https://web.telegram.org/' }, optional: ['name', 'url'] },
  'service.rename': { valid: { type: 'service.rename', id: 'wa1', name: 'Shop' } },
  'service.move': { valid: { type: 'service.move', id: 'wa1', index: 1 } },
  'service.set': {
    valid: { type: 'service.set', id: 'tg1', enabled: true, muted: false, callsAllowed: true, alwaysOn: false, sleepAfterMin: 15, checkEveryMin: 30 },
    optional: ['enabled', 'muted', 'callsAllowed', 'alwaysOn', 'sleepAfterMin', 'checkEveryMin'],
  },
  'service.reload': { valid: { type: 'service.reload', id: 'wa1' } },
  'service.zoom': { valid: { type: 'service.zoom', id: 'wa1', step: 'in' } },
  'service.sleep': { valid: { type: 'service.sleep', id: 'wa1' } },
  'service.remove': { valid: { type: 'service.remove', id: 'wa1' } },
  'service.activate': { valid: { type: 'service.activate', id: 'wa1' } },
  'service.openChat': { valid: { type: 'service.openChat', id: 'wa1', chatId: 'c1' } },
  'settings.set': {
    valid: {
      type: 'settings.set',
      theme: 'dark',
      language: 'ar',
      defaultRegion: 'SA',
      unreadCount: 'chats',
      updates: true,
      startAtLogin: false,
      startMinimized: false,
      closeToTray: true,
      lockAfterMin: 5,
      shop: { name: 'Layla’s shop', hoursEnabled: true, hours: Array.from({ length: 7 }, (_, i) => ({ open: i < 6, from: '10:00', to: '22:00' })), holdOutsideHours: false },
      notifications: { sound: true, privateMode: false, dndUntil: START, quietHours: { enabled: true, from: '22:00', to: '08:00' } },
    },
    optional: [
      ...['theme', 'language', 'defaultRegion', 'unreadCount', 'updates', 'startAtLogin', 'startMinimized', 'closeToTray', 'lockAfterMin', 'shop', 'notifications'],
      ...['shop.name', 'shop.hoursEnabled', 'shop.hours', 'shop.holdOutsideHours'],
      ...['notifications.sound', 'notifications.privateMode', 'notifications.dndUntil', 'notifications.quietHours'],
    ],
  },
  'notice.dismiss': { valid: { type: 'notice.dismiss', id: 'n1' } },
  'view.inbox': { valid: { type: 'view.inbox' } },
  'people.link': { valid: { type: 'people.link', chats: [chat, { serviceId: 'tg1', chatId: 'c2' }], displayName: 'Omar' }, optional: ['displayName'] },
  'people.unlink': { valid: { type: 'people.unlink', chat } },
  'people.rename': { valid: { type: 'people.rename', personId: 'p1', displayName: 'Layla' } },
  'people.undo': { valid: { type: 'people.undo' } },
  'suggestion.dismiss': { valid: { type: 'suggestion.dismiss', a: 'chat:wa1:1', b: 'chat:tg1:2' } },
  'notifications.read': { valid: { type: 'notifications.read', ids: ['n1', 'n2'] }, optional: ['ids'] },
  'notifications.clear': { valid: { type: 'notifications.clear' } },
  'notifications.open': { valid: { type: 'notifications.open', id: 'n1' } },
  'service.insertText': { valid: { type: 'service.insertText', id: 'wa1', text: 'Hello' } },
  'service.saveOutline': { valid: { type: 'service.saveOutline', id: 'wa1' } },
  'quickReply.save': { valid: { type: 'quickReply.save', id: 'q1', name: 'hours', body: 'We open at 10', triggers: ['opening hours', 'متى تفتحون'] }, optional: ['id', 'triggers'] },
  'quickReply.move': { valid: { type: 'quickReply.move', id: 'q1', index: 0 } },
  'quickReply.delete': { valid: { type: 'quickReply.delete', id: 'q1' } },
  'product.save': {
    valid: {
      type: 'product.save',
      id: 'p1',
      name: 'Blue abaya',
      price: { amount: '45.5', currency: 'SAR' },
      link: 'https://shop.example/abaya',
      photo: 'https://shop.example/abaya.jpg',
      inStock: true,
    },
    optional: ['id', 'link', 'photo'],
  },
  'product.move': { valid: { type: 'product.move', id: 'p1', index: 0 } },
  'product.delete': { valid: { type: 'product.delete', id: 'p1' } },
  'label.save': { valid: { type: 'label.save', id: 'l1', name: 'VIP', color: 'red' }, optional: ['id', 'name'] },
  'label.delete': { valid: { type: 'label.delete', id: 'l1' } },
  'customerField.save': { valid: { type: 'customerField.save', id: 'f1', name: 'Size', fieldType: 'choice', choices: ['S', 'M'] }, optional: ['id', 'choices'] },
  'customerField.delete': { valid: { type: 'customerField.delete', id: 'f1' } },
  'customerField.move': { valid: { type: 'customerField.move', id: 'f1', index: 0 } },
  // Without `fields`: its values are a record of strings and numbers (either type fits), which these breakages cannot
  // reach; the router's own test (test/unit/main/core/app/commands.test.ts) sends malformed values instead.
  'customer.update': {
    valid: {
      type: 'customer.update',
      key: 'person:p1',
      from: ['chat:wa1:c1'],
      labels: ['l1'],
      note: 'pays on delivery',
      status: 'open',
      priority: true,
      reminder: { at: START + 3_600_000, setAt: START, chat, title: 'Call back', notified: false },
    },
    optional: ['labels', 'note', 'status', 'priority', 'reminder', 'reminder.notified'],
  },
  'shop.undo': { valid: { type: 'shop.undo' } },
  'data.export': { valid: { type: 'data.export', what: 'customers-csv' } },
  'data.import': { valid: { type: 'data.import', what: 'quick-replies' } },
  'chatLink.copy': { valid: { type: 'chatLink.copy', link: 'https://ig.me/m/sweet.shop' } },
  'chatLink.save': { valid: { type: 'chatLink.save', link: 'https://wa.me/966501234567?text=%D9%85%D8%B1%D8%AD%D8%A8%D8%A7', format: 'png' } },
  'update.check': { valid: { type: 'update.check' } },
  'update.install': { valid: { type: 'update.install' } },
  'update.dismiss': { valid: { type: 'update.dismiss' } },
  'packs.pinBuiltIn': { valid: { type: 'packs.pinBuiltIn', pinned: true } },
  'packs.check': { valid: { type: 'packs.check' } },
  'lock.lock': { valid: { type: 'lock.lock' } },
  'lock.unlock': { valid: { type: 'lock.unlock', password: 'open sesame' } },
  'lock.set': { valid: { type: 'lock.set', password: 'new secret', current: 'open sesame' }, optional: ['current'] },
  'lock.remove': { valid: { type: 'lock.remove', current: 'open sesame' } },
  'shortcuts.record': { valid: { type: 'shortcuts.record', recording: true } },
  'find.search': { valid: { type: 'find.search', id: 'wa1', text: 'Layla', forward: true } },
  'find.stop': { valid: { type: 'find.stop', id: 'wa1', focusPage: true } },
  'screenShare.answer': { valid: { type: 'screenShare.answer', requestId: 'share-1', sourceId: 'screen:1:0', audio: false } },
  'proxy.set': {
    valid: { type: 'proxy.set', id: 'wa1', proxy: { mode: 'http', host: 'proxy.example', port: 3128, username: 'amal' }, password: 'pw' },
    optional: ['password', 'proxy.username'],
  },
  'proxy.test': { valid: { type: 'proxy.test', id: 'wa1' } },
  'download.cancel': { valid: { type: 'download.cancel', id: 'd1' } },
  'download.open': { valid: { type: 'download.open', id: 'd1' } },
  'download.show': { valid: { type: 'download.show', id: 'd1' } },
  'download.remove': { valid: { type: 'download.remove', id: 'd1' } },
  'downloads.clear': { valid: { type: 'downloads.clear' } },
  'downloads.chooseFolder': { valid: { type: 'downloads.chooseFolder' } },
};

/** A valid message for every other channel main wires. */
const OTHERS: readonly Row[] = [
  { channel: CHANNELS.hydrate, valid: undefined },
  { channel: CHANNELS.hydrateChats, valid: undefined },
  { channel: CHANNELS.resources, valid: undefined },
  { channel: CHANNELS.viewport, valid: { rect: { x: 72, y: 48, width: 800, height: 600 } } },
  { channel: CHANNELS.report, valid: { from: START - 86_400_000, to: START } },
  {
    channel: CHANNELS.serviceUpdate,
    valid: {
      seq: 0,
      reset: true,
      loggedIn: true,
      unread: { direct: 1, indirect: 0 },
      upsert: [{ id: 'c1', title: 'Omar', preview: 'Order #12?', lastActivity: START, unread: 1, muted: false, kind: 'direct', phone: '+966501234567', avatarUrl: 'https://example.com/a.png' }],
      remove: ['c9'],
      activeChatId: 'c1',
      degraded: false,
      refusal: 'web-login-refused',
      partial: true,
      health: { rows: 25, chats: 25, badges: 1, titleUnread: 3, missing: ['composer'], lastGoodRead: START, hint: 'open-home-tab', packVersion: '1.2.0', listPane: 1 },
    },
    optional: ['activeChatId', 'degraded', 'refusal', 'partial', 'health', 'health.hint', 'health.packVersion', 'health.listPane', ...['preview', 'lastActivity', 'muted', 'kind', 'phone', 'avatarUrl'].map((key) => `upsert.*.${key}`)],
  },
  {
    channel: CHANNELS.serviceNotification,
    valid: { id: 'n1', title: 'Omar', body: 'Order #12?', iconUrl: 'https://example.com/i.png', tag: 't1', chatId: 'c1', derived: false },
    optional: ['body', 'iconUrl', 'tag', 'chatId'],
  },
  { channel: CHANNELS.serviceInsertResult, valid: { requestId: 'r1', ok: true } },
  { channel: CHANNELS.serviceOutline, valid: { requestId: 'r1', outline: '{"format":"wasl-outline/1"}' }, whole: ['outline'] },
  { channel: CHANNELS.serviceConnector, valid: undefined },
  { channel: CHANNELS.serviceConnectorFailed, valid: { version: '1.2.0', reason: 'wrong-platform' } },
  {
    channel: CHANNELS.serviceWorkerNotification,
    valid: { title: 'Omar', body: 'Order #12?', tag: 'c1', icon: 'https://example.com/i.png', data: [['chatId', 'c1'], ['messageId', '42']] },
    optional: ['body', 'tag', 'icon', 'data'],
  },
];

export const ROWS: readonly Row[] = [
  ...Object.values(COMMANDS).map((row): Row => ({ channel: CHANNELS.command, type: row.valid.type, valid: row.valid, optional: row.optional })),
  ...OTHERS,
];

export type Breakage = 'drop' | 'wrong-type' | 'extra-key' | 'oversize';
export type Path = readonly (string | number)[];

/** One way to break one row: what, where. */
export interface Variant {
  row: Row;
  how: Breakage;
  path: Path;
}

/** What a breakage puts in: the wrong-typed value, the unknown key and its value, the oversized length. */
export type Filler = { how: 'drop' } | { how: 'wrong-type'; value: unknown } | { how: 'extra-key'; key: string; value: unknown } | { how: 'oversize'; length: number };

type Kind = 'array' | 'null' | 'string' | 'number' | 'bigint' | 'boolean' | 'symbol' | 'undefined' | 'object' | 'function';

function kindOf(value: unknown): Kind {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return kindOf(value) === 'object';
}

function at(value: unknown, path: Path): unknown {
  let node = value;
  for (const key of path) node = Array.isArray(node) ? node[Number(key)] : isRecord(node) ? node[String(key)] : undefined;
  return node;
}

/** Every node of a message, the message itself first. */
function nodes(value: unknown, path: Path = []): Path[] {
  const found: Path[] = [path];
  if (Array.isArray(value)) value.forEach((item, i) => found.push(...nodes(item, [...path, i])));
  else if (isRecord(value)) for (const [key, item] of Object.entries(value)) found.push(...nodes(item, [...path, key]));
  return found;
}

/** The path as the table's `optional` lists name it. */
const pattern = (path: Path): string => path.map((key) => (typeof key === 'number' ? '*' : key)).join('.');

export const describeVariant = (v: Variant): string => `${v.row.type ?? v.row.channel}: ${v.how} at ${pattern(v.path) || '(the message)'}`;

/** Every way this table knows to break each row. */
export function variants(rows: readonly Row[] = ROWS): Variant[] {
  return rows.flatMap((row) =>
    nodes(row.valid).flatMap((path): Variant[] => {
      const node = at(row.valid, path);
      const found: Variant[] = [{ row, how: 'wrong-type', path }];
      const last = path.at(-1);
      if (typeof last === 'string' && !(row.optional ?? []).includes(pattern(path))) found.push({ row, how: 'drop', path });
      if (isRecord(node)) found.push({ row, how: 'extra-key', path });
      if (typeof node === 'string' && !(row.whole ?? []).includes(pattern(path))) found.push({ row, how: 'oversize', path });
      return found;
    }),
  );
}

const smallValue = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.integer(), { maxKeys: 3 }),
);

/** What fast-check may put in for this variant. */
export function fillers(v: Variant): fc.Arbitrary<Filler> {
  const node = at(v.row.valid, v.path);
  switch (v.how) {
    case 'drop':
      return fc.constant({ how: 'drop' });
    case 'wrong-type':
      // Neither null nor undefined: some fields take them (nullable, optional), and dropping is its own case.
      return smallValue.filter((value) => kindOf(value) !== kindOf(node)).map((value): Filler => ({ how: 'wrong-type', value }));
    case 'extra-key': {
      const taken = new Set(Object.keys(isRecord(node) ? node : {}));
      const key = fc.oneof(fc.constantFrom('admin', '__proto__', 'constructor', 'polluted'), fc.string({ minLength: 1, maxLength: 12 })).filter((k) => !taken.has(k));
      return fc.tuple(key, smallValue).map(([k, value]): Filler => ({ how: 'extra-key', key: k, value }));
    }
    case 'oversize':
      return fc.integer({ min: LONGEST_FIELD + 1, max: 100_000 }).map((length): Filler => ({ how: 'oversize', length }));
  }
}

/** The filler every variant is tried with at least once. */
export function firstFiller(v: Variant): Filler {
  const node = at(v.row.valid, v.path);
  switch (v.how) {
    case 'drop':
      return { how: 'drop' };
    case 'wrong-type':
      return { how: 'wrong-type', value: kindOf(node) === 'number' ? '1' : 1 };
    case 'extra-key':
      return { how: 'extra-key', key: 'admin', value: true };
    case 'oversize':
      return { how: 'oversize', length: LONGEST_FIELD + 1 };
  }
}

/** The row's valid message with the variant's breakage in it (a copy; the table is left as it is). */
export function breakRow(v: Variant, filler: Filler): unknown {
  const replace = (value: unknown): unknown => {
    switch (filler.how) {
      case 'drop':
        return undefined;
      case 'wrong-type':
        return filler.value;
      case 'oversize':
        return 'x'.repeat(filler.length);
      case 'extra-key': {
        const copy: Record<string, unknown> = { ...(isRecord(value) ? value : {}) };
        Object.defineProperty(copy, filler.key, { value: filler.value, enumerable: true, configurable: true, writable: true });
        return copy;
      }
    }
  };
  const message: unknown = structuredClone(v.row.valid);
  if (v.path.length === 0) return replace(message);
  const parent = at(message, v.path.slice(0, -1));
  const key = v.path.at(-1);
  if (Array.isArray(parent) && typeof key === 'number') parent[key] = replace(parent[key]);
  else if (isRecord(parent) && typeof key === 'string') {
    if (filler.how === 'drop') Reflect.deleteProperty(parent, key);
    else parent[key] = replace(parent[key]);
  }
  return message;
}

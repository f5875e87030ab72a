/**
 * Property-based fuzzing of every IPC channel main wires (`app:*` from the shell, `svc:*` from service pages and
 * service workers),
 * through main/index.ts's real router, schemas and handlers: thousands of generated messages — wrong types,
 * missing fields, huge strings, deep nesting, prototype-pollution keys, 10 MB payloads, unknown channels, wrong
 * senders. Nothing may throw out of a handler (the router answers `handler-failed` and the suite counts it as a
 * failure), every refused message leaves exactly one log line, and a refused message changes neither main's state
 * nor any built-in prototype. Then every malformed variant of every message (malformed.ts: a field dropped, a
 * wrong type, an unknown key, an oversized string, in every command type) is refused as `invalid`, reaches no
 * handler and leaves main's state deep-equal to what it was.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import type { ServiceSnapshot } from '../../../common/model';
import type { AppState } from '../../../common/state';
import { CHANNELS } from '../../../common/channels';
import { commandSchema, connectorFailureSchema, insertResultSchema,
  outlineAnswerSchema, LIMITS, reportRangeSchema, pageNotificationSchema, serviceUpdateSchema, viewportSchema, workerNotificationSchema } from '../../../common/ipc';
import type { IpcMainEventLike } from '../../../main/electron/api';
import { senderOf } from '../../../main/electron/ipc-wiring';
import type { Outcome } from '../../../main/ipc/router';
import { bootMain, isWorkerKind, printFigures, SENDER_KINDS, START, type MainUnderTest, type SenderKind } from './main-under-test';
import { breakRow, COMMANDS, describeVariant, fillers, firstFiller, ROWS, variants, type Filler, type Variant } from './malformed';
import { handlerCalls } from './spied-router';

vi.mock('electron', async () => (await import('./main-under-test')).fakeElectronModule());
vi.mock('electron-store', async () => (await import('./main-under-test')).fakeElectronStore());
vi.mock('../../../main/ipc/router', async (importOriginal) => (await import('./spied-router')).spiedRouter(await importOriginal()));

/** Time between two messages: enough for every rate limit to refill, so the fuzz never meets one. */
const STEP_MS = 150;
const TEN_MB = 10 * 1024 * 1024;

function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

/** Values that must never get past the size and depth bound, whatever field they sit in. */
const OVERSIZED: readonly unknown[] = [
  'x'.repeat(LIMITS.messageChars + 1),
  'w'.repeat(TEN_MB),
  new Uint8Array(TEN_MB),
  Array.from({ length: 1_500_000 }, () => 0),
  nested(LIMITS.depth + 1, 'deep'),
  nested(100_000, 1),
];

const HOSTILE_VALUES: readonly unknown[] = [
  ...OVERSIZED,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -1,
  2 ** 53,
  1e308,
  '',
  '   ',
  '\u0000',
  '\u202E\u2066',
  'javascript:alert(1)',
  null,
  undefined,
  true,
  [],
  {},
  10n,
  new Date(Number.NaN),
  new Map([['type', 'view.inbox']]),
  new Set(['__proto__']),
  '__proto__',
  'constructor',
  JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
];

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'then', 'type', 'id', 'polluted'] as const;

/** One valid message per kind, per channel: the mutations below start from these to reach deep into the schemas. */
const VALID: Record<string, readonly unknown[]> = {
  [CHANNELS.hydrate]: [undefined],
  [CHANNELS.hydrateChats]: [undefined],
  [CHANNELS.resources]: [undefined],
  [CHANNELS.viewport]: [{ rect: { x: 72, y: 48, width: 800, height: 600 } }, { rect: null }],
  [CHANNELS.report]: [{ from: START - 86_400_000, to: START }],
  [CHANNELS.command]: [
    { type: 'view.inbox' },
    { type: 'settings.set', theme: 'dark', notifications: { sound: false, quietHours: { enabled: false, from: '22:00', to: '08:00' } } },
    { type: 'service.set', id: 'tg1', muted: true },
    { type: 'service.rename', id: 'wa1', name: 'Shop' },
    { type: 'notifications.read', ids: ['n1'] },
    { type: 'people.rename', personId: 'p2', displayName: 'Omar' },
    { type: 'people.link', chats: [{ serviceId: 'wa1', chatId: 'c1' }, { serviceId: 'tg1', chatId: 'c2' }] },
    { type: 'quickReply.save', name: 'hours', body: 'We open at 10' },
    { type: 'customer.update', key: 'person:p1', from: ['chat:wa1:c1'], note: 'pays on delivery', status: 'new' },
    { type: 'suggestion.dismiss', a: 'chat:wa1:1', b: 'chat:tg1:2' },
  ],
  [CHANNELS.serviceUpdate]: [
    { seq: 0, reset: true, loggedIn: true, unread: { direct: 1, indirect: 0 }, upsert: [{ id: 'c1', title: 'Omar', unread: 1, phone: '+966501234567' }], remove: [] },
  ],
  [CHANNELS.serviceNotification]: [{ id: 'n1', title: 'Omar', body: 'Order #12?', chatId: 'c1', derived: false }],
  [CHANNELS.serviceInsertResult]: [{ requestId: 'r1', ok: true }],
  [CHANNELS.serviceOutline]: [{ requestId: 'r1', outline: '{"format":"wasl-outline/1"}' }],
  [CHANNELS.serviceWorkerNotification]: [{ title: 'Omar', body: 'Order #12?', tag: 'c1', data: [['chatId', 'c1']] }],
  [CHANNELS.serviceConnector]: [undefined],
  [CHANNELS.serviceConnectorFailed]: [{ version: '1.2.0', reason: 'wrong-platform' }],
};

/** Channels only a service's own service workers use: Electron delivers them on each worker's ipc, not on ipcMain. */
const WORKER_CHANNELS: readonly string[] = [CHANNELS.serviceWorkerNotification];

const UNKNOWN_CHANNELS = ['app:evil', 'svc:evil', 'app:__proto__', 'svc:constructor', '__proto__', 'constructor', 'toString', 'app:patch', 'svc:resync', 'svc:open-chat', 'APP:HYDRATE', ' app:hydrate', 'app:hydrate\u0000', ''];

type Pick = { junk: unknown } | { hostile: number };
const key = fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 12 }));
const junk = fc.anything({
  key,
  maxDepth: 4,
  maxKeys: 6,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  stringUnit: 'binary',
});

/** Generated junk or one of the hostile values, these by index so that a counterexample prints a number, not 10 MB. */
const anyValue = (junkWeight: number): fc.Arbitrary<Pick> =>
  fc.oneof({ arbitrary: junk.map((value): Pick => ({ junk: value })), weight: junkWeight }, fc.nat(HOSTILE_VALUES.length - 1).map((hostile): Pick => ({ hostile })));
const valueOf = (pick: Pick): unknown => ('hostile' in pick ? HOSTILE_VALUES[pick.hostile] : pick.junk);

type Mutation = 'drop' | 'replace' | 'extra' | 'proto' | 'wrap' | 'deep-replace';

/** A valid message with one thing wrong in it. */
function mutate(base: unknown, mutation: Mutation, value: unknown, pick: number, extraKey: string): unknown {
  if (base === null || typeof base !== 'object') return mutation === 'wrap' ? [base] : value;
  const copy = structuredClone(base) as Record<string, unknown>;
  const keys = Object.keys(copy);
  const target = keys[pick % Math.max(1, keys.length)] ?? 'type';
  switch (mutation) {
    case 'drop':
      return Object.fromEntries(Object.entries(copy).filter(([name]) => name !== target));
    case 'replace':
      copy[target] = value;
      return copy;
    case 'deep-replace': {
      const inner = copy[target];
      if (inner !== null && typeof inner === 'object') {
        const innerKeys = Object.keys(inner);
        (inner as Record<string, unknown>)[innerKeys[pick % Math.max(1, innerKeys.length)] ?? '0'] = value;
      } else {
        copy[target] = [value];
      }
      return copy;
    }
    case 'extra':
      Object.defineProperty(copy, extraKey, { value, enumerable: true, configurable: true, writable: true });
      return copy;
    case 'proto':
      return { ...(JSON.parse('{"__proto__":{"polluted":true,"type":"view.inbox"}}') as object), ...copy };
    case 'wrap':
      return pick % 2 === 0 ? [copy] : { payload: copy };
  }
}

/** Own keys of the built-in prototypes: a polluting message would add one. */
function prototypes(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype, Map.prototype]
    .map((p) => Reflect.ownKeys(p).map(String).sort().join(','))
    .join('|');
}

interface Tally {
  tried: number;
  accepted: number;
  rejected: number;
  /** A message that threw out of main's IPC path (the router must never let one). */
  crashes: number;
  /** A valid message whose handler threw: the router answered `handler-failed`. */
  failures: number;
  lost: number;
  logMismatches: number;
}

let main: MainUnderTest;
let pristine: string;
const tallies = new Map<string, Tally>();
const reasons = new Map<string, number>();

function tally(channel: string): Tally {
  const known = main.router.channels.includes(channel) ? channel : '(unknown channel)';
  const entry = tallies.get(known) ?? { tried: 0, accepted: 0, rejected: 0, crashes: 0, failures: 0, lost: 0, logMismatches: 0 };
  tallies.set(known, entry);
  return entry;
}

/** The sender a channel is for: the shell, a service's page, or a service's own worker. */
function rightKind(channel: string): SenderKind {
  if (WORKER_CHANNELS.includes(channel)) return 'worker';
  return channel.startsWith('svc:') ? 'service' : 'shell';
}

function rightSender(channel: string, kind: SenderKind): boolean {
  return kind === rightKind(channel);
}

/** Main's state and every service's chats, as the shell hydrates them. */
interface Held {
  state: AppState;
  chats: Record<string, ServiceSnapshot>;
}

interface Delivery {
  outcome: Outcome<unknown>;
  /** The channels whose handler ran for this message. */
  handled: string[];
  /** What main held before the message (a copy) and right after it, before the clock moves on. */
  before: Held;
  after: Held;
}

const held = async (): Promise<Held> => ({ state: await main.state(), chats: await main.chats() });

/**
 * Delivers one message as Electron would (a frame's through ipcMain, a worker's on its own ipc, where main wired
 * the channel; straight to the router otherwise) and checks what must hold whatever the message was. Answers the
 * router's outcome, and which handlers the message reached.
 */
async function deliver(channel: string, kind: SenderKind, serviceId: string, payload: unknown): Promise<Delivery> {
  const t = tally(channel);
  t.tried += 1;
  const held0 = structuredClone(await held());
  const before = await main.state();
  const previous = main.lastOutcome();
  const logged = main.lines.length;
  const calls = handlerCalls.length;
  let outcome: Outcome<unknown>;
  try {
    let answer: unknown;
    let handler: ((event: IpcMainEventLike, ...args: unknown[]) => unknown) | undefined;
    if (isWorkerKind(kind)) {
      const { worker, send } = main.worker(kind, serviceId);
      if (worker.ipc.listenerCount(channel) > 0) send(channel, payload);
      else await main.router.receiveFromWorker(channel, { serviceId, scope: worker.scope }, payload);
    } else {
      const event = main.event(kind, serviceId);
      handler = main.fake.ipcMain.handlers.get(channel);
      const listener = main.fake.ipcMain.listeners.get(channel);
      if (handler) answer = await handler(event, payload);
      else if (listener) listener(event, payload);
      else await main.router.receive(channel, senderOf(event), payload);
    }
    const reached = main.lastOutcome();
    if (reached === undefined || reached === previous) throw new Error(`the router never saw a message on ${channel}`);
    outcome = await reached;
    if (handler && !outcome.ok) expect(answer).toEqual({ ok: false, error: outcome.reason === 'handler-failed' ? 'failed' : 'invalid', detail: outcome.reason });
  } catch (error) {
    t.crashes += 1;
    throw error;
  }
  const handled = handlerCalls.slice(calls);
  if (outcome.ok) {
    t.accepted += 1;
  } else if (outcome.reason === 'handler-failed') {
    t.failures += 1;
  } else {
    t.rejected += 1;
    reasons.set(outcome.reason, (reasons.get(outcome.reason) ?? 0) + 1);
    const lines = main.lines.slice(logged);
    if (lines.length !== 1 || !/ipc (message rejected|handler failed)/u.test(lines[0] ?? '')) t.logMismatches += 1;
    if ((await main.state()) !== before) t.lost += 1;
  }
  if (prototypes() !== pristine || ({} as Record<string, unknown>)['polluted'] !== undefined) throw new Error(`a built-in prototype changed after a message on ${channel}`);
  const after = await held();
  await main.advance(STEP_MS);
  return { outcome, handled, before: held0, after };
}

beforeAll(async () => {
  main = await bootMain();
  pristine = prototypes();
});

afterAll(() => {
  main.close();
  const rows = [...tallies.entries()].map(([channel, t]) => ({
    channel,
    'messages tried': t.tried,
    accepted: t.accepted,
    rejected: t.rejected,
    crashes: t.crashes,
    'handler failures': t.failures,
    'data lost': t.lost,
    'log lines ≠ 1': t.logMismatches,
  }));
  const sum = (k: keyof Tally) => [...tallies.values()].reduce((n, t) => n + t[k], 0);
  rows.push({
    channel: 'all',
    'messages tried': sum('tried'),
    accepted: sum('accepted'),
    rejected: sum('rejected'),
    crashes: sum('crashes'),
    'handler failures': sum('failures'),
    'data lost': sum('lost'),
    'log lines ≠ 1': sum('logMismatches'),
  });
  printFigures('Hostile IPC fuzz (main/index.ts wiring, real router and handlers)', rows);
  printFigures('Rejections by reason', [...reasons.entries()].map(([reason, count]) => ({ reason, count })));
});

describe('every IPC channel main wires, fuzzed', () => {
  it('delivers every channel the router knows: a frame’s through ipcMain, a worker’s on each worker’s own ipc', () => {
    const wired = [...main.fake.ipcMain.handlers.keys(), ...main.fake.ipcMain.listeners.keys()];
    const { worker } = main.worker('worker', 'wa1');
    const onWorker = main.router.channels.filter((channel) => worker.ipc.listenerCount(channel) > 0);
    expect(onWorker).toEqual(WORKER_CHANNELS);
    expect([...wired, ...onWorker].sort()).toEqual([...main.router.channels].sort());
  });

  it('refuses random payloads from any sender on any channel, each with one log line and no change', async () => {
    const channels = main.router.channels;
    const channel = fc.oneof({ arbitrary: fc.constantFrom(...channels), weight: 6 }, fc.constantFrom(...UNKNOWN_CHANNELS), fc.string({ maxLength: 20 }));
    const sender = fc.oneof({ arbitrary: fc.constant<'right'>('right'), weight: 4 }, fc.constantFrom(...SENDER_KINDS));
    await fc.assert(
      fc.asyncProperty(channel, sender, fc.constantFrom('wa1', 'tg1'), anyValue(5), async (ch, who, serviceId, pick) => {
        const kind: SenderKind = who === 'right' ? rightKind(ch) : who;
        const { outcome } = await deliver(ch, kind, serviceId, valueOf(pick));
        if (!channels.includes(ch)) expect(outcome).toEqual({ ok: false, reason: 'unknown-channel' });
        else if (!rightSender(ch, kind)) expect(outcome).toEqual({ ok: false, reason: 'wrong-sender' });
        expect(outcome).not.toEqual({ ok: false, reason: 'rate-limited' });
      }),
      { numRuns: 2_500, seed: 7_2026 },
    );
  }, 120_000);

  it('refuses valid messages with one thing wrong in them, deep inside each schema', async () => {
    const channels = main.router.channels.filter((ch) => VALID[ch] !== undefined);
    expect(channels).toHaveLength(main.router.channels.length);
    const mutation = fc.constantFrom<Mutation>('drop', 'replace', 'extra', 'proto', 'wrap', 'deep-replace');
    const message = fc.constantFrom(...channels).chain((ch) => fc.tuple(fc.constant(ch), fc.constantFrom(...(VALID[ch] ?? []))));
    await fc.assert(
      fc.asyncProperty(message, mutation, anyValue(1), fc.nat(), fc.constantFrom(...HOSTILE_KEYS), async ([ch, base], how, valuePick, pick, extraKey) => {
        const kind = rightKind(ch);
        const value = valueOf(valuePick);
        const { outcome } = await deliver(ch, kind, pick % 2 === 0 ? 'wa1' : 'tg1', mutate(base, how, value, pick, extraKey));
        const carried = typeof base === 'object' && base !== null ? how === 'replace' || how === 'deep-replace' || how === 'extra' : how !== 'wrap';
        if (carried && OVERSIZED.includes(value)) expect(outcome).toEqual({ ok: false, reason: 'too-large' });
      }),
      { numRuns: 2_500, seed: 5_2026 },
    );
  }, 120_000);

  it('has a malformed-message table row for every command type and every channel, each valid as it stands', () => {
    const literals = commandSchema.options.map((option) => option.shape.type.value);
    expect(Object.keys(COMMANDS).sort()).toEqual([...literals].sort());
    expect(new Set(ROWS.filter((row) => row.type !== undefined).map((row) => row.type))).toEqual(new Set(literals));
    expect(new Set(ROWS.map((row) => row.channel))).toEqual(new Set(main.router.channels));
    const schemas: Partial<Record<string, z.ZodType>> = {
      [CHANNELS.command]: commandSchema,
      [CHANNELS.viewport]: viewportSchema,
      [CHANNELS.report]: reportRangeSchema,
      [CHANNELS.serviceUpdate]: serviceUpdateSchema,
      [CHANNELS.serviceNotification]: pageNotificationSchema,
      [CHANNELS.serviceInsertResult]: insertResultSchema,
      [CHANNELS.serviceOutline]: outlineAnswerSchema,
      [CHANNELS.serviceWorkerNotification]: workerNotificationSchema,
      [CHANNELS.serviceConnectorFailed]: connectorFailureSchema,
    };
    for (const row of ROWS) {
      const schema = schemas[row.channel];
      if (schema) expect(schema.safeParse(row.valid).error, row.type ?? row.channel).toBeUndefined();
      else expect(row.valid, row.channel).toBeUndefined();
    }
  });

  it('refuses every malformed variant of every message as invalid: no handler runs and nothing changes', async () => {
    const all = variants();
    // Each command type breaks in several ways: at least its discriminator dropped and mistyped, and an extra key.
    for (const type of Object.keys(COMMANDS)) expect(all.filter((v) => v.row.type === type).length, type).toBeGreaterThanOrEqual(3);
    const variant = fc.constantFrom(...all).chain((v) => fc.tuple(fc.constant(v), fillers(v)));
    await fc.assert(
      fc.asyncProperty(variant, async ([v, filler]: [Variant, Filler]) => {
        const kind = rightKind(v.row.channel);
        const { outcome, handled, before, after } = await deliver(v.row.channel, kind, 'wa1', breakRow(v, filler));
        expect(outcome, describeVariant(v)).toEqual({ ok: false, reason: 'invalid' });
        expect(handled, describeVariant(v)).toEqual([]);
        expect(after, describeVariant(v)).toEqual(before);
      }),
      // Every variant once with a plain filler, then 1000 more with fillers fast-check picks.
      { examples: all.map((v): [[Variant, Filler]] => [[v, firstFiller(v)]]), numRuns: all.length + 1_000, seed: 12_2026 },
    );
  }, 120_000);

  it('takes ids named like built-in properties as plain data, polluting nothing and losing nothing', async () => {
    const names = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString'];
    const upsert = names.map((name, i) => ({ id: name, title: `${name} chat`, unread: i + 1 }));
    const update = { seq: 0, reset: true, loggedIn: true, unread: { direct: 15, indirect: 0 }, upsert, remove: [], activeChatId: 'constructor' };
    expect((await deliver(CHANNELS.serviceUpdate, 'service', 'tg1', update)).outcome).toEqual({ ok: true, value: undefined });
    const chats = (await main.chats())['tg1']?.chats ?? [];
    expect(chats.map((c) => [c.id, c.title]).sort()).toEqual(names.map((n) => [n, `${n} chat`]).sort());

    const commands = [
      { type: 'people.rename', personId: '__proto__', displayName: 'x' },
      { type: 'label.save', id: '__proto__', color: 'red', name: 'x' },
      { type: 'quickReply.delete', id: 'constructor' },
      { type: 'notice.dismiss', id: '__proto__' },
      { type: 'customer.update', key: 'chat:tg1:__proto__', from: ['chat:tg1:constructor'], note: 'kept' },
      { type: 'service.openChat', id: 'tg1', chatId: '__proto__' },
    ];
    for (const command of commands) expect((await deliver(CHANNELS.command, 'shell', 'wa1', command)).outcome.ok).toBe(true);
    const state = await main.state();
    expect(Object.getPrototypeOf(state.customers)).toBe(Object.prototype);
    expect(Object.keys(state.customers)).toContain('chat:tg1:__proto__');
    expect(state.customers['chat:tg1:__proto__']?.note).toBe('kept');
    expect(state.people.map((p) => p.id)).toContain('p1');
    expect(prototypes()).toBe(pristine);
  });

  it('ends with every service, person and quick reply the user had, and no crash', async () => {
    const state = await main.state();
    expect(state.services.map((s) => s.id)).toEqual(['wa1', 'tg1']);
    expect(state.people.find((p) => p.id === 'p1')?.chats).toHaveLength(2);
    expect(state.quickReplies.find((q) => q.id === 'q1')?.body).toBe('أهلاً! الأسعار في الصورة');
    const all = [...tallies.values()];
    expect(all.reduce((n, t) => n + t.tried, 0)).toBeGreaterThan(5_000);
    expect(all.reduce((n, t) => n + t.crashes + t.failures + t.lost + t.logMismatches, 0)).toBe(0);
    expect(main.router.totals.rejected).toBeGreaterThan(4_000);
    expect(main.router.totals.failed).toBe(0);
  });

  it('sees a handler that throws: the router answers handler-failed and counts a failure, not a refusal', async () => {
    const { failed, rejected } = main.router.totals;
    vi.spyOn(main.fake.app, 'getAppMetrics').mockImplementationOnce(() => {
      throw new Error('metrics unavailable');
    });
    const outcome = await main.router.receive(CHANNELS.resources, senderOf(main.event('shell')), undefined);
    expect(outcome).toEqual({ ok: false, reason: 'handler-failed' });
    expect(main.router.totals).toMatchObject({ failed: failed + 1, rejected });
  });
});

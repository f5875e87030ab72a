import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { boundedSize, commandSchema, LIMITS, serviceUpdateSchema, viewportSchema, workerNotificationSchema } from '../../../../common/ipc';
import { IpcRouter, type IpcSender, type WorkerSender } from '../../../../main/ipc/router';
import { RateLimiter } from '../../../../main/security/rate-limiter';
import { ManualClock } from '../../../fakes/clock';
import { MemoryLogger } from '../../../fakes/logger';

const SHELL: IpcSender = { id: 1, mainFrame: true, url: 'app://wasl/index.html' };
const SHELL_IFRAME: IpcSender = { id: 1, mainFrame: false, url: 'https://ads.example/' };
const SERVICE: IpcSender = { id: 7, mainFrame: true, url: 'https://web.whatsapp.com/' };
const STRANGER: IpcSender = { id: 99, mainFrame: true, url: 'https://evil.example/' };
const WORKER: WorkerSender = { serviceId: 'svc-a', scope: 'https://web.whatsapp.com/' };
const FOREIGN_WORKER: WorkerSender = { serviceId: 'svc-a', scope: 'https://evil.example/' };

const update = (seq: number) => ({
  seq,
  reset: seq === 0,
  loggedIn: true,
  unread: { direct: 1, indirect: 0 },
  upsert: [{ id: '9665@c.us', title: 'Ahmed', unread: 1 }],
  remove: [],
});

describe('IpcRouter', () => {
  let clock: ManualClock;
  let log: MemoryLogger;
  let router: IpcRouter;
  let commands: unknown[];
  let updates: [string, unknown][];
  let notices: [string, unknown][];

  beforeEach(() => {
    clock = new ManualClock();
    log = new MemoryLogger();
    commands = [];
    updates = [];
    notices = [];
    router = new IpcRouter({
      isShell: (s) => s.id === 1 && s.mainFrame,
      serviceOf: (id) => (id === 7 ? 'svc-a' : undefined),
      serviceOfWorker: (w) => (w.serviceId === 'svc-a' && w.scope.startsWith('https://web.whatsapp.com/') ? 'svc-a' : undefined),
      clock,
      log,
    });
    router.worker('svc:worker-notification', workerNotificationSchema, (serviceId, notice) => {
      notices.push([serviceId, notice]);
    });
    router.shell('app:command', commandSchema, (cmd) => {
      commands.push(cmd);
      return { ok: true };
    });
    router.service('svc:update', serviceUpdateSchema, (serviceId, u) => {
      updates.push([serviceId, u]);
    });
  });

  it('dispatches a valid shell command and returns the handler value', async () => {
    const out = await router.receive('app:command', SHELL, { type: 'service.activate', id: 'abc-123' });
    expect(out).toEqual({ ok: true, value: { ok: true } });
    expect(commands).toEqual([{ type: 'service.activate', id: 'abc-123' }]);
  });

  it('refuses shell channels from iframes, service views and unknown senders', async () => {
    for (const sender of [SHELL_IFRAME, SERVICE, STRANGER]) {
      expect(await router.receive('app:command', sender, { type: 'service.activate', id: 'abc' })).toEqual({ ok: false, reason: 'wrong-sender' });
    }
    expect(commands).toEqual([]);
    expect(log.count('warn', 'ipc message rejected')).toBe(3);
  });

  it('maps service messages to their service by sender id, and refuses the shell or strangers on them', async () => {
    expect(await router.receive('svc:update', SERVICE, update(0))).toEqual({ ok: true, value: undefined });
    expect(updates.map(([id]) => id)).toEqual(['svc-a']);
    expect(await router.receive('svc:update', SHELL, update(1))).toEqual({ ok: false, reason: 'wrong-sender' });
    expect(await router.receive('svc:update', STRANGER, update(1))).toEqual({ ok: false, reason: 'wrong-sender' });
    expect(await router.receive('svc:update', { ...SERVICE, mainFrame: false }, update(1))).toEqual({ ok: false, reason: 'wrong-sender' });
    expect(updates).toHaveLength(1);
  });

  it('refuses unknown channels', async () => {
    expect(await router.receive('app:eval', SHELL, 'process.exit()')).toEqual({ ok: false, reason: 'unknown-channel' });
  });

  it.each([
    ['a missing field', { type: 'service.rename', id: 'a' }],
    ['a wrong type', { type: 'service.move', id: 'a', index: '3' }],
    ['an unknown command', { type: 'app.quit' }],
    ['an extra key', { type: 'service.activate', id: 'a', admin: true }],
    ['a prototype key', JSON.parse('{"type":"service.activate","id":"a","__proto__":{"polluted":true}}') as unknown],
    ['a partition-breaking id', { type: 'service.remove', id: '../../etc' }],
    ['a too long name', { type: 'service.rename', id: 'a', name: 'x'.repeat(65) }],
    ['a blank name', { type: 'service.rename', id: 'a', name: '   ' }],
    ['a fractional index', { type: 'service.move', id: 'a', index: 1.5 }],
    ['null', null],
    ['a string', 'service.add'],
  ])('rejects %s and logs it once', async (_label, payload) => {
    expect(await router.receive('app:command', SHELL, payload)).toEqual({ ok: false, reason: 'invalid' });
    expect(commands).toEqual([]);
    expect(log.count('warn', 'ipc message rejected')).toBe(1);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('rejects oversized and deeply nested payloads before parsing them', async () => {
    const big = { ...update(0), upsert: [{ id: 'x', title: 'y'.repeat(LIMITS.messageChars), unread: 0 }] };
    expect(await router.receive('svc:update', SERVICE, big)).toEqual({ ok: false, reason: 'too-large' });
    let deep: unknown = 'x';
    for (let i = 0; i < 50; i += 1) deep = { deep };
    expect(await router.receive('app:command', SHELL, deep)).toEqual({ ok: false, reason: 'too-large' });
    expect(await router.receive('svc:update', SERVICE, new Uint8Array(10_000_000))).toEqual({ ok: false, reason: 'too-large' });
  });

  it('rate-limits a flooding service and reports the drops once a second, not one line each', async () => {
    let accepted = 0;
    for (let i = 0; i < 1000; i += 1) {
      const out = await router.receive('svc:update', SERVICE, update(i));
      if (out.ok) accepted += 1;
    }
    expect(accepted).toBe(LIMITS.serviceBurst);
    expect(log.count('warn', 'ipc messages dropped: rate limit')).toBe(1);
    clock.advance(1000);
    expect((await router.receive('svc:update', SERVICE, update(0))).ok).toBe(true);
    for (let i = 0; i < 100; i += 1) await router.receive('svc:update', SERVICE, update(0));
    expect(log.count('warn', 'ipc messages dropped: rate limit')).toBe(2);
    expect(router.totals.rejected).toBeGreaterThanOrEqual(1000 - LIMITS.serviceBurst);
  });

  it('keeps one service’s flood from starving the shell', async () => {
    for (let i = 0; i < 500; i += 1) await router.receive('svc:update', SERVICE, update(i));
    expect((await router.receive('app:command', SHELL, { type: 'service.activate', id: 'a' })).ok).toBe(true);
  });

  it('answers a throwing handler with its own reason and counts it as a failure, not a refusal', async () => {
    router.shell('app:hydrate', z.undefined(), () => {
      throw new Error('boom');
    });
    router.service('svc:notification', z.unknown(), () => Promise.reject(new Error('async boom')));
    expect(await router.receive('app:hydrate', SHELL, undefined)).toEqual({ ok: false, reason: 'handler-failed' });
    expect(await router.receive('svc:notification', SERVICE, {})).toEqual({ ok: false, reason: 'handler-failed' });
    expect(log.count('error', 'ipc handler failed')).toBe(2);
    expect(log.count('warn', 'ipc message rejected')).toBe(0);
    expect(router.totals).toEqual({ accepted: 0, rejected: 0, failed: 2 });
  });

  it('counts accepted, refused and failed messages apart', async () => {
    router.shell('app:hydrate', z.undefined(), () => {
      throw new Error('boom');
    });
    await router.receive('app:command', SHELL, { type: 'view.inbox' });
    await router.receive('app:command', SHELL, { type: 'view.inbox', extra: 1 });
    await router.receive('app:command', SERVICE, { type: 'view.inbox' });
    await router.receive('app:hydrate', SHELL, undefined);
    expect(router.totals).toEqual({ accepted: 1, rejected: 2, failed: 1 });
  });

  it('refuses to register a channel twice or in the wrong namespace', () => {
    expect(() => router.shell('app:command', commandSchema, () => undefined)).toThrow(/twice/);
    expect(() => router.shell('svc:sneaky', commandSchema, () => undefined)).toThrow(/app:/);
    expect(() => router.service('app:sneaky', commandSchema, () => undefined)).toThrow(/svc:/);
    expect(() => router.worker('app:sneaky', commandSchema, () => undefined)).toThrow(/svc:/);
  });

  it('takes a worker channel only from a service’s own worker, and a worker on no other channel', async () => {
    expect(await router.receiveFromWorker('svc:worker-notification', WORKER, { title: 'Omar' })).toEqual({ ok: true, value: undefined });
    expect(notices).toEqual([['svc-a', { title: 'Omar' }]]);
    // A worker of another origin in the service's session (an iframe's), a page, the shell: none may use it.
    expect(await router.receiveFromWorker('svc:worker-notification', FOREIGN_WORKER, { title: 'x' })).toEqual({ ok: false, reason: 'wrong-sender' });
    for (const sender of [SERVICE, SHELL, STRANGER]) {
      expect(await router.receive('svc:worker-notification', sender, { title: 'x' })).toEqual({ ok: false, reason: 'wrong-sender' });
    }
    // A worker never reaches the page's or the shell's channels.
    expect(await router.receiveFromWorker('svc:update', WORKER, update(0))).toEqual({ ok: false, reason: 'wrong-sender' });
    expect(await router.receiveFromWorker('app:command', WORKER, { type: 'view.inbox' })).toEqual({ ok: false, reason: 'wrong-sender' });
    expect(await router.receiveFromWorker('svc:evil', WORKER, {})).toEqual({ ok: false, reason: 'unknown-channel' });
    expect(await router.receiveFromWorker('svc:worker-notification', WORKER, { title: 'Omar', derived: false })).toEqual({ ok: false, reason: 'invalid' });
    expect(await router.receiveFromWorker('svc:worker-notification', WORKER, { title: 'x'.repeat(LIMITS.messageChars + 1) })).toEqual({ ok: false, reason: 'too-large' });
    expect(notices).toHaveLength(1);
    expect(updates).toEqual([]);
    expect(commands).toEqual([]);
    expect(log.lines.filter((l) => l.message === 'ipc message rejected').map((l) => l.fields?.['sender'])).toEqual([
      'worker of svc-a',
      7,
      1,
      99,
      'worker of svc-a',
      'worker of svc-a',
      'worker of svc-a',
      'worker of svc-a',
      'worker of svc-a',
    ]);
  });

  it('refuses every worker when main can tell no worker’s service', async () => {
    const bare = new IpcRouter({ isShell: () => false, serviceOf: () => undefined, clock, log });
    bare.worker('svc:worker-notification', workerNotificationSchema, () => undefined);
    expect(await bare.receiveFromWorker('svc:worker-notification', WORKER, { title: 'Omar' })).toEqual({ ok: false, reason: 'wrong-sender' });
  });

  it('counts a service’s worker against the service’s own rate', async () => {
    for (let i = 0; i < LIMITS.serviceBurst; i += 1) expect((await router.receive('svc:update', SERVICE, update(i))).ok).toBe(true);
    expect(await router.receiveFromWorker('svc:worker-notification', WORKER, { title: 'Omar' })).toEqual({ ok: false, reason: 'rate-limited' });
    clock.advance(1000);
    expect((await router.receiveFromWorker('svc:worker-notification', WORKER, { title: 'Omar' })).ok).toBe(true);
  });
});

describe('RateLimiter', () => {
  it('refills at its rate up to its burst', () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(2, 4, clock);
    expect(Array.from({ length: 6 }, () => limiter.take('a'))).toEqual([true, true, true, true, false, false]);
    clock.advance(500);
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('a')).toBe(false);
    expect(limiter.take('b')).toBe(true);
    clock.advance(60_000);
    expect(Array.from({ length: 5 }, () => limiter.take('a')).filter(Boolean)).toHaveLength(4);
  });
});

describe('schemas', () => {
  it('accepts a viewport rect or null, nothing else', () => {
    expect(viewportSchema.safeParse({ rect: { x: 72, y: 48, width: 1200.5, height: 700 } }).success).toBe(true);
    expect(viewportSchema.safeParse({ rect: null }).success).toBe(true);
    expect(viewportSchema.safeParse({ rect: { x: -1, y: 0, width: 10, height: 10 } }).success).toBe(false);
    expect(viewportSchema.safeParse({ rect: { x: 0, y: 0, width: Infinity, height: 10 } }).success).toBe(false);
    expect(viewportSchema.safeParse({ rect: { x: 0, y: 0, width: Number.NaN, height: 10 } }).success).toBe(false);
    expect(viewportSchema.safeParse({}).success).toBe(false);
  });

  it('trims service names and bounds chat lists and phone numbers', () => {
    expect(commandSchema.parse({ type: 'service.rename', id: 'a', name: '  Shop  ' })).toEqual({ type: 'service.rename', id: 'a', name: 'Shop' });
    const many = { ...update(0), upsert: Array.from({ length: LIMITS.chats + 1 }, (_, i) => ({ id: `c${i}`, title: 't', unread: 0 })) };
    expect(serviceUpdateSchema.safeParse(many).success).toBe(false);
    const badPhone = { ...update(0), upsert: [{ id: 'c', title: 't', unread: 0, phone: '0555' }] };
    expect(serviceUpdateSchema.safeParse(badPhone).success).toBe(false);
    const goodPhone = { ...update(0), upsert: [{ id: 'c', title: 't', unread: 0, phone: '+966555123456' }] };
    expect(serviceUpdateSchema.safeParse(goodPhone).success).toBe(true);
  });

  it('accepts a chat’s picture only at an https or data:image address', () => {
    const withAvatar = (avatarUrl: string) => ({ ...update(0), upsert: [{ id: 'c', title: 't', unread: 0, avatarUrl }] });
    for (const good of ['https://pps.whatsapp.net/v/t61/a.jpg?oh=1', 'data:image/png;base64,iVBORw0KGgo=']) {
      expect(serviceUpdateSchema.safeParse(withAvatar(good)).success, good).toBe(true);
    }
    for (const bad of [
      'http://pps.whatsapp.net/a.jpg',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'blob:https://web.whatsapp.com/0a1b',
      '//evil.example/a.png',
      ' https://example.com/a.png',
      '',
    ]) {
      expect(serviceUpdateSchema.safeParse(withAvatar(bad)).success, bad).toBe(false);
    }
  });

  it('takes a worker’s notification as title, text, tag, a safe picture and [key, text] data pairs, nothing else', () => {
    // What Telegram A's worker passes (telegram-tt src/serviceWorker/pushNotification.ts), as the preload forwards it.
    const telegram = { title: 'Omar', body: 'Order #12?', tag: '-1001234', data: [['chatId', '-1001234'], ['messageId', '42'], ['count', '1']] };
    expect(workerNotificationSchema.parse(telegram)).toEqual(telegram);
    expect(workerNotificationSchema.parse({ title: 'Omar' })).toEqual({ title: 'Omar' });
    expect(workerNotificationSchema.safeParse({ title: 'Omar', icon: 'https://web.telegram.org/a/icon-192x192.png' }).success).toBe(true);
    const bad: unknown[] = [
      { title: '' },
      { body: 'no title' },
      { title: 'Omar', icon: 'http://web.telegram.org/a/icon.png' },
      { title: 'Omar', icon: 'file:///etc/passwd' },
      { title: 'Omar', tag: 't'.repeat(201) },
      { title: 'Omar', body: 'b'.repeat(LIMITS.textChars + 1) },
      { title: 'Omar', data: { chatId: '1' } },
      { title: 'Omar', data: [['chatId', 1]] },
      { title: 'Omar', data: [['chatId', '1', 'extra']] },
      { title: 'Omar', data: [['__proto__', '1']] },
      { title: 'Omar', data: [['chat id', '1']] },
      { title: 'Omar', data: [['chatId', 'x'.repeat(201)]] },
      { title: 'Omar', data: Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v']) },
      { title: 'Omar', chatId: '1' },
      { title: 'Omar', derived: true },
    ];
    for (const notice of bad) expect(workerNotificationSchema.safeParse(notice).success, JSON.stringify(notice).slice(0, 80)).toBe(false);
  });

  it('measures sizes with bounded work', () => {
    expect(boundedSize({ a: 'xy', b: [1, 2] }, 1000, 8)).toBeLessThan(100);
    expect(boundedSize(new Array(1_000_000).fill(0), 1000, 8)).toBe(Infinity);
    expect(boundedSize(() => 1, 1000, 8)).toBe(Infinity);
  });
});

import type * as NodeCrypto from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../../common/settings';
import { commandSchema, type Command } from '../../../../../common/ipc';
import { NO_LOCK, PASSWORD_MAX } from '../../../../../common/lock';
import type { ServiceConfig } from '../../../../../common/model';
import { resolveShortcuts, shortcutOf } from '../../../../../common/shortcuts';
import { diffState, initialRuntime, type AppState, type StatePatch } from '../../../../../common/state';
import { createAppStore, type AppStore } from '../../../../../main/core/app/app-store';
import { commandTable, dispatchCommand, type CommandTargets } from '../../../../../main/core/app/commands';
import { LockController, MAX_WAIT_MS, retryDelayMs, type LockDeps } from '../../../../../main/core/lock/lock';
import { LOCKED_TITLE, NotificationCenter, type OsNotification } from '../../../../../main/core/notifications/center';
import { notificationTitle } from '../../../../../main/i18n';
import type { MenuItemModel } from '../../../../../main/core/desktop/app-menu';
import { trayModel } from '../../../../../main/core/desktop/tray-model';
import { ServiceController } from '../../../../../main/core/services/services';
import { readDocument } from '../../../../../main/core/settings/document';
import { storedPasswordSchema, type PasswordHasher, type StoredPassword } from '../../../../../main/core/lock/password';
import { scryptHasher } from '../../../../../main/security/password';
import { ManualClock } from '../../../../fakes/clock';
import { MemoryLogger } from '../../../../fakes/logger';
import { stateOf } from '../../../../fakes/state';
import { RecordingViews } from '../../../../fakes/views';

// Every comparison of a derived key goes through node:crypto's timingSafeEqual: the spy lets a test see it.
const crypto = vi.hoisted(() => ({ compares: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof NodeCrypto>();
  return {
    ...actual,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      crypto.compares += 1;
      return actual.timingSafeEqual(a, b);
    },
  };
});

/** scrypt as the app runs it, at a cost a test can pay many times. */
const CHEAP = { N: 16, r: 1, p: 1 };
const hasher = scryptHasher(CHEAP);
const MIN = 60_000;
const RECT = { x: 88, y: 52, width: 1000, height: 700 };
const svc = (id: string, name: string): ServiceConfig => ({ id, platform: 'whatsapp', name, enabled: true, muted: false, callsAllowed: false });

interface Setup {
  store: AppStore;
  clock: ManualClock;
  lock: LockController;
  saved: (StoredPassword | null)[];
  log: MemoryLogger;
  idle: { ms: number };
  failSave: { on: boolean };
}

function setup(options: { initial?: LockDeps['initial']; state?: Partial<AppState>; hasher?: PasswordHasher } = {}): Setup {
  const store = createAppStore(stateOf(options.state));
  const clock = new ManualClock();
  const log = new MemoryLogger();
  const saved: (StoredPassword | null)[] = [];
  const idle = { ms: 0 };
  const failSave = { on: false };
  let ids = 0;
  const lock = new LockController({
    store,
    clock,
    log,
    newId: () => `n${++ids}`,
    hasher: options.hasher ?? hasher,
    initial: options.initial,
    save: (stored) => {
      if (failSave.on) return false;
      saved.push(stored);
      return true;
    },
    systemIdleMs: () => idle.ms,
  });
  return { store, clock, lock, saved, log, idle, failSave };
}

async function withPassword(password = 'sesame', state: Partial<AppState> = {}): Promise<Setup> {
  return setup({ initial: await hasher.hash(password), state });
}

const status = (s: Setup) => s.store.getState().lock;

describe('the password hash', () => {
  it('salts every password anew: the same password never hashes the same', async () => {
    const a = await hasher.hash('sesame');
    const b = await hasher.hash('sesame');
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(Buffer.from(a.salt, 'base64')).toHaveLength(16);
    expect(a).toMatchObject({ kdf: 'scrypt', ...CHEAP });
    expect(JSON.stringify(a)).not.toContain('sesame');
    expect(storedPasswordSchema.safeParse(a).success).toBe(true);
  });

  it('verifies the right password and refuses a wrong one, comparing in constant time', async () => {
    const stored = await hasher.hash('sesame');
    crypto.compares = 0;
    expect(await hasher.verify('sesame', stored)).toBe(true);
    expect(await hasher.verify('Sesame', stored)).toBe(false);
    expect(await hasher.verify('', stored)).toBe(false);
    expect(crypto.compares).toBe(3);
  });

  it('checks with the parameters stored beside the hash, not the current ones', async () => {
    const stored = await scryptHasher({ N: 32, r: 2, p: 1 }).hash('sesame');
    expect(await hasher.verify('sesame', stored)).toBe(true);
  });

  it('takes an Arabic password however its letters were composed', async () => {
    const stored = await hasher.hash('كلمة\u0622');
    expect(await hasher.verify('كلمة\u0627\u0653', stored)).toBe(true);
  });

  it('uses an expensive cost in the app: OWASP scrypt, N = 2^17, r = 8, p = 1', async () => {
    const { SCRYPT_PARAMS } = await import('../../../../../main/security/password');
    expect(SCRYPT_PARAMS).toEqual({ N: 2 ** 17, r: 8, p: 1 });
  });
});

describe('the password in the settings file', () => {
  it('is read back as it was saved', async () => {
    const stored = await hasher.hash('sesame');
    const { doc, problem } = readDocument({ version: 3, lock: stored });
    expect(doc.lock).toEqual(stored);
    expect(problem).toBeUndefined();
  });

  it('damaged, it is dropped (a repaired file, never a lock-out)', async () => {
    const stored = await hasher.hash('sesame');
    for (const bad of [{ ...stored, salt: 'short' }, { ...stored, N: 1000 }, 'hash', null]) {
      const { doc, problem } = readDocument({ version: 3, lock: bad });
      expect(doc.lock).toBe('damaged');
      expect(problem).toEqual({ kind: 'repaired', dropped: 1 });
    }
    expect(readDocument({ version: 3 }).doc.lock).toBeUndefined();
  });

  it('damaged, Wasl starts unlocked, says so, and the next save removes it', () => {
    const s = setup({ initial: 'damaged' });
    expect(status(s)).toEqual(NO_LOCK);
    expect(s.store.getState().notices).toEqual([{ id: 'n1', at: s.clock.now(), kind: 'lock-removed' }]);
  });
});

describe('LockController: locking', () => {
  it('starts locked when a password is set, unlocked when none is', async () => {
    expect(status(await withPassword())).toEqual({ set: true, locked: true, retryAt: null });
    expect(status(setup())).toEqual(NO_LOCK);
  });

  it('locks from the tray or the shortcut (lock.lock), and only with a password set', async () => {
    const none = setup();
    expect(await none.lock.command({ type: 'lock.lock' })).toEqual({ ok: false, error: 'not-found' });
    expect(none.lock.locked).toBe(false);

    const s = await withPassword();
    expect(await s.lock.command({ type: 'lock.unlock', password: 'sesame' })).toEqual({ ok: true });
    expect(s.lock.locked).toBe(false);
    expect(await s.lock.command({ type: 'lock.lock' })).toEqual({ ok: true });
    expect(s.lock.locked).toBe(true);
  });

  it('binds Ctrl+Shift+L (Cmd+Shift+L on macOS) to locking until the user changes it', () => {
    const keys = resolveShortcuts({});
    const key = { code: 'KeyL', control: true, meta: false, shift: true, alt: false };
    expect(shortcutOf(keys, 'window', key, 'linux')).toBe('lock');
    expect(shortcutOf(keys, 'window', { ...key, control: false, meta: true }, 'darwin')).toBe('lock');
    expect(shortcutOf(keys, 'window', { ...key, shift: false }, 'linux')).toBeUndefined();
  });

  it('locks after the chosen time without input, checking only when it could be due', async () => {
    const s = await withPassword('sesame', { settings: { ...DEFAULT_SETTINGS, lockAfterMin: 15 } });
    await s.lock.command({ type: 'lock.unlock', password: 'sesame' });
    s.clock.advance(10 * MIN);
    s.idle.ms = 2 * MIN; // there was input 2 minutes ago
    s.clock.advance(5 * MIN);
    expect(s.lock.locked).toBe(false);
    // The next check comes 13 minutes after that input: still none since.
    s.idle.ms = 15 * MIN;
    s.clock.advance(13 * MIN);
    expect(s.lock.locked).toBe(true);
    expect(s.clock.pending).toBe(0);
  });

  it('counts the time since Wasl lost the focus as inactivity, even with input elsewhere', async () => {
    const s = await withPassword('sesame', { settings: { ...DEFAULT_SETTINGS, lockAfterMin: 5 } });
    await s.lock.command({ type: 'lock.unlock', password: 'sesame' });
    s.lock.windowFocus(false);
    s.clock.advance(5 * MIN - 1);
    expect(s.lock.locked).toBe(false);
    s.clock.advance(1);
    expect(s.lock.locked).toBe(true);
  });

  it('never locks by itself when the time is off, and follows a change of it', async () => {
    const s = await withPassword('sesame', { settings: { ...DEFAULT_SETTINGS, lockAfterMin: 0 } });
    await s.lock.command({ type: 'lock.unlock', password: 'sesame' });
    s.idle.ms = 10 * 60 * MIN;
    s.clock.advance(10 * 60 * MIN);
    expect(s.lock.locked).toBe(false);
    s.store.setState({ settings: { ...DEFAULT_SETTINGS, lockAfterMin: 60 } });
    expect(s.lock.locked).toBe(true);
  });
});

describe('LockController: passwords', () => {
  it('grows the wait after wrong passwords: 0, 0, 1 s, 2 s, 4 s … 60 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(retryDelayMs)).toEqual([0, 0, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
    expect(retryDelayMs(1_000)).toBe(MAX_WAIT_MS);
  });

  it('says a wrong password is wrong, refuses tries before the wait is over unchecked, and resets on success', async () => {
    const verify = vi.fn((password: string, stored: StoredPassword) => hasher.verify(password, stored));
    const s = setup({ initial: await hasher.hash('sesame'), hasher: { hash: (p) => hasher.hash(p), verify } });
    const unlock = (password: string) => s.lock.command({ type: 'lock.unlock', password });
    expect(await unlock('one')).toEqual({ ok: false, error: 'wrong-password' });
    expect(await unlock('two')).toEqual({ ok: false, error: 'wrong-password' });
    expect(status(s)?.retryAt).toBeNull();
    expect(await unlock('three')).toEqual({ ok: false, error: 'wrong-password' });
    expect(status(s)?.retryAt).toBe(s.clock.now() + 1_000);

    const checked = verify.mock.calls.length;
    expect(await unlock('sesame')).toEqual({ ok: false, error: 'too-soon' });
    expect(verify.mock.calls.length).toBe(checked);
    expect(s.lock.locked).toBe(true);

    s.clock.advance(1_000);
    expect(await unlock('four')).toEqual({ ok: false, error: 'wrong-password' });
    expect(status(s)?.retryAt).toBe(s.clock.now() + 2_000);
    s.clock.advance(2_000);
    expect(await unlock('sesame')).toEqual({ ok: true });
    expect(status(s)).toEqual({ set: true, locked: false, retryAt: null });

    // The count started over: two free tries again.
    await s.lock.command({ type: 'lock.lock' });
    await unlock('x');
    await unlock('y');
    expect(status(s)?.retryAt).toBeNull();
  });

  it('refuses a second try while the first is being checked', async () => {
    const s = await withPassword();
    const first = s.lock.command({ type: 'lock.unlock', password: 'sesame' });
    expect(await s.lock.command({ type: 'lock.unlock', password: 'sesame' })).toEqual({ ok: false, error: 'too-soon' });
    expect(await first).toEqual({ ok: true });
  });

  it('sets a password, changes it only with the current one, and removes it only with it', async () => {
    const s = setup();
    expect(await s.lock.command({ type: 'lock.set', password: 'first' })).toEqual({ ok: true });
    expect(status(s)).toEqual({ set: true, locked: false, retryAt: null });
    const first = s.saved.at(-1);
    if (!first) throw new Error('nothing saved');
    expect(await hasher.verify('first', first)).toBe(true);

    expect(await s.lock.command({ type: 'lock.set', password: 'second' })).toEqual({ ok: false, error: 'wrong-password' });
    expect(await s.lock.command({ type: 'lock.set', password: 'second', current: 'wrong' })).toEqual({ ok: false, error: 'wrong-password' });
    expect(s.saved).toHaveLength(1);
    expect(await s.lock.command({ type: 'lock.set', password: 'second', current: 'first' })).toEqual({ ok: true });
    const second = s.saved.at(-1);
    if (!second) throw new Error('nothing saved');
    expect(await hasher.verify('second', second)).toBe(true);

    expect(await s.lock.command({ type: 'lock.remove', current: 'first' })).toEqual({ ok: false, error: 'wrong-password' });
    expect(status(s)?.set).toBe(true);
    expect(await s.lock.command({ type: 'lock.remove', current: 'second' })).toEqual({ ok: true });
    expect(s.saved.at(-1)).toBeNull();
    expect(status(s)).toEqual(NO_LOCK);
  });

  it('changes nothing when the settings file cannot be written', async () => {
    const s = setup();
    s.failSave.on = true;
    expect(await s.lock.command({ type: 'lock.set', password: 'first' })).toEqual({ ok: false, error: 'failed' });
    expect(status(s)).toEqual(NO_LOCK);
  });

  it('takes passwords through the IPC schema, with length limits and never trimmed', () => {
    const parse = (command: unknown) => commandSchema.safeParse(command).success;
    expect(parse({ type: 'lock.unlock', password: 'x'.repeat(PASSWORD_MAX) })).toBe(true);
    expect(parse({ type: 'lock.unlock', password: 'x'.repeat(PASSWORD_MAX + 1) })).toBe(false);
    expect(parse({ type: 'lock.unlock', password: '' })).toBe(false);
    expect(parse({ type: 'lock.set', password: 'abc' })).toBe(false);
    expect(parse({ type: 'lock.set', password: 'abcd', hash: 'x' })).toBe(false);
    expect(commandSchema.parse({ type: 'lock.unlock', password: ' pw ' })).toEqual({ type: 'lock.unlock', password: ' pw ' });
    expect(parse({ type: 'settings.set', lockAfterMin: 15 })).toBe(true);
    expect(parse({ type: 'settings.set', lockAfterMin: 7 })).toBe(false);
  });
});

describe('while locked', () => {
  let s: Setup;
  let views: RecordingViews;
  let services: ServiceController;
  const shown: OsNotification[] = [];
  let center: NotificationCenter;

  beforeEach(async () => {
    const whatsapp = svc('wa', 'Shop WhatsApp');
    s = await withPassword('sesame', {
      services: [whatsapp],
      activeServiceId: 'wa',
      view: 'service',
      runtime: { wa: { ...initialRuntime(true), status: 'ready' } },
    });
    views = new RecordingViews();
    services = new ServiceController({ store: s.store, views, clock: s.clock, log: s.log, newId: () => 'x' });
    shown.length = 0;
    center = new NotificationCenter({
      store: s.store,
      notifier: { show: (n) => shown.push(n) },
      clock: s.clock,
      log: s.log,
      newId: () => `r${shown.length}`,
      reveal: () => undefined,
      click: () => undefined,
      openChat: () => undefined,
      serviceTitle: (service, title) => notificationTitle('en', service, title),
      coalescedText: (count) => `${count} more`,
      privateText: () => 'New message',
      heldText: (count) => `${count} held`,
      reminderText: () => 'Reminder',
      showInbox: () => undefined,
    });
  });

  it('shows no service view, and the active one again once unlocked', async () => {
    services.setViewport(RECT);
    expect(views.shown).toEqual({ op: 'present', id: null, rect: null });
    await s.lock.command({ type: 'lock.unlock', password: 'sesame' });
    expect(views.shown).toEqual({ op: 'present', id: 'wa', rect: RECT });
    await s.lock.command({ type: 'lock.lock' });
    expect(views.shown).toEqual({ op: 'present', id: null, rect: null });
  });

  it('raises notifications with no name and no text, and with them again once unlocked', async () => {
    center.receive('wa', { id: 'n1', title: 'Layla Haddad', body: 'Is the blue dress in stock?', iconUrl: 'https://pps.example/layla.jpg', chatId: 'c1', derived: false });
    expect(shown).toEqual([{ title: LOCKED_TITLE, body: 'New message', silent: false }]);
    center.remind({ at: 0, setAt: 0, chat: { serviceId: 'wa', chatId: 'c1' }, title: 'Layla Haddad' });
    expect(shown[1]).toEqual({ title: LOCKED_TITLE, body: 'Reminder', silent: false });
    // The tray keeps them, for after the unlock.
    expect(s.store.getState().notifications.map((n) => n.title)).toEqual(['Layla Haddad', 'Layla Haddad']);

    await s.lock.command({ type: 'lock.unlock', password: 'sesame' });
    center.receive('wa', { id: 'n2', title: 'Omar', body: 'Thanks!', chatId: 'c2', derived: false });
    expect(shown[2]).toMatchObject({ title: '\u2068Omar\u2069 — \u2068Shop WhatsApp\u2069', body: 'Thanks!' });
  });

  it('accepts no command from the shell but the unlock', async () => {
    const table = commandTable({ services, lock: s.lock } as unknown as CommandTargets);
    const locked = () => s.lock.locked;
    const refused: Command[] = [
      { type: 'view.inbox' },
      { type: 'lock.remove', current: 'sesame' },
      { type: 'lock.set', password: 'other', current: 'sesame' },
      { type: 'notifications.open', id: 'r1' },
      { type: 'data.export', what: 'backup' },
    ];
    for (const command of refused) expect(await dispatchCommand(command, table, locked)).toEqual({ ok: false, error: 'locked' });
    expect(s.store.getState().view).toBe('service');
    expect(await dispatchCommand({ type: 'lock.unlock', password: 'sesame' }, table, locked)).toEqual({ ok: true });
    expect(await dispatchCommand({ type: 'view.inbox' }, table, locked)).toEqual({ ok: true });
  });

  it('lists no notification in the tray menu, and offers Lock Wasl once unlocked', async () => {
    s.store.setState({ notifications: [{ id: 'r1', serviceId: 'wa', title: 'Layla Haddad', at: s.clock.now(), read: false }] });
    const menu = (): MenuItemModel[] => trayModel(s.store.getState(), { language: 'en', digits: 'auto', calendar: 'gregory', now: s.clock.now(), total: 3, windowShown: true }).items;

    const locked = JSON.stringify(menu());
    expect(locked).not.toContain('Layla');
    expect(locked).not.toContain('Shop WhatsApp');
    expect(menu().find((i) => i.id === 'locked')).toMatchObject({ label: 'Wasl Is Locked', enabled: false });
    expect(menu().find((i) => i.label === 'Mark All as Read')?.enabled).toBe(false);
    expect(menu().find((i) => i.id === 'lock')).toBeUndefined();

    await s.lock.command({ type: 'lock.unlock', password: 'sesame' });
    expect(JSON.stringify(menu())).toContain('Layla');
    expect(menu().find((i) => i.id === 'lock')?.command).toEqual({ type: 'lock.lock' });

    await s.lock.command({ type: 'lock.remove', current: 'sesame' });
    expect(menu().find((i) => i.id === 'lock')).toBeUndefined();
  });
});

describe('what the shell receives', () => {
  it('never holds the hash or the salt: not at hydrate, not in any patch', async () => {
    const stored = await hasher.hash('sesame');
    const s = setup({ initial: stored });
    const patches: StatePatch[] = [];
    s.store.subscribe((next, prev) => {
      const patch = diffState(prev, next);
      if (patch) patches.push(patch);
    });
    const seen = (): string => JSON.stringify([s.store.getState(), patches]);
    expect(seen()).not.toContain(stored.hash);

    await s.lock.command({ type: 'lock.unlock', password: 'wrong' });
    await s.lock.command({ type: 'lock.unlock', password: 'sesame' });
    await s.lock.command({ type: 'lock.set', password: 'changed', current: 'sesame' });
    const changed = s.saved.at(-1);
    if (!changed) throw new Error('nothing saved');
    expect(patches.map((p) => Object.keys(p))).toEqual([['lock']]);
    for (const secret of [stored.hash, stored.salt, changed.hash, changed.salt, 'sesame', 'changed']) expect(seen()).not.toContain(secret);
  });
});

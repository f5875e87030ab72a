/**
 * Wasl's own updates (main/core/updates/updates.ts) against a fake updater port: when checks run, what the state
 * says, that only the user's click installs, that failures are logged once and never stop the next check, and,
 * where downloads are verified (Linux), that nothing is offered or installs on quit before the check passes and a
 * refused download never installs.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../../common/settings';
import { createAppStore, type AppStore } from '../../../../../main/core/app/app-store';
import { commandTable, dispatchCommand, type CommandTargets } from '../../../../../main/core/app/commands';
import {
  CHECK_EVERY_MS,
  FIRST_CHECK_MS,
  UpdateController,
  type DownloadedUpdate,
  type DownloadVerdict,
  type UpdaterEvent,
  type UpdaterPort,
} from '../../../../../main/core/updates/updates';
import { ManualClock } from '../../../../fakes/clock';
import { MemoryLogger } from '../../../../fakes/logger';
import { stateOf } from '../../../../fakes/state';

/** A port whose checks a test answers: each check waits until the test resolves or rejects it. */
class FakePort implements UpdaterPort {
  checks = 0;
  installs = 0;
  installOnQuit: boolean[] = [];
  private listener: ((event: UpdaterEvent) => void) | undefined;
  private pending: { resolve: () => void; reject: (error: Error) => void } | undefined;

  check(): Promise<void> {
    this.checks += 1;
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
    });
  }
  setInstallOnQuit(enabled: boolean): void {
    this.installOnQuit.push(enabled);
  }
  quitAndInstall(): void {
    this.installs += 1;
  }
  onEvent(listener: (event: UpdaterEvent) => void): void {
    this.listener = listener;
  }
  emit(event: UpdaterEvent): void {
    this.listener?.(event);
  }
  /** The server's answer to the check under way: events first, as electron-updater sends them, then the promise. */
  async answer(...events: UpdaterEvent[]): Promise<void> {
    for (const event of events) this.emit(event);
    this.pending?.resolve();
    this.pending = undefined;
    await settle();
  }
  async fail(message: string): Promise<void> {
    this.emit({ type: 'error', message });
    this.pending?.reject(new Error(message));
    this.pending = undefined;
    await settle();
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const FILE = '/cache/wasl-updater/pending/Wasl-1.4.0-x86_64.AppImage';

interface Harness {
  store: AppStore;
  clock: ManualClock;
  log: MemoryLogger;
  port: FakePort;
  updates: UpdateController;
  prepared: () => number;
}

function setup(options: { updates?: boolean; start?: boolean; verify?: (download: DownloadedUpdate) => Promise<DownloadVerdict> } = {}): Harness {
  const store = createAppStore(stateOf({ settings: { ...DEFAULT_SETTINGS, updates: options.updates ?? true } }));
  const clock = new ManualClock();
  const log = new MemoryLogger();
  const port = new FakePort();
  let prepared = 0;
  const updates = new UpdateController({
    store,
    clock,
    log,
    prepareQuit: () => {
      prepared += 1;
    },
  });
  if (options.start !== false) updates.start(port, options.verify);
  return { store, clock, log, port, updates, prepared: () => prepared };
}

const update = (h: Harness) => h.store.getState().update;

describe('UpdateController: when it checks', () => {
  it('checks a little after start, then every six hours', async () => {
    const h = setup();
    expect(h.port.checks).toBe(0);
    h.clock.advance(FIRST_CHECK_MS - 1);
    expect(h.port.checks).toBe(0);
    h.clock.advance(1);
    expect(h.port.checks).toBe(1);
    expect(update(h).phase).toBe('checking');
    await h.port.answer({ type: 'not-available' });
    expect(update(h)).toEqual({ phase: 'idle', checkedAt: h.clock.now() });

    h.clock.advance(CHECK_EVERY_MS - 1);
    expect(h.port.checks).toBe(1);
    h.clock.advance(1);
    expect(h.port.checks).toBe(2);
    await h.port.answer({ type: 'not-available' });
    h.clock.advance(CHECK_EVERY_MS);
    expect(h.port.checks).toBe(3);
  });

  it('does nothing while the setting is off, and checks at once when it is turned back on', async () => {
    const h = setup({ updates: false });
    expect(h.port.installOnQuit).toEqual([false]);
    h.clock.advance(CHECK_EVERY_MS * 2);
    expect(h.port.checks).toBe(0);
    expect(await h.updates.command({ type: 'update.check' })).toEqual({ ok: false, error: 'invalid', detail: 'updates-off' });

    h.store.setState({ settings: { ...h.store.getState().settings, updates: true } });
    expect(h.port.installOnQuit).toEqual([false, true]);
    h.clock.advance(0);
    expect(h.port.checks).toBe(1);
  });

  it('stops checking when the setting is turned off, and a downloaded update no longer installs on quit', async () => {
    const h = setup();
    h.clock.advance(FIRST_CHECK_MS);
    await h.port.answer({ type: 'not-available' });
    h.store.setState({ settings: { ...h.store.getState().settings, updates: false } });
    expect(h.port.installOnQuit).toEqual([true, false]);
    h.clock.advance(CHECK_EVERY_MS * 3);
    expect(h.port.checks).toBe(1);
    expect(h.clock.pending).toBe(0);
  });

  it('has nothing to run in a development build, where it gets no updater: commands say so', async () => {
    const h = setup({ start: false });
    h.clock.advance(CHECK_EVERY_MS * 2);
    expect(h.port.checks).toBe(0);
    expect(h.clock.pending).toBe(0);
    expect(await h.updates.command({ type: 'update.check' })).toEqual({ ok: false, error: 'invalid', detail: 'not-installed' });
    expect(await h.updates.command({ type: 'update.install' })).toEqual({ ok: false, error: 'invalid', detail: 'not-installed' });
    expect(update(h)).toEqual({ phase: 'idle' });
  });

  it('checks now when the user asks, and the next automatic check is six hours after that', async () => {
    const h = setup();
    h.clock.advance(1_000);
    const result = h.updates.command({ type: 'update.check' });
    expect(h.port.checks).toBe(1);
    await h.port.answer({ type: 'not-available' });
    expect(await result).toEqual({ ok: true });
    // The check planned for FIRST_CHECK_MS gave way to the user's.
    h.clock.advance(CHECK_EVERY_MS - 1);
    expect(h.port.checks).toBe(1);
    h.clock.advance(1);
    expect(h.port.checks).toBe(2);
  });
});

describe('UpdateController: downloading and restarting', () => {
  it('downloads in the background, then offers the restart; only the user’s click installs', async () => {
    const h = setup();
    h.clock.advance(FIRST_CHECK_MS);
    h.port.emit({ type: 'available', version: '1.4.0' });
    expect(update(h)).toEqual({ phase: 'downloading', version: '1.4.0', percent: 0 });
    await h.port.answer();
    h.port.emit({ type: 'progress', percent: 41.7 });
    expect(update(h)).toEqual({ phase: 'downloading', version: '1.4.0', percent: 41 });
    // A chunk within the same percent changes nothing the shell would see.
    const before = update(h);
    h.port.emit({ type: 'progress', percent: 41.9 });
    expect(update(h)).toBe(before);

    h.port.emit({ type: 'downloaded', version: '1.4.0', file: FILE });
    expect(update(h)).toEqual({ phase: 'ready', version: '1.4.0', checkedAt: h.clock.now() });
    expect(h.log.count('info', 'an update is ready to install')).toBe(1);
    // Nothing restarts by itself, however long Wasl runs; no more checks either.
    h.clock.advance(CHECK_EVERY_MS * 4);
    expect(h.port.installs).toBe(0);
    expect(h.port.checks).toBe(1);

    expect(await h.updates.command({ type: 'update.install' })).toEqual({ ok: true });
    expect(h.prepared()).toBe(1);
    expect(h.port.installs).toBe(1);
  });

  it('refuses to install when nothing is downloaded', async () => {
    const h = setup();
    expect(await h.updates.command({ type: 'update.install' })).toEqual({ ok: false, error: 'not-found' });
    h.clock.advance(FIRST_CHECK_MS);
    h.port.emit({ type: 'available', version: '1.4.0' });
    expect(await h.updates.command({ type: 'update.install' })).toEqual({ ok: false, error: 'not-found' });
    expect(h.port.installs).toBe(0);
    expect(h.prepared()).toBe(0);
  });

  it('puts the restart off on "Later": the banner goes, the update stays ready', async () => {
    const h = setup();
    h.clock.advance(FIRST_CHECK_MS);
    await h.port.answer({ type: 'available', version: '2.0.0' }, { type: 'downloaded', version: '2.0.0', file: FILE });
    expect(await h.updates.command({ type: 'update.dismiss' })).toEqual({ ok: true });
    expect(update(h)).toMatchObject({ phase: 'ready', version: '2.0.0', dismissed: true });
    expect(await h.updates.command({ type: 'update.install' })).toEqual({ ok: true });
  });

  it('reaches the controller through the command dispatcher, and says invalid where there is none', async () => {
    const h = setup();
    const unlocked = () => false;
    const table = commandTable({ updates: h.updates } as unknown as CommandTargets);
    expect(await dispatchCommand({ type: 'update.dismiss' }, table, unlocked)).toEqual({ ok: true });
    const none = commandTable({} as unknown as CommandTargets);
    expect(await dispatchCommand({ type: 'update.install' }, none, unlocked)).toEqual({ ok: false, error: 'invalid', detail: 'not-installed' });
  });
});

describe('UpdateController: failures', () => {
  it('logs a failure once, shows it calmly in the state, and tries again six hours later', async () => {
    const h = setup();
    h.clock.advance(FIRST_CHECK_MS);
    // electron-updater both emits 'error' and rejects the check: one failure, one line.
    await h.port.fail('net::ERR_INTERNET_DISCONNECTED');
    expect(update(h)).toEqual({ phase: 'failed' });
    expect(h.log.count('warn', 'update check failed')).toBe(1);
    h.clock.advance(CHECK_EVERY_MS);
    expect(h.port.checks).toBe(2);
    await h.port.fail('net::ERR_INTERNET_DISCONNECTED');
    expect(h.log.count('warn', 'update check failed')).toBe(1);
    // Another failure is news; a success resets, so the same failure later is logged again.
    h.clock.advance(CHECK_EVERY_MS);
    await h.port.fail('HttpError: 404');
    expect(h.log.count('warn', 'update check failed')).toBe(2);
    h.clock.advance(CHECK_EVERY_MS);
    await h.port.answer({ type: 'not-available' });
    expect(update(h).phase).toBe('idle');
    h.clock.advance(CHECK_EVERY_MS);
    await h.port.fail('HttpError: 404');
    expect(h.log.count('warn', 'update check failed')).toBe(3);
    expect(h.log.count('error')).toBe(0);
  });

  it('keeps when it last checked successfully through a failure', async () => {
    const h = setup();
    h.clock.advance(FIRST_CHECK_MS);
    await h.port.answer({ type: 'not-available' });
    const checkedAt = h.clock.now();
    h.clock.advance(CHECK_EVERY_MS);
    await h.port.fail('timeout');
    expect(update(h)).toEqual({ phase: 'failed', checkedAt });
  });

  it('a failed download fails calmly too, and a downloaded update stays ready whatever comes after', async () => {
    const h = setup();
    h.clock.advance(FIRST_CHECK_MS);
    await h.port.answer({ type: 'available', version: '1.4.0' });
    h.port.emit({ type: 'error', message: 'sha512 checksum mismatch' });
    expect(update(h)).toEqual({ phase: 'failed' });
    h.clock.advance(CHECK_EVERY_MS);
    await h.port.answer({ type: 'available', version: '1.4.0' }, { type: 'downloaded', version: '1.4.0', file: FILE });
    h.port.emit({ type: 'error', message: 'late' });
    expect(update(h).phase).toBe('ready');
  });
});

/** A download check whose verdicts the test gives, one per download, in order. */
class Verifier {
  readonly downloads: DownloadedUpdate[] = [];
  private pending: ((verdict: DownloadVerdict) => void)[] = [];
  private failures: ((error: Error) => void)[] = [];

  readonly verify = (download: DownloadedUpdate): Promise<DownloadVerdict> => {
    this.downloads.push(download);
    return new Promise((resolve, reject) => {
      this.pending.push(resolve);
      this.failures.push(reject);
    });
  };
  async answer(verdict: DownloadVerdict): Promise<void> {
    this.failures.shift();
    this.pending.shift()?.(verdict);
    await settle();
  }
  async crash(error: Error): Promise<void> {
    this.pending.shift();
    this.failures.shift()?.(error);
    await settle();
  }
}

const TRUSTED: DownloadVerdict = { ok: true, keyId: 'release-2026' };
const TAMPERED: DownloadVerdict = { ok: false, reason: 'bad-signature', detail: 'release-2026' };

/** Started with a verifier, a first check answered with a download of 1.4.0: the verdict is the test's to give. */
async function downloaded(): Promise<Harness & { verifier: Verifier }> {
  const verifier = new Verifier();
  const h = setup({ verify: verifier.verify });
  h.clock.advance(FIRST_CHECK_MS);
  await h.port.answer({ type: 'available', version: '1.4.0' }, { type: 'progress', percent: 100 }, { type: 'downloaded', version: '1.4.0', file: FILE });
  return { ...h, verifier };
}

describe('UpdateController: a download checked before it installs (Linux)', () => {
  it('keeps install on quit off from the start, when nothing verified is there to install', () => {
    const h = setup({ verify: new Verifier().verify });
    expect(h.port.installOnQuit).toEqual([false]);
    h.store.setState({ settings: { ...h.store.getState().settings, updates: false } });
    h.store.setState({ settings: { ...h.store.getState().settings, updates: true } });
    expect(h.port.installOnQuit).toEqual([false, false, false]);
  });

  it('offers nothing while the download is checked, then offers the restart and installs on quit once it passes', async () => {
    const h = await downloaded();
    expect(h.verifier.downloads).toEqual([{ version: '1.4.0', file: FILE }]);
    expect(update(h)).toEqual({ phase: 'downloading', version: '1.4.0', percent: 100 });
    expect(await h.updates.command({ type: 'update.install' })).toEqual({ ok: false, error: 'not-found' });
    expect(h.port.installOnQuit).toEqual([false]);

    await h.verifier.answer(TRUSTED);
    expect(update(h)).toEqual({ phase: 'ready', version: '1.4.0', checkedAt: h.clock.now() });
    expect(h.port.installOnQuit).toEqual([false, true]);
    expect(h.log.count('info', 'the update is signed by a trusted key')).toBe(1);
    expect(h.log.count('info', 'an update is ready to install')).toBe(1);
    expect(await h.updates.command({ type: 'update.install' })).toEqual({ ok: true });
    expect(h.port.installs).toBe(1);
  });

  it('a verified update installs on quit only while updates are on', async () => {
    const h = await downloaded();
    h.store.setState({ settings: { ...h.store.getState().settings, updates: false } });
    await h.verifier.answer(TRUSTED);
    expect(update(h).phase).toBe('ready');
    expect(h.port.installOnQuit).toEqual([false, false, false]);
    h.store.setState({ settings: { ...h.store.getState().settings, updates: true } });
    expect(h.port.installOnQuit.at(-1)).toBe(true);
  });

  it.each<[string, DownloadVerdict]>([
    ['changed after it was signed', TAMPERED],
    ['without a signature', { ok: false, reason: 'missing-signature', detail: 'HTTP 404' }],
    ['with a signature file that is not one', { ok: false, reason: 'malformed-signature' }],
    ['signed with a key Wasl does not trust', { ok: false, reason: 'unknown-key', detail: 'someone-else' }],
    ['that cannot be read', { ok: false, reason: 'unreadable-file', detail: 'EACCES' }],
  ])('refuses a download %s: never installed, not on quit either, and the state says why', async (_label, verdict) => {
    const h = await downloaded();
    await h.verifier.answer(verdict);
    expect(update(h)).toEqual({ phase: 'failed', reason: 'unverified', version: '1.4.0' });
    expect(h.log.lines.filter((l) => l.level === 'warn')).toEqual([
      {
        level: 'warn',
        message: 'update refused: its signature could not be verified',
        fields: { version: '1.4.0', reason: verdict.ok ? undefined : verdict.reason, detail: verdict.ok ? undefined : verdict.detail },
      },
    ]);
    expect(h.log.count('info', 'an update is ready to install')).toBe(0);
    expect(await h.updates.command({ type: 'update.install' })).toEqual({ ok: false, error: 'not-found' });
    expect(h.prepared()).toBe(0);
    expect(h.port.installs).toBe(0);
    expect(h.port.installOnQuit).toEqual([false]);
    // Turning updates off and on again does not let the refused download install on quit.
    h.store.setState({ settings: { ...h.store.getState().settings, updates: false } });
    h.store.setState({ settings: { ...h.store.getState().settings, updates: true } });
    expect(h.port.installOnQuit).not.toContain(true);
  });

  it('refuses a download whose check itself fails', async () => {
    const h = await downloaded();
    await h.verifier.crash(new Error('EMFILE: too many open files'));
    expect(update(h)).toEqual({ phase: 'failed', reason: 'unverified', version: '1.4.0' });
    expect(h.log.lines.find((l) => l.level === 'warn')?.fields).toEqual({ version: '1.4.0', reason: 'error', detail: 'Error: EMFILE: too many open files' });
    expect(h.port.installs).toBe(0);
    expect(h.port.installOnQuit).toEqual([false]);
  });

  it('checks again six hours after a refusal, logs the same refusal once, and takes a release put right', async () => {
    const h = await downloaded();
    await h.verifier.answer(TAMPERED);
    h.clock.advance(CHECK_EVERY_MS - 1);
    expect(h.port.checks).toBe(1);
    h.clock.advance(1);
    expect(h.port.checks).toBe(2);
    // electron-updater hands over the same cached download again: checked again, refused again, not logged again.
    await h.port.answer({ type: 'available', version: '1.4.0' }, { type: 'downloaded', version: '1.4.0', file: FILE });
    await h.verifier.answer(TAMPERED);
    expect(update(h)).toMatchObject({ phase: 'failed', reason: 'unverified' });
    expect(h.log.count('warn')).toBe(1);

    h.clock.advance(CHECK_EVERY_MS);
    await h.port.answer({ type: 'available', version: '1.4.1' }, { type: 'downloaded', version: '1.4.1', file: FILE });
    await h.verifier.answer(TRUSTED);
    expect(update(h)).toMatchObject({ phase: 'ready', version: '1.4.1' });
    expect(h.verifier.downloads).toHaveLength(3);
  });

  it('the user can check again at once after a refusal', async () => {
    const h = await downloaded();
    await h.verifier.answer(TAMPERED);
    const result = h.updates.command({ type: 'update.check' });
    expect(h.port.checks).toBe(2);
    await h.port.answer({ type: 'not-available' });
    expect(await result).toEqual({ ok: true });
    expect(update(h).phase).toBe('idle');
  });

  it('drops the verdict on a download a newer one replaced', async () => {
    const h = await downloaded();
    h.port.emit({ type: 'downloaded', version: '1.4.1', file: FILE });
    await h.verifier.answer(TRUSTED);
    expect(update(h)).toEqual({ phase: 'downloading', version: '1.4.1', percent: 100 });
    expect(h.port.installOnQuit).toEqual([false]);
    await h.verifier.answer(TAMPERED);
    expect(update(h)).toEqual({ phase: 'failed', reason: 'unverified', version: '1.4.1' });
    expect(h.port.installOnQuit).toEqual([false]);
  });

  it('without a verifier (Windows, macOS) a download is ready at once, and install on quit stays as the setting says', async () => {
    const h = setup();
    h.clock.advance(FIRST_CHECK_MS);
    await h.port.answer({ type: 'available', version: '1.4.0' }, { type: 'downloaded', version: '1.4.0', file: FILE });
    expect(update(h)).toEqual({ phase: 'ready', version: '1.4.0', checkedAt: h.clock.now() });
    expect(h.port.installOnQuit).toEqual([true]);
    expect(h.log.count('info', 'the update is signed by a trusted key')).toBe(0);
  });
});

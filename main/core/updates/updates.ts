/**
 * Wasl's own updates. In an installed build it checks a little after start and then every six hours, lets a newer
 * version download in the background, and once it is downloaded offers "Restart to Update" through the state (a
 * calm banner in the shell, a line in the settings, an item in the tray). It never restarts by itself: only the
 * user's click installs. The `updates` setting turns it all off; a development build has no updater at all.
 * Where electron-updater checks no signature of its own (Linux: only a checksum from the same server), a download is
 * checked before it may install (VerifyDownload): until it passes, no "Restart to Update" and no install on quit;
 * a download that fails is refused, logged once, and the state says so.
 * Written against UpdaterPort; main/electron/updater.ts adapts electron-updater to it.
 */
import type { Command, CommandResult } from '../../../common/ipc';
import type { UpdateState } from '../../../common/state';
import type { AppStore } from '../app/app-store';
import type { Clock, Logger, TimerHandle } from '../app/ports';

/** What the updater reports, as electron-updater's events say it. */
export type UpdaterEvent =
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string; file: string }
  | { type: 'error'; message: string };

export interface UpdaterPort {
  /** Asks the update server for a newer version; one found downloads in the background. Rejects when the check fails. */
  check(): Promise<void>;
  /** Whether a downloaded update installs by itself when Wasl quits. */
  setInstallOnQuit(enabled: boolean): void;
  /** Quits Wasl, installs the downloaded update and starts the new version. */
  quitAndInstall(): void;
  onEvent(listener: (event: UpdaterEvent) => void): void;
}

/** A downloaded update: its version as the update server announced it, and the file on disk. */
export interface DownloadedUpdate {
  version: string;
  file: string;
}

/**
 * Why a download was refused: its signature file is missing (or could not be fetched), is not one, names a key Wasl
 * does not trust, or does not match this file, name and version; the file could not be read; or the check failed.
 */
export type UpdateRefusal = 'missing-signature' | 'malformed-signature' | 'unknown-key' | 'bad-signature' | 'unreadable-file' | 'error';

export type DownloadVerdict = { ok: true; keyId: string } | { ok: false; reason: UpdateRefusal; detail?: string };

/** Decides whether a downloaded update may be installed (Linux: main/security/update-signature.ts). */
export type VerifyDownload = (download: DownloadedUpdate) => Promise<DownloadVerdict>;

export type UpdateCommand = Extract<Command, { type: `update.${string}` }>;

/** The first check waits this long after start, so it does not compete with the window and services loading. */
export const FIRST_CHECK_MS = 15_000;
export const CHECK_EVERY_MS = 6 * 60 * 60 * 1000;

export interface UpdateDeps {
  store: AppStore;
  clock: Clock;
  log: Logger;
  /** Called right before quitAndInstall: the window must then close for real instead of hiding in the tray. */
  prepareQuit(): void;
}

export class UpdateController {
  private port: UpdaterPort | undefined;
  private verify: VerifyDownload | undefined;
  /** Counts the downloads checked, so the verdict on one replaced by a newer download is dropped. */
  private verifications = 0;
  private timer: TimerHandle | undefined;
  /** The last failure logged, so one that repeats (every six hours, or as both an event and a rejection) is logged once. */
  private loggedError: string | undefined;

  constructor(private readonly deps: UpdateDeps) {}

  /**
   * Starts checking (an installed build only: the composition root passes no port otherwise). With `verify`, each
   * download must pass it before it is offered or installs on quit.
   */
  start(port: UpdaterPort, verify?: VerifyDownload): void {
    this.port = port;
    this.verify = verify;
    port.onEvent((event) => this.event(event));
    port.setInstallOnQuit(this.installOnQuit());
    if (this.enabled()) this.schedule(FIRST_CHECK_MS);
    this.deps.store.subscribe((next, prev) => {
      if (next.settings.updates === prev.settings.updates) return;
      port.setInstallOnQuit(this.installOnQuit());
      if (next.settings.updates) this.schedule(0);
      else this.cancel();
    });
  }

  command(cmd: UpdateCommand): Promise<CommandResult> {
    const port = this.port;
    if (!port) return Promise.resolve({ ok: false, error: 'invalid', detail: 'not-installed' });
    switch (cmd.type) {
      case 'update.check':
        if (!this.enabled()) return Promise.resolve({ ok: false, error: 'invalid', detail: 'updates-off' });
        return this.check().then(() => ({ ok: true }));
      case 'update.install':
        if (this.state().phase !== 'ready') return Promise.resolve({ ok: false, error: 'not-found' });
        this.deps.log.info('restarting to update', { version: this.state().version });
        this.deps.prepareQuit();
        port.quitAndInstall();
        return Promise.resolve({ ok: true });
      case 'update.dismiss':
        this.set({ ...this.state(), dismissed: true });
        return Promise.resolve({ ok: true });
    }
  }

  private enabled(): boolean {
    return this.deps.store.getState().settings.updates;
  }

  /** While updates are on; where downloads are verified, only once a verified one is ready. */
  private installOnQuit(): boolean {
    return this.enabled() && (this.verify === undefined || this.state().phase === 'ready');
  }

  private state(): UpdateState {
    return this.deps.store.getState().update;
  }

  private set(update: UpdateState): void {
    this.deps.store.setState({ update });
  }

  private schedule(ms: number): void {
    this.cancel();
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = undefined;
      void this.check();
    }, ms);
  }

  private cancel(): void {
    if (this.timer !== undefined) this.deps.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** One check, then the next one in six hours; nothing while one is under way or an update waits for a restart. */
  private async check(): Promise<void> {
    const port = this.port;
    const phase = this.state().phase;
    if (!port || !this.enabled() || phase === 'checking' || phase === 'downloading' || phase === 'ready') return;
    this.schedule(CHECK_EVERY_MS);
    this.set({ ...this.state(), phase: 'checking' });
    try {
      await port.check();
      // A check that found nothing new and said nothing (no event) is still a check.
      if (this.state().phase === 'checking') this.upToDate();
    } catch (error) {
      this.fail(error instanceof Error ? error.message : String(error));
    }
  }

  private event(event: UpdaterEvent): void {
    const current = this.state();
    switch (event.type) {
      case 'available':
        this.deps.log.info('downloading an update', { version: event.version });
        this.set({ phase: 'downloading', version: event.version, percent: 0 });
        break;
      case 'not-available':
        this.upToDate();
        break;
      case 'progress': {
        // Whole percents only: the shell is told of a change, not of every chunk.
        const percent = Math.min(100, Math.max(0, Math.floor(event.percent)));
        if (current.phase === 'downloading' && current.percent === percent) return;
        this.set({ ...current, phase: 'downloading', percent });
        break;
      }
      case 'downloaded':
        this.cancel();
        if (this.verify) void this.verifyDownload({ version: event.version, file: event.file }, this.verify);
        else this.ready(event.version);
        break;
      case 'error':
        this.fail(event.message);
        break;
    }
  }

  private ready(version: string): void {
    this.deps.log.info('an update is ready to install', { version });
    this.loggedError = undefined;
    this.set({ phase: 'ready', version, checkedAt: this.deps.clock.now() });
  }

  /**
   * The download stays "downloading" (at 100%) while it is checked: no restart is offered and nothing installs on
   * quit until it passes. A refused one stays uninstalled (electron-updater replaces it with the next download) and
   * the next check comes as planned, in case the release is put right.
   */
  private async verifyDownload(download: DownloadedUpdate, verify: VerifyDownload): Promise<void> {
    const attempt = ++this.verifications;
    this.set({ phase: 'downloading', version: download.version, percent: 100 });
    const verdict = await verify(download).catch((error: unknown): DownloadVerdict => ({ ok: false, reason: 'error', detail: String(error) }));
    if (attempt !== this.verifications) return;
    if (verdict.ok) {
      this.deps.log.info('the update is signed by a trusted key', { version: download.version, keyId: verdict.keyId });
      this.ready(download.version);
      this.port?.setInstallOnQuit(this.installOnQuit());
      return;
    }
    const logged = `refused ${download.version}: ${verdict.reason}`;
    if (logged !== this.loggedError) {
      this.loggedError = logged;
      this.deps.log.warn('update refused: its signature could not be verified', { version: download.version, reason: verdict.reason, detail: verdict.detail });
    }
    this.set({ phase: 'failed', reason: 'unverified', version: download.version });
    if (this.enabled()) this.schedule(CHECK_EVERY_MS);
  }

  private upToDate(): void {
    this.loggedError = undefined;
    this.set({ phase: 'idle', checkedAt: this.deps.clock.now() });
  }

  /** Logged once, shown calmly (a line in the settings); the next check comes as planned. */
  private fail(message: string): void {
    const current = this.state();
    // A downloaded update stays ready whatever a later check says.
    if (current.phase === 'ready') return;
    if (message !== this.loggedError) {
      this.loggedError = message;
      this.deps.log.warn('update check failed', { error: message });
    }
    if (current.phase === 'failed') return;
    const failed: UpdateState = { phase: 'failed' };
    if (current.checkedAt !== undefined) failed.checkedAt = current.checkedAt;
    this.set(failed);
  }
}

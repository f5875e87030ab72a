/**
 * The whole `electron` module as main/index.ts imports it, built on the typed fake, for the composition test
 * (`vi.mock('electron', …)`). Adds what only the composition root touches: app lifecycle, protocol, nativeTheme,
 * globalShortcut, and net.fetch (answering only the addresses a test published something at).
 */
import { createFakeElectron, FakeApp, FakeNet, FakeSafeStorage, type FakeElectron, type FakeImageFile, type FakeSession } from './electron';
import { FakeGlobalShortcut } from './global-shortcut';

export class FakeRootApp extends FakeApp {
  readonly setPaths: [string, string][] = [];
  sandboxEnabled = false;
  singleInstance = true;
  /** Whether main asked for the single-instance lock. */
  lockRequested = false;
  aboutOptions: Record<string, unknown> | undefined;
  /** The code of `app.exit(code)`, once main called it (Electron ends the process there; the fake only records it). */
  exitCode: number | undefined;

  setPath(name: 'userData' | 'downloads', value: string): void {
    this.setPaths.push([name, value]);
    this.paths[name] = value;
  }
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  exit(exitCode = 0): void {
    this.exitCode = exitCode;
  }
  requestSingleInstanceLock(): boolean {
    this.lockRequested = true;
    return this.singleInstance;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  /** Where the app's files are (a test of the demo points it at the repository, for its fixture pages). */
  appPath = '/fake/app';
  getAppPath(): string {
    return this.appPath;
  }
  override getPath(name: 'userData' | 'downloads' | 'documents' | 'home'): string {
    return name === 'documents' || name === 'home' ? `${this.paths.userData}/${name}` : super.getPath(name);
  }
  getVersion(): string {
    return '0.0.0-test';
  }
  getPreferredSystemLanguages(): string[] {
    return ['ar-SA', 'en-US'];
  }
  setAboutPanelOptions(options: Record<string, unknown>): void {
    this.aboutOptions = options;
  }
  showAboutPanel(): void {
    /* the about panel has no observable effect in the fake */
  }
}

/** The system's save and open dialogs: what the next one answers is set by the test (undefined: cancelled). */
export interface FakeDialog {
  answers: { save: string | undefined; open: string | undefined };
  showSaveDialog(...args: unknown[]): Promise<{ canceled: boolean; filePath: string }>;
  showOpenDialog(...args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export interface FakeElectronModule extends FakeElectron {
  dialog: FakeDialog;
  app: FakeRootApp;
  session: { fromPartition(partition: string): FakeSession; defaultSession: FakeSession };
  nativeTheme: { themeSource: string; shouldUseDarkColors: boolean };
  /** The system's keychain, as safeStorage uses it (the proxy passwords). */
  safeStorage: FakeSafeStorage;
  protocol: {
    privileged: unknown[];
    handlers: Map<string, (request: { url: string }) => Promise<Response> | Response>;
    registerSchemesAsPrivileged(schemes: unknown[]): void;
    handle(scheme: string, handler: (request: { url: string }) => Promise<Response> | Response): void;
  };
  /**
   * The network as net.fetch sees it: the bytes a test published at an address; every other address is a 404. Its
   * `request` (ClientRequest) is the fake's FakeNet: `answer` plays what the network does with each.
   */
  net: FakeNet & {
    published: Map<string, Uint8Array>;
    fetched: string[];
    fetch(url: string, init?: unknown): Promise<Response>;
  };
  /** System-wide keys (the show/hide key). */
  globalShortcut: FakeGlobalShortcut;
  /** The system's idle time (seconds, set by a test) and its events ('lock-screen'…), which a test emits. */
  powerMonitor: {
    idleSeconds: number;
    getSystemIdleTime(): number;
    on(event: string, listener: () => void): void;
    emit(event: string): void;
  };
}

/** An opaque square of one colour, premultiplied BGRA: the fake's stand-in for an icon file. */
export function solidImage(size: number, color: { r: number; g: number; b: number }): FakeImageFile {
  const data = new Uint8Array(size * size * 4);
  for (let i = 0; i < data.length; i += 4) data.set([color.b, color.g, color.r, 255], i);
  return { width: size, height: size, data };
}

export function createFakeElectronModule(): FakeElectronModule {
  const app = new FakeRootApp();
  const base = createFakeElectron(app);
  // The tray icons as the app finds them under getAppPath() (teal squares; their pixels are not what is tested).
  const teal = { r: 26, g: 158, b: 130 };
  base.imageFiles.set('/fake/app/assets/tray/tray.png', solidImage(32, teal));
  base.imageFiles.set('/fake/app/assets/tray/tray@2x.png', solidImage(64, teal));
  base.imageFiles.set('/fake/app/assets/tray/trayTemplate.png', solidImage(16, { r: 0, g: 0, b: 0 }));
  base.imageFiles.set('/fake/app/assets/tray/trayTemplate@2x.png', solidImage(32, { r: 0, g: 0, b: 0 }));
  const privileged: unknown[] = [];
  const powerListeners = new Map<string, (() => void)[]>();
  const handlers = new Map<string, (request: { url: string }) => Promise<Response> | Response>();
  const published = new Map<string, Uint8Array>();
  const fetched: string[] = [];
  // Extends the base fake in place, so state it keeps on itself (the application menu) stays visible here.
  const answers: FakeDialog['answers'] = { save: undefined, open: undefined };
  const dialog: FakeDialog = {
    answers,
    showSaveDialog: () => Promise.resolve(answers.save === undefined ? { canceled: true, filePath: '' } : { canceled: false, filePath: answers.save }),
    showOpenDialog: () => Promise.resolve(answers.open === undefined ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [answers.open] }),
  };
  // No window has the focus in the fake: dialogs open unattached.
  Object.assign(base.BrowserWindow, { getFocusedWindow: () => null });
  const module: FakeElectronModule = Object.assign(base, {
    app,
    dialog,
    session: { fromPartition: (partition: string) => base.sessionFor(partition), defaultSession: base.sessionFor('') },
    nativeTheme: { themeSource: 'system', shouldUseDarkColors: false },
    safeStorage: new FakeSafeStorage(),
    globalShortcut: new FakeGlobalShortcut(),
    powerMonitor: {
      idleSeconds: 0,
      getSystemIdleTime(): number {
        return this.idleSeconds;
      },
      on: (event: string, listener: () => void) => {
        powerListeners.set(event, [...(powerListeners.get(event) ?? []), listener]);
      },
      emit: (event: string) => {
        for (const listener of powerListeners.get(event) ?? []) listener();
      },
    },
    net: Object.assign(new FakeNet(), {
      published,
      fetched,
      fetch: (url: string) => {
        fetched.push(url);
        const bytes = published.get(url);
        return Promise.resolve(bytes === undefined ? new Response('Not Found', { status: 404 }) : new Response(new Uint8Array(bytes)));
      },
    }),
    protocol: {
      privileged,
      handlers,
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        privileged.push(...schemes);
      },
      handle: (scheme: string, handler: (request: { url: string }) => Promise<Response> | Response) => {
        handlers.set(scheme, handler);
      },
    },
  });
  return module;
}

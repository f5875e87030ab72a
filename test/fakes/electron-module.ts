/**
 * The whole `electron` module as main/index.ts imports it, built on the typed fake, for the composition test
 * (`vi.mock('electron', …)`). Adds what only the composition root touches: app lifecycle, protocol, nativeTheme.
 */
import { createFakeElectron, FakeApp, type FakeElectron, type FakeSession } from './electron';

export class FakeRootApp extends FakeApp {
  readonly setPaths: [string, string][] = [];
  sandboxEnabled = false;
  singleInstance = true;
  aboutOptions: Record<string, unknown> | undefined;

  setPath(name: 'userData' | 'downloads', value: string): void {
    this.setPaths.push([name, value]);
    this.paths[name] = value;
  }
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstance;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  getAppPath(): string {
    return '/fake/app';
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

export interface FakeElectronModule extends FakeElectron {
  app: FakeRootApp;
  session: { fromPartition(partition: string): FakeSession; defaultSession: FakeSession };
  nativeTheme: { themeSource: string; shouldUseDarkColors: boolean };
  protocol: {
    privileged: unknown[];
    handlers: Map<string, (request: { url: string }) => Promise<Response> | Response>;
    registerSchemesAsPrivileged(schemes: unknown[]): void;
    handle(scheme: string, handler: (request: { url: string }) => Promise<Response> | Response): void;
  };
}

export function createFakeElectronModule(): FakeElectronModule {
  const app = new FakeRootApp();
  const base = createFakeElectron(app);
  const privileged: unknown[] = [];
  const handlers = new Map<string, (request: { url: string }) => Promise<Response> | Response>();
  // Extends the base fake in place, so state it keeps on itself (the application menu) stays visible here.
  const module: FakeElectronModule = Object.assign(base, {
    app,
    session: { fromPartition: (partition: string) => base.sessionFor(partition), defaultSession: base.sessionFor('') },
    nativeTheme: { themeSource: 'system', shouldUseDarkColors: false },
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

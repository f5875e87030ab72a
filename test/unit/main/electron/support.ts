/**
 * Shared expectations and helpers for the Electron adapter tests. The hardened webPreferences are written out
 * literally here (not taken from main/electron/web-preferences.ts) so a loosened base fails the tests.
 */
import type { MenuItemConstructorOptions, WebPreferences } from 'electron';
import { serviceOrigins } from '../../../../common/catalog';
import type { ServiceConfig } from '../../../../common/model';
import type { AppLike } from '../../../../main/electron/api';
import { ContentsPolicy, type ContentsPolicyDeps } from '../../../../main/electron/contents-policy';
import { ManualClock } from '../../../fakes/clock';
import { createFakeElectron, type FakeElectron } from '../../../fakes/electron';
import { MemoryLogger } from '../../../fakes/logger';

/** The base every window and view must get: the whole of Electron's security checklist that lives in prefs. */
export const HARDENED: Readonly<WebPreferences> = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  nodeIntegrationInWorker: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: true,
};

export function service(id: string, platform: ServiceConfig['platform'], extra: Partial<ServiceConfig> = {}): ServiceConfig {
  return { id, platform, name: `${platform} ${id}`, enabled: true, muted: false, callsAllowed: false, ...extra };
}

/** The items of a submenu given as a template (never a built Menu in these tests). */
export function submenuOf(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  const submenu = item?.submenu;
  return Array.isArray(submenu) ? submenu : [];
}

/** Clicks a template item as Electron would (Wasl's click handlers ignore Electron's arguments). */
export function click(item: MenuItemConstructorOptions | undefined): void {
  if (!item) throw new Error('no such menu item');
  const handler = item.click as (() => void) | undefined;
  if (!handler) throw new Error(`menu item ${item.label ?? item.role ?? '?'} has no click handler`);
  handler();
}

export function byLabel(items: readonly MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  return items.find((item) => item.label === label);
}

/** Lets promise callbacks (a `.catch` on loadURL, a fire-and-forget IPC dispatch) run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
  await new Promise<void>((resolve) => {
    setImmediate(resolve);
  });
}

/** Every URL handed to the OS must be http, https or mailto, and carry no credentials. */
export function assertSafeExternal(opened: readonly string[]): void {
  for (const raw of opened) {
    const url = new URL(raw);
    if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) throw new Error(`opened a ${url.protocol} URL externally: ${raw}`);
    if (url.username !== '' || url.password !== '') throw new Error(`opened a URL with credentials externally: ${raw}`);
  }
}

export interface GuardedFake {
  fake: FakeElectron;
  policy: ContentsPolicy;
  clock: ManualClock;
  log: MemoryLogger;
}

/**
 * A fake Electron whose every new webContents is guarded by a ContentsPolicy, as main/index.ts wires it; the
 * policy reads the services' origins live from `services` (tests change it).
 */
export function guardedFake(services: ReadonlyMap<string, ServiceConfig>, onInput: ContentsPolicyDeps['onInput'] = () => false): GuardedFake {
  const fake = createFakeElectron();
  const clock = new ManualClock();
  const log = new MemoryLogger();
  const policy = new ContentsPolicy({
    openExternal: (url) => fake.shell.openExternal(url),
    originsOf: (id) => {
      const s = services.get(id);
      return s ? serviceOrigins(s.platform, s.url) : undefined;
    },
    shellOrigin: { protocol: 'app:', host: 'wasl' },
    onInput,
    clock,
    log,
  });
  const app: AppLike = fake.app;
  app.on('web-contents-created', (_event, contents) => {
    policy.attach(contents);
  });
  return { fake, policy, clock, log };
}

/**
 * Wasl's first steps, before Electron is ready and before anything is created: the profile folder chosen (a test's,
 * a second portable profile, or the demo's fresh one, main/electron/demo.ts), the sandbox everywhere, the clean user agent for service workers too, the app://
 * scheme made privileged. Then an installed Wasl given a debugging switch leaves at once (main/security/switches.ts),
 * a second launch leaves the first one to show its window, and once Electron is ready the shell's files are served
 * on app://, the shell's session is given no permission, and `start` runs (told whether this is the demo).
 */
import type { App, Protocol } from 'electron';
import type { Logger } from '../core/app/ports';
import { forbiddenSwitches, refusalMessage } from '../security/switches';
import type { SessionLike } from './api';
import { APP_SCHEME, serveApp } from './app-protocol';
import { createDemoProfileDir, demoRequested } from './demo';
import { denyAllPermissions } from './shell-session';

export interface BootDeps {
  app: Pick<App, 'isPackaged' | 'setPath' | 'enableSandbox' | 'userAgentFallback' | 'exit' | 'requestSingleInstanceLock' | 'whenReady' | 'quit'>;
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
  /** The shell's session (Electron's default one). */
  shellSession: Pick<SessionLike, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;
  /** The built shell's folder, served on app://. */
  rendererDir: string;
  process: {
    argv: readonly string[];
    env: Readonly<Record<string, string | undefined>>;
    platform: NodeJS.Platform;
    stderr: { write(text: string): unknown };
  };
  userAgent: string;
  log: Logger;
}

export function boot(deps: BootDeps, start: (demo: boolean) => void): void {
  const { app, process, log } = deps;
  // The profile folder must be chosen before anything reads it; the demo's is never the user's own.
  const demo = demoRequested(app.isPackaged, process.env, process.argv);
  const profileDir = demo ? createDemoProfileDir() : process.env['WASL_USER_DATA_DIR'];
  if (profileDir) app.setPath('userData', profileDir);
  app.enableSandbox();
  app.userAgentFallback = deps.userAgent;
  deps.protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);

  const refused = app.isPackaged ? forbiddenSwitches(process.argv, process.env, process.platform) : [];
  if (refused.length > 0) {
    process.stderr.write(`${refusalMessage(refused)}\n`);
    app.exit(1);
  } else if (app.requestSingleInstanceLock()) {
    const ready = (): void => {
      deps.protocol.handle(APP_SCHEME, (request) => serveApp(request, deps.rendererDir));
      denyAllPermissions(deps.shellSession);
      start(demo);
    };
    app.whenReady().then(ready, (error: unknown) => {
      log.error('Wasl could not start', { error: String(error) });
      app.quit();
    });
  } else {
    app.quit();
  }
}

/**
 * The shell runs on Electron's default session. It needs no permission at all, and Electron grants every
 * permission on a session that has no handlers, so both handlers refuse everything there.
 */
import type { SessionLike } from './api';

export function denyAllPermissions(session: Pick<SessionLike, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}

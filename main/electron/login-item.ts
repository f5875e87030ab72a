/**
 * The system's login items as the LoginItemPort of main/core/login-item.ts: Electron's on macOS and Windows, an
 * XDG autostart entry (~/.config/autostart/wasl.desktop) on Linux, where Electron has none.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoginItemPort } from '../core/desktop/login-item';
import type { AppLike } from './api';

export function electronLoginItem(app: Pick<AppLike, 'getLoginItemSettings' | 'setLoginItemSettings'>, os: 'darwin' | 'win32'): LoginItemPort {
  return {
    enabled: () => {
      const settings = app.getLoginItemSettings();
      return os === 'win32' ? settings.executableWillLaunchAtLogin : settings.openAtLogin;
    },
    // `enabled` (Windows) also turns the entry back on where the user had turned it off in the Task Manager.
    set: (enabled) => app.setLoginItemSettings(os === 'win32' ? { openAtLogin: enabled, enabled } : { openAtLogin: enabled }),
  };
}

/** A path as a desktop entry's Exec field takes it: quoted, with its reserved characters escaped. */
export function execField(file: string): string {
  return `"${file.replace(/[\\"`$]/g, (c) => `\\${c}`)}"`;
}

/** `configHome`: $XDG_CONFIG_HOME or ~/.config; `executable`: the AppImage file ($APPIMAGE) or the installed binary. */
export function linuxAutostart(configHome: string, executable: string): LoginItemPort {
  const file = path.join(configHome, 'autostart', 'wasl.desktop');
  const read = (): string | undefined => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  };
  return {
    enabled: () => {
      const entry = read();
      return entry !== undefined && !/^Hidden\s*=\s*true\s*$/m.test(entry) && !/^X-GNOME-Autostart-enabled\s*=\s*false\s*$/m.test(entry);
    },
    set: (enabled) => {
      if (!enabled) {
        rmSync(file, { force: true });
        return;
      }
      mkdirSync(path.dirname(file), { recursive: true });
      const entry = ['[Desktop Entry]', 'Type=Application', 'Name=Wasl', 'Comment=One window for every messenger', `Exec=${execField(executable)}`, 'Icon=wasl', 'Terminal=false', 'X-GNOME-Autostart-enabled=true', ''];
      writeFileSync(file, entry.join('\n'));
    },
  };
}

/**
 * The command-line switches an installed Wasl refuses to start with: each opens a door into the running app that
 * the fuses (electron-builder.yml `electronFuses`) do not close, or close only in part. Through them another program
 * on the computer could read every chat and take over every signed-in session Wasl holds.
 *
 * - `--remote-debugging-*` (port, pipe, address…): Chromium's DevTools protocol, over TCP or a pipe.
 * - `--inspect` and `--inspect-*` (brk, port, publish-uid, wait…), and `--debug-port`, Node's alias of
 *   `--inspect-port`: the main process's inspector. The `enableNodeCliInspectArguments` fuse already makes Electron
 *   ignore them; refusing them too keeps the rule whole should the fuse ever be left out of a build.
 * - `--js-flags`: raw V8 flags (`--allow-natives-syntax`, `--expose-gc`…) for every JavaScript engine in the app.
 *
 * Matched the way the tools read them, and a little wider: `--name`, `-name`, `--name=value` and `--name value`;
 * `/name` on Windows (Chromium's third prefix there); any case (Chromium lowercases switches on Windows);
 * underscores as dashes (Node's rule). Every argument is read, even after a `--`: no start of Wasl needs one of
 * these. Look-alikes are not these switches and pass: `--inspector-foo`, `--remote-debugging` (no such switch),
 * `--js-flagsx`, and a switch's value (`--user-agent=--inspect`).
 * NODE_OPTIONS is read for the inspector switches (the only ones Node takes from it), although the
 * `enableNodeOptionsEnvironmentVariable` fuse makes Electron ignore it. `ELECTRON_RUN_AS_NODE` is left alone: the
 * `runAsNode` fuse makes Electron ignore it, and editors set it in their terminals, from which users start Wasl.
 */

export interface ForbiddenSwitch {
  /** The switch as Wasl names it to the user: `--remote-debugging-port`. */
  name: string;
  /** Where it was found. */
  source: 'command line' | 'NODE_OPTIONS';
}

/** Node's inspector: `--inspect`, `--inspect-<anything>`, and `--debug-port`. */
function isInspector(name: string): boolean {
  return name === 'inspect' || name === 'debug-port' || (name.startsWith('inspect-') && name.length > 'inspect-'.length);
}

function isForbidden(name: string): boolean {
  return isInspector(name) || name === 'js-flags' || (name.startsWith('remote-debugging-') && name.length > 'remote-debugging-'.length);
}

/** The switch's name in lower case with dashes for underscores, or undefined when the argument is not a switch. */
function switchName(arg: string, platform: NodeJS.Platform): string | undefined {
  const prefix = /^(--|-)/u.exec(arg)?.[0] ?? (platform === 'win32' && arg.startsWith('/') ? '/' : undefined);
  if (prefix === undefined) return undefined;
  const name = arg.slice(prefix.length).split('=', 1)[0] ?? '';
  return name.toLowerCase().replaceAll('_', '-');
}

function scan(args: readonly string[], platform: NodeJS.Platform, source: ForbiddenSwitch['source'], forbidden: (name: string) => boolean): ForbiddenSwitch[] {
  const found: ForbiddenSwitch[] = [];
  for (const arg of args) {
    const name = switchName(arg, platform);
    if (name !== undefined && forbidden(name) && !found.some((f) => f.name === `--${name}`)) found.push({ name: `--${name}`, source });
  }
  return found;
}

/**
 * The forbidden switches in `argv` (the process's arguments, the executable's path first or not) and in
 * NODE_OPTIONS (quotes dropped, split at spaces), each once per source, in the order found.
 */
export function forbiddenSwitches(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform): ForbiddenSwitch[] {
  const nodeOptions = (env['NODE_OPTIONS'] ?? '').replaceAll('"', '').split(/\s+/u);
  return [...scan(argv, platform, 'command line', isForbidden), ...scan(nodeOptions, platform, 'NODE_OPTIONS', isInspector)];
}

/** One sentence for stderr: which switches, where they were found, and why Wasl refuses them. */
export function refusalMessage(found: readonly ForbiddenSwitch[]): string {
  const names = found.map((f) => (f.source === 'command line' ? f.name : `${f.name} (in NODE_OPTIONS)`));
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}` : (names[0] ?? '');
  const they = names.length > 1 ? 'they let' : 'it lets';
  return `Wasl refuses to start with ${list}: ${they} another program on this computer read your chats and take over the accounts you are signed in to.`;
}

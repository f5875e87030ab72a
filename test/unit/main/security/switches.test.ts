/**
 * main/security/switches.ts: the debugging switches an installed Wasl refuses to start with, found in every form
 * Chromium and Node read them, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { forbiddenSwitches, refusalMessage } from '../../../../main/security/switches';

const EXE = '/opt/Wasl/wasl';

describe('forbiddenSwitches', () => {
  it.each([
    ['--remote-debugging-port=9222', '--remote-debugging-port'],
    ['--remote-debugging-pipe', '--remote-debugging-pipe'],
    ['--remote-debugging-address=0.0.0.0', '--remote-debugging-address'],
    ['--inspect', '--inspect'],
    ['--inspect=9229', '--inspect'],
    ['--inspect=0.0.0.0:9229', '--inspect'],
    ['--inspect-brk', '--inspect-brk'],
    ['--inspect-brk=5858', '--inspect-brk'],
    ['--inspect-port=9229', '--inspect-port'],
    ['--inspect-publish-uid=http', '--inspect-publish-uid'],
    ['--inspect-wait', '--inspect-wait'],
    ['--inspect-brk-node', '--inspect-brk-node'],
    ['--debug-port=9229', '--debug-port'],
    ['--js-flags=--allow-natives-syntax', '--js-flags'],
    ['--js-flags="--expose-gc --max-old-space-size=100"', '--js-flags'],
    // Chromium takes one dash as well as two, and lowercases switches on Windows; Node reads _ as -.
    ['-remote-debugging-port=9222', '--remote-debugging-port'],
    ['--Remote-Debugging-Port=9222', '--remote-debugging-port'],
    ['--INSPECT', '--inspect'],
    ['--inspect_brk', '--inspect-brk'],
    ['--remote_debugging_pipe', '--remote-debugging-pipe'],
    ['--JS_FLAGS=--expose-gc', '--js-flags'],
  ])('finds %s as %s', (arg, name) => {
    expect(forbiddenSwitches([EXE, arg], {}, 'linux')).toEqual([{ name, source: 'command line' }]);
  });

  it.each([
    ['--remote-debugging-port', '9222'],
    ['--inspect-port', '9229'],
    ['--js-flags', '--expose-gc'],
  ])('finds the switch in the two-argument form: %s %s', (arg, value) => {
    expect(forbiddenSwitches([EXE, arg, value], {}, 'darwin').map((f) => f.name)).toEqual([arg]);
  });

  it.each([
    ['no switch at all', []],
    ['switches Wasl allows', ['--enable-logging', '--lang=ar', '--ozone-platform=wayland', '--hidden']],
    ['a look-alike of the inspector: not a Node option, it opens nothing', ['--inspector-foo']],
    ['a look-alike without a switch behind it', ['--remote-debugging', '--remote-debugging-', '--inspect-']],
    ['a look-alike of --js-flags', ['--js-flagsx', '--jsflags', '--js']],
    ['a forbidden name as the value of another switch', ['--user-agent=--inspect', '--lang=--remote-debugging-port=1']],
    ['a forbidden name without its dashes, as a plain argument', ['inspect', 'remote-debugging-port=9222', 'js-flags']],
    ['a triple dash, which neither Chromium nor Node reads as the switch', ['---inspect']],
    ['a path that starts like a switch on Windows, read on Linux', ['/inspect-brk', '/remote-debugging-port=9222']],
  ])('passes %s', (_label, args) => {
    expect(forbiddenSwitches([EXE, ...args], {}, 'linux')).toEqual([]);
  });

  it('reads Windows’ /switch form on Windows only', () => {
    const argv = ['C:\\Program Files\\Wasl\\Wasl.exe', '/remote-debugging-port=9222', '/INSPECT'];
    expect(forbiddenSwitches(argv, {}, 'win32').map((f) => f.name)).toEqual(['--remote-debugging-port', '--inspect']);
    expect(forbiddenSwitches(argv, {}, 'darwin')).toEqual([]);
  });

  it('reads every argument, after a -- as well, and names each switch once', () => {
    const argv = [EXE, '--inspect=1', '--', '--remote-debugging-pipe', '--inspect=2', '--js-flags=--expose-gc'];
    expect(forbiddenSwitches(argv, {}, 'linux').map((f) => f.name)).toEqual(['--inspect', '--remote-debugging-pipe', '--js-flags']);
  });

  it('finds the inspector in NODE_OPTIONS, quoted or not, and nothing else there', () => {
    expect(forbiddenSwitches([EXE], { NODE_OPTIONS: '--max-old-space-size=4096 --inspect=0' }, 'linux')).toEqual([{ name: '--inspect', source: 'NODE_OPTIONS' }]);
    expect(forbiddenSwitches([EXE], { NODE_OPTIONS: '  "--inspect-brk"\t--require ./x.js ' }, 'linux')).toEqual([{ name: '--inspect-brk', source: 'NODE_OPTIONS' }]);
    expect(forbiddenSwitches([EXE], { NODE_OPTIONS: '--require ./hook.js --no-warnings' }, 'linux')).toEqual([]);
    // Node refuses these in NODE_OPTIONS itself; they are Chromium's, read from the command line only.
    expect(forbiddenSwitches([EXE], { NODE_OPTIONS: '--remote-debugging-port=9222 --js-flags=--expose-gc' }, 'linux')).toEqual([]);
  });

  it('finds the same switch on the command line and in NODE_OPTIONS, each with its source', () => {
    expect(forbiddenSwitches([EXE, '--inspect'], { NODE_OPTIONS: '--inspect' }, 'linux')).toEqual([
      { name: '--inspect', source: 'command line' },
      { name: '--inspect', source: 'NODE_OPTIONS' },
    ]);
  });

  it('leaves ELECTRON_RUN_AS_NODE and other ELECTRON_* variables alone (fuses cover them; editors set them)', () => {
    expect(forbiddenSwitches([EXE], { ELECTRON_RUN_AS_NODE: '1', ELECTRON_ENABLE_LOGGING: '1', ELECTRON_NO_ATTACH_CONSOLE: '1' }, 'linux')).toEqual([]);
  });
});

describe('refusalMessage', () => {
  it('says in one sentence which switch and why', () => {
    expect(refusalMessage([{ name: '--remote-debugging-port', source: 'command line' }])).toBe(
      'Wasl refuses to start with --remote-debugging-port: it lets another program on this computer read your chats and take over the accounts you are signed in to.',
    );
  });

  it('names every switch found, and where NODE_OPTIONS brought one', () => {
    const message = refusalMessage([
      { name: '--inspect', source: 'command line' },
      { name: '--js-flags', source: 'command line' },
      { name: '--inspect-brk', source: 'NODE_OPTIONS' },
    ]);
    expect(message).toMatch(/^Wasl refuses to start with --inspect, --js-flags and --inspect-brk \(in NODE_OPTIONS\): they let another program /u);
    expect(message.match(/\./gu)).toHaveLength(1);
  });
});

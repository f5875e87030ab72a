/** When a start is the demo, and how a development build starts one beside itself. */
import { describe, expect, it } from 'vitest';
import { DEMO_SWITCH, demoRequested, launchDemo } from '../../../../main/electron/demo';

describe('demoRequested', () => {
  it('is the demo in a development build asked by WASL_DEMO=1 or the switch, never in an installed one', () => {
    expect(demoRequested(false, { WASL_DEMO: '1' }, [])).toBe(true);
    expect(demoRequested(false, {}, ['electron', '.', DEMO_SWITCH])).toBe(true);
    expect(demoRequested(false, { WASL_DEMO: '0' }, [])).toBe(false);
    expect(demoRequested(true, { WASL_DEMO: '1' }, [DEMO_SWITCH])).toBe(false);
  });
});

describe('launchDemo', () => {
  it('starts the same app again with the demo switch, detached, once', () => {
    const calls: { command: string; args: readonly string[]; detached: boolean }[] = [];
    let unrefs = 0;
    launchDemo(
      (command, args, options) => {
        calls.push({ command, args, detached: options.detached });
        return { unref: () => void (unrefs += 1) };
      },
      '/opt/electron',
      ['/opt/electron', '/repo', DEMO_SWITCH],
    );
    expect(calls).toEqual([{ command: '/opt/electron', args: ['/repo', DEMO_SWITCH], detached: true }]);
    expect(unrefs).toBe(1);
  });
});

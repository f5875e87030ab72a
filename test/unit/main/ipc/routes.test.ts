/**
 * The connector routes of main/ipc/routes.ts through the real router: a service page asks which connector to run
 * (`svc:connector`) and is answered for its own service only; a page reports that the pack's connector it was given
 * could not run (`svc:connector-failed`), which reaches main only for the pack that page was given, once. Everything
 * else a sender could try is refused and changes nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../../common/channels';
import { commandSchema, type ConnectorAnswer, type ConnectorFailure } from '../../../../common/ipc';
import type { CommandTable } from '../../../../main/core/app/commands';
import { IpcRouter, type IpcSender } from '../../../../main/ipc/router';
import { FRAME_CHANNELS, routeIpc } from '../../../../main/ipc/routes';
import { ManualClock } from '../../../fakes/clock';
import { MemoryLogger } from '../../../fakes/logger';

const SHELL: IpcSender = { id: 1, mainFrame: true, url: 'app://wasl/index.html' };
const PAGE_A: IpcSender = { id: 7, mainFrame: true, url: 'https://web.whatsapp.com/' };
const PAGE_B: IpcSender = { id: 8, mainFrame: true, url: 'https://web.telegram.org/a/' };
const IFRAME_A: IpcSender = { id: 7, mainFrame: false, url: 'https://ads.example/' };
const STRANGER: IpcSender = { id: 99, mainFrame: true, url: 'https://evil.example/' };

const PACK: ConnectorAnswer = { source: { kind: 'downloaded', version: '1.2.0' }, code: '__waslRegisterConnector({ platform: "whatsapp" })' };
const BUILT_IN: ConnectorAnswer = { source: { kind: 'built-in', version: '1.0.0' } };

const unused = (): never => {
  throw new Error('not part of the connector routes');
};

describe('the connector routes', () => {
  let clock: ManualClock;
  let router: IpcRouter;
  let log: MemoryLogger;
  /** What main answers each service now. */
  let answers: Map<string, ConnectorAnswer>;
  let asked: string[];
  let failed: [string, ConnectorFailure][];

  beforeEach(() => {
    clock = new ManualClock();
    log = new MemoryLogger();
    answers = new Map([
      ['svc-a', PACK],
      ['svc-b', BUILT_IN],
    ]);
    asked = [];
    failed = [];
    router = new IpcRouter({ isShell: (s) => s.id === 1 && s.mainFrame, serviceOf: (id) => ({ 7: 'svc-a', 8: 'svc-b' })[id], clock, log });
    // No command is sent here: every one of them would throw.
    const types = commandSchema.options.map((option) => option.shape.type.value);
    const commands: CommandTable = Object.fromEntries(types.map((type) => [type, unused])) as Record<(typeof types)[number], typeof unused>;
    routeIpc(router, {
      feed: { hydrate: unused, hydrateChats: unused },
      services: { setViewport: unused, serviceUpdate: unused, insertResult: unused, snapshot: unused },
      views: { send: unused },
      tracker: { report: unused },
      outline: { answer: unused },
      notifications: { receive: unused },
      resources: unused,
      connectorFor: (serviceId) => {
        asked.push(serviceId);
        const answer = answers.get(serviceId);
        if (!answer) throw new Error(`no service ${serviceId}`);
        return answer;
      },
      packFailed: (serviceId, failure) => failed.push([serviceId, failure]),
      commands,
      locked: () => false,
      newId: () => 'id',
    });
  });

  /** Each message a second apart: the service rate limit never decides here. */
  const receive = async (channel: string, sender: IpcSender, payload?: unknown) => {
    clock.advance(1_000);
    return router.receive(channel, sender, payload);
  };

  it('are wired as Electron must deliver them: the question as an invoke (the page waits for it), the report as a send', () => {
    expect(FRAME_CHANNELS.invoke).toContain(CHANNELS.serviceConnector);
    expect(FRAME_CHANNELS.send).toContain(CHANNELS.serviceConnectorFailed);
    expect(router.channels).toEqual(expect.arrayContaining([CHANNELS.serviceConnector, CHANNELS.serviceConnectorFailed]));
  });

  it('answer each service page with the connector main chose for its own service', async () => {
    expect(await receive(CHANNELS.serviceConnector, PAGE_A)).toEqual({ ok: true, value: PACK });
    expect(await receive(CHANNELS.serviceConnector, PAGE_B)).toEqual({ ok: true, value: BUILT_IN });
    expect(asked).toEqual(['svc-a', 'svc-b']);
  });

  it('answer no one but a service’s own page: not the shell, an iframe in the page, a stranger, nor a question with a payload', async () => {
    for (const sender of [SHELL, IFRAME_A, STRANGER]) {
      expect(await receive(CHANNELS.serviceConnector, sender)).toEqual({ ok: false, reason: 'wrong-sender' });
    }
    for (const payload of [{ serviceId: 'svc-b' }, 'svc-b', 0, null]) {
      expect(await receive(CHANNELS.serviceConnector, PAGE_A, payload)).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(asked).toEqual([]);
  });

  it('tell main once that a page could not run the pack it was given, for that page’s service', async () => {
    await receive(CHANNELS.serviceConnector, PAGE_A);
    const failure: ConnectorFailure = { version: '1.2.0', reason: 'wrong-platform' };
    expect(await receive(CHANNELS.serviceConnectorFailed, PAGE_A, failure)).toEqual({ ok: true, value: undefined });
    expect(failed).toEqual([['svc-a', failure]]);
    // The same page again, or after a reload that was given the same pack again: one report per script given.
    await receive(CHANNELS.serviceConnectorFailed, PAGE_A, failure);
    expect(failed).toHaveLength(1);
    await receive(CHANNELS.serviceConnector, PAGE_A);
    await receive(CHANNELS.serviceConnectorFailed, PAGE_A, { version: '1.2.0', reason: 'threw' });
    expect(failed).toEqual([['svc-a', failure], ['svc-a', { version: '1.2.0', reason: 'threw' }]]);
  });

  it('tell main nothing of a pack the page was not given: another version, a page given none, another service’s, one no longer given', async () => {
    // Never asked.
    await receive(CHANNELS.serviceConnectorFailed, PAGE_A, { version: '1.2.0', reason: 'threw' });
    await receive(CHANNELS.serviceConnector, PAGE_A);
    // Not the version it was given (a page blaming a pack it never ran).
    await receive(CHANNELS.serviceConnectorFailed, PAGE_A, { version: '1.3.0', reason: 'threw' });
    // Given the built-in connector: no pack to blame.
    await receive(CHANNELS.serviceConnector, PAGE_B);
    await receive(CHANNELS.serviceConnectorFailed, PAGE_B, { version: '1.0.0', reason: 'threw' });
    await receive(CHANNELS.serviceConnectorFailed, PAGE_B, { version: '1.2.0', reason: 'threw' });
    // The pack rolled back: the page reloads on the built-in connector, and a late report of the old pack is not news.
    answers.set('svc-a', BUILT_IN);
    await receive(CHANNELS.serviceConnector, PAGE_A);
    await receive(CHANNELS.serviceConnectorFailed, PAGE_A, { version: '1.2.0', reason: 'threw' });
    expect(failed).toEqual([]);
  });

  it('refuse a malformed report, or one from anyone but the page, before main hears of it', async () => {
    await receive(CHANNELS.serviceConnector, PAGE_A);
    const malformed: unknown[] = [
      undefined,
      { version: '1.2.0' },
      { reason: 'threw' },
      { version: '1.2.0', reason: 'bored' },
      { version: '1.2', reason: 'threw' },
      { version: 'v1.2.0', reason: 'threw' },
      { version: '1.2.0', reason: 'threw', code: 'alert(1)' },
      [{ version: '1.2.0', reason: 'threw' }],
    ];
    for (const payload of malformed) expect(await receive(CHANNELS.serviceConnectorFailed, PAGE_A, payload)).toEqual({ ok: false, reason: 'invalid' });
    for (const sender of [SHELL, IFRAME_A, STRANGER]) {
      expect(await receive(CHANNELS.serviceConnectorFailed, sender, { version: '1.2.0', reason: 'threw' })).toEqual({ ok: false, reason: 'wrong-sender' });
    }
    expect(failed).toEqual([]);
    // The page's own, well-formed report still counts: nothing above used it up.
    await receive(CHANNELS.serviceConnectorFailed, PAGE_A, { version: '1.2.0', reason: 'threw' });
    expect(failed).toEqual([['svc-a', { version: '1.2.0', reason: 'threw' }]]);
  });
});

/**
 * The screen-share broker with a manual clock and a store: every request is answered exactly once, on every path —
 * refused, shared, cancelled, the page closed, navigated or crashed, timed out, locked, the service hidden, its
 * calls turned off or removed, the sources unreadable — and only with a source offered in that request.
 */
import { describe, expect, it } from 'vitest';
import type { LockStatus } from '../../../../../common/lock';
import type { ServiceConfig } from '../../../../../common/model';
import { SCREEN_SHARE_LIMITS, type ScreenSource } from '../../../../../common/screen-share';
import { initialRuntime } from '../../../../../common/state';
import { createAppStore, updateService } from '../../../../../main/core/app/app-store';
import { PICKER_GRACE_MS, ScreenSharePicker, type CapturePage, type PopupAsk, type ShareAsk } from '../../../../../main/core/screen-share/picker';
import type { ShareGrant } from '../../../../../main/core/screen-share/rules';
import { ManualClock } from '../../../../fakes/clock';
import { MemoryLogger } from '../../../../fakes/logger';
import { stateOf } from '../../../../fakes/state';

const DISCORD: ServiceConfig = { id: 'dc1', platform: 'discord', name: 'Discord', enabled: true, muted: false, callsAllowed: true };
const SLACK: ServiceConfig = { id: 'sl1', platform: 'slack', name: 'Slack', enabled: true, muted: false, callsAllowed: true };
const MESSENGER: ServiceConfig = { id: 'ms1', platform: 'messenger', name: 'Messenger', enabled: true, muted: false, callsAllowed: true };

const SOURCES: ScreenSource[] = [
  { id: 'screen:1:0', kind: 'screen', name: 'Entire Screen', thumbnail: 'data:image/jpeg;base64,AA==', icon: null },
  { id: 'window:42:0', kind: 'window', name: 'Notes', thumbnail: null, icon: 'data:image/png;base64,AA==' },
];

/** The service's own view asks the screen-capture permission. */
const VIEW: CapturePage = { view: true };

const ASK: ShareAsk = {
  serviceId: 'dc1',
  frameUrl: 'https://discord.com/channels/1/2',
  topFrame: true,
  securityOrigin: 'https://discord.com',
  userGesture: true,
  videoRequested: true,
  audioRequested: false,
};

/** Resolves or rejects the sources when the test says so. */
function deferredSources() {
  let settle: { resolve(sources: ScreenSource[]): void; reject(error: Error): void } | undefined;
  let asked = 0;
  const sources = () =>
    new Promise<ScreenSource[]>((resolve, reject) => {
      asked += 1;
      settle = { resolve, reject };
    });
  return {
    sources,
    get asked() {
      return asked;
    },
    resolve: (list: ScreenSource[] = SOURCES) => settle?.resolve(list),
    reject: (error: Error) => settle?.reject(error),
  };
}

const LOCKED: LockStatus = { set: true, locked: true, retryAt: null };

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function setup(options: { audioSupported?: boolean } = {}) {
  const store = createAppStore(
    stateOf({
      services: [DISCORD, SLACK, MESSENGER],
      activeServiceId: 'dc1',
      view: 'service',
      runtime: { dc1: { ...initialRuntime(true), status: 'ready' }, sl1: { ...initialRuntime(true), status: 'ready' }, ms1: { ...initialRuntime(true), status: 'ready' } },
    }),
  );
  const clock = new ManualClock();
  const log = new MemoryLogger();
  const fetch = deferredSources();
  let ids = 0;
  /** How often Wasl's window was brought forward; which services have a focused pop-up. */
  const window = { reveals: 0 };
  /** The focused pop-ups, as `serviceId:contentsId`. */
  const focusedPopups = new Set<string>();
  const picker = new ScreenSharePicker({
    store,
    clock,
    log,
    newId: () => `share-${++ids}`,
    sources: fetch.sources,
    audioSupported: options.audioSupported ?? false,
    window: { revealWindow: () => (window.reveals += 1) },
    popupFocused: (id, contentsId) => focusedPopups.has(`${id}:${contentsId}`),
  });
  /** Every answer each request got, in order. */
  const ask = (change: Partial<ShareAsk> = {}) => {
    const answers: (ShareGrant | null)[] = [];
    picker.request({ ...ASK, ...change }, (grant) => answers.push(grant));
    return answers;
  };
  /** Asks and waits until the picker shows (the sources arrived). */
  const open = async (change: Partial<ShareAsk> = {}) => {
    const answers = ask(change);
    fetch.resolve();
    await flush();
    const shown = store.getState().screenShare;
    if (!shown) throw new Error('the picker did not open');
    return { answers, requestId: shown.requestId };
  };
  return { store, clock, log, fetch, picker, ask, open, window, focusedPopups };
}

/** Messenger's call pop-up asks (its service not in front); `refocused` counts the focus given back to it. */
function popupAsk(change: Partial<PopupAsk> = {}): { ask: Partial<ShareAsk>; refocused: { count: number } } {
  const refocused = { count: 0 };
  const popup: PopupAsk = { sameService: true, topFrame: true, focused: true, refocus: () => (refocused.count += 1), ...change };
  return {
    ask: { serviceId: 'ms1', frameUrl: 'https://www.messenger.com/groupcall/ROOM/', topFrame: false, securityOrigin: 'https://www.messenger.com', popup, pageId: 77 },
    refocused,
  };
}

describe('requests refused at once', () => {
  it('answers no at once, logs why, fetches nothing and shows nothing', () => {
    const { store, log, fetch, ask } = setup();
    updateService(store, 'dc1', { callsAllowed: false });
    expect(ask()).toEqual([null]);
    expect(ask({ serviceId: 'sl1' }).length).toBe(1);
    expect(ask({ serviceId: 'gone' })).toEqual([null]);
    expect(fetch.asked).toBe(0);
    expect(store.getState().screenShare).toBeUndefined();
    expect(log.lines.filter((l) => l.message === 'screen share refused').map((l) => l.fields?.['reason'])).toEqual(['calls-not-allowed', 'foreign-origin', 'unknown-service']);
  });

  it('refuses a service that is not in front, and every service while Wasl is locked', () => {
    const { store, ask } = setup();
    expect(ask({ serviceId: 'sl1', frameUrl: 'https://acme.slack.com/client', securityOrigin: 'https://acme.slack.com' })).toEqual([null]);
    store.setState({ lock: LOCKED });
    expect(ask()).toEqual([null]);
  });

  it('refuses a second request while one waits, and leaves the first waiting', async () => {
    const { store, open, ask } = setup();
    const first = await open();
    expect(ask()).toEqual([null]);
    expect(first.answers).toEqual([]);
    expect(store.getState().screenShare?.requestId).toBe(first.requestId);
  });
});

describe('whether a share may start (the screen-capture permission follows it)', () => {
  it('holds for the service in front with calls allowed, and not while locked, hidden or with a picker open', async () => {
    const t = setup();
    expect(t.picker.mayAsk('dc1', VIEW)).toBe(true);
    expect(t.picker.mayAsk('sl1', VIEW)).toBe(false);
    expect(t.picker.mayAsk('gone', VIEW)).toBe(false);
    // A window the service in front opened is not its view: it must be the focused one.
    expect(t.picker.mayAsk('dc1', { view: false, contentsId: 5 })).toBe(false);
    const { requestId } = await t.open();
    expect(t.picker.mayAsk('dc1', VIEW)).toBe(false);
    t.picker.answer({ requestId, sourceId: null, audio: false });
    expect(t.picker.mayAsk('dc1', VIEW)).toBe(true);
    updateService(t.store, 'dc1', { callsAllowed: false });
    expect(t.picker.mayAsk('dc1', VIEW)).toBe(false);
    updateService(t.store, 'dc1', { callsAllowed: true });
    t.store.setState({ lock: LOCKED });
    expect(t.picker.mayAsk('dc1', VIEW)).toBe(false);
  });
});

/** A grant's `stop`, counting how often the page was stopped. */
function stopper(): { stop: () => void; stops: { count: number } } {
  const stops = { count: 0 };
  return { stop: () => (stops.count += 1), stops };
}

describe('a granted screen-capture permission must lead to a getDisplayMedia request (no capture without the picker)', () => {
  it('leaves the page alone when its request follows, and no other grant is possible until it did', async () => {
    const t = setup();
    const page = stopper();
    t.picker.granted('dc1', page.stop);
    expect(t.picker.mayAsk('dc1', VIEW)).toBe(false);
    const answers = t.ask();
    t.fetch.resolve();
    await flush();
    t.clock.advance(PICKER_GRACE_MS * 10);
    expect(page.stops.count).toBe(0);
    expect(t.store.getState().screenShare?.serviceId).toBe('dc1');
    expect(answers).toEqual([]);
    expect(t.store.getState().notices).toEqual([]);
  });

  it('counts a request refused by the rules as the one that followed (an iframe’s getDisplayMedia)', () => {
    const t = setup();
    const page = stopper();
    t.picker.granted('dc1', page.stop);
    expect(t.ask({ topFrame: false })).toEqual([null]);
    t.clock.advance(PICKER_GRACE_MS);
    expect(page.stops.count).toBe(0);
    expect(t.picker.mayAsk('dc1', VIEW)).toBe(true);
  });

  it('stops the page whose grant no request followed (the legacy desktop getUserMedia), says so, and may grant again', () => {
    const t = setup();
    const page = stopper();
    t.picker.granted('dc1', page.stop);
    t.clock.advance(PICKER_GRACE_MS - 1);
    expect(page.stops.count).toBe(0);
    t.clock.advance(1);
    expect(page.stops.count).toBe(1);
    expect(t.store.getState().notices).toEqual([expect.objectContaining({ kind: 'capture-stopped', serviceName: 'Discord' })]);
    expect(t.log.lines.some((l) => l.level === 'warn' && l.message === 'screen captured without the picker: page stopped')).toBe(true);
    expect(t.picker.mayAsk('dc1', VIEW)).toBe(true);
    t.clock.advance(PICKER_GRACE_MS * 10);
    expect(page.stops.count).toBe(1);
  });

  it('does not take another service’s request for the one its grant waits for', () => {
    const t = setup();
    const page = stopper();
    t.picker.granted('dc1', page.stop);
    t.ask({ serviceId: 'ms1', frameUrl: 'https://www.messenger.com/t/1', securityOrigin: 'https://www.messenger.com' });
    t.clock.advance(PICKER_GRACE_MS);
    expect(page.stops.count).toBe(1);
  });

  it('stops the earlier page when a second grant comes before its request, and logs a stop that throws', () => {
    const t = setup();
    const first = stopper();
    t.picker.granted('dc1', first.stop);
    t.picker.granted('dc1', () => {
      throw new Error('render process already gone');
    });
    expect(first.stops.count).toBe(1);
    t.clock.advance(PICKER_GRACE_MS);
    // Both stopped; the user is told once, not twice over.
    expect(t.store.getState().notices.filter((n) => n.kind === 'capture-stopped')).toHaveLength(1);
    expect(t.log.lines.find((l) => l.message === 'page that captured the screen not stopped')?.fields?.['error']).toBe('Error: render process already gone');
  });
});

describe('the user’s answer', () => {
  it('shows the sources, then grants the chosen one once and closes the picker', async () => {
    const { store, picker, clock, open } = setup();
    const { answers, requestId } = await open();
    expect(store.getState().screenShare).toEqual({ requestId, serviceId: 'dc1', sources: SOURCES, audio: false });
    expect(picker.answer({ requestId, sourceId: 'window:42:0', audio: false })).toEqual({ ok: true });
    expect(answers).toEqual([{ video: { id: 'window:42:0', name: 'Notes' } }]);
    expect(store.getState().screenShare).toBeNull();
    // Nothing is left to fire: the timeout went with the request.
    expect(clock.pending).toBe(0);
    expect(picker.answer({ requestId, sourceId: 'screen:1:0', audio: false })).toEqual({ ok: false, error: 'not-found' });
    expect(answers.length).toBe(1);
  });

  it('cancels with no source', async () => {
    const { store, picker, open } = setup();
    const { answers, requestId } = await open();
    expect(picker.answer({ requestId, sourceId: null, audio: false })).toEqual({ ok: true });
    expect(answers).toEqual([null]);
    expect(store.getState().screenShare).toBeNull();
  });

  it('refuses a forged source id and keeps the picker open for a real choice', async () => {
    const { store, picker, log, open } = setup();
    const { answers, requestId } = await open();
    expect(picker.answer({ requestId, sourceId: 'window:666:0', audio: false })).toEqual({ ok: false, error: 'invalid', detail: 'unknown-source' });
    expect(answers).toEqual([]);
    expect(log.count('warn', 'screen share answer names a source that was not offered')).toBe(1);
    expect(store.getState().screenShare?.requestId).toBe(requestId);
    picker.answer({ requestId, sourceId: 'screen:1:0', audio: false });
    expect(answers).toEqual([{ video: { id: 'screen:1:0', name: 'Entire Screen' } }]);
  });

  it('refuses an answer to another request, or before the picker showed', async () => {
    const { picker, fetch, ask } = setup();
    const answers = ask();
    expect(picker.answer({ requestId: 'share-1', sourceId: 'screen:1:0', audio: false })).toEqual({ ok: false, error: 'not-found' });
    fetch.resolve();
    await flush();
    expect(picker.answer({ requestId: 'share-2', sourceId: 'screen:1:0', audio: false })).toEqual({ ok: false, error: 'not-found' });
    expect(answers).toEqual([]);
  });

  it('offers the system’s sound only where supported and asked, and grants it only when chosen', async () => {
    const windows = setup({ audioSupported: true });
    const asked = await windows.open({ audioRequested: true });
    expect(windows.store.getState().screenShare?.audio).toBe(true);
    windows.picker.answer({ requestId: asked.requestId, sourceId: 'screen:1:0', audio: true });
    expect(asked.answers).toEqual([{ video: { id: 'screen:1:0', name: 'Entire Screen' }, audio: 'loopback' }]);

    const notAsked = await windows.open({ audioRequested: false });
    expect(windows.store.getState().screenShare?.audio).toBe(false);
    windows.picker.answer({ requestId: notAsked.requestId, sourceId: 'screen:1:0', audio: true });
    expect(notAsked.answers).toEqual([{ video: { id: 'screen:1:0', name: 'Entire Screen' } }]);

    const mac = setup({ audioSupported: false });
    const unsupported = await mac.open({ audioRequested: true });
    expect(mac.store.getState().screenShare?.audio).toBe(false);
    mac.picker.answer({ requestId: unsupported.requestId, sourceId: 'screen:1:0', audio: true });
    expect(unsupported.answers).toEqual([{ video: { id: 'screen:1:0', name: 'Entire Screen' } }]);
  });
});

describe('a request that ends without the user', () => {
  const ENDINGS: [string, (t: ReturnType<typeof setup>) => void, string][] = [
    ['the page closed', (t) => t.picker.pageGone('dc1', 'closed'), 'closed'],
    ['the page navigated or reloaded', (t) => t.picker.pageGone('dc1', 'navigated'), 'navigated'],
    ['the page crashed', (t) => t.picker.pageGone('dc1', 'crashed'), 'crashed'],
    ['two minutes went by', (t) => t.clock.advance(120_000), 'timeout'],
    ['Wasl locked', (t) => t.store.setState({ lock: LOCKED }), 'locked'],
    ['another service came in front', (t) => t.store.setState({ activeServiceId: 'sl1' }), 'not-in-front'],
    ['the inbox came in front', (t) => t.store.setState({ view: 'inbox' }), 'not-in-front'],
    ['its calls were turned off', (t) => updateService(t.store, 'dc1', { callsAllowed: false }), 'calls-not-allowed'],
    ['the service was removed', (t) => t.store.setState({ services: [SLACK] }), 'removed'],
  ];

  it.each(ENDINGS)('answers no once when %s', async (_name, end, outcome) => {
    const t = setup();
    const { answers, requestId } = await t.open();
    end(t);
    expect(answers).toEqual([null]);
    expect(t.store.getState().screenShare).toBeNull();
    expect(t.log.lines.find((l) => l.message === 'screen share answered')?.fields?.['outcome']).toBe(outcome);
    // Whatever comes after is too late: no second answer.
    t.picker.pageGone('dc1', 'closed');
    t.clock.advance(300_000);
    expect(t.picker.answer({ requestId, sourceId: 'screen:1:0', audio: false })).toEqual({ ok: false, error: 'not-found' });
    expect(answers.length).toBe(1);
    expect(t.clock.pending).toBe(0);
  });

  it('answers no while the sources are still being read, and never shows them after', async () => {
    const t = setup();
    const answers = t.ask();
    t.picker.pageGone('dc1', 'navigated');
    expect(answers).toEqual([null]);
    t.fetch.resolve();
    await flush();
    expect(t.store.getState().screenShare).toBeUndefined();
    expect(answers.length).toBe(1);
  });

  it('leaves another service’s request alone when a page goes away', async () => {
    const t = setup();
    const { answers } = await t.open();
    t.picker.pageGone('sl1', 'crashed');
    expect(answers).toEqual([]);
  });

  it('answers no when the sources cannot be read, and takes a new request after', async () => {
    const t = setup();
    const answers = t.ask();
    t.fetch.reject(new Error('screen capture failed'));
    await flush();
    expect(answers).toEqual([null]);
    expect(t.log.lines.find((l) => l.message === 'screen share answered')?.fields).toMatchObject({ outcome: 'sources-failed', error: 'Error: screen capture failed' });
    const next = await t.open();
    expect(next.answers).toEqual([]);
  });

  it('survives an answer Electron refuses (the frame was gone by then)', async () => {
    const t = setup();
    let calls = 0;
    t.picker.request(ASK, () => {
      calls += 1;
      throw new Error('Render frame was disposed');
    });
    t.fetch.resolve();
    await flush();
    const requestId = t.store.getState().screenShare?.requestId ?? '';
    expect(t.picker.answer({ requestId, sourceId: 'screen:1:0', audio: false })).toEqual({ ok: true });
    expect(calls).toBe(1);
    expect(t.log.count('info', 'screen share answer not delivered')).toBe(1);
    expect((await t.open()).answers).toEqual([]);
  });
});

describe('a request from a service’s call pop-up', () => {
  it('brings Wasl’s window forward, offers the sources, and gives the focus back to the pop-up once answered', async () => {
    const t = setup();
    const { ask, refocused } = popupAsk();
    const { answers, requestId } = await t.open(ask);
    expect(t.window.reveals).toBe(1);
    expect(t.store.getState().screenShare).toEqual({ requestId, serviceId: 'ms1', sources: SOURCES, audio: false });
    expect(refocused.count).toBe(0);
    t.picker.answer({ requestId, sourceId: 'screen:1:0', audio: false });
    expect(answers).toEqual([{ video: { id: 'screen:1:0', name: 'Entire Screen' } }]);
    expect(refocused.count).toBe(1);
  });

  it('gives the focus back when the user cancels and when the wait times out', async () => {
    const t = setup();
    const cancelled = popupAsk();
    const first = await t.open(cancelled.ask);
    t.picker.answer({ requestId: first.requestId, sourceId: null, audio: false });
    expect(first.answers).toEqual([null]);
    expect(cancelled.refocused.count).toBe(1);

    const waited = popupAsk();
    const second = await t.open(waited.ask);
    t.clock.advance(SCREEN_SHARE_LIMITS.timeoutMs);
    expect(second.answers).toEqual([null]);
    expect(waited.refocused.count).toBe(1);
    expect(t.store.getState().screenShare).toBeNull();
  });

  it('still answers once when the pop-up cannot take the focus back (its window is gone by then)', async () => {
    const t = setup();
    const { ask } = popupAsk({
      refocus: () => {
        throw new Error('Object has been destroyed');
      },
    });
    const { answers, requestId } = await t.open(ask);
    t.picker.answer({ requestId, sourceId: null, audio: false });
    expect(answers).toEqual([null]);
    expect(t.log.count('info', 'screen share pop-up not refocused')).toBe(1);
  });

  it('reveals nothing for a request from the service’s own view', async () => {
    const t = setup();
    await t.open();
    expect(t.window.reveals).toBe(0);
  });

  it('refuses, reveals nothing and refocuses nothing for a pop-up not focused, of another service, an iframe in it or on a foreign origin', () => {
    const t = setup();
    const cases: [Partial<PopupAsk>, Partial<ShareAsk>][] = [
      [{ focused: false }, {}],
      [{ sameService: false }, {}],
      [{ topFrame: false }, {}],
      [{}, { frameUrl: 'https://evil.example/call' }],
    ];
    for (const [popup, change] of cases) {
      const { ask, refocused } = popupAsk(popup);
      expect(t.ask({ ...ask, ...change })).toEqual([null]);
      expect(refocused.count).toBe(0);
    }
    expect(t.window.reveals).toBe(0);
    expect(t.fetch.asked).toBe(0);
    expect(t.log.lines.filter((l) => l.message === 'screen share refused').map((l) => l.fields?.['reason'])).toEqual([
      'popup-not-focused',
      'other-service-popup',
      'popup-not-top-frame',
      'popup-foreign-origin',
    ]);
  });

  it.each<[string, 'closed' | 'navigated']>([
    ['closes', 'closed'],
    ['navigates', 'navigated'],
  ])('answers no exactly once and closes the picker when the pop-up %s', async (_name, why) => {
    const t = setup();
    const { ask } = popupAsk();
    const { answers, requestId } = await t.open(ask);
    t.picker.pageGone('ms1', why, 77);
    t.picker.pageGone('ms1', why, 77);
    expect(answers).toEqual([null]);
    expect(t.store.getState().screenShare).toBeNull();
    expect(t.picker.answer({ requestId, sourceId: 'screen:1:0', audio: false })).toEqual({ ok: false, error: 'not-found' });
    expect(answers).toEqual([null]);
    expect(t.log.lines.find((l) => l.message === 'screen share answered')?.fields?.['outcome']).toBe(why);
  });

  it('keeps waiting when the service’s view navigates or another service comes to the front, and ends when Wasl locks or calls are turned off', async () => {
    const t = setup();
    const { ask, refocused } = popupAsk();
    const first = await t.open(ask);
    t.picker.pageGone('ms1', 'navigated', 5);
    t.store.setState({ activeServiceId: 'sl1' });
    expect(first.answers).toEqual([]);
    t.store.setState({ lock: LOCKED });
    expect(first.answers).toEqual([null]);
    // Locked, the pop-up stays hidden: it is not focused again.
    expect(refocused.count).toBe(0);
    t.store.setState({ lock: { set: true, locked: false, retryAt: null } });

    const calls = popupAsk();
    const second = await t.open(calls.ask);
    updateService(t.store, 'ms1', { callsAllowed: false });
    expect(second.answers).toEqual([null]);
    expect(calls.refocused.count).toBe(1);
    expect(t.store.getState().screenShare).toBeNull();
  });

  it('lets the service start a share from its focused pop-up, even when it is not in front', () => {
    const t = setup();
    const popup = { view: false, contentsId: 77 } as const;
    expect(t.picker.mayAsk('ms1', popup)).toBe(false);
    t.focusedPopups.add('ms1:77');
    expect(t.picker.mayAsk('ms1', popup)).toBe(true);
    // Not its view (hidden behind another service) nor another of its windows.
    expect(t.picker.mayAsk('ms1', VIEW)).toBe(false);
    expect(t.picker.mayAsk('ms1', { view: false, contentsId: 78 })).toBe(false);
    updateService(t.store, 'ms1', { callsAllowed: false });
    expect(t.picker.mayAsk('ms1', popup)).toBe(false);
    updateService(t.store, 'ms1', { callsAllowed: true });
    t.store.setState({ lock: LOCKED });
    expect(t.picker.mayAsk('ms1', popup)).toBe(false);
  });
});

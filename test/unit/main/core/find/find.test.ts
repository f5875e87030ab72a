/**
 * The find controller (main/core/find/find.ts) over a fake page: which requests it makes of Electron's findInPage
 * (a new text begins a session, next and previous continue it), that only the latest request's answers reach the
 * shell, and that closing, emptying the text, a switch to another service, locking and a page's navigation or
 * crash end or reset the search.
 */
import { describe, expect, it } from 'vitest';
import { initialRuntime, type AppState } from '../../../../../common/state';
import { createAppStore } from '../../../../../main/core/app/app-store';
import { FindController, type FindOptions, type FindPort, type StopAction } from '../../../../../main/core/find/find';
import { stateOf } from '../../../../fakes/state';
import { service } from '../../../../support/unread-input';

type Call = { op: 'find'; id: string; text: string; options: FindOptions; requestId: number } | { op: 'stop'; id: string; action: StopAction } | { op: 'focus'; id: string };

function setup(parts: Partial<AppState> = {}) {
  const store = createAppStore(
    stateOf({ services: [service('wa'), service('sl', { platform: 'slack' })], runtime: { wa: initialRuntime(true), sl: initialRuntime(true) }, activeServiceId: 'wa', ...parts }),
  );
  const calls: Call[] = [];
  const pages = new Set(['wa', 'sl']);
  let next = 1;
  const port: FindPort = {
    find: (id, text, options) => {
      if (!pages.has(id)) return undefined;
      const requestId = next++;
      calls.push({ op: 'find', id, text, options, requestId });
      return requestId;
    },
    stopFind: (id, action) => calls.push({ op: 'stop', id, action }),
  };
  const find = new FindController({ store, port, focus: (id) => calls.push({ op: 'focus', id }) });
  const lastRequest = (): number => {
    const last = calls.filter((c) => c.op === 'find').at(-1);
    if (!last) throw new Error('no request');
    return last.requestId;
  };
  return { store, calls, pages, find, lastRequest, state: () => store.getState().find ?? null };
}

describe('FindController', () => {
  it('begins a session for a new text and continues it for next and previous', () => {
    const t = setup();
    expect(t.find.command({ type: 'find.search', id: 'wa', text: 'order', forward: true })).toEqual({ ok: true });
    expect(t.find.command({ type: 'find.search', id: 'wa', text: 'order', forward: true })).toEqual({ ok: true });
    expect(t.find.command({ type: 'find.search', id: 'wa', text: 'order', forward: false })).toEqual({ ok: true });
    expect(t.find.command({ type: 'find.search', id: 'wa', text: 'orders', forward: true })).toEqual({ ok: true });
    expect(t.calls.map((c) => (c.op === 'find' ? [c.text, c.options] : c.op))).toEqual([
      ['order', { forward: true, findNext: true }],
      ['order', { forward: true, findNext: false }],
      ['order', { forward: false, findNext: false }],
      ['orders', { forward: true, findNext: true }],
    ]);
  });

  it('shows the latest answer, counting from 1, while it is pending and when final', () => {
    const t = setup();
    t.find.command({ type: 'find.search', id: 'wa', text: 'order', forward: true });
    expect(t.state()).toEqual({ serviceId: 'wa', text: 'order', matches: 0, active: 0, pending: true });
    t.find.found('wa', { requestId: t.lastRequest(), activeMatchOrdinal: 1, matches: 4, finalUpdate: false });
    expect(t.state()).toMatchObject({ matches: 4, active: 1, pending: true });
    t.find.found('wa', { requestId: t.lastRequest(), activeMatchOrdinal: -1, matches: 12, finalUpdate: true });
    expect(t.state()).toEqual({ serviceId: 'wa', text: 'order', matches: 12, active: 1, pending: false });
  });

  it('keeps the count while the next match is asked for, then takes the new position', () => {
    const t = setup();
    t.find.command({ type: 'find.search', id: 'wa', text: 'order', forward: true });
    t.find.found('wa', { requestId: t.lastRequest(), activeMatchOrdinal: 1, matches: 3, finalUpdate: true });
    t.find.command({ type: 'find.search', id: 'wa', text: 'order', forward: false });
    expect(t.state()).toMatchObject({ matches: 3, active: 1, pending: true });
    t.find.found('wa', { requestId: t.lastRequest(), activeMatchOrdinal: 3, matches: 3, finalUpdate: true });
    expect(t.state()).toMatchObject({ matches: 3, active: 3, pending: false });
  });

  it('ignores answers to an earlier request, another service and a search that is over', () => {
    const t = setup();
    t.find.command({ type: 'find.search', id: 'wa', text: 'o', forward: true });
    const stale = t.lastRequest();
    t.find.command({ type: 'find.search', id: 'wa', text: 'or', forward: true });
    t.find.found('wa', { requestId: stale, activeMatchOrdinal: 1, matches: 40, finalUpdate: true });
    expect(t.state()).toEqual({ serviceId: 'wa', text: 'or', matches: 0, active: 0, pending: true });
    t.find.found('sl', { requestId: t.lastRequest(), activeMatchOrdinal: 1, matches: 7, finalUpdate: true });
    expect(t.state()?.matches).toBe(0);
    const latest = t.lastRequest();
    t.find.command({ type: 'find.stop', id: 'wa', focusPage: false });
    t.find.found('wa', { requestId: latest, activeMatchOrdinal: 1, matches: 2, finalUpdate: true });
    expect(t.state()).toBeNull();
  });

  it('never shows a selected match beyond the count', () => {
    const t = setup();
    t.find.command({ type: 'find.search', id: 'wa', text: 'x', forward: true });
    t.find.found('wa', { requestId: t.lastRequest(), activeMatchOrdinal: 5, matches: 2, finalUpdate: true });
    expect(t.state()).toMatchObject({ matches: 2, active: 2 });
  });

  it('closing keeps the selected match, forgets the count and gives the page the focus when asked', () => {
    const t = setup();
    t.find.command({ type: 'find.search', id: 'wa', text: 'order', forward: true });
    t.find.command({ type: 'find.stop', id: 'wa', focusPage: true });
    expect(t.calls.slice(1)).toEqual([{ op: 'stop', id: 'wa', action: 'keepSelection' }, { op: 'focus', id: 'wa' }]);
    expect(t.state()).toBeNull();
    // The same text again is a new session: the one before was stopped.
    t.find.command({ type: 'find.search', id: 'wa', text: 'order', forward: true });
    expect(t.calls.at(-1)).toMatchObject({ op: 'find', options: { findNext: true } });
  });

  it('closing without a search stops nothing, and focuses only a page on screen', () => {
    const t = setup();
    expect(t.find.command({ type: 'find.stop', id: 'wa', focusPage: false })).toEqual({ ok: true });
    expect(t.find.command({ type: 'find.stop', id: 'sl', focusPage: true })).toEqual({ ok: true });
    expect(t.calls).toEqual([]);
  });

  it('an emptied text clears the highlights and the count; the text typed again starts anew', () => {
    const t = setup();
    t.find.command({ type: 'find.search', id: 'wa', text: 'a', forward: true });
    t.find.command({ type: 'find.search', id: 'wa', text: '', forward: true });
    expect(t.calls.at(-1)).toEqual({ op: 'stop', id: 'wa', action: 'clearSelection' });
    expect(t.state()).toBeNull();
    t.find.command({ type: 'find.search', id: 'wa', text: '', forward: true });
    expect(t.calls.filter((c) => c.op === 'stop')).toHaveLength(1);
    t.find.command({ type: 'find.search', id: 'wa', text: 'a', forward: true });
    expect(t.calls.at(-1)).toMatchObject({ op: 'find', text: 'a', options: { findNext: true } });
  });

  it('refuses a search in a service that is not on screen', () => {
    const t = setup();
    expect(t.find.command({ type: 'find.search', id: 'sl', text: 'a', forward: true })).toEqual({ ok: false, error: 'not-found' });
    t.store.setState({ view: 'inbox' });
    expect(t.find.command({ type: 'find.search', id: 'wa', text: 'a', forward: true })).toEqual({ ok: false, error: 'not-found' });
    expect(t.calls).toEqual([]);
    expect(t.state()).toBeNull();
  });

  it('answers not-found when the service has no page to search', () => {
    const t = setup();
    t.pages.delete('wa');
    expect(t.find.command({ type: 'find.search', id: 'wa', text: 'a', forward: true })).toEqual({ ok: false, error: 'not-found' });
    expect(t.state()).toBeNull();
  });

  it('switching to another service ends the search and clears its highlights', () => {
    const t = setup();
    t.find.command({ type: 'find.search', id: 'wa', text: 'a', forward: true });
    const request = t.lastRequest();
    t.store.setState({ activeServiceId: 'sl' });
    expect(t.calls.at(-1)).toEqual({ op: 'stop', id: 'wa', action: 'clearSelection' });
    expect(t.state()).toBeNull();
    t.find.found('wa', { requestId: request, activeMatchOrdinal: 1, matches: 1, finalUpdate: true });
    expect(t.state()).toBeNull();
  });

  it('locking Wasl or showing the inbox ends the search', () => {
    for (const change of [{ lock: { set: true, locked: true, retryAt: null } }, { view: 'inbox' }] satisfies Partial<AppState>[]) {
      const t = setup();
      t.find.command({ type: 'find.search', id: 'wa', text: 'a', forward: true });
      t.store.setState(change);
      expect(t.calls.at(-1)).toEqual({ op: 'stop', id: 'wa', action: 'clearSelection' });
      expect(t.state()).toBeNull();
    }
  });

  it('a page that navigates, loads or crashes forgets the search; the next one begins a new session', () => {
    for (const event of [{ type: 'navigated', url: 'https://web.whatsapp.com/' }, { type: 'loading' }, { type: 'crashed', reason: 'oom' }] as const) {
      const t = setup();
      t.find.command({ type: 'find.search', id: 'wa', text: 'a', forward: true });
      const request = t.lastRequest();
      t.find.viewEvent('wa', event);
      expect(t.state()).toBeNull();
      t.find.found('wa', { requestId: request, activeMatchOrdinal: 1, matches: 9, finalUpdate: true });
      expect(t.state()).toBeNull();
      t.find.command({ type: 'find.search', id: 'wa', text: 'a', forward: true });
      expect(t.calls.at(-1)).toMatchObject({ op: 'find', options: { findNext: true } });
      // Nothing was stopped: the page has no session left to stop.
      expect(t.calls.some((c) => c.op === 'stop')).toBe(false);
    }
  });

  it('another service navigating, or a title change, leaves the search alone', () => {
    const t = setup();
    t.find.command({ type: 'find.search', id: 'wa', text: 'a', forward: true });
    t.find.viewEvent('sl', { type: 'navigated', url: 'https://app.slack.com/' });
    t.find.viewEvent('wa', { type: 'title', title: '(2) WhatsApp' });
    t.find.command({ type: 'find.search', id: 'wa', text: 'a', forward: true });
    expect(t.calls.at(-1)).toMatchObject({ op: 'find', options: { findNext: false } });
    expect(t.state()).toMatchObject({ text: 'a', pending: true });
  });
});

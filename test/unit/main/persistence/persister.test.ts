import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../common/settings';
import { DEFAULT_SHOP_DATA, type AppState } from '../../../../common/state';
import { createAppStore } from '../../../../main/core/app/app-store';
import type { PersistedDoc } from '../../../../main/core/settings/document';
import { Persister, SAVE_DELAY_MS } from '../../../../main/persistence/persister';
import { ManualClock } from '../../../fakes/clock';
import { stateOf } from '../../../fakes/state';

const initial: AppState = stateOf();
const service = { id: 'a', platform: 'whatsapp' as const, name: 'Shop', enabled: true, muted: false, callsAllowed: false };

function setup(saveOk = true) {
  const clock = new ManualClock();
  const store = createAppStore(initial);
  const saved: PersistedDoc[] = [];
  const persister = new Persister(
    store,
    (doc) => {
      saved.push(doc);
      return saveOk;
    },
    clock,
    () => 'n1',
    1,
    { window: null, pendingDeletions: [], packReads: {}, foreign: { services: [], keys: {} } },
  );
  return { clock, store, saved, persister };
}

describe('Persister', () => {
  it('writes what persists shortly after it changes, once for a burst of changes', () => {
    const { clock, store, saved } = setup();
    store.setState({ services: [service] });
    store.setState({ activeServiceId: 'a' });
    store.setState({ settings: { ...DEFAULT_SETTINGS, theme: 'dark' } });
    expect(saved).toEqual([]);
    clock.advance(SAVE_DELAY_MS);
    expect(saved).toEqual([
      {
        version: 1,
        services: [service],
        activeServiceId: 'a',
        view: 'service',
        settings: { ...DEFAULT_SETTINGS, theme: 'dark' },
        people: [],
        dismissedSuggestions: [],
        ...DEFAULT_SHOP_DATA,
        packs: { pinBuiltIn: false, rolledBack: [] },
        window: null,
        pendingDeletions: [],
        packReads: {},
        foreign: { services: [], keys: {} },
      },
    ]);
  });

  it('writes the shop’s quick replies, labels and customers', () => {
    const { clock, store, saved } = setup();
    const quickReplies = [{ id: 'q1', name: 'thanks', body: 'Thank you {first_name}!' }];
    const labels = [{ id: 'l1', color: 'red' as const, name: 'VIP' }];
    const customers = { 'chat:a:c': { labels: ['l1'], note: 'Wholesale', status: 'done' as const, statusAt: 5, priority: true } };
    store.setState({ quickReplies });
    store.setState({ labels });
    store.setState({ customers });
    clock.advance(SAVE_DELAY_MS);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ quickReplies, labels, customers });
  });

  it('writes people, dismissed suggestions and the view too', () => {
    const { clock, store, saved } = setup();
    store.setState({ view: 'inbox', people: [{ id: 'p1', chats: [{ serviceId: 'a', chatId: 'c' }] }], dismissedSuggestions: ['x|y'] });
    clock.advance(SAVE_DELAY_MS);
    expect(saved[0]).toMatchObject({ view: 'inbox', people: [{ id: 'p1', chats: [{ serviceId: 'a', chatId: 'c' }] }], dismissedSuggestions: ['x|y'] });
  });

  it('does not write for runtime-only changes', () => {
    const { clock, store, saved } = setup();
    store.setState({ runtime: { a: { status: 'ready', unread: 3, titleUnread: 3, failures: 0, connected: false, degraded: false } } });
    store.setState({ notices: [{ id: 'x', at: 1, kind: 'settings-not-saved' }] });
    store.setState({ notifications: [{ id: 'n', serviceId: 'a', title: 't', at: 1, read: false }], peopleUndo: 'link', shopUndo: 'reply-deleted' });
    clock.advance(SAVE_DELAY_MS * 10);
    expect(saved).toEqual([]);
  });

  it('writes the pack pin, the rollbacks and the packs’ reads, but not for a feed check alone', () => {
    const { clock, store, saved, persister } = setup();
    store.setState({ packs: { ...store.getState().packs, lastCheck: 5, downloaded: { version: '1.3.0', builtAt: '2026-03-01T10:00:00.000Z' } } });
    clock.advance(SAVE_DELAY_MS * 10);
    expect(saved).toEqual([]);
    const rolledBack = [{ platform: 'whatsapp' as const, from: '1.3.0', to: '1.0.0', at: 7 }];
    store.setState({ packs: { ...store.getState().packs, pinBuiltIn: true, rolledBack } });
    persister.setPackReads({ whatsapp: { '1.0.0': 12 } });
    clock.advance(SAVE_DELAY_MS);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ packs: { pinBuiltIn: true, rolledBack }, packReads: { whatsapp: { '1.0.0': 12 } } });
    expect(saved[0]?.packs).not.toHaveProperty('lastCheck');
  });

  it('writes the window placement, and everything pending at once on flush', () => {
    const { store, saved, persister } = setup();
    persister.setWindow({ x: 1, y: 2, width: 900, height: 700, maximized: true });
    store.setState({ services: [service] });
    persister.flush();
    expect(saved).toHaveLength(1);
    expect(saved[0]?.window).toEqual({ x: 1, y: 2, width: 900, height: 700, maximized: true });
    persister.flush();
    expect(saved).toHaveLength(1);
  });

  it('tells the user once when the settings cannot be saved', () => {
    const { clock, store } = setup(false);
    store.setState({ services: [service] });
    clock.advance(SAVE_DELAY_MS);
    store.setState({ services: [] });
    clock.advance(SAVE_DELAY_MS);
    expect(store.getState().notices).toEqual([{ id: 'n1', at: clock.now() - SAVE_DELAY_MS, kind: 'settings-not-saved' }]);
  });

  it('writes the app-lock hash at once, and a removed one is gone from the next write (not written back)', () => {
    const { clock, saved, persister } = setup();
    const hash = { kdf: 'scrypt' as const, N: 16, r: 8, p: 1, salt: 'c2FsdA==', hash: 'aGFzaA==' };
    expect(persister.setLock(hash)).toBe(true);
    expect(saved.at(-1)?.lock).toEqual(hash);
    expect(persister.setLock(undefined)).toBe(true);
    expect(saved.at(-1)).not.toHaveProperty('lock');
    persister.setWindow({ width: 800, height: 600, maximized: false });
    clock.advance(SAVE_DELAY_MS);
    expect(saved.at(-1)).not.toHaveProperty('lock');
  });

  it('keeps the previous hash when the disk refuses a new one', () => {
    const clock = new ManualClock();
    const store = createAppStore(initial);
    const hash = { kdf: 'scrypt' as const, N: 16, r: 8, p: 1, salt: 'c2FsdA==', hash: 'aGFzaA==' };
    let ok = true;
    const saved: PersistedDoc[] = [];
    const persister = new Persister(store, (doc) => (saved.push(doc), ok), clock, () => 'n', 1, { window: null, pendingDeletions: [], packReads: {}, foreign: { services: [], keys: {} }, lock: hash });
    ok = false;
    expect(persister.setLock(undefined)).toBe(false);
    ok = true;
    store.setState({ services: [service] });
    clock.advance(SAVE_DELAY_MS);
    expect(saved.at(-1)?.lock).toEqual(hash);
  });

  it('writes a removed service’s pending deletion with the removal, once, and drops the ones done', () => {
    const { clock, store, saved, persister } = setup();
    store.setState({ services: [service] });
    clock.advance(SAVE_DELAY_MS);
    persister.deleteLater('a');
    persister.deleteLater('a');
    store.setState({ services: [] });
    clock.advance(SAVE_DELAY_MS);
    expect(saved).toHaveLength(2);
    expect(saved[1]).toMatchObject({ services: [], pendingDeletions: ['a'] });
    persister.deleteLater('b');
    persister.deleted(['a']);
    clock.advance(SAVE_DELAY_MS);
    expect(saved.at(-1)?.pendingDeletions).toEqual(['b']);
    expect(persister.pendingDeletions).toEqual(['b']);
  });

  it('writes back what a later Wasl wrote, untouched', () => {
    const clock = new ManualClock();
    const store = createAppStore(initial);
    const saved: PersistedDoc[] = [];
    const foreign = { services: [{ id: 'ln1', platform: 'line', name: 'LINE' }], keys: { hologram: true } };
    new Persister(store, (doc) => (saved.push(doc), true), clock, () => 'n', 1, { window: null, pendingDeletions: [], packReads: {}, foreign });
    store.setState({ services: [service] });
    clock.advance(SAVE_DELAY_MS);
    expect(saved[0]?.foreign).toEqual(foreign);
  });
});

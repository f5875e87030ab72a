import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, DEFAULT_SHOP_DATA, type AppState } from '../../common/state';
import { createAppStore } from '../../main/core/app-store';
import type { PersistedDoc } from '../../main/persistence/document';
import { Persister, SAVE_DELAY_MS } from '../../main/persistence/persister';
import { ManualClock } from '../fakes/clock';
import { stateOf } from '../fakes/state';

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
    null,
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
        window: null,
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
});

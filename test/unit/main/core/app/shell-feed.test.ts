/**
 * What the shell receives of main's state (main/core/app/shell-feed.ts): while Wasl is locked, nothing it could
 * show; here, the find in page's text and count, whichever part of main ends the search first.
 */
import { describe, expect, it } from 'vitest';
import type { StatePatch } from '../../../../../common/state';
import { createAppStore } from '../../../../../main/core/app/app-store';
import { ShellFeed, shellState } from '../../../../../main/core/app/shell-feed';
import { stateOf } from '../../../../fakes/state';

const FIND = { serviceId: 'wa', text: 'Layla', matches: 3, active: 1, pending: false };

describe('the shell feed and a find in page', () => {
  it('passes the find on while unlocked, and never while locked', () => {
    expect(shellState(stateOf({ find: FIND })).find).toEqual(FIND);
    expect(shellState(stateOf({ find: FIND, lock: { set: true, locked: true, retryAt: null } })).find).toBeNull();
  });

  it('sends no search text in the patch that locks Wasl, even while the search is still on', () => {
    const store = createAppStore(stateOf({ find: FIND }));
    const patches: StatePatch[] = [];
    const feed = new ShellFeed({ store, chats: () => ({}), sendPatch: (patch) => patches.push(patch), sendChats: () => undefined });
    store.setState({ lock: { set: true, locked: true, retryAt: null } });
    expect(JSON.stringify(patches)).not.toContain('Layla');
    expect(patches.at(-1)?.find).toBeNull();
    expect(feed.hydrate().find).toBeNull();
  });
});

describe('the shell feed and the products', () => {
  it('passes the products on while unlocked, and none while locked', () => {
    const products = [{ id: 'pr1', name: 'Blue abaya', price: { amount: '45.5', currency: 'SAR' }, inStock: true }];
    expect(shellState(stateOf({ products })).products).toBe(products);
    expect(shellState(stateOf({ products, lock: { set: true, locked: true, retryAt: null } })).products).toEqual([]);
  });
});

describe('the shell feed and customer fields', () => {
  it('passes the field names and values on while unlocked, and neither while locked', () => {
    const customerFields = [{ id: 'city', name: 'City', type: 'text' as const }];
    const customers = { 'chat:wa:1': { labels: [], note: '', status: 'open' as const, statusAt: 0, priority: false, fields: { city: 'Jeddah' } } };
    expect(shellState(stateOf({ customerFields, customers })).customerFields).toEqual(customerFields);
    const locked = shellState(stateOf({ customerFields, customers, lock: { set: true, locked: true, retryAt: null } }));
    expect(JSON.stringify(locked)).not.toMatch(/City|Jeddah/u);
  });
});

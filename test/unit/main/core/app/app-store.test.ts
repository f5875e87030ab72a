/**
 * The app store's notices: a new one is added last, and one saying the very same thing gives way to it (a page
 * stopped again and again, a file failing twice), while different ones stay.
 */
import { describe, expect, it } from 'vitest';
import { addNotice, createAppStore } from '../../../../../main/core/app/app-store';
import { stateOf } from '../../../../fakes/state';

describe('addNotice', () => {
  it('adds notices in order, and a repeat of one replaces it (newest moment, last place) instead of piling up', () => {
    const store = createAppStore(stateOf({}));
    addNotice(store, { id: 'n1', at: 1, kind: 'capture-stopped', serviceName: 'Discord' });
    addNotice(store, { id: 'n2', at: 2, kind: 'capture-stopped', serviceName: 'Slack' });
    addNotice(store, { id: 'n3', at: 3, kind: 'settings-not-saved' });
    addNotice(store, { id: 'n4', at: 4, kind: 'capture-stopped', serviceName: 'Discord' });
    expect(store.getState().notices.map((n) => n.id)).toEqual(['n2', 'n3', 'n4']);
    addNotice(store, { id: 'n5', at: 5, kind: 'downloads-reset', backupPath: '/a' });
    addNotice(store, { id: 'n6', at: 6, kind: 'downloads-reset', backupPath: '/b' });
    expect(store.getState().notices.map((n) => n.id)).toEqual(['n2', 'n3', 'n4', 'n5', 'n6']);
  });
});

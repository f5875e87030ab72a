/**
 * Compact view in main (main/core/services/compact.ts): the views are asked to hide a page's own chat list exactly
 * while the service's compact choice is on and its connector last found the pane exactly once, and to show it again
 * as soon as that stops, whatever stops it; and the service controller keeps them in line as the state changes.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ServiceUpdate } from '../../../../../common/ipc';
import type { ConnectorHealth, ServiceConfig } from '../../../../../common/model';
import { initialRuntime } from '../../../../../common/state';
import { createAppStore, updateRuntime, updateService, type AppStore } from '../../../../../main/core/app/app-store';
import { CompactPanes } from '../../../../../main/core/services/compact';
import { ServiceController } from '../../../../../main/core/services/services';
import { ManualClock } from '../../../../fakes/clock';
import { MemoryLogger } from '../../../../fakes/logger';
import { stateOf } from '../../../../fakes/state';
import { RecordingViews } from '../../../../fakes/views';

const svc = (id: string, extra: Partial<ServiceConfig> = {}): ServiceConfig => ({ id, platform: 'whatsapp', name: id, enabled: true, muted: false, callsAllowed: false, ...extra });
const health = (listPane?: number): ConnectorHealth => {
  const report: ConnectorHealth = { rows: 3, chats: 3, badges: 0, titleUnread: null, missing: [], lastGoodRead: 1 };
  if (listPane !== undefined) report.listPane = listPane;
  return report;
};

describe('CompactPanes', () => {
  let views: RecordingViews;
  let store: AppStore;
  let panes: CompactPanes;
  const setup = (services: ServiceConfig[]): void => {
    views = new RecordingViews();
    store = createAppStore(stateOf({ services, runtime: Object.fromEntries(services.map((s) => [s.id, initialRuntime(true)])) }));
    panes = new CompactPanes({ store, views });
    store.subscribe(() => panes.sync());
  };
  const asked = () => views.of('pane').map(({ id, hidden }) => [id, hidden]);

  beforeEach(() => setup([svc('a', { compact: true }), svc('b')]));

  it('hides the pane once compact is on and the pane was found exactly once, and asks only once', () => {
    updateRuntime(store, 'a', { health: health(1) });
    updateRuntime(store, 'a', { unread: 2 });
    updateRuntime(store, 'b', { health: health(1) });
    expect(asked()).toEqual([['a', true]]);
  });

  it.each([
    ['found twice', 2],
    ['found nowhere', 0],
  ])('shows it again when the pane is %s', (_case, count) => {
    updateRuntime(store, 'a', { health: health(1) });
    updateRuntime(store, 'a', { health: health(count) });
    expect(asked()).toEqual([['a', true], ['a', false]]);
  });

  it('never hides a pane found twice or nowhere, nor one the connector does not know', () => {
    for (const report of [health(2), health(0), health(), health(3)]) updateRuntime(store, 'a', { health: report });
    expect(asked()).toEqual([]);
  });

  it('shows it again when compact is turned off, and hides it when turned on again', () => {
    updateRuntime(store, 'a', { health: health(1) });
    updateService(store, 'a', { compact: false });
    updateService(store, 'a', { compact: true });
    expect(asked()).toEqual([['a', true], ['a', false], ['a', true]]);
  });

  it('shows it again when the service is turned off or removed', () => {
    setup([svc('a', { compact: true }), svc('b', { compact: true })]);
    updateRuntime(store, 'a', { health: health(1) });
    updateRuntime(store, 'b', { health: health(1) });
    updateService(store, 'a', { enabled: false });
    store.setState({ services: store.getState().services.filter((s) => s.id !== 'b') });
    expect(asked()).toEqual([['a', true], ['b', true], ['a', false], ['b', false]]);
  });
});

describe('the service controller', () => {
  it('hides and shows the page’s pane as the compact choice and the connector’s reports change', async () => {
    const views = new RecordingViews();
    const store = createAppStore(stateOf({ services: [svc('a')], activeServiceId: 'a', runtime: { a: initialRuntime(true) } }));
    const controller = new ServiceController({ store, views, clock: new ManualClock(), log: new MemoryLogger(), newId: () => 'n' });
    controller.start();
    let seq = 0;
    const report = (listPane: number): void => {
      const update: ServiceUpdate = { seq: seq++, reset: seq === 1, loggedIn: true, unread: { direct: 0, indirect: 0 }, upsert: [], remove: [], health: health(listPane) };
      expect(controller.serviceUpdate('a', update)).toBe(true);
    };
    report(1);
    expect(views.of('pane')).toEqual([]);
    expect(await controller.command({ type: 'service.set', id: 'a', compact: true })).toEqual({ ok: true });
    report(2);
    report(1);
    expect(await controller.command({ type: 'service.set', id: 'a', compact: false })).toEqual({ ok: true });
    expect(views.of('pane').map((c) => c.hidden)).toEqual([true, false, true, false]);
  });
});

/**
 * Zoom per service in main (main/core/services/zoom.ts and the controller's `service.zoom`): a step changes the
 * service's kept choice and the views are told the new factor; services at 100 % are never touched at start;
 * a restart (a new controller on the saved state) applies the kept zoom again.
 */
import { describe, expect, it } from 'vitest';
import type { ServiceConfig } from '../../../../../common/model';
import { initialRuntime } from '../../../../../common/state';
import { createAppStore, updateService } from '../../../../../main/core/app/app-store';
import { ServiceController } from '../../../../../main/core/services/services';
import { ServiceZoom } from '../../../../../main/core/services/zoom';
import { ManualClock } from '../../../../fakes/clock';
import { MemoryLogger } from '../../../../fakes/logger';
import { stateOf } from '../../../../fakes/state';
import { RecordingViews } from '../../../../fakes/views';

const svc = (id: string, extra: Partial<ServiceConfig> = {}): ServiceConfig => ({ id, platform: 'whatsapp', name: id, enabled: true, muted: false, callsAllowed: false, ...extra });
const storeOf = (services: ServiceConfig[]) => createAppStore(stateOf({ services, runtime: Object.fromEntries(services.map((s) => [s.id, initialRuntime(true)])) }));

describe('ServiceZoom', () => {
  it('tells the views each zoom that is not 100 % at start, then only what changes', () => {
    const views = new RecordingViews();
    const store = storeOf([svc('a', { zoom: 125 }), svc('b'), svc('c', { zoom: 100 })]);
    const zoom = new ServiceZoom({ store, views });
    zoom.sync();
    expect(views.of('zoom')).toEqual([{ op: 'zoom', id: 'a', factor: 1.25 }]);
    store.subscribe(() => zoom.sync());
    updateService(store, 'b', { name: 'renamed' });
    expect(views.of('zoom')).toHaveLength(1);
    updateService(store, 'b', { zoom: 90 });
    updateService(store, 'a', { zoom: 100 });
    expect(views.of('zoom').slice(1)).toEqual([
      { op: 'zoom', id: 'b', factor: 0.9 },
      { op: 'zoom', id: 'a', factor: 1 },
    ]);
  });

  it('forgets a removed service, so one added again with the same id is told its zoom', () => {
    const views = new RecordingViews();
    const store = storeOf([svc('a', { zoom: 150 })]);
    const zoom = new ServiceZoom({ store, views });
    store.subscribe(() => zoom.sync());
    zoom.sync();
    store.setState({ services: [] });
    store.setState({ services: [svc('a', { zoom: 150 })] });
    expect(views.of('zoom').map((c) => c.factor)).toEqual([1.5, 1.5]);
  });
});

describe('ServiceController: service.zoom', () => {
  const controllerOf = (services: ServiceConfig[]) => {
    const views = new RecordingViews();
    const store = storeOf(services);
    const controller = new ServiceController({ store, views, clock: new ManualClock(), log: new MemoryLogger(), newId: () => 'n' });
    controller.start();
    return { views, store, controller };
  };

  it('steps the service’s zoom, keeps it in its choices, and zooms its page', async () => {
    const { views, store, controller } = controllerOf([svc('a'), svc('b')]);
    expect(await controller.command({ type: 'service.zoom', id: 'a', step: 'in' })).toEqual({ ok: true });
    expect(await controller.command({ type: 'service.zoom', id: 'a', step: 'in' })).toEqual({ ok: true });
    expect(store.getState().services.map((s) => s.zoom)).toEqual([125, undefined]);
    expect(await controller.command({ type: 'service.zoom', id: 'b', step: 'out' })).toEqual({ ok: true });
    expect(await controller.command({ type: 'service.zoom', id: 'a', step: 'reset' })).toEqual({ ok: true });
    expect(store.getState().services.map((s) => s.zoom)).toEqual([100, 90]);
    expect(views.of('zoom').map(({ id, factor }) => [id, factor])).toEqual([
      ['a', 1.1],
      ['a', 1.25],
      ['b', 0.9],
      ['a', 1],
    ]);
  });

  it('answers not-found for a service it does not have, and changes nothing', async () => {
    const { views, store, controller } = controllerOf([svc('a')]);
    expect(await controller.command({ type: 'service.zoom', id: 'zz', step: 'in' })).toEqual({ ok: false, error: 'not-found' });
    expect(store.getState().services[0]?.zoom).toBeUndefined();
    expect(views.of('zoom')).toEqual([]);
  });

  it('applies the kept zoom again after a restart', async () => {
    const first = controllerOf([svc('a')]);
    await first.controller.command({ type: 'service.zoom', id: 'a', step: 'out' });
    const saved = first.store.getState().services;
    const second = controllerOf(saved);
    expect(second.views.of('zoom')).toEqual([{ op: 'zoom', id: 'a', factor: 0.9 }]);
  });
});

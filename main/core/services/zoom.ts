/**
 * Zoom per service, as main carries it out: follows each service's `zoom` choice (common/zoom.ts) and asks the views
 * to show its pages at that factor — at start for every service whose zoom is not 100 %, then whenever a choice
 * changes. The views keep the factor for pages opened later (a sleeping service waking, a reload). Tells the views
 * only what changed; a removed service is forgotten.
 */
import { zoomFactor } from '../../../common/zoom';
import type { AppStore } from '../app/app-store';
import type { ViewsPort } from '../app/ports';

export interface ServiceZoomDeps {
  store: AppStore;
  views: Pick<ViewsPort, 'setZoom'>;
}

export class ServiceZoom {
  /** The factor the views were last given for each service (absent: never told, so 1). */
  private readonly told = new Map<string, number>();

  constructor(private readonly deps: ServiceZoomDeps) {}

  /** Brings the views in line with the state: call it whenever the state may have changed. */
  sync(): void {
    const services = this.deps.store.getState().services;
    const present = new Set(services.map((service) => service.id));
    for (const id of [...this.told.keys()]) if (!present.has(id)) this.told.delete(id);
    for (const service of services) {
      const factor = zoomFactor(service.zoom);
      if ((this.told.get(service.id) ?? 1) === factor) continue;
      this.told.set(service.id, factor);
      this.deps.views.setZoom(service.id, factor);
    }
  }
}

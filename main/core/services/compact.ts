/**
 * Compact view, as main carries it out: follows the services' `compact` choices and their connectors' latest
 * health, and asks the views to hide a page's own chat-list pane exactly while the rule of common/compact.ts
 * holds (compact on, the pane found exactly once), and to show it again as soon as it does not (compact turned
 * off, the pane found zero or several times, the service turned off or removed). Tells the views only what changed.
 */
import { paneHidden } from '../../../common/compact';
import type { AppStore } from '../app/app-store';
import type { ViewsPort } from '../app/ports';

export interface CompactPanesDeps {
  store: AppStore;
  views: Pick<ViewsPort, 'setListPaneHidden'>;
}

export class CompactPanes {
  /** The services whose pane the views were asked to hide. */
  private readonly hidden = new Set<string>();

  constructor(private readonly deps: CompactPanesDeps) {}

  /** Brings the views in line with the state: call it whenever the state may have changed. */
  sync(): void {
    const { services, runtime } = this.deps.store.getState();
    const wanted = new Set(services.filter((service) => paneHidden(service, runtime[service.id]?.health)).map((service) => service.id));
    for (const id of [...this.hidden]) {
      if (wanted.has(id)) continue;
      this.hidden.delete(id);
      this.deps.views.setListPaneHidden(id, false);
    }
    for (const id of wanted) {
      if (this.hidden.has(id)) continue;
      this.hidden.add(id);
      this.deps.views.setListPaneHidden(id, true);
    }
  }
}

/**
 * Right of the sidebar: the active service's toolbar and, below it, the viewport where main places the service's
 * page. When the page is not shown (crashed, off…) or not there yet, a panel fills the viewport instead.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { initialRuntime, visibleServiceId, type ServiceRuntime } from '../../../../common/state';
import { useApp, useShell, useUi } from '../../store/context';
import { FindBar } from '../find/FindBar';
import { tabId } from '../sidebar/SidebarItem';
import { Toolbar } from '../toolbar/Toolbar';
import { StatusPanel } from './StatusPanel';
import { useViewportReport } from './useViewportReport';

function Viewport({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useViewportReport(ref);
  return (
    <div ref={ref} className="viewport" data-testid="viewport">
      {children}
    </div>
  );
}

/**
 * The runtime the panel describes. Main shows the page exactly when `visibleServiceId` names the service; a
 * loading page still gets the loading panel beneath it (visible until the page paints). Should the status say
 * "page" while main hides it, the panel follows main: off when disabled, loading otherwise.
 */
function panelRuntime(runtime: ServiceRuntime, enabled: boolean, pageShown: boolean): ServiceRuntime {
  const pageStatus = runtime.status === 'idle' || runtime.status === 'loading' || runtime.status === 'ready' || runtime.status === 'logged-out';
  if (pageShown || !pageStatus) return runtime;
  return { ...runtime, status: enabled ? 'loading' : 'off' };
}

export function ServiceArea() {
  const { t } = useTranslation();
  const service = useApp((s) => s.services.find((x) => x.id === s.activeServiceId));
  const runtime = useApp((s) => (service === undefined ? undefined : s.runtime[service.id]));
  const pageShown = useApp((s) => service !== undefined && visibleServiceId(s) === service.id);
  const { ui } = useShell();
  const finding = useUi((s) => s.find !== null && s.find.serviceId === service?.id);
  // The find bar belongs to the page it searches: once that page is no longer in front, it closes (main ends the
  // search itself).
  const findOpen = finding && pageShown;
  useEffect(() => {
    if (ui.getState().find !== null && !findOpen) ui.getState().closeFind();
  }, [findOpen, ui]);

  if (service === undefined) {
    return (
      <main className="service-area">
        <Viewport>
          <p className="viewport-hint">{t('viewport.choose')}</p>
        </Viewport>
      </main>
    );
  }
  return (
    <main id="service-panel" role="tabpanel" aria-labelledby={tabId(service.id)} className="service-area">
      <Toolbar service={service} />
      {findOpen && <FindBar key={service.id} service={service} />}
      <Viewport>
        <StatusPanel service={service} runtime={panelRuntime(runtime ?? initialRuntime(service.enabled), service.enabled, pageShown)} />
      </Viewport>
    </main>
  );
}

/**
 * The sidebar: the Inbox on top; the vertical list of services (a tablist): click or Enter/Space to show one,
 * arrows/Home/End to move the focus, Alt+↑/↓ or drag and drop to reorder, F2 to rename, Delete to remove, right
 * click or Shift+F10 for its menu. Below the list: add a service; at the bottom: the shop tools, the downloads
 * (once there is one), the notification tray's bell and settings.
 */
import { useCallback, useLayoutEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceConfig } from '../../../../common/model';
import { IconButton } from '../../components/IconButton';
import { BellIcon, PlusIcon, SettingsIcon, StoreIcon } from '../../components/icons';
import { Menu, type MenuAnchor } from '../../components/Menu';
import { useFormat } from '../../i18n/format';
import { useApp, useShell } from '../../store/context';
import { DownloadsButton } from '../downloads/DownloadsButton';
import { useServiceActions } from '../services/useServiceActions';
import { TrayPanel } from '../tray/TrayPanel';
import { InboxItem } from './InboxItem';
import { dropIndex, type DropEdge } from './reorder';
import { SidebarItem } from './SidebarItem';

const DRAG_TYPE = 'application/x-wasl-service';

interface DragState {
  id: string;
  over: { id: string; edge: DropEdge } | null;
}

export function Sidebar() {
  const { t } = useTranslation();
  const { ui } = useShell();
  const services = useApp((s) => s.services);
  const runtime = useApp((s) => s.runtime);
  const activeId = useApp((s) => (s.view === 'service' ? s.activeServiceId : null));
  const focusFallback = useApp((s) => s.activeServiceId);
  const unreadNotifications = useApp((s) => s.notifications.reduce((n, r) => n + (r.read ? 0 : 1), 0));
  const format = useFormat();
  const [tray, setTray] = useState<HTMLElement | null>(null);
  const closeTray = useCallback(() => setTray(null), []);
  const actions = useServiceActions();
  const items = useRef(new Map<string, HTMLElement>());
  /** A service whose tab should get the focus back once main's reordered list arrives. */
  const refocus = useRef<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [drag, setDrag] = useState<DragState | null>(null);
  const [menu, setMenu] = useState<{ serviceId: string; anchor: MenuAnchor } | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);

  const menuService = menu === null ? undefined : services.find((s) => s.id === menu.serviceId);
  const rovingId = services.some((s) => s.id === focusId) ? focusId : (activeId ?? focusFallback ?? services[0]?.id ?? null);
  const bellBadge = format.badge(unreadNotifications);

  useLayoutEffect(() => {
    const id = refocus.current;
    if (id === null) return;
    refocus.current = null;
    const el = items.current.get(id);
    if (el !== undefined && document.activeElement !== el) el.focus();
  }, [services]);

  const focusService = (service: ServiceConfig | undefined) => {
    if (service === undefined) return;
    setFocusId(service.id);
    items.current.get(service.id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, service: ServiceConfig, index: number) => {
    const last = services.length - 1;
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      const target = event.key === 'ArrowUp' ? index - 1 : index + 1;
      if (target >= 0 && target <= last) {
        refocus.current = service.id;
        actions.move(service, target);
      }
    } else if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    } else if (event.key === 'ArrowDown') {
      focusService(services[index === last ? 0 : index + 1]);
    } else if (event.key === 'ArrowUp') {
      focusService(services[index === 0 ? last : index - 1]);
    } else if (event.key === 'Home') {
      focusService(services[0]);
    } else if (event.key === 'End') {
      focusService(services[last]);
    } else if (event.key === 'Enter' || event.key === ' ') {
      actions.activate(service);
    } else if (event.key === 'F2') {
      actions.rename(service);
    } else if (event.key === 'Delete') {
      actions.remove(service);
    } else if (event.key === 'F10' && event.shiftKey) {
      setMenu({ serviceId: service.id, anchor: event.currentTarget });
    } else {
      return;
    }
    event.preventDefault();
  };

  const onDragOver = (event: DragEvent<HTMLElement>, service: ServiceConfig) => {
    if (drag === null) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const box = event.currentTarget.getBoundingClientRect();
    const edge: DropEdge = event.clientY < box.top + box.height / 2 ? 'before' : 'after';
    if (drag.over?.id !== service.id || drag.over.edge !== edge) setDrag({ id: drag.id, over: { id: service.id, edge } });
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    const target = landing(drag);
    setDrag(null);
    if (target !== null) actions.move(target.service, target.index);
  };

  /** The move a drop would make, or null when it would leave the order as it is. */
  const landing = (state: DragState | null): { service: ServiceConfig; index: number } | null => {
    const target = state?.over;
    if (state === null || target === null || target === undefined) return null;
    const from = services.findIndex((s) => s.id === state.id);
    const over = services.findIndex((s) => s.id === target.id);
    const service = services[from];
    if (service === undefined || over < 0) return null;
    const index = dropIndex(from, over, target.edge);
    return index === from ? null : { service, index };
  };
  const showDrop = landing(drag) !== null;

  return (
    <nav className="sidebar" aria-label={t('sidebar.label')}>
      {services.length === 0 ? null : (
        <>
          <InboxItem />
          <div className="sidebar-separator" aria-hidden="true" />
        </>
      )}
      <div
        role="tablist"
        aria-orientation="vertical"
        aria-label={t('sidebar.services')}
        className="service-list"
      >
        {services.map((service, index) => (
          <SidebarItem
            key={service.id}
            ref={(el: HTMLDivElement | null) => {
              if (el === null) items.current.delete(service.id);
              else items.current.set(service.id, el);
            }}
            service={service}
            runtime={runtime[service.id]}
            active={service.id === activeId}
            focusable={service.id === rovingId}
            dragging={drag?.id === service.id}
            dropEdge={showDrop && drag?.over?.id === service.id ? drag.over.edge : null}
            onClick={() => {
              setFocusId(service.id);
              actions.activate(service);
            }}
            onFocus={() => setFocusId(service.id)}
            onKeyDown={(event) => onKeyDown(event, service, index)}
            onContextMenu={(event) => {
              event.preventDefault();
              const fromKeyboard = event.clientX === 0 && event.clientY === 0;
              setMenu({ serviceId: service.id, anchor: fromKeyboard ? event.currentTarget : { x: event.clientX, y: event.clientY } });
            }}
            onDragStart={(event) => {
              event.dataTransfer.effectAllowed = 'move';
              event.dataTransfer.setData(DRAG_TYPE, service.id);
              setDrag({ id: service.id, over: null });
            }}
            onDragOver={(event) => onDragOver(event, service)}
            onDrop={onDrop}
            onDragEnd={() => setDrag(null)}
          />
        ))}
      </div>
      <IconButton
        label={t('sidebar.add')}
        className="sidebar-button add-button"
        onClick={() => ui.getState().openDialog({ kind: 'add' })}
      >
        <PlusIcon />
      </IconButton>
      <div className="sidebar-spacer" />
      <IconButton
        label={t('sidebar.shop')}
        className="sidebar-button"
        aria-haspopup="dialog"
        onClick={() => ui.getState().openDialog({ kind: 'shop', tab: 'replies' })}
      >
        <StoreIcon />
      </IconButton>
      <DownloadsButton />
      <span className="sidebar-bell">
        <IconButton
          label={t('tray.open')}
          className={tray === null ? 'sidebar-button' : 'sidebar-button is-on'}
          aria-haspopup="dialog"
          aria-expanded={tray !== null}
          aria-describedby={unreadNotifications === 0 ? undefined : 'sidebar-bell-unread'}
          onClick={(event) => setTray(tray === null ? event.currentTarget : null)}
        >
          <BellIcon />
        </IconButton>
        {bellBadge === null ? null : (
          <>
            <span className="badge" aria-hidden="true" dir="ltr">
              {bellBadge}
            </span>
            <span id="sidebar-bell-unread" hidden>
              {t('tray.unread', { count: unreadNotifications })}
            </span>
          </>
        )}
      </span>
      <IconButton
        label={t('sidebar.settings')}
        className="sidebar-button"
        onClick={() => ui.getState().openDialog({ kind: 'settings' })}
      >
        <SettingsIcon />
      </IconButton>
      {tray === null ? null : <TrayPanel onClose={closeTray} opener={tray} />}
      {menu === null || menuService === undefined ? null : (
        <Menu
          label={t('services.menu.label', { name: menuService.name })}
          entries={actions.menuEntries(menuService)}
          anchor={menu.anchor}
          onClose={closeMenu}
        />
      )}
    </nav>
  );
}

/**
 * What the user can do to a service, shared by the sidebar's context menu, the toolbar and the keyboard.
 */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { compactAvailability } from '../../../../common/compact';
import type { Command } from '../../../../common/ipc';
import type { ServiceConfig } from '../../../../common/model';
import type { MenuEntry } from '../../components/Menu';
import { isolate } from '../../i18n/format';
import { useApp, useCommand, useShell } from '../../store/context';

export interface ServiceActions {
  /** Sends a command; a failure is announced, since nothing on screen changes. */
  run: (command: Command) => void;
  activate: (service: ServiceConfig) => void;
  reload: (service: ServiceConfig) => void;
  setMuted: (service: ServiceConfig, muted: boolean) => void;
  /** Compact view: the service page's own chat list hidden (common/compact.ts). */
  setCompact: (service: ServiceConfig, compact: boolean) => void;
  /** Moves a service to `index` and announces its new position. */
  move: (service: ServiceConfig, index: number) => void;
  rename: (service: ServiceConfig) => void;
  remove: (service: ServiceConfig) => void;
  menuEntries: (service: ServiceConfig) => MenuEntry[];
}

export function useServiceActions(): ServiceActions {
  const { t } = useTranslation();
  const { ui, replica } = useShell();
  const command = useCommand();
  const services = useApp((s) => s.services);

  const run = useCallback(
    (cmd: Command) => {
      void command(cmd).then((result) => {
        if (!result.ok) ui.getState().announce(t('errors.commandFailed'));
      });
    },
    [command, t, ui],
  );

  return useMemo((): ServiceActions => {
    const move = (service: ServiceConfig, index: number) => {
      void command({ type: 'service.move', id: service.id, index }).then((result) => {
        ui.getState().announce(
          result.ok
            ? t('services.moved', { name: isolate(service.name), position: index + 1, total: services.length })
            : t('errors.commandFailed'),
        );
      });
    };
    const actions: ServiceActions = {
      run,
      activate: (service) => run({ type: 'service.activate', id: service.id }),
      reload: (service) => run({ type: 'service.reload', id: service.id }),
      setMuted: (service, muted) => run({ type: 'service.set', id: service.id, muted }),
      setCompact: (service, compact) => run({ type: 'service.set', id: service.id, compact }),
      move,
      rename: (service) => ui.getState().openDialog({ kind: 'rename', serviceId: service.id }),
      remove: (service) => ui.getState().openDialog({ kind: 'remove', serviceId: service.id }),
      menuEntries: (service) => {
        const index = services.findIndex((s) => s.id === service.id);
        return [
          { id: 'rename', label: t('services.menu.rename'), onSelect: () => actions.rename(service) },
          {
            id: 'mute',
            label: service.muted ? t('services.menu.unmute') : t('services.menu.mute'),
            onSelect: () => actions.setMuted(service, !service.muted),
          },
          {
            id: 'calls',
            label: t('services.menu.calls'),
            checked: service.callsAllowed,
            onSelect: () => run({ type: 'service.set', id: service.id, callsAllowed: !service.callsAllowed }),
          },
          {
            id: 'spelling',
            label: t('services.menu.spelling'),
            onSelect: () => ui.getState().openDialog({ kind: 'spelling', serviceId: service.id }),
          },
          {
            id: 'proxy',
            label: t('services.menu.proxy'),
            onSelect: () => ui.getState().openDialog({ kind: 'proxy', serviceId: service.id }),
          },
          {
            id: 'enabled',
            label: service.enabled ? t('services.menu.turnOff') : t('services.menu.turnOn'),
            onSelect: () => run({ type: 'service.set', id: service.id, enabled: !service.enabled }),
          },
          {
            id: 'reload',
            label: t('services.menu.reload'),
            disabled: !service.enabled,
            onSelect: () => actions.reload(service),
          },
          {
            id: 'sleep',
            label: t('services.menu.sleep'),
            disabled: !service.enabled || replica.getState().app?.runtime[service.id]?.status === 'asleep',
            onSelect: () => run({ type: 'service.sleep', id: service.id }),
          },
          {
            id: 'always-on',
            label: t('services.menu.alwaysOn'),
            checked: service.alwaysOn === true,
            disabled: !service.enabled,
            onSelect: () => run({ type: 'service.set', id: service.id, alwaysOn: service.alwaysOn !== true }),
          },
          {
            id: 'compact',
            label: t('services.menu.compact'),
            checked: service.compact === true,
            // Never turned on while the page's list is not found exactly once; always turned off.
            disabled: service.compact !== true && compactAvailability(service.platform, replica.getState().app?.runtime[service.id]?.health) !== 'available',
            onSelect: () => actions.setCompact(service, service.compact !== true),
          },
          {
            id: 'resources',
            label: t('services.menu.resources'),
            onSelect: () => ui.getState().openDialog({ kind: 'resources' }),
          },
          {
            id: 'outline',
            label: t('services.menu.outline'),
            disabled: !service.enabled,
            onSelect: () => run({ type: 'service.saveOutline', id: service.id }),
          },
          {
            id: 'up',
            label: t('services.menu.moveUp'),
            disabled: index <= 0,
            groupStart: true,
            onSelect: () => move(service, index - 1),
          },
          {
            id: 'down',
            label: t('services.menu.moveDown'),
            disabled: index < 0 || index >= services.length - 1,
            onSelect: () => move(service, index + 1),
          },
          {
            id: 'remove',
            label: t('services.menu.remove'),
            danger: true,
            groupStart: true,
            onSelect: () => actions.remove(service),
          },
        ];
      },
    };
    return actions;
  }, [command, replica, run, services, t, ui]);
}

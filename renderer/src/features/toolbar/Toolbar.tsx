/**
 * The bar above the service page: which service this is and how it is doing, and its everyday actions, with
 * "Next unread" first (the chat of the customer who has waited longest, on any platform).
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORMS } from '../../../../common/catalog';
import { comboAria, comboLabel } from '../../../../common/shortcuts';
import type { ServiceConfig } from '../../../../common/model';
import { visibleServiceId } from '../../../../common/state';
import { IconButton } from '../../components/IconButton';
import { BellIcon, BellOffIcon, MoreIcon, NextUnreadIcon, QuickReplyIcon, ReloadIcon } from '../../components/icons';
import { Menu } from '../../components/Menu';
import { PlatformTile } from '../../components/PlatformTile';
import { isolateLtr, useFormat } from '../../i18n/format';
import { useApp, useShell } from '../../store/context';
import { useRefusalText } from '../health/health';
import { useNextUnread } from '../inbox/useNextUnread';
import { useShortcutTable } from '../shortcuts/keys';
import { useReplyShortcut } from '../replies/shortcut';
import { STATUS_TEXT, statusMark } from '../services/text';
import { useServiceActions } from '../services/useServiceActions';
import { CompactButton } from './CompactButton';
import { ZoomButton } from './ZoomButton';

export function Toolbar({ service }: { service: ServiceConfig }) {
  const { t } = useTranslation();
  const format = useFormat();
  const runtimeStatus = useApp((s) => s.runtime[service.id]?.status);
  const unread = useApp((s) => s.runtime[service.id]?.unread ?? 0);
  const degraded = useApp((s) => s.runtime[service.id]?.degraded ?? false);
  const refusal = useApp((s) => s.runtime[service.id]?.refusal);
  const refusalText = useRefusalText();
  const status = service.enabled ? (runtimeStatus ?? 'idle') : 'off';
  const pageShown = useApp((s) => visibleServiceId(s) === service.id);
  const { ui } = useShell();
  const replyShortcut = useReplyShortcut();
  const actions = useServiceActions();
  const openNextUnread = useNextUnread();
  const { os, resolved } = useShortcutTable();
  const nextKey = resolved['next-unread'][0];
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  const closeMenu = useCallback(() => setMenuAnchor(null), []);
  const statusKey = STATUS_TEXT[status];
  const mark = statusMark(status);
  const facts =
    statusKey === null
      ? [
          degraded ? t('status.degraded') : null,
          unread > 0 ? t('services.unread', { count: unread }) : null,
          service.muted ? t('services.mutedLong') : null,
        ]
      : [status === 'logged-out' && refusal !== undefined ? refusalText(refusal, PLATFORMS[service.platform].name) : t(statusKey)];
  const shown = facts.filter((fact) => fact !== null);
  const line = shown.length === 0 ? null : format.list(shown);
  const lineMark = mark ?? (degraded && statusKey === null ? 'warning' : null);

  return (
    <header className="toolbar">
      <PlatformTile icon={PLATFORMS[service.platform].icon} size="sm" />
      <div className="toolbar-title">
        <h1 className="toolbar-name" title={service.name}>
          <bdi>{service.name}</bdi>
        </h1>
        {line === null ? null : (
          <p className={lineMark === null ? 'toolbar-status' : `toolbar-status status-${lineMark}`}>{line}</p>
        )}
      </div>
      <div className="toolbar-actions">
        <IconButton
          label={nextKey === undefined ? t('toolbar.nextUnread') : t('toolbar.nextUnreadKey', { shortcut: isolateLtr(comboLabel(nextKey, os)) })}
          aria-keyshortcuts={nextKey === undefined ? undefined : comboAria(nextKey, os)}
          onClick={openNextUnread}
        >
          <NextUnreadIcon />
        </IconButton>
        {pageShown ? (
          <IconButton
            label={t('replies.open', { shortcut: isolateLtr(replyShortcut.text) })}
            aria-keyshortcuts={replyShortcut.aria}
            onClick={() => ui.getState().openDialog({ kind: 'quick-replies' })}
          >
            <QuickReplyIcon />
          </IconButton>
        ) : null}
        <IconButton label={t('toolbar.reload')} disabled={!service.enabled} onClick={() => actions.reload(service)}>
          <ReloadIcon />
        </IconButton>
        <ZoomButton service={service} />
        <CompactButton service={service} />
        <IconButton
          label={t('toolbar.mute')}
          aria-pressed={service.muted}
          className={service.muted ? 'is-on' : undefined}
          onClick={() => actions.setMuted(service, !service.muted)}
        >
          {service.muted ? <BellOffIcon /> : <BellIcon />}
        </IconButton>
        <IconButton
          label={t('toolbar.more')}
          aria-haspopup="menu"
          aria-expanded={menuAnchor !== null}
          onClick={(event) => setMenuAnchor(menuAnchor === null ? event.currentTarget : null)}
        >
          <MoreIcon />
        </IconButton>
      </div>
      {menuAnchor === null ? null : (
        <Menu
          label={t('services.menu.label', { name: service.name })}
          entries={actions.menuEntries(service)}
          anchor={menuAnchor}
          onClose={closeMenu}
        />
      )}
    </header>
  );
}

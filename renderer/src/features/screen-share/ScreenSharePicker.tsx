/**
 * The screen-share picker: a service's page asked to share the screen (a call in Discord, Slack, Messenger), main
 * let the request through (main/core/screen-share) and offers the screens and windows in AppState.screenShare.
 * The user picks one in a grid of pictures, "Entire screen" and "Window" on two tabs: the arrow keys move in the
 * grid (mirrored right to left), Enter shares, Escape or Cancel says no. The answer is the source's id only; main
 * checks it is one it offered. Where there is nothing to pick, it says so (and on macOS which permission may lack).
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreenShareRequest, ScreenSource, ScreenSourceKind } from '../../../../common/screen-share';
import { Dialog } from '../../components/Dialog';
import { isolate, useFormat } from '../../i18n/format';
import { useApp, useCommand, useShell } from '../../store/context';

/** The grid's columns (styles/screen-share.css draws the same number): Up and Down move by this many. */
const PICKER_COLUMNS = 3;

const KINDS: readonly ScreenSourceKind[] = ['screen', 'window'];
const TAB_TEXT = { screen: 'screenShare.screens', window: 'screenShare.windows' } as const;

/** Shows the picker while main has a request waiting. */
export function ScreenShareHost() {
  const request = useApp((s) => s.screenShare ?? null);
  return request === null ? null : <ScreenSharePicker key={request.requestId} request={request} />;
}

/** Where a key moves the selection from `at` among `count` sources; undefined for a key that does not move it. */
export function moveInGrid(key: string, at: number, count: number, rtl: boolean): number | undefined {
  if (count === 0) return undefined;
  const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, ArrowDown: PICKER_COLUMNS, ArrowUp: -PICKER_COLUMNS }[key];
  if (step !== undefined) return Math.min(count - 1, Math.max(0, at + step));
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}

function ScreenSharePicker({ request }: { request: ScreenShareRequest }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { ui } = useShell();
  const command = useCommand();
  const os = useApp((s) => s.os);
  const serviceName = useApp((s) => s.services.find((x) => x.id === request.serviceId)?.name ?? '');
  const base = useId();
  const [kind, setKind] = useState<ScreenSourceKind>(() => (request.sources.some((s) => s.kind === 'screen') ? 'screen' : 'window'));
  const [selected, setSelected] = useState<string | null>(() => request.sources.find((s) => s.kind === kind)?.id ?? null);
  const [audio, setAudio] = useState(false);
  const [pending, setPending] = useState(false);
  const options = useRef(new Map<string, HTMLLIElement | null>());
  const tabs = useRef(new Map<ScreenSourceKind, HTMLButtonElement | null>());
  const initialFocus = useRef<HTMLElement | null>(null);
  const shown = request.sources.filter((s) => s.kind === kind);
  const name = isolate(serviceName);

  const answer = (sourceId: string | null) => {
    if (pending) return;
    setPending(true);
    void command({ type: 'screenShare.answer', requestId: request.requestId, sourceId, audio: sourceId !== null && request.audio && audio }).then((result) => {
      if (result.ok) return;
      setPending(false);
      ui.getState().announce(t('errors.commandFailed'));
    });
  };

  const choose = (source: ScreenSource | undefined) => {
    if (source === undefined) return;
    setSelected(source.id);
    options.current.get(source.id)?.focus();
  };

  const showTab = (next: ScreenSourceKind) => {
    setKind(next);
    setSelected(request.sources.find((s) => s.kind === next)?.id ?? null);
  };

  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = KINDS.indexOf(kind);
    const moved = moveInGrid(event.key, at, KINDS.length, i18n.dir() === 'rtl');
    const next = moved === undefined || event.key === 'ArrowUp' || event.key === 'ArrowDown' ? undefined : KINDS[moved];
    if (next === undefined) return;
    event.preventDefault();
    showTab(next);
    tabs.current.get(next)?.focus();
  };

  const onGridKey = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (selected !== null) answer(selected);
      return;
    }
    const at = Math.max(0, shown.findIndex((s) => s.id === selected));
    const next = moveInGrid(event.key, at, shown.length, i18n.dir() === 'rtl');
    if (next === undefined) return;
    event.preventDefault();
    choose(shown[next]);
  };

  const panelLabel = `${base}-tab-${kind}`;
  return (
    <Dialog title={t('screenShare.title', { name })} onClose={() => answer(null)} size="lg" className="share-dialog" initialFocus={initialFocus}>
      <p className="share-intro">{t('screenShare.intro', { name })}</p>
      <div className="shop-tabs share-tabs" role="tablist" aria-label={t('screenShare.kinds')} onKeyDown={onTabKey}>
        {KINDS.map((k) => (
          <button
            key={k}
            ref={(element) => {
              tabs.current.set(k, element);
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${k}`}
            className="shop-tab"
            aria-selected={k === kind}
            aria-controls={k === kind ? `${base}-panel` : undefined}
            tabIndex={k === kind ? 0 : -1}
            onClick={() => showTab(k)}
          >
            {t(TAB_TEXT[k])} <span className="share-count" aria-hidden="true">{format.number(request.sources.filter((s) => s.kind === k).length)}</span>
          </button>
        ))}
      </div>
      <div className="dialog-body share-body" role="tabpanel" id={`${base}-panel`} aria-labelledby={panelLabel}>
        {shown.length === 0 ? (
          <div className="share-empty" role="status">
            <p>{t(kind === 'screen' ? 'screenShare.noScreens' : 'screenShare.noWindows')}</p>
            {os === 'darwin' ? <p className="share-hint">{t('screenShare.macPermission')}</p> : null}
          </div>
        ) : (
          <ul className="share-grid" role="listbox" aria-labelledby={panelLabel} onKeyDown={onGridKey}>
            {shown.map((source) => (
              <li
                key={source.id}
                ref={(element) => {
                  options.current.set(source.id, element);
                  if (source.id === selected) initialFocus.current = element;
                }}
                role="option"
                className="share-source"
                aria-selected={source.id === selected}
                tabIndex={source.id === selected ? 0 : -1}
                title={source.name}
                onClick={() => choose(source)}
                onDoubleClick={() => answer(source.id)}
              >
                <span className="share-picture">
                  {source.thumbnail === null ? <span className="share-no-picture">{t('screenShare.noPicture')}</span> : <img src={source.thumbnail} alt="" draggable={false} />}
                </span>
                <span className="share-name">
                  {source.icon === null ? null : <img className="share-icon" src={source.icon} alt="" />}
                  <bdi className="share-title">{source.name === '' ? t('screenShare.untitled') : source.name}</bdi>
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <footer className="dialog-footer share-footer">
        {request.audio ? (
          <label className="share-audio">
            <input type="checkbox" checked={audio} onChange={(event) => setAudio(event.target.checked)} />
            {t('screenShare.audio')}
          </label>
        ) : null}
        <button type="button" className="button" onClick={() => answer(null)}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button-primary" disabled={selected === null || pending} onClick={() => selected !== null && answer(selected)}>
          {t('screenShare.share')}
        </button>
      </footer>
    </Dialog>
  );
}

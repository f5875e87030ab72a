/**
 * The tray panel's controls: do not disturb (off, for an hour, until tomorrow 08:00), daily quiet hours, private
 * mode and sound. Each choice applies at once (`settings.set { notifications }`).
 */
import { useTranslation } from 'react-i18next';
import { isQuiet } from '../../../../common/quiet';
import type { NotificationSettings as Prefs } from '../../../../common/state';
import { Switch } from '../../components/Switch';
import { useFormat } from '../../i18n/format';
import { useApp } from '../../store/context';
import { useServiceActions } from '../services/useServiceActions';
import { useNow } from '../viewport/useNow';
import { currentDnd, dndUntil, nextMorning, type DndChoice } from '../../../../common/dnd';
import { Segments } from '../../components/Segments';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/u;


export function NotificationSettings() {
  const { t } = useTranslation();
  const format = useFormat();
  const prefs = useApp((s) => s.settings.notifications);
  const { run } = useServiceActions();
  const now = useNow(30_000);
  const set = (notifications: Partial<Prefs>) => run({ type: 'settings.set', notifications });
  const choice = currentDnd(prefs, new Date(now)).choice;
  const morning = format.time(nextMorning(new Date(now)));
  const quiet = prefs.quietHours;
  const setQuiet = (change: Partial<Prefs['quietHours']>) => {
    const next = { ...quiet, ...change };
    if (CLOCK.test(next.from) && CLOCK.test(next.to)) set({ quietHours: next });
  };

  /** Said only while notifications are held back: the chosen segment says the rest. */
  let status: string | null = null;
  if (choice !== 'off' && choice !== 'on' && prefs.dndUntil !== null) status = t('tray.dnd.until', { time: format.until(prefs.dndUntil, now) });
  else if (isQuiet(prefs, new Date(now))) {
    const [hours = 0, minutes = 0] = quiet.to.split(':').map(Number);
    status = t('tray.dnd.quietNow', { time: format.time(new Date(now).setHours(hours, minutes, 0, 0)) });
  }

  return (
    <div className="tray-settings">
      <div className="tray-dnd">
        <div className="tray-dnd-head">
          <span className="tray-section-title">{t('tray.dnd.label')}</span>
          {status === null ? null : <span className="tray-dnd-status">{status}</span>}
        </div>
        <Segments<DndChoice>
          label={t('tray.dnd.label')}
          value={choice}
          choices={[
            { value: 'off', label: t('tray.dnd.off') },
            { value: 'on', label: t('tray.dnd.on') },
            { value: 'hour', label: t('tray.dnd.hour') },
            { value: 'morning', label: t('tray.dnd.morning', { time: morning }) },
          ]}
          onChange={(next) => set({ dndUntil: dndUntil(next, new Date()) })}
        />
      </div>
      <div className="tray-quiet">
        <Switch label={t('tray.quiet.label')} checked={quiet.enabled} onChange={(enabled) => setQuiet({ enabled })} />
        <div className="tray-quiet-times">
          <label className="time-field">
            <span>{t('tray.quiet.from')}</span>
            <input type="time" value={quiet.from} disabled={!quiet.enabled} onChange={(event) => setQuiet({ from: event.target.value })} />
          </label>
          <label className="time-field">
            <span>{t('tray.quiet.to')}</span>
            <input type="time" value={quiet.to} disabled={!quiet.enabled} onChange={(event) => setQuiet({ to: event.target.value })} />
          </label>
        </div>
      </div>
      <Switch label={t('tray.private.label')} hint={t('tray.private.hint')} checked={prefs.privateMode} onChange={(privateMode) => set({ privateMode })} />
      <Switch label={t('tray.sound')} checked={prefs.sound} onChange={(sound) => set({ sound })} />
    </div>
  );
}

/**
 * The resources screen's connector pack section (issue 15): which pack the services read their pages with (the
 * one built into Wasl, or a downloaded one and when it was built), each platform that went back to an earlier pack
 * and why, why the last downloaded pack was not used, the switch that keeps every service on the built-in pack,
 * and a check for a new pack now.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackRefusal, PacksState } from '../../../../common/packs';
import { Switch } from '../../components/Switch';
import { isolate, isolateLtr, useFormat, useLocale } from '../../i18n/format';
import { useApp, useCommand, useShell } from '../../store/context';
import { usePlatformName } from '../services/platform';

/** Each reason a pack is refused, in the user's words (common/packs.ts PACK_REFUSALS). */
const REFUSAL_TEXT = {
  unreadable: 'resources.pack.refusal.unreadable',
  'unknown-key': 'resources.pack.refusal.unknown-key',
  'bad-signature': 'resources.pack.refusal.bad-signature',
  'bad-manifest': 'resources.pack.refusal.bad-manifest',
  'file-mismatch': 'resources.pack.refusal.file-mismatch',
  'not-newer': 'resources.pack.refusal.not-newer',
  'app-out-of-range': 'resources.pack.refusal.app-out-of-range',
  'too-large': 'resources.pack.refusal.too-large',
  'download-failed': 'resources.pack.refusal.download-failed',
} as const satisfies Record<PackRefusal, string>;

/** The pack most services read with, and the date it was built (a day, in the UI language). */
function InUse({ packs }: { packs: PacksState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const day = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }), [locale]);
  const downloaded = packs.downloaded;
  if (downloaded === undefined) return <p className="resources-pack-line">{t('resources.pack.builtIn', { version: isolateLtr(packs.builtIn) })}</p>;
  if (packs.pinBuiltIn) {
    return (
      <p className="resources-pack-line">
        {t('resources.pack.builtIn', { version: isolateLtr(packs.builtIn) })} {t('resources.pack.keptAside', { version: isolateLtr(downloaded.version) })}
      </p>
    );
  }
  return <p className="resources-pack-line">{t('resources.pack.downloaded', { version: isolateLtr(downloaded.version), date: day.format(new Date(downloaded.builtAt)) })}</p>;
}

function CheckNow({ lastCheck }: { lastCheck: number | undefined }) {
  const { t } = useTranslation();
  const { ui } = useShell();
  const command = useCommand();
  const format = useFormat();
  const [checking, setChecking] = useState(false);
  const check = () => {
    setChecking(true);
    void command({ type: 'packs.check' }).then((result) => {
      setChecking(false);
      if (!result.ok) ui.getState().announce(t('resources.pack.checkFailed'));
    });
  };
  return (
    <div className="resources-pack-check">
      <button type="button" className="button" onClick={check} disabled={checking}>
        {t('resources.pack.check')}
      </button>
      <span className="resources-pack-checked" role="status">
        {checking ? t('resources.pack.checking') : lastCheck === undefined ? null : t('resources.pack.lastCheck', { time: format.moment(lastCheck) })}
      </span>
    </div>
  );
}

export function PackSection() {
  const { t } = useTranslation();
  const packs = useApp((s) => s.packs);
  const command = useCommand();
  const { ui } = useShell();
  const platformName = usePlatformName();
  const headingId = useId();
  const refusal = packs.lastRefusal;
  const pin = (pinned: boolean) => {
    void command({ type: 'packs.pinBuiltIn', pinned }).then((result) => {
      if (!result.ok) ui.getState().announce(t('errors.commandFailed'));
    });
  };
  return (
    <section className="resources-pack" aria-labelledby={headingId}>
      <h3 id={headingId} className="resources-pack-title">
        {t('resources.pack.title')}
      </h3>
      <p className="resources-pack-intro">{t('resources.pack.intro')}</p>
      <InUse packs={packs} />
      {packs.rolledBack.length === 0 || packs.pinBuiltIn ? null : (
        <ul className="resources-pack-rollbacks">
          {packs.rolledBack.map((r) => (
            <li key={r.platform}>
              {t(r.to === packs.builtIn ? 'resources.pack.rolledBackBuiltIn' : 'resources.pack.rolledBack', {
                platform: isolate(platformName(r.platform)),
                to: isolateLtr(r.to),
                from: isolateLtr(r.from),
              })}
            </li>
          ))}
        </ul>
      )}
      {refusal === undefined ? null : (
        <p className="resources-pack-line resources-pack-refusal">
          {refusal.version === undefined
            ? t('resources.pack.refusedUnnamed', { reason: t(REFUSAL_TEXT[refusal.reason]) })
            : t('resources.pack.refused', { version: isolateLtr(refusal.version), reason: t(REFUSAL_TEXT[refusal.reason]) })}
        </p>
      )}
      <Switch label={t('resources.pack.pin')} hint={t('resources.pack.pinHint')} checked={packs.pinBuiltIn} onChange={pin} />
      {packs.noFeed === true ? <p className="resources-pack-line">{t('resources.pack.noFeed')}</p> : <CheckNow lastCheck={packs.lastCheck} />}
    </section>
  );
}

/**
 * Step one of adding a service: search, the catalog's platforms as cards, and the messengers Wasl cannot host,
 * each with the reason.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATALOG_ORDER, PLATFORMS, UNAVAILABLE_PLATFORMS } from '../../../../common/catalog';
import type { PlatformId } from '../../../../common/model';
import { SearchIcon } from '../../components/icons';
import { PlatformTile } from '../../components/PlatformTile';
import { PLATFORM_TEXT, UNAVAILABLE_TEXT } from '../services/text';
import { usePlatformName } from '../services/platform';
import { LANGUAGES } from '../../i18n';
import { matches } from './search';

interface PlatformPickerProps {
  onPick: (platform: PlatformId) => void;
  /** The card to focus when coming back from step two. */
  returnTo: PlatformId | null;
}

export function PlatformPicker({ onPick, returnTo }: PlatformPickerProps) {
  const { t } = useTranslation();
  const platformName = usePlatformName();
  const [query, setQuery] = useState('');
  const unavailableId = useId();

  // Keywords of every language: someone using the English UI may still type a name in Arabic.
  const available = CATALOG_ORDER.filter((id) =>
    matches(query, [
      platformName(id),
      PLATFORMS[id].name,
      ...LANGUAGES.map((lng) => t(PLATFORM_TEXT[id].keywords, { lng })),
    ]),
  );
  const unavailable = UNAVAILABLE_PLATFORMS.filter((p) => matches(query, [p.name]));

  return (
    <>
      <div className="add-search">
        <SearchIcon />
        <input
          type="search"
          className="add-search-input"
          aria-label={t('add.search')}
          placeholder={t('add.searchPlaceholder')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          autoFocus={returnTo === null}
        />
      </div>
      <div className="add-scroll">
        {available.length > 0 ? (
          <ul className="platform-grid" aria-label={t('add.available')}>
            {available.map((id) => (
              <li key={id}>
                <button
                  type="button"
                  className="platform-card"
                  onClick={() => onPick(id)}
                  autoFocus={returnTo === id}
                >
                  <PlatformTile icon={PLATFORMS[id].icon} />
                  <span className="platform-card-text">
                    <span className="platform-card-name">{platformName(id)}</span>
                    <span className="platform-card-description">{t(PLATFORM_TEXT[id].description)}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {unavailable.length > 0 ? (
          <section className="unavailable" aria-labelledby={unavailableId}>
            <h3 id={unavailableId} className="section-heading">
              {t('add.unavailable')}
            </h3>
            <ul className="platform-grid">
              {unavailable.map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    className="platform-card is-unavailable"
                    aria-disabled="true"
                  >
                    <PlatformTile icon={p.icon} />
                    <span className="platform-card-text">
                      <span className="platform-card-name">{p.name}</span>
                      <span className="platform-card-description">
                        {t(UNAVAILABLE_TEXT[p.id])}
                      </span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {available.length === 0 && unavailable.length === 0 ? (
          <p className="add-empty" role="status">
            {t('add.noMatch')}
          </p>
        ) : null}
      </div>
    </>
  );
}

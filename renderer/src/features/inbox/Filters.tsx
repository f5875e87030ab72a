/**
 * The inbox's search box and filter chips: all, unread, one per platform present, and an account picker when the
 * chosen platform has several accounts.
 */
import { useId, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORMS } from '../../../../common/catalog';
import type { PlatformId } from '../../../../common/model';
import { SearchIcon } from '../../components/icons';
import { PlatformTile } from '../../components/PlatformTile';
import { useApp } from '../../store/context';
import { usePlatformName } from '../services/platform';
import { NO_FILTER, type InboxFilter } from './filter';

interface SearchProps {
  ref: Ref<HTMLInputElement>;
  value: string;
  onChange: (value: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  listId: string;
  activeId: string | undefined;
  /** How this OS writes the search shortcut ("Ctrl+K", "⌘K"). */
  shortcut: string;
}

/** A combobox over the list: typing narrows it, ↑/↓ move its selection, Enter opens. */
export function SearchBox({ ref, value, onChange, onKeyDown, listId, activeId, shortcut }: SearchProps) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <div className="inbox-search">
      <SearchIcon />
      <input
        ref={ref}
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        aria-label={t('inbox.search.label')}
        aria-describedby={hintId}
        placeholder={t('inbox.search.placeholder')}
        className="inbox-search-input"
        value={value}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <kbd className="inbox-search-key" aria-hidden="true">
        /
      </kbd>
      <span id={hintId} hidden>
        {t('inbox.search.hint', { key: shortcut })}
      </span>
    </div>
  );
}

function Chip({ pressed, onClick, children }: { pressed: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" className="chip" aria-pressed={pressed} onClick={onClick}>
      {children}
    </button>
  );
}

export function FilterChips({ filter, onChange }: { filter: InboxFilter; onChange: (filter: InboxFilter) => void }) {
  const { t } = useTranslation();
  const platformName = usePlatformName();
  const services = useApp((s) => s.services);
  const enabled = services.filter((s) => s.enabled);
  const platforms = enabled.map((s) => s.platform).filter((p, i, all) => all.indexOf(p) === i);
  const accounts = filter.platform === null ? [] : enabled.filter((s) => s.platform === filter.platform);
  const all = !filter.unread && filter.platform === null;
  // Platform chips help once there is a choice: two platforms, or two accounts of one.
  const showPlatforms = platforms.length > 1 || enabled.length > platforms.length;
  const choosePlatform = (platform: PlatformId) =>
    onChange({ ...filter, platform: filter.platform === platform ? null : platform, account: null });

  return (
    <div className="inbox-chips" role="group" aria-label={t('inbox.filters.label')}>
      <Chip pressed={all} onClick={() => onChange(NO_FILTER)}>
        {t('inbox.filters.all')}
      </Chip>
      <Chip pressed={filter.unread} onClick={() => onChange({ ...filter, unread: !filter.unread })}>
        {t('inbox.filters.unread')}
      </Chip>
      {showPlatforms ? <span className="inbox-chips-separator" aria-hidden="true" /> : null}
      {!showPlatforms
        ? null
        : platforms.map((platform) => (
            <Chip key={platform} pressed={filter.platform === platform} onClick={() => choosePlatform(platform)}>
              <PlatformTile icon={PLATFORMS[platform].icon} size="xs" />
              {platformName(platform)}
            </Chip>
          ))}
      {accounts.length < 2 ? null : (
        <select
          className="chip-select"
          aria-label={t('inbox.filters.account')}
          value={filter.account ?? ''}
          onChange={(event) => onChange({ ...filter, account: event.target.value === '' ? null : event.target.value })}
        >
          <option value="">{t('inbox.filters.allAccounts')}</option>
          {accounts.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}

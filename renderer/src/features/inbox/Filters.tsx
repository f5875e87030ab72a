/**
 * The inbox's search box and filter chips: the views (all, unread, waiting for a reply, snoozed, done; the first
 * three with how many entries they hold), one chip per platform present, an account picker when the chosen
 * platform has several accounts, and a label picker. The list beside a service shows the counted views alone.
 */
import { useId, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORMS } from '../../../../common/catalog';
import type { PlatformId } from '../../../../common/model';
import { ViewCount } from '../../components/CountBadge';
import { SearchIcon } from '../../components/icons';
import { PlatformTile } from '../../components/PlatformTile';
import { useApp } from '../../store/context';
import { usePlatformName } from '../services/platform';
import { useLabelName } from '../shop/labels';
import { NO_FILTER, type CountedView, type InboxFilter, type InboxView, type ViewCounts } from './filter';

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

interface ChipProps {
  pressed: boolean;
  onClick: () => void;
  children: ReactNode;
  title?: string | undefined;
  /** The id of what else the chip says (a count). */
  describedBy?: string | undefined;
  className?: string;
}

function Chip({ pressed, onClick, children, title, describedBy, className = 'chip' }: ChipProps) {
  return (
    <button type="button" className={className} aria-pressed={pressed} aria-describedby={describedBy} title={title} onClick={onClick}>
      {children}
    </button>
  );
}

/** The views besides All, each with its name and what it shows. */
const VIEWS = [
  { view: 'unread', text: 'inbox.filters.unread', hint: undefined },
  { view: 'waiting', text: 'inbox.filters.waiting', hint: 'inbox.filters.waitingHint' },
  { view: 'snoozed', text: 'inbox.filters.snoozed', hint: 'inbox.filters.snoozedHint' },
  { view: 'done', text: 'inbox.filters.done', hint: 'inbox.filters.doneHint' },
] as const satisfies readonly { view: Exclude<InboxView, 'all'>; text: string; hint: string | undefined }[];

const isCounted = (view: InboxView): view is CountedView => view === 'unread' || view === 'waiting' || view === 'snoozed';

interface ViewChipProps {
  view: Exclude<InboxView, 'all'>;
  pressed: boolean;
  counts: ViewCounts;
  onClick: () => void;
  className?: string;
}

/** A view's chip: its name, and for a counted view how many it holds (said in full to assistive technology). */
function ViewChip({ view, pressed, counts, onClick, className }: ViewChipProps) {
  const { t } = useTranslation();
  const countId = useId();
  const found = VIEWS.find((v) => v.view === view);
  if (found === undefined) return null;
  const count = isCounted(view) ? counts[view] : 0;
  return (
    <Chip
      pressed={pressed}
      title={found.hint === undefined ? undefined : t(found.hint)}
      describedBy={count > 0 ? countId : undefined}
      onClick={onClick}
      {...(className === undefined ? {} : { className })}
    >
      {t(found.text)}
      <ViewCount count={count} />
      {count > 0 ? (
        <span id={countId} hidden>
          {t('inbox.filters.count', { count })}
        </span>
      ) : null}
    </Chip>
  );
}

/** The list beside a service: its counted views, each a toggle (pressed again, back to every chat). */
export function ViewChips({ view, counts, onChange }: { view: InboxView; counts: ViewCounts; onChange: (view: InboxView) => void }) {
  const { t } = useTranslation();
  return (
    <div className="list-column-views" role="group" aria-label={t('inbox.filters.label')}>
      {(['unread', 'waiting', 'snoozed'] as const).map((v) => (
        <ViewChip key={v} view={v} pressed={view === v} counts={counts} className="chip chip-small" onClick={() => onChange(view === v ? 'all' : v)} />
      ))}
    </div>
  );
}

export function FilterChips({ filter, counts, onChange }: { filter: InboxFilter; counts: ViewCounts; onChange: (filter: InboxFilter) => void }) {
  const { t } = useTranslation();
  const platformName = usePlatformName();
  const labelName = useLabelName();
  const services = useApp((s) => s.services);
  const labels = useApp((s) => s.labels);
  const enabled = services.filter((s) => s.enabled);
  const platforms = enabled.map((s) => s.platform).filter((p, i, all) => all.indexOf(p) === i);
  const accounts = filter.platform === null ? [] : enabled.filter((s) => s.platform === filter.platform);
  const all = filter.view === 'all' && filter.platform === null && filter.label === null;
  // Platform chips help once there is a choice: two platforms, or two accounts of one.
  const showPlatforms = platforms.length > 1 || enabled.length > platforms.length;
  const choosePlatform = (platform: PlatformId) =>
    onChange({ ...filter, platform: filter.platform === platform ? null : platform, account: null });

  return (
    <div className="inbox-chips" role="group" aria-label={t('inbox.filters.label')}>
      <Chip pressed={all} onClick={() => onChange(NO_FILTER)}>
        {t('inbox.filters.all')}
      </Chip>
      {VIEWS.map(({ view }) => (
        <ViewChip key={view} view={view} pressed={filter.view === view} counts={counts} onClick={() => onChange({ ...filter, view: filter.view === view ? 'all' : view })} />
      ))}
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
      {labels.length === 0 ? null : (
        <select
          className={filter.label === null ? 'chip-select is-idle' : 'chip-select'}
          aria-label={t('inbox.filters.labelPicker')}
          value={filter.label ?? ''}
          onChange={(event) => onChange({ ...filter, label: event.target.value === '' ? null : event.target.value })}
        >
          <option value="">{t('inbox.filters.anyLabel')}</option>
          {labels.map((label) => (
            <option key={label.id} value={label.id}>
              {labelName(label)}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}

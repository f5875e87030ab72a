/**
 * "Ahmed on WhatsApp and أحمد on Instagram — same person?": entries whose names look alike are only ever
 * suggested, never merged on their own. "Same person" links them; "No" stops suggesting it. Both can be undone.
 */
import { useTranslation } from 'react-i18next';
import type { InboxEntry } from '../../../../common/model';
import { LinkIcon } from '../../components/icons';
import { isolate, useFormat } from '../../i18n/format';
import type { SuggestedLink } from '../../../../common/suggestions';
import type { ServiceDirectory } from './directory';
import type { EntryActions } from './useEntryActions';

/** At most this many at once: the inbox is for reading messages. */
const SHOWN_SUGGESTIONS = 3;

export function Suggestions({ suggestions, directory, actions }: { suggestions: readonly SuggestedLink[]; directory: ServiceDirectory; actions: EntryActions }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (suggestions.length === 0) return null;
  const where = (entry: InboxEntry) => format.and(directory.labels(entry.chats.map((c) => c.serviceId)));
  return (
    <ul className="inbox-suggestions" aria-label={t('inbox.suggestion.label')}>
      {suggestions.slice(0, SHOWN_SUGGESTIONS).map(({ a, b, key }) => (
        <li key={key} className="inbox-suggestion">
          <LinkIcon />
          <span className="inbox-suggestion-text">
            {t('inbox.suggestion.text', { a: isolate(a.title), aWhere: where(a), b: isolate(b.title), bWhere: where(b) })}
          </span>
          <span className="inbox-suggestion-actions">
            <button type="button" className="button button-small button-primary" onClick={() => void actions.link(a, b)}>
              {t('inbox.suggestion.same')}
            </button>
            <button type="button" className="button button-small" onClick={() => actions.dismiss(a, b)}>
              {t('inbox.suggestion.no')}
            </button>
          </span>
        </li>
      ))}
    </ul>
  );
}

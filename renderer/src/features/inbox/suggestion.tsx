/**
 * The answer Wasl offers a waiting customer on their inbox row (common/shop/suggest.ts: an FAQ match, the away
 * text, the greeting): a chip saying what it is and why, which a click or Tab on the selected row types into that
 * customer's chat — the chat where they last wrote — with its variables filled. Wasl never sends: the page opens
 * with the text in its message box and the user presses send.
 */
import { useCallback, useMemo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatSummary, InboxEntry } from '../../../../common/model';
import { createSuggester, type ReplySuggestion, type Suggester } from '../../../../common/shop/suggest';
import { fillTemplate } from '../../../../common/shop/templates';
import { QuickReplyIcon } from '../../components/icons';
import { isolate } from '../../i18n/format';
import { useApp, useCommand, useShell } from '../../store/context';
import type { CustomerView } from '../../store/customers';

/** The suggestion for an entry at a minute: the same object while nothing it depends on changed (rows are memoized). */
export type SuggestionOf = (entry: InboxEntry, view: CustomerView, minute: number) => ReplySuggestion | undefined;

interface Cached {
  view: CustomerView;
  minute: number;
  result: ReplySuggestion | undefined;
}

/** The suggestions of one suggester (one shop, one library), each entry's kept for as long as it holds. */
class SuggestionCache {
  private readonly cache = new WeakMap<InboxEntry, Cached>();

  constructor(private readonly suggest: Suggester) {}

  of(entry: InboxEntry, view: CustomerView, minute: number): ReplySuggestion | undefined {
    if (view.waiting === undefined) return undefined;
    const cached = this.cache.get(entry);
    if (cached?.view === view && cached.minute === minute) return cached.result;
    const fresh = this.suggest({ waiting: view.waiting, lastOut: view.lastOut, newAt: view.newAt, message: entry.preview }, minute);
    // An equal suggestion keeps its object, so the row does not render again each minute.
    const result = cached !== undefined && sameSuggestion(cached.result, fresh) ? cached.result : fresh;
    this.cache.set(entry, { view, minute, result });
    return result;
  }
}

const sameSuggestion = (a: ReplySuggestion | undefined, b: ReplySuggestion | undefined): boolean =>
  a?.kind === b?.kind && a?.body === b?.body && a?.reply?.name === b?.reply?.name && a?.reply?.match.matched === b?.reply?.match.matched;

export function useReplySuggestions(): SuggestionOf {
  const shop = useApp((s) => s.settings.shop);
  const replies = useApp((s) => s.quickReplies);
  return useMemo(() => {
    const cache = new SuggestionCache(createSuggester(shop, replies));
    return (entry, view, minute) => cache.of(entry, view, minute);
  }, [shop, replies]);
}

/** What the chip says: the reply's name, or "Greeting" / "Away message". */
export function useSuggestionText(): { name: (s: ReplySuggestion) => string; why: (s: ReplySuggestion) => string } {
  const { t } = useTranslation();
  return {
    name: (s) => (s.reply === undefined ? t(s.kind === 'away' ? 'inbox.suggest.away' : 'inbox.suggest.greeting') : s.reply.name),
    why: (s) => {
      if (s.reply !== undefined) {
        const { trigger, matched, how } = s.reply.match;
        return t(how === 'exact' ? 'inbox.suggest.whyExact' : 'inbox.suggest.whyFuzzy', { trigger: isolate(trigger), matched: isolate(matched) });
      }
      return t(s.kind === 'away' ? 'inbox.suggest.whyAway' : 'inbox.suggest.whyGreeting');
    },
  };
}

/**
 * Types the suggestion into the entry's chat where the customer last wrote (`chats`: the entry's chats, in the
 * order of `entry.chats`); says what happened. Stable while the services and the shop's name are.
 */
export function useTypeSuggestion(): (entry: InboxEntry, chats: readonly (ChatSummary | undefined)[], suggestion: ReplySuggestion) => Promise<boolean> {
  const { t } = useTranslation();
  const { ui } = useShell();
  const command = useCommand();
  const services = useApp((s) => s.services);
  const shopName = useApp((s) => s.settings.shop.name);
  return useCallback(
    async (entry, chats, suggestion) => {
      let at = 0;
      chats.forEach((chat, i) => {
        if ((chat?.activity?.lastIn ?? -1) > (chats[at]?.activity?.lastIn ?? -1)) at = i;
      });
      const target = entry.chats[at];
      if (target === undefined) return false;
      const chat = chats[at];
      const person = chat !== undefined && (chat.kind === undefined || chat.kind === 'direct');
      const filled = fillTemplate(suggestion.body, { name: person ? entry.title : undefined, shop: shopName });
      if (filled.trim() === '') return false;
      const service = isolate(services.find((s) => s.id === target.serviceId)?.name ?? '');
      const result = await command({ type: 'service.insertText', id: target.serviceId, chatId: target.chatId, text: filled });
      const name = suggestion.reply?.name ?? t(suggestion.kind === 'away' ? 'inbox.suggest.away' : 'inbox.suggest.greeting');
      if (result.ok) ui.getState().announce(t('inbox.suggest.typed', { name: isolate(name), service }));
      else ui.getState().tell(result.error === 'no-composer' ? t('inbox.suggest.noComposer', { service }) : t('replies.palette.failed', { service }));
      return result.ok;
    },
    [command, services, shopName, t, ui],
  );
}

/**
 * The chip: what is offered; its title says why and shows the text. On a row it takes no focus of its own (the
 * listbox has it, and Tab types); `focusable` where it is a button among others (the tray).
 */
export function SuggestionChip({ suggestion, onType, focusable = false }: { suggestion: ReplySuggestion; onType: (event: MouseEvent) => void; focusable?: boolean }) {
  const { t } = useTranslation();
  const text = useSuggestionText();
  const name = text.name(suggestion);
  return (
    <button
      type="button"
      tabIndex={focusable ? undefined : -1}
      className={`suggestion-chip kind-${suggestion.kind}`}
      data-suggestion={suggestion.kind}
      title={t('inbox.suggest.title', { why: text.why(suggestion), text: suggestion.body })}
      aria-label={t('inbox.suggest.label', { name })}
      onClick={onType}
    >
      <QuickReplyIcon />
      <span className="suggestion-chip-text" dir="auto">
        {name}
      </span>
    </button>
  );
}

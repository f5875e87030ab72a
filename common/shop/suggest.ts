/**
 * The answer Wasl offers for a waiting customer — offered, never sent: the user presses one key to have it typed
 * into the chat's composer, reads it and presses send in the page. In this order:
 * 1. `faq`: the customer's latest message (as the chat list shows it) matches a quick reply's trigger phrase
 *    (common/shop/faq.ts), and the match says why;
 * 2. `away`: the shop's away text, when the customer started waiting while the shop was closed and it still is
 *    (business hours on, special days included; once the shop opens the away text no longer fits);
 * 3. `greeting`: the shop's greeting, when the chat is a new conversation (ChatActivity.newAt) the shop never
 *    answered.
 * Nothing is offered unless the customer waits (the conversation open, a message unanswered). Times are judged in
 * the computer's local time zone, as business hours are. Pure.
 */
import type { ShopSettings } from '../settings';
import { faqMatcher, type FaqMatch } from './faq';
import { businessHours, isOpen } from './hours';
import type { QuickReply } from './model';

export const SUGGESTION_KINDS = ['faq', 'away', 'greeting'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

export interface ReplySuggestion {
  kind: SuggestionKind;
  /** The text to type, its variables ({name}, {shop}) not yet filled. */
  body: string;
  /** For `faq`: the quick reply and why it matched. */
  reply?: { id: string; name: string; match: FaqMatch };
}

/** What a suggestion is judged on: one customer's conversation at a moment. */
export interface CustomerMoment {
  /** Since when the customer waits for an answer (the conversation open); undefined: nobody waits. */
  waiting: number | undefined;
  /** The shop's last message, if it ever answered. */
  lastOut: number | undefined;
  /** When Wasl saw the conversation appear, if it is a new one. */
  newAt: number | undefined;
  /** The customer's latest message as the chat list or the notification shows it. */
  message: string | undefined;
}

export type SuggestionShop = Pick<ShopSettings, 'hoursEnabled' | 'hours' | 'specialHours' | 'greeting' | 'away'>;

export type Suggester = (moment: CustomerMoment, now: number) => ReplySuggestion | undefined;

/** Prepares the shop's hours and the replies' triggers once; the suggester then judges each conversation. */
export function createSuggester(shop: SuggestionShop, replies: readonly QuickReply[]): Suggester {
  const match = faqMatcher(replies);
  const byId = new Map(replies.map((r) => [r.id, r]));
  const hours = shop.hoursEnabled && shop.away.trim() !== '' ? businessHours(shop) : undefined;
  const greeting = shop.greeting.trim() === '' ? undefined : shop.greeting;
  return (moment, now) => {
    if (moment.waiting === undefined) return undefined;
    const found = moment.message === undefined || moment.message.trim() === '' ? undefined : match(moment.message);
    const reply = found === undefined ? undefined : byId.get(found.replyId);
    if (found !== undefined && reply !== undefined) return { kind: 'faq', body: reply.body, reply: { id: reply.id, name: reply.name, match: found } };
    if (hours !== undefined && !isOpen(hours, new Date(moment.waiting)) && !isOpen(hours, new Date(now))) return { kind: 'away', body: shop.away };
    if (greeting !== undefined && moment.newAt !== undefined && moment.lastOut === undefined) return { kind: 'greeting', body: greeting };
    return undefined;
  };
}

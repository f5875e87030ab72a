/**
 * FAQ trigger phrases (placeholder until the matcher lands): a reply whose trigger appears in the message, as is.
 */
import type { QuickReply } from './model';

export interface FaqMatch {
  replyId: string;
  trigger: string;
  matched: string;
  how: 'exact' | 'fuzzy';
}

export function faqMatcher(replies: readonly QuickReply[]): (message: string) => FaqMatch | undefined {
  return (message) => {
    const lower = message.toLowerCase();
    for (const reply of replies) {
      for (const trigger of reply.triggers ?? []) {
        const at = lower.indexOf(trigger.toLowerCase());
        if (at >= 0) return { replyId: reply.id, trigger, matched: message.slice(at, at + trigger.length), how: 'exact' };
      }
    }
    return undefined;
  };
}

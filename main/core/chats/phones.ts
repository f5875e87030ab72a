/**
 * What main does to chats before the shell sees them: a chat whose name is a phone number ("+966 50 123 4567", or
 * "050 123 4567" once the user set where local numbers are from) carries that number in E.164, so the inbox can
 * merge it with the same person elsewhere. libphonenumber-js stays in main, out of the shell's bundle.
 */
import { latinDigits, normalizePhone } from '../../../common/identity';
import type { ChatSummary, ServiceSnapshot } from '../../../common/model';

const PHONE_LIKE = /^[+\d\s().\-/]{6,24}$/u;

export function withPhone(chat: ChatSummary, region: string | null): ChatSummary {
  if (chat.phone !== undefined) return chat;
  const title = latinDigits(chat.title).replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '').trim();
  if (!PHONE_LIKE.test(title)) return chat;
  const phone = normalizePhone(title, region ?? undefined);
  return phone === undefined ? chat : { ...chat, phone };
}

/** The phone number of a chat in a snapshot, as the shell sees it (from its name when the service gives none). */
export function chatPhone(snapshot: ServiceSnapshot | undefined, chatId: string, region: string | null): string | undefined {
  const chat = snapshot?.chats.find((c) => c.id === chatId);
  return chat === undefined ? undefined : withPhone(chat, region).phone;
}

/**
 * Unread counts from a page title, the last-resort source for every platform and the whole source for custom
 * services: "(3) WhatsApp", "Inbox (12) – shop@example.com", "[5] Chat", "(٣) واتساب", "(99+) Messenger".
 */

const DIGITS: Record<string, string> = {};
for (let i = 0; i < 10; i += 1) {
  DIGITS[String.fromCharCode(0x0660 + i)] = String(i); // Arabic-Indic
  DIGITS[String.fromCharCode(0x06f0 + i)] = String(i); // Extended Arabic-Indic (Persian, Urdu)
}

const LEADING = /^\s*[([](\d{1,6})\+?[)\]]/u;
const EMBEDDED = /(?:^|\s)\((\d{1,6})\+?\)(?:\s|$)/u;

/**
 * Whether the title marks "something unread" without a count, as Slack ("* Slack | general") and others ("• Chat")
 * do.
 */
export function titleMarksUnread(title: string): boolean {
  return /^\s*[*!•]\s/u.test(title.replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu, ''));
}

export function titleUnread(title: string): number {
  const western = title
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu, '')
    .replace(/[\u0660-\u0669\u06f0-\u06f9]/gu, (d) => DIGITS[d] ?? d);
  const match = LEADING.exec(western) ?? EMBEDDED.exec(western);
  if (!match?.[1]) return 0;
  return Number.parseInt(match[1], 10);
}

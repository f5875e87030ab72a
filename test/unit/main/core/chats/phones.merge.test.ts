/**
 * However a page writes a customer's number, main gives the chat that number in E.164 (main/core/chats.ts) before
 * the inbox merges chats (common/inbox.ts): spaces, dashes, brackets, bidi marks, Arabic-Indic and Persian digits,
 * international and national forms all meet in one person.
 */
import { describe, expect, it } from 'vitest';
import { buildInbox } from '../../../../../common/inbox';
import type { ChatSummary, ServiceConfig, ServiceSnapshot } from '../../../../../common/model';
import { withPhone } from '../../../../../main/core/chats/phones';

const FORMS = [
  '+966 50 123 4567',
  '+966-50-123-4567',
  '+966 (50) 123-4567',
  '00966501234567',
  '\u2066+966 50 123 4567\u2069',
  '\u200f+٩٦٦ ٥٠ ١٢٣ ٤٥٦٧',
  '+۹۶۶ ۵۰ ۱۲۳ ۴۵۶۷',
  '050 123 4567',
  '٠٥٠-١٢٣-٤٥٦٧',
  '(050) 123 4567',
];

describe('phone numbers written every way', () => {
  it.each(FORMS)('%j is +966501234567 once the region is Saudi Arabia', (title) => {
    expect(withPhone({ id: 'c', title, unread: 0 }, 'SA').phone).toBe('+966501234567');
  });

  it('merge into one person across platforms, with its unread summed', () => {
    const services: ServiceConfig[] = FORMS.map((_, i) => ({ id: `s${i}`, platform: i % 2 === 0 ? 'whatsapp' : 'telegram', name: `S${i}`, enabled: true, muted: false, callsAllowed: false }));
    const snapshots: Record<string, ServiceSnapshot> = {};
    FORMS.forEach((title, i) => {
      const chat: ChatSummary = withPhone({ id: `c${i}`, title, unread: 1, lastActivity: 1_000 + i }, 'SA');
      snapshots[`s${i}`] = { loggedIn: true, unread: { direct: 1, indirect: 0 }, chats: [chat] };
    });
    const inbox = buildInbox({ services, snapshots, people: [] });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ key: 'phone:+966501234567', unread: FORMS.length });
    expect(inbox[0]?.chats).toHaveLength(FORMS.length);
  });

  it('leave a national number alone until the user says where local numbers are from', () => {
    expect(withPhone({ id: 'c', title: '050 123 4567', unread: 0 }, null).phone).toBeUndefined();
    expect(withPhone({ id: 'c', title: '+966 50 123 4567', unread: 0 }, null).phone).toBe('+966501234567');
  });
});

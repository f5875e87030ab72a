/** What a page title says about unread messages (common/title.ts). */
import { describe, expect, it } from 'vitest';
import { titleMarksUnread, titleUnread } from '../../../common/title';

describe('titleUnread', () => {
  it.each([
    ['WhatsApp', 0],
    ['(3) WhatsApp', 3],
    [' (12) Messenger', 12],
    ['(99+) Messenger', 99],
    ['[5] Chat', 5],
    ['Inbox (7) - shop@example.com', 7],
    ['\u200f(٣) واتساب', 3],
    ['(۱۲) تلگرام', 12],
    ['Order (2023 report)', 0],
    ['Chat 2023', 0],
    ['(abc) Slack', 0],
    ['', 0],
  ])('%j → %d', (title, count) => {
    expect(titleUnread(title)).toBe(count);
  });
});

describe('titleMarksUnread', () => {
  it.each([
    ['* Slack | general | Shop', true],
    ['! Slack | general', true],
    ['• Chat', true],
    ['\u200f* Slack', true],
    ['Slack | general', false],
    ['*Important* notes', false],
    ['(3) WhatsApp', false],
  ])('%j → %s', (title, marked) => {
    expect(titleMarksUnread(title)).toBe(marked);
  });
});

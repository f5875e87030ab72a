/** Phone numbers in chat names, normalized (main/core/chats/phones.ts). */
import { describe, expect, it } from 'vitest';
import { withPhone } from '../../../../../main/core/chats/phones';

describe('withPhone', () => {
  const chat = (title: string, phone?: string) => ({ id: 'c', title, unread: 0, ...(phone ? { phone } : {}) });

  it('gives a chat named by an international number that number in E.164', () => {
    expect(withPhone(chat('+966 50 123 4567'), null)).toEqual(chat('+966 50 123 4567', '+966501234567'));
    expect(withPhone(chat('\u202a+20 100 123 4567\u202c'), null).phone).toBe('+201001234567');
  });

  it('reads local numbers only once the user set where they are from', () => {
    expect(withPhone(chat('050 123 4567'), null).phone).toBeUndefined();
    expect(withPhone(chat('050 123 4567'), 'SA').phone).toBe('+966501234567');
    expect(withPhone(chat('٠٥٠١٢٣٤٥٦٧'), 'SA').phone).toBe('+966501234567');
  });

  it('leaves names and chats that already have a phone alone', () => {
    const named = chat('Ahmed 2024');
    expect(withPhone(named, 'SA')).toBe(named);
    const known = chat('+966 50 123 4567', '+966509999999');
    expect(withPhone(known, 'SA')).toBe(known);
  });
});

/** What Wasl keeps about a customer when people merge (common/shop/customers.ts). */
import { describe, expect, it } from 'vitest';
import { chatCustomerKeys, effectiveStatus, entryCustomerKeys, resolveCustomer } from '../../../../common/shop/customers';
import type { Customer } from '../../../../common/shop/model';

describe('customer records across merges', () => {
  const record = (parts: Partial<Customer>): Customer => ({ labels: [], note: '', status: 'open', statusAt: 0, priority: false, ...parts });
  const wa = { serviceId: 'wa', chatId: '966501234567@c.us' };
  const ig = { serviceId: 'ig', chatId: 'ahmed.h' };

  it('looks under the entry, then its phone numbers, then its chats', () => {
    expect(entryCustomerKeys({ key: 'person:p1', chats: [wa, ig] }, ['+966501234567'])).toEqual([
      'person:p1',
      'phone:+966501234567',
      'chat:wa:966501234567@c.us',
      'chat:ig:ahmed.h',
    ]);
    expect(entryCustomerKeys({ key: 'chat:ig:ahmed.h', chats: [ig] }, [])).toEqual(['chat:ig:ahmed.h']);
  });

  it('uses the entry’s own record as it is, or merges those it was made from', () => {
    const customers = {
      'chat:wa:966501234567@c.us': record({ labels: ['paid', 'vip'], note: 'Wholesale', status: 'done', statusAt: 10, reminder: { at: 500, setAt: 1, chat: wa, title: 'Ahmed' } }),
      'chat:ig:ahmed.h': record({ labels: ['vip', 'new'], note: 'Prefers Instagram', status: 'awaiting-customer', statusAt: 20, priority: true, reminder: { at: 300, setAt: 2, chat: ig, title: 'ahmed.h' } }),
    };
    const keys = entryCustomerKeys({ key: 'person:p1', chats: [wa, ig] }, []);
    expect(resolveCustomer(customers, keys)).toEqual(
      record({ labels: ['paid', 'vip', 'new'], note: 'Wholesale\n\nPrefers Instagram', status: 'awaiting-customer', statusAt: 20, priority: true, reminder: { at: 300, setAt: 2, chat: ig, title: 'ahmed.h' } }),
    );
    const own = record({ note: 'Merged and edited' });
    expect(resolveCustomer({ ...customers, 'person:p1': own }, keys)).toBe(own);
    expect(resolveCustomer(customers, ['chat:x:y'])).toBeUndefined();
    expect(resolveCustomer(customers, ['person:p1', 'chat:ig:ahmed.h'])).toBe(customers['chat:ig:ahmed.h']);
  });

  it('merges a pin when any record has one, and the latest unread mark', () => {
    const customers = {
      'chat:wa:966501234567@c.us': record({ pinned: true, unreadMark: 400 }),
      'chat:ig:ahmed.h': record({ unreadMark: 900 }),
      'chat:tg:1': record({ note: 'neither' }),
    };
    const merged = resolveCustomer(customers, entryCustomerKeys({ key: 'person:p1', chats: [wa, ig] }, []));
    expect(merged?.pinned).toBe(true);
    expect(merged?.unreadMark).toBe(900);
    const plain = resolveCustomer(customers, ['person:p2', 'chat:ig:ahmed.h', 'chat:tg:1']);
    expect(plain).not.toHaveProperty('pinned');
    expect(plain?.unreadMark).toBe(900);
    expect(resolveCustomer(customers, ['person:p3', 'chat:tg:1', 'chat:x:2'])).toEqual(record({ note: 'neither' }));
    const unmarked = resolveCustomer({ 'chat:a:1': record({ note: 'a' }), 'chat:b:1': record({ note: 'b' }) }, ['person:p4', 'chat:a:1', 'chat:b:1']);
    expect(unmarked).not.toHaveProperty('pinned');
    expect(unmarked).not.toHaveProperty('unreadMark');
  });

  it('ignores keys that only exist on the prototype', () => {
    expect(resolveCustomer({}, ['constructor', 'toString', '__proto__'])).toBeUndefined();
  });

  it('finds a chat’s record keys from main’s side: its person, its phone, the chat', () => {
    const people = [{ id: 'p1', chats: [wa, ig] }];
    expect(chatCustomerKeys(ig, undefined, people)).toEqual(['person:p1', 'chat:ig:ahmed.h', 'chat:wa:966501234567@c.us']);
    expect(chatCustomerKeys({ serviceId: 'tg', chatId: '777' }, '+966501234567', people)).toEqual(['phone:+966501234567', 'chat:tg:777']);
  });

  it('reopens done and awaiting conversations when the customer wrote after', () => {
    expect(effectiveStatus(undefined, 5)).toBe('open');
    expect(effectiveStatus(record({ status: 'done', statusAt: 100 }), 99)).toBe('done');
    expect(effectiveStatus(record({ status: 'done', statusAt: 100 }), 100)).toBe('done');
    expect(effectiveStatus(record({ status: 'done', statusAt: 100 }), 101)).toBe('open');
    expect(effectiveStatus(record({ status: 'awaiting-customer', statusAt: 100 }), 150)).toBe('open');
    expect(effectiveStatus(record({ status: 'awaiting-customer', statusAt: 100 }), undefined)).toBe('awaiting-customer');
  });
});

describe('customer field values across merges', () => {
  const record = (fields: Customer['fields']): Customer => ({ labels: [], note: '', status: 'open', statusAt: 0, priority: false, ...(fields ? { fields } : {}) });

  it('takes each field’s value from the first record holding one', () => {
    const customers = { 'chat:a:1': record({ city: 'Jeddah' }), 'chat:b:2': record({ city: 'Riyadh', size: 'M' }), 'chat:c:3': record(undefined) };
    expect(resolveCustomer(customers, ['person:p', 'chat:a:1', 'chat:b:2', 'chat:c:3'])?.fields).toEqual({ city: 'Jeddah', size: 'M' });
    expect(resolveCustomer(customers, ['person:p', 'chat:c:3', 'chat:c:3'])).not.toHaveProperty('fields');
  });
});

/** Reading the shop's records from the settings document (main/core/settings/shop-records.ts): customers old and new. */
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../../../../common/shop/model';
import { readShopRecords } from '../../../../../main/core/settings/shop-records';

const stored = (parts: Record<string, unknown> = {}): Record<string, unknown> => ({ labels: ['preset-paid'], note: 'Two cartons', status: 'open', statusAt: 5, priority: false, ...parts });
const record = (parts: Partial<Customer> = {}): Customer => ({ labels: ['preset-paid'], note: 'Two cartons', status: 'open', statusAt: 5, priority: false, ...parts });

describe('customer records in the settings document', () => {
  it('reads a record written before pins and unread marks as it was, neither set', () => {
    const read = readShopRecords({ customers: { 'chat:wa:1': stored() } });
    expect(read.customers['chat:wa:1']).toEqual(record());
    expect(read.customers['chat:wa:1']).not.toHaveProperty('pinned');
    expect(read.customers['chat:wa:1']).not.toHaveProperty('unreadMark');
    expect(read.dropped).toBe(0);
  });

  it('reads a pin and an unread mark', () => {
    const read = readShopRecords({ customers: { 'chat:wa:1': stored({ pinned: true, unreadMark: 1_790_000_000_000 }), 'chat:wa:2': stored({ pinned: false }) } });
    expect(read.customers['chat:wa:1']).toEqual(record({ pinned: true, unreadMark: 1_790_000_000_000 }));
    expect(read.customers['chat:wa:2']).toEqual(record());
    expect(read.dropped).toBe(0);
  });

  it('keeps the rest of a record whose pin or mark is bad, and counts each bad field', () => {
    const read = readShopRecords({
      customers: {
        'chat:wa:1': stored({ pinned: 'yes', unreadMark: -4 }),
        'chat:wa:2': stored({ unreadMark: 'yesterday', pinned: true }),
        'chat:wa:3': stored({ unreadMark: 1.5 }),
      },
    });
    expect(read.customers['chat:wa:1']).toEqual(record());
    expect(read.customers['chat:wa:2']).toEqual(record({ pinned: true }));
    expect(read.customers['chat:wa:3']).toEqual(record());
    expect(read.dropped).toBe(4);
  });

  it('still drops a record whose older fields are bad, pin or not', () => {
    const read = readShopRecords({ customers: { 'chat:wa:1': stored({ status: 'closed', pinned: true }), 'chat:wa:2': stored({ pinned: true }) } });
    expect(Object.keys(read.customers)).toEqual(['chat:wa:2']);
    expect(read.dropped).toBe(1);
  });
});

describe('customer fields in the settings document', () => {
  const fields = [
    { id: 'city', name: 'المدينة', type: 'text' },
    { id: 'order', name: 'Order number', type: 'number' },
    { id: 'size', name: 'Size', type: 'choice', choices: ['S', 'M'] },
  ];

  it('reads a document written before fields as having none', () => {
    const read = readShopRecords({ customers: { 'chat:wa:1': stored() } });
    expect(read.customerFields).toEqual([]);
    expect(read.customers['chat:wa:1']).not.toHaveProperty('fields');
    expect(read.dropped).toBe(0);
  });

  it('reads each definition on its own: a bad one, an id main would not make, and a second of the same name or id are dropped and counted', () => {
    const read = readShopRecords({
      customerFields: [
        ...fields,
        { id: 'colour', name: 'Colour', type: 'choice' },
        { id: 'kind', name: 'Kind', type: 'text', choices: ['a'] },
        { id: 'city2', name: ' المدينه ', type: 'text' },
        { id: 'city', name: 'Again', type: 'text' },
        { id: '__proto__', name: 'Sneaky', type: 'text' },
        'not a field',
      ],
    });
    expect(read.customerFields).toEqual(fields);
    expect(read.dropped).toBe(6);
  });

  it('keeps a record whose value is bad, dropping and counting that value; a value of an unknown field goes quietly', () => {
    const read = readShopRecords({
      customerFields: fields,
      customers: {
        'chat:wa:1': stored({ fields: { city: 'جدة', order: 'twelve', size: 'XL', gone: 'x' } }),
        'chat:wa:2': stored({ fields: { order: 12345 } }),
        'chat:wa:3': stored({ fields: 'Jeddah' }),
        'chat:wa:4': stored({ fields: { gone: 'x' } }),
      },
    });
    expect(read.customers['chat:wa:1']).toEqual(record({ fields: { city: 'جدة' } }));
    expect(read.customers['chat:wa:2']).toEqual(record({ fields: { order: 12345 } }));
    expect(read.customers['chat:wa:3']).toEqual(record());
    expect(read.customers['chat:wa:4']).toEqual(record());
    expect(read.dropped).toBe(3);
  });
});

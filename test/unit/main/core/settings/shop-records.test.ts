/** Reading the shop's records from the settings document (main/core/settings/shop-records.ts): customers old and new, products. */
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

describe('quick replies’ trigger phrases in the settings document', () => {
  const reply = (parts: Record<string, unknown> = {}) => ({ id: 'q1', name: 'prices', body: 'Our prices', ...parts });

  it('reads a reply from before trigger phrases without them, and one with them', () => {
    const read = readShopRecords({ quickReplies: [reply(), reply({ id: 'q2', triggers: ['how much', 'كم السعر'] })] });
    expect(read.quickReplies).toEqual([
      { id: 'q1', name: 'prices', body: 'Our prices' },
      { id: 'q2', name: 'prices', body: 'Our prices', triggers: ['how much', 'كم السعر'] },
    ]);
    expect(read.quickReplies[0]).not.toHaveProperty('triggers');
    expect(read.dropped).toBe(0);
  });

  it('reads an empty list as none', () => {
    const read = readShopRecords({ quickReplies: [reply({ triggers: [] })] });
    expect(read.quickReplies).toEqual([{ id: 'q1', name: 'prices', body: 'Our prices' }]);
    expect(read.dropped).toBe(0);
  });

  it.each([
    ['not a list', 'how much'],
    ['a phrase that is not text', ['how much', 5]],
    ['a blank phrase', ['how much', '   ']],
    ['a phrase too long', ['x'.repeat(61)]],
    ['too many phrases', Array.from({ length: 11 }, (_, i) => `phrase ${i}`)],
    ['two phrases that read the same', ['أين المحل', 'اين المحل؟']],
  ])('keeps the reply and drops its trigger list when it is %s, counting it', (_what, triggers) => {
    const read = readShopRecords({ quickReplies: [reply({ triggers }), reply({ id: 'q2', triggers: ['ok'] })] });
    expect(read.quickReplies).toEqual([
      { id: 'q1', name: 'prices', body: 'Our prices' },
      { id: 'q2', name: 'prices', body: 'Our prices', triggers: ['ok'] },
    ]);
    expect(read.dropped).toBe(1);
  });

  it('takes the phrases of the record it keeps when two records share an id', () => {
    const read = readShopRecords({ quickReplies: [reply({ name: ' ', triggers: ['first'] }), reply({ triggers: ['second'] }), reply({ triggers: ['third'] })] });
    expect(read.quickReplies).toEqual([{ id: 'q1', name: 'prices', body: 'Our prices', triggers: ['second'] }]);
    expect(read.dropped).toBe(2);
  });
});

describe('products in the settings document', () => {
  const good = { id: 'pr1', name: 'Blue abaya', price: { amount: '45.5', currency: 'SAR' }, link: 'https://shop.example/abaya', inStock: true };

  it('reads a document from before products as having none, nothing dropped', () => {
    const read = readShopRecords({});
    expect(read.products).toEqual([]);
    expect(read.dropped).toBe(0);
  });

  it('keeps each valid product, and drops and counts each bad one', () => {
    const read = readShopRecords({
      products: [
        good,
        { ...good, id: 'pr2', name: 'Scarf', price: { amount: '7.125', currency: 'JOD' }, photo: 'https://cdn.example/s.jpg', inStock: false },
        // A code this build's Intl may not know yet still reads: a later one may.
        { ...good, id: 'pr3', price: { amount: '5', currency: 'XQZ' } },
        { ...good, id: 'bad-link', link: 'http://shop.example/' },
        { ...good, id: 'bad-photo', photo: 'javascript:alert(1)' },
        { ...good, id: 'bad-amount', price: { amount: '-5', currency: 'SAR' } },
        { ...good, id: 'bad-currency', price: { amount: '5', currency: 'riyal' } },
        { ...good, id: 'long-name', name: 'a'.repeat(81) },
        { ...good, id: 'no-stock', inStock: 'yes' },
        { ...good, name: 'same id again' },
        'not a product',
      ],
    });
    expect(read.products.map((p) => p.id)).toEqual(['pr1', 'pr2', 'pr3']);
    expect(read.products[0]).toEqual(good);
    expect(read.products[1]).toEqual({ id: 'pr2', name: 'Scarf', price: { amount: '7.125', currency: 'JOD' }, link: 'https://shop.example/abaya', photo: 'https://cdn.example/s.jpg', inStock: false });
    expect(read.dropped).toBe(8);
  });

  it('counts a products part that is not a list as one, and keeps the rest of the shop', () => {
    const read = readShopRecords({ products: { pr1: good }, quickReplies: [{ id: 'q1', name: 'hi', body: 'Hi' }] });
    expect(read.products).toEqual([]);
    expect(read.quickReplies).toHaveLength(1);
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

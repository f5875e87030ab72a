import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../../common/settings';
import { LIMITS } from '../../../../../common/ipc';
import type { FieldDef } from '../../../../../common/shop/fields';
import { DEFAULT_LABELS, type Customer, type Reminder } from '../../../../../common/shop/model';
import { createAppStore } from '../../../../../main/core/app/app-store';
import { MARK_GRACE_MS, ShopController, type ShopCommand } from '../../../../../main/core/shop/shop';
import { ManualClock } from '../../../../fakes/clock';
import { MemoryLogger } from '../../../../fakes/logger';
import { stateOf } from '../../../../fakes/state';

const MIN = 60_000;

function setup(parts: Parameters<typeof stateOf>[0] = {}) {
  const clock = new ManualClock(new Date(2026, 10, 21, 10, 0).getTime());
  const store = createAppStore(stateOf(parts));
  const reminded: Reminder[] = [];
  let ids = 0;
  const shop = new ShopController({ store, clock, log: new MemoryLogger(), newId: () => `id${++ids}`, remind: (r) => reminded.push(r) });
  const run = (cmd: ShopCommand) => shop.command(cmd);
  return { clock, store, shop, run, reminded, state: () => store.getState() };
}

const record = (parts: Partial<Customer> = {}): Customer => ({ labels: [], note: '', status: 'open', statusAt: 0, priority: false, ...parts });
const ref = { serviceId: 'wa', chatId: '966501234567@c.us' };

describe('ShopController: quick replies', () => {
  it('adds, changes and moves quick replies', () => {
    const { run, state } = setup();
    expect(run({ type: 'quickReply.save', name: 'prices', body: 'Our prices, {first_name}: …' })).toEqual({ ok: true, id: 'id1' });
    expect(run({ type: 'quickReply.save', name: 'hours', body: 'We open at 10' })).toEqual({ ok: true, id: 'id2' });
    expect(run({ type: 'quickReply.save', id: 'id1', name: 'prices', body: 'New prices' })).toEqual({ ok: true, id: 'id1' });
    expect(run({ type: 'quickReply.move', id: 'id2', index: 0 })).toEqual({ ok: true });
    expect(state().quickReplies).toEqual([
      { id: 'id2', name: 'hours', body: 'We open at 10' },
      { id: 'id1', name: 'prices', body: 'New prices' },
    ]);
    expect(run({ type: 'quickReply.save', id: 'nope', name: 'x', body: 'y' })).toEqual({ ok: false, error: 'not-found' });
    expect(run({ type: 'quickReply.move', id: 'nope', index: 0 })).toEqual({ ok: false, error: 'not-found' });
  });

  it('refuses a quick reply past the library’s size', () => {
    const quickReplies = Array.from({ length: LIMITS.quickReplies }, (_, i) => ({ id: `q${i}`, name: `n${i}`, body: 'b' }));
    const { run, state } = setup({ quickReplies });
    expect(run({ type: 'quickReply.save', name: 'one more', body: 'b' })).toEqual({ ok: false, error: 'full' });
    expect(state().quickReplies).toBe(quickReplies);
  });

  it('deletes with undo, and says what the undo would bring back', () => {
    const { run, state } = setup({ quickReplies: [{ id: 'q1', name: 'a', body: 'A' }, { id: 'q2', name: 'b', body: 'B' }] });
    run({ type: 'quickReply.delete', id: 'q1' });
    expect(state().quickReplies.map((r) => r.id)).toEqual(['q2']);
    expect(state().shopUndo).toBe('reply-deleted');
    expect(run({ type: 'shop.undo' })).toEqual({ ok: true });
    expect(state().quickReplies.map((r) => r.id)).toEqual(['q1', 'q2']);
    expect(state().shopUndo).toBeNull();
    expect(run({ type: 'shop.undo' })).toEqual({ ok: false, error: 'nothing-to-undo' });
    expect(run({ type: 'quickReply.delete', id: 'gone' })).toEqual({ ok: false, error: 'not-found' });
  });

  it('imports replies, skipping those it has, as one undoable step', () => {
    const { shop, run, state } = setup({ quickReplies: [{ id: 'q1', name: 'hours', body: 'We open at 10' }] });
    const result = shop.importReplies([
      { name: 'hours', body: 'We open at 10' },
      { name: 'hours', body: 'We open at 9 on Fridays' },
      { name: 'thanks', body: 'شكراً {first_name}!' },
      { name: 'thanks', body: 'شكراً {first_name}!' },
    ]);
    expect(result).toEqual({ ok: true });
    expect(state().quickReplies.map((r) => [r.name, r.body])).toEqual([
      ['hours', 'We open at 10'],
      ['hours', 'We open at 9 on Fridays'],
      ['thanks', 'شكراً {first_name}!'],
    ]);
    expect(state().shopUndo).toBe('replies-imported');
    run({ type: 'shop.undo' });
    expect(state().quickReplies).toEqual([{ id: 'q1', name: 'hours', body: 'We open at 10' }]);
  });

  it('imports nothing when the library would overflow', () => {
    const quickReplies = Array.from({ length: LIMITS.quickReplies - 1 }, (_, i) => ({ id: `q${i}`, name: `n${i}`, body: 'b' }));
    const { shop, state } = setup({ quickReplies });
    expect(shop.importReplies([{ name: 'x', body: '1' }, { name: 'y', body: '2' }])).toEqual({ ok: false, error: 'full' });
    expect(state().quickReplies).toBe(quickReplies);
    expect(state().shopUndo).toBeNull();
  });
});

describe('ShopController: trigger phrases', () => {
  it('saves a reply with its trigger phrases, keeps them when a save leaves them out, and removes them with an empty list', () => {
    const { run, state } = setup();
    expect(run({ type: 'quickReply.save', name: 'prices', body: 'Our prices', triggers: ['how much', 'كم السعر'] })).toEqual({ ok: true, id: 'id1' });
    expect(state().quickReplies[0]).toEqual({ id: 'id1', name: 'prices', body: 'Our prices', triggers: ['how much', 'كم السعر'] });
    run({ type: 'quickReply.save', id: 'id1', name: 'prices', body: 'New prices' });
    expect(state().quickReplies[0]?.triggers).toEqual(['how much', 'كم السعر']);
    run({ type: 'quickReply.save', id: 'id1', name: 'prices', body: 'New prices', triggers: ['price list'] });
    expect(state().quickReplies[0]?.triggers).toEqual(['price list']);
    run({ type: 'quickReply.save', id: 'id1', name: 'prices', body: 'New prices', triggers: [] });
    expect(state().quickReplies[0]).toEqual({ id: 'id1', name: 'prices', body: 'New prices' });
    expect(run({ type: 'quickReply.save', name: 'hours', body: 'At 10', triggers: [] })).toEqual({ ok: true, id: 'id2' });
    expect(state().quickReplies[1]).toEqual({ id: 'id2', name: 'hours', body: 'At 10' });
  });

  it('imports trigger phrases: new replies carry them, replies it has take those they lack, as one undoable step', () => {
    const mine = [{ id: 'q1', name: 'hours', body: 'We open at 10', triggers: ['opening hours', 'متى تفتحون'] }];
    const { shop, run, state } = setup({ quickReplies: mine });
    const many = Array.from({ length: LIMITS.triggersPerReply }, (_, i) => `phrase ${i}`);
    expect(
      shop.importReplies([
        { name: 'hours', body: 'We open at 10', triggers: ['Opening Hours!', 'when do you open', ...many] },
        { name: 'delivery', body: 'We deliver', triggers: ['delivery'] },
      ]),
    ).toEqual({ ok: true });
    expect(state().quickReplies).toEqual([
      { id: 'q1', name: 'hours', body: 'We open at 10', triggers: ['opening hours', 'متى تفتحون', 'when do you open', ...many.slice(0, LIMITS.triggersPerReply - 3)] },
      { id: 'id1', name: 'delivery', body: 'We deliver', triggers: ['delivery'] },
    ]);
    run({ type: 'shop.undo' });
    expect(state().quickReplies).toBe(mine);
  });

  it('changes nothing when the file has only replies and trigger phrases it already has', () => {
    const mine = [{ id: 'q1', name: 'hours', body: 'We open at 10', triggers: ['opening hours'] }];
    const { shop, state } = setup({ quickReplies: mine });
    expect(shop.importReplies([{ name: 'hours', body: 'We open at 10', triggers: ['OPENING hours'] }, { name: 'hours', body: 'We open at 10' }])).toEqual({ ok: true });
    expect(state().quickReplies).toBe(mine);
    expect(state().shopUndo).toBeNull();
  });
});

describe('ShopController: products', () => {
  const price = { amount: '45.5', currency: 'SAR' };

  it('adds, changes and moves products; a link left out of a change is removed', () => {
    const { run, state } = setup();
    expect(run({ type: 'product.save', name: 'Blue abaya', price, link: 'https://shop.example/a', inStock: true })).toEqual({ ok: true, id: 'id1' });
    expect(run({ type: 'product.save', name: 'Scarf', price: { amount: '7.125', currency: 'JOD' }, photo: 'https://cdn.example/s.jpg', inStock: false })).toEqual({
      ok: true,
      id: 'id2',
    });
    expect(run({ type: 'product.save', id: 'id1', name: 'Blue abaya', price: { amount: '50', currency: 'SAR' }, inStock: false })).toEqual({ ok: true, id: 'id1' });
    expect(run({ type: 'product.move', id: 'id2', index: 0 })).toEqual({ ok: true });
    expect(state().products).toEqual([
      { id: 'id2', name: 'Scarf', price: { amount: '7.125', currency: 'JOD' }, photo: 'https://cdn.example/s.jpg', inStock: false },
      { id: 'id1', name: 'Blue abaya', price: { amount: '50', currency: 'SAR' }, inStock: false },
    ]);
    expect(run({ type: 'product.move', id: 'id2', index: 99 })).toEqual({ ok: true });
    expect(state().products.map((p) => p.id)).toEqual(['id1', 'id2']);
  });

  it('refuses to change, move or delete a product it does not have, changing nothing', () => {
    const products = [{ id: 'p1', name: 'Scarf', price, inStock: true }];
    const { run, state } = setup({ products });
    expect(run({ type: 'product.save', id: 'nope', name: 'x', price, inStock: true })).toEqual({ ok: false, error: 'not-found' });
    expect(run({ type: 'product.move', id: 'nope', index: 0 })).toEqual({ ok: false, error: 'not-found' });
    expect(run({ type: 'product.delete', id: 'nope' })).toEqual({ ok: false, error: 'not-found' });
    expect(state().products).toBe(products);
    expect(state().shopUndo).toBeNull();
  });

  it('refuses a product past the list’s size', () => {
    const products = Array.from({ length: LIMITS.products }, (_, i) => ({ id: `p${i}`, name: `n${i}`, price, inStock: true }));
    const { run, state } = setup({ products });
    expect(run({ type: 'product.save', name: 'one more', price, inStock: true })).toEqual({ ok: false, error: 'full' });
    expect(state().products).toBe(products);
  });

  it('deletes with undo, the product back where it was', () => {
    const { run, state } = setup({ products: [{ id: 'p1', name: 'a', price, inStock: true }, { id: 'p2', name: 'b', price, inStock: true }] });
    expect(run({ type: 'product.delete', id: 'p1' })).toEqual({ ok: true });
    expect(state().products.map((p) => p.id)).toEqual(['p2']);
    expect(state().shopUndo).toBe('product-deleted');
    expect(run({ type: 'shop.undo' })).toEqual({ ok: true });
    expect(state().products.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(state().shopUndo).toBeNull();
  });
});

describe('ShopController: labels', () => {
  it('adds labels with a name, recolours and renames them, and gives a preset its own name back', () => {
    const { run, state } = setup();
    expect(run({ type: 'label.save', color: 'purple', name: 'جملة' })).toEqual({ ok: true, id: 'id1' });
    expect(run({ type: 'label.save', color: 'red' })).toEqual({ ok: false, error: 'invalid', detail: 'a new label needs a name' });
    run({ type: 'label.save', id: 'preset-paid', color: 'lime', name: 'Paid in full' });
    expect(state().labels.find((l) => l.id === 'preset-paid')).toEqual({ id: 'preset-paid', color: 'lime', preset: 'paid', name: 'Paid in full' });
    run({ type: 'label.save', id: 'preset-paid', color: 'lime', name: null });
    expect(state().labels.find((l) => l.id === 'preset-paid')).toEqual({ id: 'preset-paid', color: 'lime', preset: 'paid' });
    expect(run({ type: 'label.save', id: 'id1', color: 'purple', name: null })).toMatchObject({ ok: false, error: 'invalid' });
    expect(run({ type: 'label.save', id: 'nope', color: 'red' })).toEqual({ ok: false, error: 'not-found' });
    expect(state().labels.at(-1)).toEqual({ id: 'id1', color: 'purple', name: 'جملة' });
  });

  it('takes a deleted label off every customer, and undo puts it back on them', () => {
    const customers = { 'chat:wa:1': record({ labels: ['preset-paid', 'preset-new-order'] }), 'chat:wa:2': record({ note: 'no labels' }) };
    const { run, state } = setup({ customers });
    run({ type: 'label.delete', id: 'preset-paid' });
    expect(state().labels.map((l) => l.id)).not.toContain('preset-paid');
    expect(state().customers['chat:wa:1']?.labels).toEqual(['preset-new-order']);
    expect(state().customers['chat:wa:2']).toBe(customers['chat:wa:2']);
    expect(state().shopUndo).toBe('label-deleted');
    run({ type: 'shop.undo' });
    expect(state().labels).toEqual(DEFAULT_LABELS);
    expect(state().customers).toEqual(customers);
    expect(state().customers['chat:wa:1']).toBe(customers['chat:wa:1']);
  });

  it('puts the label back on its customers without undoing what was done to any customer since', () => {
    const customers = { 'chat:wa:1': record({ labels: ['preset-paid'] }), 'chat:wa:2': record({ labels: ['preset-paid'], note: 'Old note' }) };
    const { run, state } = setup({ customers });
    run({ type: 'label.delete', id: 'preset-paid' });
    run({ type: 'customer.update', key: 'chat:wa:2', from: [], note: 'Written after the deletion' });
    run({ type: 'customer.update', key: 'chat:wa:3', from: [], note: 'A new customer' });
    run({ type: 'shop.undo' });
    expect(state().customers['chat:wa:1']).toBe(customers['chat:wa:1']);
    expect(state().customers['chat:wa:2']).toEqual(record({ labels: ['preset-paid'], note: 'Written after the deletion' }));
    expect(state().customers['chat:wa:3']).toEqual(record({ note: 'A new customer' }));
  });
});

describe('ShopController: customers', () => {
  it('saves under the entry’s key, starting from the records it was made of', () => {
    const { run, state, clock } = setup({
      customers: {
        'chat:wa:1': record({ labels: ['preset-paid'], note: 'Wholesale' }),
        'chat:ig:2': record({ labels: ['preset-new-order'], note: 'Instagram first' }),
      },
    });
    clock.advance(5 * MIN);
    expect(run({ type: 'customer.update', key: 'person:p1', from: ['chat:wa:1', 'chat:ig:2'], status: 'done' })).toEqual({ ok: true });
    expect(state().customers['person:p1']).toEqual(
      record({ labels: ['preset-paid', 'preset-new-order'], note: 'Wholesale\n\nInstagram first', status: 'done', statusAt: clock.now() }),
    );
    // The records it came from stay, for a later unlink.
    expect(state().customers['chat:wa:1']?.note).toBe('Wholesale');
  });

  it('changes only what the command names', () => {
    const { run, state } = setup({ customers: { 'chat:wa:1': record({ labels: ['preset-paid'], note: 'Keep me', status: 'done', statusAt: 7 }) } });
    run({ type: 'customer.update', key: 'chat:wa:1', from: [], priority: true });
    expect(state().customers['chat:wa:1']).toEqual(record({ labels: ['preset-paid'], note: 'Keep me', status: 'done', statusAt: 7, priority: true }));
    run({ type: 'customer.update', key: 'chat:wa:1', from: [], labels: ['preset-new-order', 'preset-new-order'], note: 'New note' });
    expect(state().customers['chat:wa:1']).toMatchObject({ labels: ['preset-new-order'], note: 'New note', status: 'done', statusAt: 7 });
  });

  it('refuses labels that do not exist, changing nothing', () => {
    const { run, state } = setup();
    const before = state().customers;
    expect(run({ type: 'customer.update', key: 'chat:wa:1', from: [], labels: ['ghost'] })).toEqual({ ok: false, error: 'not-found', detail: 'no label ghost' });
    expect(state().customers).toBe(before);
  });

  it('drops a record cleared back to nothing, unless older records would show through', () => {
    const { run, state } = setup({ customers: { 'chat:wa:1': record({ note: 'x' }), 'chat:ig:2': record({ note: 'from Instagram' }) } });
    run({ type: 'customer.update', key: 'chat:wa:1', from: [], note: '' });
    expect(state().customers).not.toHaveProperty('chat:wa:1');
    run({ type: 'customer.update', key: 'person:p1', from: ['chat:ig:2'], note: '' });
    expect(state().customers['person:p1']).toEqual(record());
  });
});

describe('ShopController: triage (done, unread mark, pin, snooze) and its undo', () => {
  it('sets and clears a pin and an unread mark, the mark dated by main’s clock', () => {
    const { run, state, clock } = setup({ customers: { 'chat:wa:1': record({ labels: ['preset-paid'], note: 'Keep' }) } });
    run({ type: 'customer.update', key: 'chat:wa:1', from: [], pinned: true });
    expect(state().customers['chat:wa:1']).toEqual(record({ labels: ['preset-paid'], note: 'Keep', pinned: true }));
    clock.advance(MIN);
    run({ type: 'customer.update', key: 'chat:wa:1', from: [], unreadMark: true });
    expect(state().customers['chat:wa:1']).toEqual(record({ labels: ['preset-paid'], note: 'Keep', pinned: true, unreadMark: clock.now() }));
    run({ type: 'customer.update', key: 'chat:wa:1', from: [], pinned: false });
    expect(state().customers['chat:wa:1']).not.toHaveProperty('pinned');
    run({ type: 'customer.update', key: 'chat:wa:1', from: [], unreadMark: false });
    expect(state().customers['chat:wa:1']).toEqual(record({ labels: ['preset-paid'], note: 'Keep' }));
  });

  it('keeps a record that holds only a pin or a mark, and drops it once both are gone', () => {
    const { run, state } = setup();
    run({ type: 'customer.update', key: 'chat:wa:1', from: [], pinned: true });
    expect(state().customers['chat:wa:1']).toEqual(record({ pinned: true }));
    run({ type: 'customer.update', key: 'chat:wa:1', from: [], pinned: false, unreadMark: true });
    expect(state().customers['chat:wa:1']?.unreadMark).toBeTypeOf('number');
    run({ type: 'customer.update', key: 'chat:wa:1', from: [], unreadMark: false });
    expect(state().customers).not.toHaveProperty('chat:wa:1');
  });

  it('names a triage step for undo; other customer changes are not steps', () => {
    const { run, state } = setup({ quickReplies: [{ id: 'q1', name: 'a', body: 'A' }] });
    run({ type: 'quickReply.delete', id: 'q1' });
    run({ type: 'customer.update', key: 'chat:wa:1', from: [], note: 'not a step' });
    expect(state().shopUndo).toBe('reply-deleted');
    run({ type: 'customer.update', key: 'chat:wa:1', from: [], status: 'done', undo: 'done' });
    expect(state().shopUndo).toBe('done');
    run({ type: 'customer.update', key: 'chat:wa:1', from: [], pinned: true, undo: 'pinned' });
    expect(state().shopUndo).toBe('pinned');
    run({ type: 'shop.undo' });
    expect(state().shopUndo).toBe('done');
    run({ type: 'shop.undo' });
    expect(state().shopUndo).toBe('reply-deleted');
    expect(state().customers['chat:wa:1']).toEqual(record({ note: 'not a step' }));
  });

  it('undoes done, and the record is as it was, labels and note too', () => {
    const was = record({ labels: ['preset-paid'], note: 'Two cartons', status: 'awaiting-customer', statusAt: 5 });
    const { run, state, clock } = setup({ customers: { 'chat:wa:1': was } });
    clock.advance(MIN);
    run({ type: 'customer.update', key: 'chat:wa:1', from: [], status: 'done', undo: 'done' });
    expect(state().customers['chat:wa:1']).toEqual({ ...was, status: 'done', statusAt: clock.now() });
    expect(run({ type: 'shop.undo', step: 'done' })).toEqual({ ok: true });
    expect(state().customers['chat:wa:1']).toBe(was);
    expect(state().shopUndo).toBeNull();
  });

  it('undoes only the records the step touched: an edit to another customer since survives', () => {
    const other = record({ note: 'Other customer' });
    const { run, state } = setup({ customers: { 'chat:wa:1': record({ note: 'Marked' }), 'chat:wa:2': other } });
    run({ type: 'customer.update', key: 'chat:wa:1', from: [], unreadMark: true, undo: 'marked-unread' });
    run({ type: 'customer.update', key: 'chat:wa:2', from: [], note: 'Edited meanwhile', labels: ['preset-paid'] });
    run({ type: 'customer.update', key: 'chat:tg:9', from: [], note: 'A new one meanwhile' });
    expect(run({ type: 'shop.undo', step: 'marked-unread' })).toEqual({ ok: true });
    expect(state().customers['chat:wa:1']).toEqual(record({ note: 'Marked' }));
    expect(state().customers['chat:wa:2']).toEqual(record({ note: 'Edited meanwhile', labels: ['preset-paid'] }));
    expect(state().customers['chat:tg:9']).toEqual(record({ note: 'A new one meanwhile' }));
  });

  it('of a record edited again since, puts back only the fields the step changed', () => {
    const { run, state } = setup({ customers: { 'chat:wa:1': record({ note: 'Before' }) } });
    run({ type: 'customer.update', key: 'chat:wa:1', from: [], pinned: true, undo: 'pinned' });
    run({ type: 'customer.update', key: 'chat:wa:1', from: [], note: 'Typed after pinning' });
    run({ type: 'shop.undo', step: 'pinned' });
    expect(state().customers['chat:wa:1']).toEqual(record({ note: 'Typed after pinning' }));
  });

  it('undoes a step on a customer the shop knew nothing of by taking the record away again', () => {
    const { run, state } = setup();
    run({ type: 'customer.update', key: 'chat:wa:1', from: [], pinned: true, undo: 'pinned' });
    run({ type: 'shop.undo', step: 'pinned' });
    expect(state().customers).not.toHaveProperty('chat:wa:1');
  });

  it('undoes a snooze: the reminder the records had comes back, those a merged entry came from too', () => {
    const now = new Date(2026, 10, 21, 10, 0).getTime();
    const old = { at: now + 30 * MIN, setAt: now, chat: ref, title: 'Old' };
    const source = record({ note: 'VIP', reminder: old });
    const { run, state, clock, reminded } = setup({ customers: { 'chat:wa:1': source } });
    const snooze = { at: now + 24 * 60 * MIN, setAt: now, chat: ref, title: 'Ahmed' };
    run({ type: 'customer.update', key: 'person:p1', from: ['chat:wa:1'], reminder: snooze, undo: 'snoozed' });
    expect(state().customers['chat:wa:1']).toEqual(record({ note: 'VIP' }));
    expect(state().customers['person:p1']?.reminder).toEqual(snooze);
    run({ type: 'shop.undo', step: 'snoozed' });
    expect(state().customers['chat:wa:1']).toBe(source);
    expect(state().customers).not.toHaveProperty('person:p1');
    clock.advance(30 * MIN);
    expect(reminded.map((r) => r.title)).toEqual(['Old']);
  });

  it('refuses an undo for one step when the last step is another, changing nothing', () => {
    const { run, state } = setup({ labels: [...DEFAULT_LABELS], customers: { 'chat:wa:1': record({ labels: ['preset-paid'] }) } });
    run({ type: 'customer.update', key: 'chat:wa:1', from: [], pinned: true, undo: 'pinned' });
    run({ type: 'label.delete', id: 'preset-new-order' });
    const before = state();
    expect(run({ type: 'shop.undo', step: 'pinned' })).toEqual({ ok: false, error: 'nothing-to-undo' });
    expect(state()).toBe(before);
    expect(run({ type: 'shop.undo' })).toEqual({ ok: true });
    expect(run({ type: 'shop.undo', step: 'pinned' })).toEqual({ ok: true });
    expect(run({ type: 'shop.undo', step: 'pinned' })).toEqual({ ok: false, error: 'nothing-to-undo' });
    expect(state().customers['chat:wa:1']).toEqual(record({ labels: ['preset-paid'] }));
  });

  it('keeps the last twenty steps', () => {
    const { run, state } = setup();
    for (let i = 0; i < 21; i += 1) run({ type: 'customer.update', key: `chat:wa:${i}`, from: [], pinned: true, undo: 'pinned' });
    for (let i = 0; i < 20; i += 1) expect(run({ type: 'shop.undo' })).toEqual({ ok: true });
    expect(run({ type: 'shop.undo' })).toEqual({ ok: false, error: 'nothing-to-undo' });
    expect(Object.keys(state().customers)).toEqual(['chat:wa:0']);
  });

  it('ends an unread mark when the chat is opened in its page, under every key of its customer', () => {
    const people = [{ id: 'p1', chats: [ref, { serviceId: 'ig', chatId: 'ahmed.h' }] }];
    const customers = {
      'person:p1': record({ note: 'Keep me', unreadMark: 5 }),
      'chat:ig:ahmed.h': record({ unreadMark: 3 }),
      'phone:+966501234567': record({ unreadMark: 4, pinned: true }),
      'chat:tg:other': record({ unreadMark: 6 }),
    };
    const { shop, state, clock } = setup({ people, customers });
    clock.advance(MARK_GRACE_MS);
    shop.chatOpened(ref, '+966501234567');
    expect(state().customers['person:p1']).toEqual(record({ note: 'Keep me' }));
    // Blank now, but other keys of the customer keep records: it stays, so nothing older shows through.
    expect(state().customers['chat:ig:ahmed.h']).toEqual(record());
    expect(state().customers['phone:+966501234567']).toEqual(record({ pinned: true }));
    expect(state().customers['chat:tg:other']).toEqual(record({ unreadMark: 6 }));
  });

  it('keeps a mark the page’s report of an earlier opening catches up with', () => {
    const { shop, run, state, clock } = setup({ customers: { 'chat:wa:966501234567@c.us': record({ note: 'x' }) } });
    run({ type: 'customer.update', key: 'chat:wa:966501234567@c.us', from: [], unreadMark: true, undo: 'marked-unread' });
    const marked = state().customers['chat:wa:966501234567@c.us']?.unreadMark;
    clock.advance(MARK_GRACE_MS - 1);
    shop.chatOpened(ref, undefined);
    expect(state().customers['chat:wa:966501234567@c.us']?.unreadMark).toBe(marked);
    clock.advance(1);
    shop.chatOpened(ref, undefined);
    expect(state().customers['chat:wa:966501234567@c.us']).toEqual(record({ note: 'x' }));
  });

  it('drops a record that held only the mark when the chat is opened, and changes nothing without a mark', () => {
    const { shop, run, state, clock } = setup();
    run({ type: 'customer.update', key: 'chat:wa:966501234567@c.us', from: [], unreadMark: true });
    clock.advance(MARK_GRACE_MS);
    shop.chatOpened(ref, undefined);
    expect(state().customers).toEqual({});
    const before = state();
    shop.chatOpened(ref, undefined);
    expect(state()).toBe(before);
  });
});

describe('ShopController: reminders', () => {
  it('brings a customer back when the reminder is due, once, and keeps it until the user looks', () => {
    const { run, state, clock, reminded } = setup();
    const at = clock.now() + 3 * 60 * MIN;
    const reminder = { at, setAt: clock.now(), chat: ref, title: 'Ahmed Hassan' };
    run({ type: 'customer.update', key: 'person:p1', from: [], reminder });
    clock.advance(3 * 60 * MIN - 1);
    expect(reminded).toEqual([]);
    clock.advance(1);
    expect(reminded).toEqual([reminder]);
    expect(state().customers['person:p1']?.reminder).toEqual({ ...reminder, notified: true });
    clock.advance(24 * 60 * MIN);
    expect(reminded).toHaveLength(1);
    run({ type: 'customer.update', key: 'person:p1', from: [], reminder: null });
    expect(state().customers).not.toHaveProperty('person:p1');
  });

  it('clears the reminders of the records a merged entry was made from when its own is set or cleared', () => {
    const now = new Date(2026, 10, 21, 10, 0).getTime();
    const old = { at: now + 30 * MIN, setAt: now, chat: ref, title: 'Old' };
    const { run, state, clock, reminded } = setup({ customers: { 'chat:wa:1': record({ note: 'VIP', reminder: old }) } });
    run({ type: 'customer.update', key: 'person:p1', from: ['chat:wa:1'], reminder: null });
    expect(state().customers['chat:wa:1']).toEqual(record({ note: 'VIP' }));
    clock.advance(60 * MIN);
    expect(reminded).toEqual([]);
  });

  it('lets go of a reminder that went off once it is opened from its notification, for that chat only', () => {
    const { run, state, clock, shop } = setup();
    const now = clock.now();
    run({ type: 'customer.update', key: 'person:p1', from: [], note: 'x', reminder: { at: now + MIN, setAt: now, chat: ref, title: 'A' } });
    run({ type: 'customer.update', key: 'chat:tg:2', from: [], reminder: { at: now + MIN, setAt: now, chat: { serviceId: 'tg', chatId: '2' }, title: 'B' } });
    run({ type: 'customer.update', key: 'chat:wa:3', from: [], reminder: { at: now + 90 * MIN, setAt: now, chat: ref, title: 'later' } });
    clock.advance(MIN);
    shop.reminderOpened(ref);
    expect(state().customers['person:p1']).toEqual(record({ note: 'x' }));
    expect(state().customers['chat:tg:2']?.reminder?.notified).toBe(true);
    expect(state().customers['chat:wa:3']?.reminder?.title).toBe('later');
  });

  it('follows changes: an earlier reminder first, a cleared one never', () => {
    const { run, clock, reminded } = setup();
    const now = clock.now();
    run({ type: 'customer.update', key: 'chat:wa:a', from: [], reminder: { at: now + 60 * MIN, setAt: now, chat: ref, title: 'A' } });
    run({ type: 'customer.update', key: 'chat:wa:b', from: [], reminder: { at: now + 30 * MIN, setAt: now, chat: ref, title: 'B' } });
    run({ type: 'customer.update', key: 'chat:wa:c', from: [], reminder: { at: now + 45 * MIN, setAt: now, chat: ref, title: 'C' } });
    run({ type: 'customer.update', key: 'chat:wa:c', from: [], reminder: null });
    clock.advance(2 * 60 * MIN);
    expect(reminded.map((r) => r.title)).toEqual(['B', 'A']);
  });

  it('shows reminders that fell due while Wasl was closed as soon as it starts', () => {
    const clock = new ManualClock(new Date(2026, 10, 21, 10, 0).getTime());
    const due = { at: clock.now() - 60 * MIN, setAt: clock.now() - 120 * MIN, chat: ref, title: 'Missed' };
    const seen = { ...due, title: 'Already shown', notified: true };
    const store = createAppStore(stateOf({ customers: { 'chat:wa:1': record({ reminder: due }), 'chat:wa:2': record({ reminder: seen }) } }));
    const reminded: Reminder[] = [];
    new ShopController({ store, clock, log: new MemoryLogger(), newId: () => 'x', remind: (r) => reminded.push(r) });
    clock.advance(0);
    expect(reminded.map((r) => r.title)).toEqual(['Missed']);
  });

  it('waits past the longest timer Node can set', () => {
    const { run, clock, reminded } = setup();
    const far = clock.now() + 60 * 24 * 60 * MIN;
    run({ type: 'customer.update', key: 'chat:wa:1', from: [], reminder: { at: far, setAt: clock.now(), chat: ref, title: 'In two months' } });
    clock.advance(59 * 24 * 60 * MIN);
    expect(reminded).toEqual([]);
    clock.advance(24 * 60 * MIN);
    expect(reminded.map((r) => r.title)).toEqual(['In two months']);
  });
});

describe('ShopController: priority and restore', () => {
  it('knows a priority customer by the chat’s person, phone or own record', () => {
    const people = [{ id: 'p1', chats: [ref, { serviceId: 'ig', chatId: 'ahmed.h' }] }];
    const { shop, store } = setup({ people, customers: { 'chat:ig:ahmed.h': record({ priority: true }) } });
    expect(shop.isPriority({ serviceId: 'ig', chatId: 'ahmed.h' }, undefined)).toBe(true);
    // The person's own record has none yet: what it was made of counts.
    expect(shop.isPriority(ref, undefined)).toBe(true);
    store.setState({ customers: { ...store.getState().customers, 'person:p1': record({ priority: false }) } });
    expect(shop.isPriority(ref, undefined)).toBe(false);
    store.setState({ customers: { 'phone:+966501234567': record({ priority: true }) } });
    expect(shop.isPriority({ serviceId: 'tg', chatId: '777' }, '+966501234567')).toBe(true);
    expect(shop.isPriority({ serviceId: 'tg', chatId: '777' }, undefined)).toBe(false);
  });

  it('restores a backup’s data as one step that undo takes back', () => {
    const { shop, run, state } = setup({ quickReplies: [{ id: 'q1', name: 'mine', body: 'Mine' }] });
    const before = state();
    const backup = {
      settings: { ...DEFAULT_SETTINGS, language: 'ar' as const },
      people: [{ id: 'p9', chats: [ref] }],
      dismissedSuggestions: ['chat:a:1|chat:b:2'],
      quickReplies: [{ id: 'q9', name: 'theirs', body: 'Theirs' }],
      labels: [],
      customers: { 'person:p9': record({ note: 'From the backup' }) },
      products: [{ id: 'pr9', name: 'Theirs', price: { amount: '5', currency: 'EGP' }, inStock: true }],
      customerFields: [{ id: 'f9', name: 'City', type: 'text' as const }],
    };
    shop.restore(backup);
    expect(state()).toMatchObject({ ...backup, shopUndo: 'backup-restored' });
    run({ type: 'shop.undo' });
    for (const key of ['settings', 'people', 'dismissedSuggestions', 'quickReplies', 'labels', 'customers', 'products', 'customerFields'] as const) expect(state()[key]).toBe(before[key]);
  });
});

describe('ShopController: customer fields', () => {
  const city: FieldDef = { id: 'city', name: 'City', type: 'text' };
  const order: FieldDef = { id: 'order', name: 'Order', type: 'text' };

  it('adds fields up to the limit, trims choices, renames and moves', () => {
    const { run, state } = setup();
    expect(run({ type: 'customerField.save', name: 'Size', fieldType: 'choice', choices: [' S', 'M '] })).toEqual({ ok: true, id: 'id1' });
    expect(run({ type: 'customerField.save', name: 'City', fieldType: 'text' })).toEqual({ ok: true, id: 'id2' });
    expect(run({ type: 'customerField.save', id: 'id1', name: 'المقاس', fieldType: 'choice', choices: ['S', 'M', 'L'] })).toEqual({ ok: true, id: 'id1' });
    // Renaming a field to its own name in other letters is no clash with itself.
    expect(run({ type: 'customerField.save', id: 'id2', name: 'CITY', fieldType: 'text' })).toEqual({ ok: true, id: 'id2' });
    expect(run({ type: 'customerField.move', id: 'id2', index: 0 })).toEqual({ ok: true });
    expect(state().customerFields).toEqual([
      { id: 'id2', name: 'CITY', type: 'text' },
      { id: 'id1', name: 'المقاس', type: 'choice', choices: ['S', 'M', 'L'] },
    ]);
    const full = Array.from({ length: LIMITS.customerFields }, (_, i): FieldDef => ({ id: `f${i}`, name: `F${i}`, type: 'text' }));
    const other = setup({ customerFields: full });
    expect(other.run({ type: 'customerField.save', name: 'One more', fieldType: 'text' })).toEqual({ ok: false, error: 'full' });
    expect(other.state().customerFields).toBe(full);
  });

  it('converts the values when every one fits the changed field, and refuses the change when one does not', () => {
    const customers = { 'chat:a:1': record({ fields: { order: '١٢٣' } }), 'chat:a:2': record({ fields: { order: '45.5', city: 'Jeddah' } }) };
    const { run, state } = setup({ customerFields: [city, order], customers });
    expect(run({ type: 'customerField.save', id: 'order', name: 'Order', fieldType: 'number' })).toEqual({ ok: true, id: 'order' });
    expect(state().customers['chat:a:1']?.fields).toEqual({ order: 123 });
    expect(state().customers['chat:a:2']?.fields).toEqual({ order: 45.5, city: 'Jeddah' });
    expect(run({ type: 'customerField.save', id: 'city', name: 'City', fieldType: 'date' })).toEqual({ ok: false, error: 'invalid', detail: 'values-do-not-fit' });
    expect(state().customerFields[0]).toEqual(city);
    expect(run({ type: 'customerField.save', id: 'order', name: 'Order', fieldType: 'text' })).toEqual({ ok: true, id: 'order' });
    expect(state().customers['chat:a:1']?.fields).toEqual({ order: '123' });
  });

  it('sets, trims and clears values; a record holding only values is kept, and dropped once they are cleared', () => {
    const { run, state } = setup({ customerFields: [city, order] });
    expect(run({ type: 'customer.update', key: 'chat:a:1', from: [], fields: { city: '  Jeddah ' } })).toEqual({ ok: true });
    expect(state().customers['chat:a:1']).toEqual(record({ fields: { city: 'Jeddah' } }));
    expect(run({ type: 'customer.update', key: 'chat:a:1', from: [], fields: { order: 'A-7' } })).toEqual({ ok: true });
    expect(run({ type: 'customer.update', key: 'chat:a:1', from: [], fields: { city: null } })).toEqual({ ok: true });
    expect(state().customers['chat:a:1']?.fields).toEqual({ order: 'A-7' });
    expect(run({ type: 'customer.update', key: 'chat:a:1', from: [], fields: { order: null } })).toEqual({ ok: true });
    expect(state().customers).toEqual({});
    expect(run({ type: 'customer.update', key: 'chat:a:1', from: [], fields: { city: '   ' } })).toMatchObject({ ok: false, error: 'invalid' });
  });

  it('carries the values of the records an entry was made from into its own', () => {
    const customers = { 'chat:a:1': record({ fields: { city: 'Jeddah' } }), 'chat:b:2': record({ fields: { city: 'Riyadh', order: 'A-7' } }) };
    const { run, state } = setup({ customerFields: [city, order], customers });
    expect(run({ type: 'customer.update', key: 'person:p1', from: ['chat:a:1', 'chat:b:2'], note: 'VIP' })).toEqual({ ok: true });
    expect(state().customers['person:p1']?.fields).toEqual({ city: 'Jeddah', order: 'A-7' });
  });

  it('takes a deleted field’s values off every customer, and undo brings back only those', () => {
    const customers = { 'chat:a:1': record({ note: 'n', fields: { city: 'Jeddah', order: 'A-7' } }), 'chat:a:2': record({ fields: { city: 'Riyadh' } }) };
    const { run, state } = setup({ customerFields: [city, order], customers });
    expect(run({ type: 'customerField.delete', id: 'city' })).toEqual({ ok: true });
    expect(state().shopUndo).toBe('field-deleted');
    expect(state().customers['chat:a:1']).toEqual(record({ note: 'n', fields: { order: 'A-7' } }));
    expect(state().customers['chat:a:2']).toEqual(record());
    run({ type: 'customer.update', key: 'chat:a:1', from: [], note: 'edited since' });
    run({ type: 'shop.undo' });
    expect(state().customerFields).toEqual([city, order]);
    expect(state().customers['chat:a:1']).toEqual(record({ note: 'edited since', fields: { city: 'Jeddah', order: 'A-7' } }));
    expect(state().customers['chat:a:2']).toEqual(record({ fields: { city: 'Riyadh' } }));
  });
});

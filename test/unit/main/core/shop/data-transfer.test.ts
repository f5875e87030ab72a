import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { commandSchema } from '../../../../../common/ipc';
import { DEFAULT_SETTINGS } from '../../../../../common/settings';
import type { ServiceConfig, ServiceSnapshot } from '../../../../../common/model';
import { BOM } from '../../../../../common/shop/csv';
import { qrPng, qrSvg } from '../../../../../common/shop/qr-code';
import type { FieldDef } from '../../../../../common/shop/fields';
import type { Customer } from '../../../../../common/shop/model';
import { createAppStore } from '../../../../../main/core/app/app-store';
import { DataTransfer, MAX_FILE_BYTES, type DataCommand } from '../../../../../main/core/shop/data-transfer';
import { ShopController } from '../../../../../main/core/shop/shop';
import { labelName } from '../../../../../main/i18n';
import { CURRENT_VERSION } from '../../../../../main/core/settings/document';
import { pickPersisted } from '../../../../../main/core/settings/document';
import { readBackup, readReplies, writeBackup, writeReplies } from '../../../../../main/core/shop/backup';
import { ManualClock } from '../../../../fakes/clock';
import { MemoryFiles } from '../../../../fakes/files';
import { MemoryLogger } from '../../../../fakes/logger';
import { stateOf } from '../../../../fakes/state';

const svc = (id: string, platform: ServiceConfig['platform'], name: string): ServiceConfig => ({ id, platform, name, enabled: true, muted: false, callsAllowed: false });
const record = (parts: Partial<Customer> = {}): Customer => ({ labels: [], note: '', status: 'open', statusAt: 0, priority: false, ...parts });
const NOW = new Date(2026, 10, 21, 14, 20).getTime();

function setup(parts: Parameters<typeof stateOf>[0] = {}, snapshots: Record<string, ServiceSnapshot> = {}) {
  const clock = new ManualClock(NOW);
  const store = createAppStore(stateOf(parts));
  const log = new MemoryLogger();
  let ids = 0;
  const shop = new ShopController({ store, clock, log, newId: () => `new${++ids}`, remind: () => undefined });
  const files = new MemoryFiles();
  const adopted: ServiceConfig[][] = [];
  const copied: string[] = [];
  const data = new DataTransfer({
    store,
    files,
    clock,
    log,
    shop,
    chats: () => snapshots,
    adoptServices: (configs) => adopted.push([...configs]),
    copyText: (text) => {
      copied.push(text);
    },
    csvText: () => ({
      header: ['Name', 'Platforms', 'Phone numbers', 'Labels', 'Notes', 'Last contact'],
      labelName: (label) => labelName('en', label),
      platformName: (service) => `${service.platform} (${service.name})`,
    }),
  });
  const run = (cmd: DataCommand) => data.command(cmd);
  return { store, files, adopted, copied, data, run, log, shop, state: () => store.getState() };
}

const wa = svc('wa', 'whatsapp', 'Shop');
const ig = svc('ig', 'instagram', 'Instagram');

describe('backup', () => {
  it('saves all of Wasl’s data to the file the user picks, named for the day', async () => {
    const { run, files, state } = setup({
      services: [wa],
      activeServiceId: 'wa',
      quickReplies: [{ id: 'q1', name: 'hi', body: 'Hello {name}' }],
      customers: { 'chat:wa:1': record({ note: 'VIP' }) },
    });
    files.savePath = '/home/user/Documents/wasl-backup-2026-11-21.json';
    expect(await run({ type: 'data.export', what: 'backup' })).toEqual({ ok: true });
    expect(files.asked).toEqual([{ action: 'save', kind: 'backup', defaultName: 'wasl-backup-2026-11-21.json' }]);
    const text = files.written.get('/home/user/Documents/wasl-backup-2026-11-21.json') ?? '';
    const saved = JSON.parse(text) as Record<string, unknown>;
    expect(saved).toMatchObject({ app: 'wasl', kind: 'backup', version: CURRENT_VERSION, exportedAt: new Date(NOW).toISOString() });
    expect(readBackup(text)).toEqual({ ok: true, data: pickPersisted(state()) });
  });

  it('says cancelled, and writes nothing, when the user closes the dialog', async () => {
    const { run, files } = setup();
    files.savePath = undefined;
    expect(await run({ type: 'data.export', what: 'backup' })).toEqual({ ok: false, error: 'cancelled' });
    expect(files.written.size).toBe(0);
  });

  it('reports a disk that refuses the file', async () => {
    const { run, files, log } = setup();
    files.failWrite = true;
    expect(await run({ type: 'data.export', what: 'customers-csv' })).toEqual({ ok: false, error: 'failed', detail: 'ENOSPC: no space left on device' });
    expect(log.lines.some((l) => l.level === 'error')).toBe(true);
  });

  it('restores a backup: data replaced, missing accounts added, one undo away', async () => {
    const source = setup({
      services: [wa, ig],
      settings: { ...DEFAULT_SETTINGS, language: 'ar', defaultRegion: 'SA' },
      people: [{ id: 'p1', chats: [{ serviceId: 'wa', chatId: '1' }, { serviceId: 'ig', chatId: 'a' }] }],
      quickReplies: [{ id: 'q1', name: 'hi', body: 'أهلاً {first_name}' }],
      customers: {
        'person:p1': record({ labels: ['preset-paid'], note: 'Wholesale' }),
        'chat:ig:b': record({ pinned: true, unreadMark: NOW - 60_000, status: 'done', statusAt: NOW - 120_000 }),
      },
    });
    const backup = writeBackup(pickPersisted(source.state()), NOW);

    const target = setup({ services: [wa], quickReplies: [{ id: 'mine', name: 'mine', body: 'Mine' }] });
    const before = target.state();
    target.files.openPath = '/media/usb/backup.json';
    target.files.contents.set('/media/usb/backup.json', backup);
    expect(await target.run({ type: 'data.import', what: 'backup' })).toEqual({ ok: true });
    expect(target.state()).toMatchObject({
      settings: source.state().settings,
      people: source.state().people,
      quickReplies: source.state().quickReplies,
      customers: source.state().customers,
      shopUndo: 'backup-restored',
    });
    expect(target.adopted).toEqual([[ig]]);
    // The accounts and the one in front are this computer's.
    expect(target.state().services).toBe(before.services);
    expect(target.shop.command({ type: 'shop.undo' })).toEqual({ ok: true });
    expect(target.state().quickReplies).toBe(before.quickReplies);
    expect(target.state().settings).toBe(before.settings);
  });

  it('carries the products there and back, and undo takes the restored ones away again', async () => {
    const products = [
      { id: 'pr1', name: 'عباية زرقاء', price: { amount: '45.5', currency: 'SAR' }, link: 'https://shop.example/abaya', photo: 'https://cdn.example/a.jpg', inStock: true },
      { id: 'pr2', name: 'Scarf', price: { amount: '7.125', currency: 'JOD' }, inStock: false },
    ];
    const backup = writeBackup(pickPersisted(setup({ services: [wa], products }).state()), NOW);
    expect(readBackup(backup)).toMatchObject({ ok: true, data: { products } });

    const mine = [{ id: 'mine', name: 'Mine', price: { amount: '1', currency: 'USD' }, inStock: true }];
    const target = setup({ services: [wa], products: mine });
    target.files.openPath = '/media/usb/backup.json';
    target.files.contents.set('/media/usb/backup.json', backup);
    expect(await target.run({ type: 'data.import', what: 'backup' })).toEqual({ ok: true });
    expect(target.state().products).toEqual(products);
    expect(target.shop.command({ type: 'shop.undo' })).toEqual({ ok: true });
    expect(target.state().products).toBe(mine);
  });

  it('refuses a backup with a product it cannot read, changing nothing', async () => {
    const bad = { id: 'pr1', name: 'Scarf', price: { amount: '7.1', currency: 'SAR' }, link: 'http://shop.example/', inStock: true };
    const text = JSON.stringify({ app: 'wasl', kind: 'backup', version: CURRENT_VERSION, products: [bad] });
    const { run, files, state } = setup({ services: [wa] });
    const before = state();
    files.openPath = '/tmp/file.json';
    files.contents.set('/tmp/file.json', text);
    expect(await run({ type: 'data.import', what: 'backup' })).toEqual({ ok: false, error: 'invalid-file', detail: 'invalid' });
    expect(state()).toBe(before);
  });

  it('carries the customer fields and their values there and back, one undo away', async () => {
    const customerFields: FieldDef[] = [
      { id: 'f1', name: 'المدينة', type: 'text' },
      { id: 'f2', name: 'Order number', type: 'number' },
      { id: 'f3', name: 'Birthday', type: 'date' },
      { id: 'f4', name: 'Size', type: 'choice', choices: ['S', 'M', 'L'] },
    ];
    const customers = { 'person:p1': record({ fields: { f1: 'جدة', f2: 12345.5, f3: '1990-02-28', f4: 'M' } }) };
    const backup = writeBackup(pickPersisted(setup({ customerFields, customers }).state()), NOW);
    expect(readBackup(backup)).toMatchObject({ ok: true, data: { customerFields, customers } });

    const target = setup({ customerFields: [{ id: 'mine', name: 'Mine', type: 'text' }] });
    const before = target.state();
    target.files.openPath = '/backup.json';
    target.files.contents.set('/backup.json', backup);
    expect(await target.run({ type: 'data.import', what: 'backup' })).toEqual({ ok: true });
    expect(target.state().customerFields).toEqual(customerFields);
    expect(target.state().customers).toEqual(customers);
    target.shop.command({ type: 'shop.undo' });
    expect(target.state().customerFields).toBe(before.customerFields);
  });

  it("carries the shop's greeting and chat link entries there and back, one undo away; a damaged entry refuses the backup", async () => {
    const chatLinks = { ...DEFAULT_SETTINGS.shop.chatLinks, last: 'telegram' as const, whatsapp: { account: '050 123', message: 'مرحبا' }, telegram: { account: 'sweet_shop', message: 'Hi' } };
    const shop = { ...DEFAULT_SETTINGS.shop, greeting: 'أهلاً بك', chatLinks };
    const backup = writeBackup(pickPersisted(setup({ settings: { ...DEFAULT_SETTINGS, shop } }).state()), NOW);
    expect(readBackup(backup)).toMatchObject({ ok: true, data: { settings: { shop } } });

    const target = setup();
    const before = target.state();
    target.files.openPath = '/backup.json';
    target.files.contents.set('/backup.json', backup);
    expect(await target.run({ type: 'data.import', what: 'backup' })).toEqual({ ok: true });
    expect(target.state().settings.shop).toEqual(shop);
    target.shop.command({ type: 'shop.undo' });
    expect(target.state().settings).toBe(before.settings);

    const damaged = backup.replace('"sweet_shop"', '7');
    expect(damaged).not.toBe(backup);
    expect(readBackup(damaged)).toEqual({ ok: false, reason: 'invalid', detail: '1 invalid part(s)' });
  });

  it('never turns calls on by itself: accounts added from a backup come with camera and microphone off', async () => {
    const calling = { ...ig, callsAllowed: true };
    const tg = { ...svc('tg', 'telegram', 'Telegram'), callsAllowed: true };
    const backup = writeBackup(pickPersisted(setup({ services: [wa, calling, tg] }).state()), NOW);
    expect(readBackup(backup)).toMatchObject({ ok: true, data: { services: [wa, calling, tg] } });

    const target = setup({ services: [wa] });
    target.files.openPath = '/media/usb/backup.json';
    target.files.contents.set('/media/usb/backup.json', backup);
    expect(await target.run({ type: 'data.import', what: 'backup' })).toEqual({ ok: true });
    expect(target.adopted).toEqual([[ig, { ...tg, callsAllowed: false }]]);
  });

  it.each([
    ['not JSON', '{"app":"wasl", trunc', 'not-json'],
    ['another program’s JSON', '{"name":"something else"}', 'wrong-kind'],
    ['quick replies instead of a backup', writeReplies([{ id: 'q', name: 'a', body: 'b' }]), 'wrong-kind'],
    ['a newer Wasl’s backup', JSON.stringify({ app: 'wasl', kind: 'backup', version: CURRENT_VERSION + 1, services: [] }), `newer:${CURRENT_VERSION + 1}`],
    ['a backup with one bad service', JSON.stringify({ app: 'wasl', kind: 'backup', version: CURRENT_VERSION, services: [{ id: 'x', platform: 'skype', name: 'x', enabled: true }] }), 'invalid'],
    ['a backup without a version', JSON.stringify({ app: 'wasl', kind: 'backup' }), 'invalid'],
    [
      'a customer with a label the backup lacks',
      JSON.stringify({ app: 'wasl', kind: 'backup', version: CURRENT_VERSION, labels: [], customers: { 'chat:wa:1': record({ labels: ['preset-paid'] }) } }),
      'invalid',
    ],
    [
      'a customer with a value of a field the backup lacks',
      JSON.stringify({ app: 'wasl', kind: 'backup', version: CURRENT_VERSION, customerFields: [], customers: { 'chat:wa:1': record({ fields: { city: 'Jeddah' } }) } }),
      'invalid',
    ],
    [
      'a customer with a value that does not fit its field',
      JSON.stringify({ app: 'wasl', kind: 'backup', version: CURRENT_VERSION, customerFields: [{ id: 'n', name: 'Order', type: 'number' }], customers: { 'chat:wa:1': record({ fields: { n: 'twelve' } }) } }),
      'invalid',
    ],
    [
      'a choice field without its choices',
      JSON.stringify({ app: 'wasl', kind: 'backup', version: CURRENT_VERSION, customerFields: [{ id: 's', name: 'Size', type: 'choice' }] }),
      'invalid',
    ],
    [
      'a customer with a bad pin',
      JSON.stringify({ app: 'wasl', kind: 'backup', version: CURRENT_VERSION, customers: { 'chat:wa:1': { ...record(), pinned: 'yes' } } }),
      'invalid',
    ],
  ])('refuses %s and changes nothing', async (_what, text, detail) => {
    const { run, files, state, adopted } = setup({ services: [wa], quickReplies: [{ id: 'q1', name: 'hi', body: 'Hi' }] });
    const before = state();
    files.openPath = '/tmp/file.json';
    files.contents.set('/tmp/file.json', text);
    expect(await run({ type: 'data.import', what: 'backup' })).toEqual({ ok: false, error: 'invalid-file', detail });
    expect(state()).toBe(before);
    expect(adopted).toEqual([]);
  });

  it('reads a backup an older Wasl wrote, migrating it', () => {
    const v2 = JSON.stringify({ app: 'wasl', kind: 'backup', version: 2, services: [wa], activeServiceId: 'wa', view: 'inbox', settings: DEFAULT_SETTINGS, people: [], dismissedSuggestions: [] });
    const read = readBackup(v2);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.data.labels.map((l) => l.preset)).toEqual(['new-customer', 'new-order', 'pending-payment', 'paid', 'order-complete']);
  });

  it('reports a file it cannot read, and one too large to be a backup', async () => {
    const { run, files } = setup();
    files.openPath = '/gone.json';
    expect(await run({ type: 'data.import', what: 'backup' })).toEqual({ ok: false, error: 'failed', detail: "ENOENT: no such file, open '/gone.json'" });
    files.openPath = '/huge.json';
    files.contents.set('/huge.json', 'x'.repeat(MAX_FILE_BYTES + 1));
    expect(await run({ type: 'data.import', what: 'backup' })).toMatchObject({ ok: false, error: 'failed' });
  });
});

describe('quick replies file', () => {
  it('exports the library and imports it into another, skipping what is there', async () => {
    const replies = [{ id: 'q1', name: 'hours', body: 'We open at 10' }, { id: 'q2', name: 'شكر', body: 'شكراً {first_name}!' }];
    const source = setup({ quickReplies: replies });
    source.files.savePath = '/out/replies.json';
    expect(await source.run({ type: 'data.export', what: 'quick-replies' })).toEqual({ ok: true });
    expect(source.files.asked[0]).toEqual({ action: 'save', kind: 'quick-replies', defaultName: 'wasl-quick-replies.json' });
    const text = source.files.written.get('/out/replies.json') ?? '';
    expect(readReplies(text)).toEqual({ ok: true, data: [{ name: 'hours', body: 'We open at 10' }, { name: 'شكر', body: 'شكراً {first_name}!' }] });

    const target = setup({ quickReplies: [{ id: 'mine', name: 'hours', body: 'We open at 10' }] });
    target.files.openPath = '/in/replies.json';
    target.files.contents.set('/in/replies.json', text);
    expect(await target.run({ type: 'data.import', what: 'quick-replies' })).toEqual({ ok: true });
    expect(target.state().quickReplies.map((r) => r.name)).toEqual(['hours', 'شكر']);
  });

  it('carries trigger phrases both ways, in a version 2 file only when a reply has some', async () => {
    const plain = [{ id: 'q1', name: 'hours', body: 'We open at 10' }];
    expect(JSON.parse(writeReplies(plain))).toMatchObject({ version: 1, replies: [{ name: 'hours', body: 'We open at 10' }] });
    const replies = [...plain, { id: 'q2', name: 'prices', body: 'Our prices', triggers: ['how much', 'كم السعر'] }];
    const source = setup({ quickReplies: replies });
    source.files.savePath = '/out/replies.json';
    await source.run({ type: 'data.export', what: 'quick-replies' });
    const text = source.files.written.get('/out/replies.json') ?? '';
    expect(JSON.parse(text)).toMatchObject({ version: 2 });
    expect((JSON.parse(text) as { replies: unknown[] }).replies[0]).not.toHaveProperty('triggers');

    const target = setup({ quickReplies: [{ id: 'mine', name: 'hours', body: 'We open at 10', triggers: ['opening hours'] }] });
    target.files.openPath = '/in/replies.json';
    target.files.contents.set('/in/replies.json', text);
    expect(await target.run({ type: 'data.import', what: 'quick-replies' })).toEqual({ ok: true });
    expect(target.state().quickReplies).toEqual([
      { id: 'mine', name: 'hours', body: 'We open at 10', triggers: ['opening hours'] },
      { id: 'new1', name: 'prices', body: 'Our prices', triggers: ['how much', 'كم السعر'] },
    ]);
  });

  it('keeps trigger phrases in a backup and its restore, and refuses a backup whose phrases are damaged', () => {
    const quickReplies = [{ id: 'q1', name: 'prices', body: 'Our prices', triggers: ['how much', 'كم السعر'] }];
    const text = writeBackup(pickPersisted(stateOf({ quickReplies })), NOW);
    const read = readBackup(text);
    expect(read.ok && read.data.quickReplies).toEqual(quickReplies);
    const damaged = text.replace('"how much"', '"كم السِّعر"');
    expect(damaged).not.toBe(text);
    expect(readBackup(damaged)).toEqual({ ok: false, reason: 'invalid', detail: '1 invalid part(s)' });
  });

  it.each([
    ['a backup', writeBackup(pickPersisted(stateOf()), NOW), 'wrong-kind'],
    ['an empty name', JSON.stringify({ app: 'wasl', kind: 'quick-replies', version: 1, replies: [{ name: ' ', body: 'x' }] }), 'invalid'],
    ['an extra field', JSON.stringify({ app: 'wasl', kind: 'quick-replies', version: 1, replies: [{ name: 'a', body: 'x', id: 'q' }] }), 'invalid'],
    ['a newer format', JSON.stringify({ app: 'wasl', kind: 'quick-replies', version: 3, replies: [] }), 'newer:3'],
    ['too many trigger phrases', JSON.stringify({ app: 'wasl', kind: 'quick-replies', version: 2, replies: [{ name: 'a', body: 'x', triggers: Array.from({ length: 11 }, (_, i) => `t${i}`) }] }), 'invalid'],
    ['two trigger phrases that read the same', JSON.stringify({ app: 'wasl', kind: 'quick-replies', version: 2, replies: [{ name: 'a', body: 'x', triggers: ['أين', 'اين'] }] }), 'invalid'],
    ['a blank trigger phrase', JSON.stringify({ app: 'wasl', kind: 'quick-replies', version: 2, replies: [{ name: 'a', body: 'x', triggers: [' '] }] }), 'invalid'],
  ])('refuses %s', async (_what, text, detail) => {
    const { run, files, state } = setup({ quickReplies: [] });
    files.openPath = '/in.json';
    files.contents.set('/in.json', text);
    expect(await run({ type: 'data.import', what: 'quick-replies' })).toEqual({ ok: false, error: 'invalid-file', detail });
    expect(state().quickReplies).toEqual([]);
  });
});

describe('customers as CSV', () => {
  it('writes one row per customer with platforms, phones, labels, notes and last contact; groups left out', async () => {
    const snapshots: Record<string, ServiceSnapshot> = {
      wa: {
        loggedIn: true,
        unread: { direct: 0, indirect: 0 },
        chats: [
          { id: '966501234567@c.us', title: 'Ahmed Hassan', phone: '+966501234567', lastActivity: new Date(2026, 10, 21, 9, 5).getTime(), unread: 0 },
          { id: 'grp', title: 'عائلة العتيبي', kind: 'group', lastActivity: NOW, unread: 0 },
          { id: 'f', title: '=HYPERLINK("http://x","y")', lastActivity: new Date(2026, 10, 20, 18, 0).getTime(), unread: 0 },
        ],
      },
      ig: {
        loggedIn: true,
        unread: { direct: 0, indirect: 0 },
        chats: [{ id: 'ahmed.h', title: 'ahmed.hassan', lastActivity: new Date(2026, 10, 21, 11, 2).getTime(), unread: 0 }],
      },
    };
    const { run, files } = setup(
      {
        services: [wa, ig],
        labels: [{ id: 'preset-paid', color: 'green', preset: 'paid' }, { id: 'l1', color: 'purple', name: 'جملة' }],
        people: [{ id: 'p1', displayName: 'أحمد حسن', chats: [{ serviceId: 'wa', chatId: '966501234567@c.us' }, { serviceId: 'ig', chatId: 'ahmed.h' }] }],
        customers: {
          'person:p1': record({ labels: ['l1', 'preset-paid'], note: 'Pays on delivery, "cash only"\nCalls after 5' }),
          'chat:wa:f': record({ note: '+1 prank' }),
        },
      },
      snapshots,
    );
    files.savePath = '/out/customers.csv';
    expect(await run({ type: 'data.export', what: 'customers-csv' })).toEqual({ ok: true });
    expect(files.asked[0]).toMatchObject({ defaultName: 'wasl-customers-2026-11-21.csv' });
    const csv = files.written.get('/out/customers.csv') ?? '';
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Name,Platforms,Phone numbers,Labels,Notes,Last contact',
      `أحمد حسن,instagram (Instagram); whatsapp (Shop),'+966501234567,جملة; Paid,"Pays on delivery, ""cash only""\nCalls after 5",2026-11-21 11:02`,
      `"'=HYPERLINK(""http://x"",""y"")",whatsapp (Shop),,,'+1 prank,2026-11-20 18:00`,
      '',
    ]);
  });

  it('gives each customer field a column named for it, numbers and dates written plainly', async () => {
    const snapshots: Record<string, ServiceSnapshot> = {
      wa: {
        loggedIn: true,
        unread: { direct: 0, indirect: 0 },
        chats: [
          { id: '1', title: 'Sara', lastActivity: new Date(2026, 10, 21, 9, 5).getTime(), unread: 0 },
          { id: '2', title: 'Omar', lastActivity: new Date(2026, 10, 20, 9, 5).getTime(), unread: 0 },
        ],
      },
    };
    const { run, files } = setup(
      {
        services: [wa],
        settings: { ...DEFAULT_SETTINGS, language: 'ar', digits: 'arab' },
        customerFields: [
          { id: 'f1', name: 'المدينة', type: 'text' },
          { id: 'f2', name: 'Order, number', type: 'number' },
          { id: 'f3', name: 'Birthday', type: 'date' },
          { id: 'f4', name: 'Size', type: 'choice', choices: ['S', '-M'] },
        ],
        customers: { 'chat:wa:1': record({ fields: { f1: 'جدة', f2: 1234567.25, f3: '1990-02-28', f4: '-M' } }), 'chat:wa:2': record({ fields: { f2: -3 } }) },
      },
      snapshots,
    );
    files.savePath = '/out/customers.csv';
    expect(await run({ type: 'data.export', what: 'customers-csv' })).toEqual({ ok: true });
    expect((files.written.get('/out/customers.csv') ?? '').slice(1).split('\r\n')).toEqual([
      'Name,Platforms,Phone numbers,Labels,Notes,Last contact,المدينة,"Order, number",Birthday,Size',
      `Sara,whatsapp (Shop),,,,2026-11-21 09:05,جدة,1234567.25,1990-02-28,'-M`,
      'Omar,whatsapp (Shop),,,,2026-11-20 09:05,,-3,,',
      '',
    ]);
  });
});

describe('QR codes of chat links', () => {
  const link = 'https://wa.me/966501234567?text=%D9%85%D8%B1%D8%AD%D8%A8%D8%A7%20%23%31';

  it('saves the PNG main draws from the link, in the file the user picks, named for the platform', async () => {
    const { run, files, log } = setup();
    files.savePath = '/home/user/Documents/flyer.png';
    expect(await run({ type: 'chatLink.save', link, format: 'png' })).toEqual({ ok: true });
    expect(files.asked).toEqual([{ action: 'save', kind: 'qr-png', defaultName: 'wasl-whatsapp-qr.png' }]);
    const bytes = files.writtenBytes.get('/home/user/Documents/flyer.png');
    expect(bytes).toEqual(qrPng(link));
    const png = PNG.sync.read(Buffer.from(bytes ?? []));
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(link);
    expect(log.lines).toEqual([{ level: 'info', message: 'chat link QR code saved', fields: { host: 'wa.me', format: 'png' } }]);
  });

  it('saves the SVG as text', async () => {
    const { run, files } = setup();
    files.savePath = '/home/user/Documents/flyer.svg';
    expect(await run({ type: 'chatLink.save', link: 'https://t.me/sweet_shop', format: 'svg' })).toEqual({ ok: true });
    expect(files.asked).toEqual([{ action: 'save', kind: 'qr-svg', defaultName: 'wasl-telegram-qr.svg' }]);
    expect(files.written.get('/home/user/Documents/flyer.svg')).toBe(qrSvg('https://t.me/sweet_shop'));
  });

  it('copies the link to the clipboard', async () => {
    const { data, copied } = setup();
    expect(await data.copyLink({ type: 'chatLink.copy', link })).toEqual({ ok: true });
    expect(copied).toEqual([link]);
  });

  it('says so when the clipboard refuses', async () => {
    const { data, copied, log } = setup();
    copied.push = () => {
      throw new Error('clipboard busy');
    };
    expect(await data.copyLink({ type: 'chatLink.copy', link })).toEqual({ ok: false, error: 'failed', detail: 'clipboard busy' });
    expect(log.count('error', 'could not copy a chat link')).toBe(1);
  });

  it('writes nothing when the user closes the dialog', async () => {
    const { run, files } = setup();
    files.savePath = undefined;
    expect(await run({ type: 'chatLink.save', link, format: 'png' })).toEqual({ ok: false, error: 'cancelled' });
    expect(files.writtenBytes.size + files.written.size).toBe(0);
  });

  it('says why the file could not be written', async () => {
    const { run, files } = setup();
    files.failWrite = true;
    expect(await run({ type: 'chatLink.save', link, format: 'svg' })).toEqual({ ok: false, error: 'failed', detail: 'ENOSPC: no space left on device' });
  });

  it.each(['https://evil.example/x', 'https://wa.me/966501234567?text=a b', 'javascript:alert(1)'])('the command schema refuses the link %s', (bad) => {
    expect(commandSchema.safeParse({ type: 'chatLink.save', link: bad, format: 'png' }).success).toBe(false);
  });
});

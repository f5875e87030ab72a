import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../common/settings';
import { CURRENT_VERSION, defaultDocument, MIGRATIONS, readDocument, toDisk, type PersistedDoc } from '../../../../main/core/settings/document';
import { ROTATE_MS } from '../../../../main/persistence/last-good';
import { openSettings, type KeyValueFileFactory } from '../../../../main/persistence/settings-file';
import { ManualClock } from '../../../fakes/clock';
import { MemoryLogger } from '../../../fakes/logger';

const whatsapp = { id: 'a1', platform: 'whatsapp', name: 'Shop', enabled: true, muted: false, callsAllowed: false };
const telegram = { id: 'b2', platform: 'telegram', name: 'تيليجرام', enabled: false, muted: true, callsAllowed: true };

const settings = {
  ...DEFAULT_SETTINGS,
  theme: 'dark',
  language: 'ar',
  defaultRegion: 'SA',
  notifications: { sound: false, privateMode: true, dndUntil: 1_800_000_000_000, quietHours: { enabled: true, from: '22:30', to: '07:00' } },
  shop: {
    name: 'متجر هبة',
    hoursEnabled: true,
    hours: [
      { open: false, from: '09:00', to: '21:00' },
      ...Array.from({ length: 5 }, () => ({ open: true, from: '10:00', to: '22:00' })),
      { open: true, from: '16:00', to: '01:00' },
    ],
    holdOutsideHours: true,
    specialHours: [{ id: 'ramadan', name: 'رمضان', from: '2026-02-18', to: '2026-03-19', hours: { from: '20:00', to: '03:00' } }],
    greeting: 'أهلًا {first_name}، مرحبًا بك!',
    away: 'We are closed now and answer from 10 am.',
    chatLinks: { ...DEFAULT_SETTINGS.shop.chatLinks, last: 'whatsapp', whatsapp: { account: '050 123 4567', message: 'مرحبا' } },
  },
};
const person = { id: 'p1', displayName: 'أحمد (زبون)', chats: [{ serviceId: 'a1', chatId: '966501234567@c.us' }, { serviceId: 'b2', chatId: '777' }] };

const reply = { id: 'q1', name: 'prices', body: 'أهلاً {first_name}! الأسعار في الصورة 👇', triggers: ['كم السعر', 'price list'] };
const labels = [
  { id: 'preset-paid', color: 'green', preset: 'paid' },
  { id: 'l1', color: 'purple', name: 'جملة' },
];
const customerFields = [
  { id: 'city', name: 'المدينة', type: 'text' },
  { id: 'size', name: 'Size', type: 'choice', choices: ['S', 'M', 'L'] },
];
const customers = {
  'person:p1': {
    labels: ['l1', 'preset-paid'],
    note: 'Wholesale, pays on delivery',
    status: 'awaiting-customer',
    statusAt: 1_800_000_000_000,
    priority: true,
    reminder: { at: 1_800_000_600_000, setAt: 1_800_000_000_000, chat: { serviceId: 'a1', chatId: '966501234567@c.us' }, title: 'أحمد (زبون)' },
    fields: { city: 'جدة', size: 'M' },
  },
  'chat:b2:777': { labels: [], note: '', status: 'done', statusAt: 1_700_000_000_000, priority: false },
};

const product = { id: 'pr1', name: 'عباية زرقاء', price: { amount: '45.5', currency: 'SAR' }, link: 'https://shop.example/abaya', inStock: true };

const good = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  version: CURRENT_VERSION,
  services: [whatsapp, telegram],
  activeServiceId: 'b2',
  view: 'inbox',
  settings,
  people: [person],
  dismissedSuggestions: ['chat:a1:1|chat:b2:2'],
  quickReplies: [reply],
  labels,
  customers,
  products: [product],
  customerFields,
  packs: { pinBuiltIn: true, rolledBack: [{ platform: 'whatsapp', from: '1.3.0', to: '1.2.0', at: 1_800_000_000_000 }] },
  packReads: { whatsapp: { '1.2.0': 40, '1.3.0': 0 } },
  window: { x: 10, y: 20, width: 1000, height: 700, maximized: false },
  pendingDeletions: [],
  ...extra,
});

describe('readDocument', () => {
  it('reads a valid document unchanged', () => {
    const { doc, problem } = readDocument(good());
    expect(problem).toBeUndefined();
    expect(toDisk(doc)).toEqual(good());
  });

  it('keeps each service’s power choices, and a service with a bad one keeps its defaults and says so', () => {
    const choices = { ...whatsapp, alwaysOn: true, sleepAfterMin: 60, checkEveryMin: 0 };
    expect(readDocument(good({ services: [choices, telegram] })).doc.services[0]).toEqual(choices);
    const bad = { ...telegram, alwaysOn: 'yes', sleepAfterMin: 7, checkEveryMin: 15 };
    const { doc, problem } = readDocument(good({ services: [whatsapp, bad] }));
    expect(doc.services[1]).toEqual({ ...telegram, checkEveryMin: 15 });
    expect(problem).toEqual({ kind: 'repaired', dropped: 2 });
  });

  it('keeps a service’s compact view, and a service with a bad one keeps the service without it and says so', () => {
    const compact = { ...whatsapp, compact: true };
    expect(readDocument(good({ services: [compact, telegram] })).doc.services[0]).toEqual(compact);
    const { doc, problem } = readDocument(good({ services: [whatsapp, { ...telegram, compact: 'on' }] }));
    expect(doc.services).toEqual([whatsapp, telegram]);
    expect(problem).toEqual({ kind: 'repaired', dropped: 1 });
  });

  it('treats an empty file as a first start', () => {
    expect(readDocument({})).toEqual({ doc: defaultDocument() });
  });

  it.each([
    ['an array', [1, 2]],
    ['a number', 42],
    ['null', null],
    ['no version', { services: [] }],
    ['a string version', { version: '1' }],
    ['version 0', { version: 0 }],
  ])('gives up on %s and says why', (_label, raw) => {
    const { doc, problem } = readDocument(raw);
    expect(doc).toEqual(defaultDocument());
    expect(problem?.kind).toBe('unusable');
  });

  it('keeps the valid services and settings of a damaged document, counting what it dropped', () => {
    const raw = good({
      services: [
        whatsapp,
        { ...telegram, platform: 'skype' },
        { id: 'c3', platform: 'custom', name: 'Store chat', enabled: true, url: 'http://insecure.example' },
        { id: 'd4', platform: 'custom', name: 'Store chat', enabled: true, url: 'https://chat.example.com' },
        { ...whatsapp, name: 'Duplicate id' },
        { id: '../../x', platform: 'whatsapp', name: 'Path', enabled: true },
        'garbage',
      ],
      activeServiceId: 'b2',
      view: 'sideways',
      settings: { theme: 'purple', language: 'ar', defaultRegion: 'Saudi', notifications: { sound: 'loud', privateMode: true, quietHours: { enabled: true, from: '25:00', to: '07:00' } } },
      people: [person, { id: 'p2', chats: 'all' }, { ...person, displayName: 'Duplicate id' }],
      dismissedSuggestions: ['a|b', 42, 'no separator'],
      window: { width: 'wide' },
    });
    const { doc, problem } = readDocument(raw);
    expect(doc.services.map((s) => s.id)).toEqual(['a1', 'd4']);
    expect(doc.services[1]).toEqual({ id: 'd4', platform: 'custom', name: 'Store chat', enabled: true, muted: false, callsAllowed: false, url: 'https://chat.example.com/' });
    expect(doc.activeServiceId).toBe('a1');
    expect(doc.view).toBe('inbox');
    expect(doc.settings).toEqual({ ...DEFAULT_SETTINGS, language: 'ar', notifications: { ...DEFAULT_SETTINGS.notifications, privateMode: true } });
    expect(doc.people).toEqual([person]);
    expect(doc.dismissedSuggestions).toEqual(['a|b']);
    expect(doc.window).toBeNull();
    // A platform this version does not know is a later Wasl's: kept as it is, not counted as damage.
    expect(doc.foreign.services).toEqual([{ ...telegram, platform: 'skype' }]);
    expect(problem).toEqual({ kind: 'repaired', dropped: 14 });
  });

  it('migrates a version 1 document: its services and settings kept, no people yet, a service in front', () => {
    const { doc, problem, migratedFrom } = readDocument({
      version: 1,
      services: [{ id: 'a1', platform: 'whatsapp', name: 'Shop', enabled: true }],
      activeServiceId: 'a1',
      settings: { theme: 'dark', language: 'ar' },
    });
    expect(problem).toBeUndefined();
    expect(migratedFrom).toBe(1);
    expect(doc).toEqual({
      ...defaultDocument(),
      services: [{ id: 'a1', platform: 'whatsapp', name: 'Shop', enabled: true, muted: false, callsAllowed: false }],
      activeServiceId: 'a1',
      view: 'service',
      settings: { ...DEFAULT_SETTINGS, theme: 'dark', language: 'ar' },
    });
  });

  it('reads a version 4 document as it was, numbered 5, so that a version-4 Wasl finds this build’s file newer and keeps a copy', () => {
    const current = readDocument(good());
    const { doc, problem, migratedFrom } = readDocument(good({ version: 4 }));
    expect(problem).toBeUndefined();
    expect(migratedFrom).toBe(4);
    expect(doc).toEqual(current.doc);
    expect(toDisk(doc)['version']).toBe(5);
    // What version 4 would do with this build's file: read it as newer, the case that keeps a copy.
    expect(readDocument(toDisk(doc), MIGRATIONS.slice(0, 3)).problem).toEqual({ kind: 'newer', version: 5 });
  });

  it('keeps the valid quick replies, labels and customers of a damaged document, and only labels that exist', () => {
    const raw = good({
      quickReplies: [reply, { id: 'q2', name: '', body: 'no name' }, { id: 'q3', name: 'blank', body: '   ' }, { ...reply, name: 'Duplicate id' }, 'garbage'],
      labels: [...labels, { id: 'l2', color: 'chartreuse', name: 'Bad colour' }, { id: 'l3', color: 'red' }],
      customers: {
        ...customers,
        'chat:a1:2': { labels: ['l1', 'gone'], note: 'Keeps its known label', status: 'open', statusAt: 0, priority: false },
        'chat:a1:3': { labels: [], note: 'x', status: 'lost', statusAt: 0, priority: false },
        'chat:a1:4': { labels: [], note: 'x'.repeat(10_001), status: 'open', statusAt: 0, priority: false },
      },
      settings: { ...settings, shop: { ...settings.shop, name: 42, hours: [{ open: true, from: '9', to: '21:00' }] } },
    });
    const { doc, problem } = readDocument(raw);
    expect(doc.quickReplies).toEqual([reply]);
    // A label without a name is kept only as a preset; l3 has neither.
    expect(doc.labels).toEqual(labels);
    expect(Object.keys(doc.customers).sort()).toEqual(['chat:a1:2', 'chat:b2:777', 'person:p1']);
    expect(doc.customers['chat:a1:2']?.labels).toEqual(['l1']);
    expect(doc.settings.shop).toEqual({ ...settings.shop, name: '', hours: DEFAULT_SETTINGS.shop.hours });
    expect(problem).toEqual({ kind: 'repaired', dropped: 4 + 2 + 2 + 2 });
  });

  it('drops customer records under keys that are not inbox entries, such as __proto__', () => {
    const raw = JSON.parse(
      JSON.stringify(good()).replace('"customers":{', '"customers":{"__proto__":{"labels":[],"note":"x","status":"open","statusAt":0,"priority":true},"toString":{"labels":[],"note":"y","status":"open","statusAt":0,"priority":false},'),
    ) as Record<string, unknown>;
    const { doc, problem } = readDocument(raw);
    expect(Object.keys(doc.customers).sort()).toEqual(['chat:b2:777', 'person:p1']);
    expect(Object.getPrototypeOf(doc.customers)).toBe(Object.prototype);
    expect(problem).toEqual({ kind: 'repaired', dropped: 2 });
  });

  it('gives a document that never had labels the default ones', () => {
    const { labels: _labels, ...withoutLabels } = good();
    expect(readDocument(withoutLabels).doc.labels).toEqual(defaultDocument().labels);
    expect(readDocument(good({ labels: [] })).doc.labels).toEqual([]);
  });

  it('runs every migration in order from the document’s version to the current one', () => {
    const migrations = [
      (d: Record<string, unknown>) => ({ ...d, version: 2, services: [], renamed: d['old'] }),
      (d: Record<string, unknown>) => ({ ...d, version: 3, settings: { theme: d['renamed'] } }),
    ];
    expect(readDocument({ version: 1, old: 'dark' }, migrations)).toEqual({
      doc: { ...defaultDocument(), version: 3, settings: { ...DEFAULT_SETTINGS, theme: 'dark' } },
      migratedFrom: 1,
    });
    expect(readDocument({ version: 2, renamed: 'light' }, migrations).doc.settings.theme).toBe('light');
  });

  it('falls back to defaults, saying so, when a migration throws', () => {
    const migrations = [() => {
      throw new Error('bad data');
    }];
    const { doc, problem } = readDocument({ version: 1 }, migrations);
    expect(doc).toEqual({ ...defaultDocument(), version: 2 });
    expect(problem).toEqual({ kind: 'unusable', reason: 'migration failed: Error: bad data' });
  });

  it('reads what it can of a document from a newer Wasl and says so', () => {
    const { doc, problem } = readDocument(good({ version: CURRENT_VERSION + 3, futureField: 1 }));
    expect(doc.services).toHaveLength(2);
    expect(problem).toEqual({ kind: 'newer', version: CURRENT_VERSION + 3 });
  });
});

describe('openSettings on a real file (conf, as inside electron-store)', () => {
  let dir: string;
  let clock: ManualClock;
  let log: MemoryLogger;
  let ids: number;
  const file = () => path.join(dir, 'settings.json');
  const conf: KeyValueFileFactory = (cwd, name) => new Conf<Record<string, unknown>>({ cwd, configName: name, clearInvalidConfig: false });
  const open = () => openSettings(dir, conf, clock, log, () => `n${++ids}`);
  const backups = () => fs.readdirSync(dir).filter((f) => f !== 'settings.json' && !f.startsWith('settings.last-good')).sort();

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-settings-'));
    clock = new ManualClock(Date.UTC(2026, 10, 21, 8, 30, 0));
    log = new MemoryLogger();
    ids = 0;
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts with defaults and no notice when there is no file, and round-trips a save', () => {
    const first = open();
    expect(first.doc).toEqual(defaultDocument());
    expect(first.notices).toEqual([]);
    const { doc } = readDocument(good());
    expect(first.save(doc)).toBe(true);
    expect(JSON.parse(fs.readFileSync(file(), 'utf8'))).toEqual(good());
    expect(open().doc).toEqual(doc);
    expect(backups()).toEqual([]);
  });

  it.each([
    ['truncated JSON', '{"version":1,"services":[{"id":"a1"'],
    ['an empty file', ''],
    ['binary garbage', Buffer.from([0, 159, 146, 150, 255, 0, 1]).toString('latin1')],
  ])('keeps %s aside, starts fresh and tells the user', (_label, content) => {
    fs.writeFileSync(file(), content, 'latin1');
    const opened = open();
    expect(opened.doc).toEqual(defaultDocument());
    expect(opened.notices).toHaveLength(1);
    expect(opened.notices[0]).toMatchObject({ kind: 'settings-reset', id: 'n1', at: clock.now() });
    const [backup] = backups();
    expect(backup).toBe('settings.unreadable-2026-11-21T08-30-00-000Z.json');
    expect(fs.readFileSync(path.join(dir, backup ?? ''), 'latin1')).toBe(content);
    expect(opened.notices[0]).toMatchObject({ backupPath: path.join(dir, backup ?? '') });
    expect(JSON.parse(fs.readFileSync(file(), 'utf8'))).toEqual(toDisk(defaultDocument()));
    expect(log.count('error')).toBe(1);
  });

  it('keeps a copy of a version 1 file before migrating it, so an older Wasl can still read it', () => {
    const v1 = { version: 1, services: [whatsapp], activeServiceId: 'a1', settings: { theme: 'dark', language: 'en' } };
    fs.writeFileSync(file(), JSON.stringify(v1));
    const opened = open();
    expect(opened.notices).toEqual([]);
    expect(opened.doc).toMatchObject({ version: CURRENT_VERSION, view: 'service', people: [] });
    expect(backups()).toEqual(['settings.v1-2026-11-21T08-30-00-000Z.json']);
    expect(JSON.parse(fs.readFileSync(path.join(dir, backups()[0] ?? ''), 'utf8'))).toEqual(v1);
    expect((JSON.parse(fs.readFileSync(file(), 'utf8')) as PersistedDoc).version).toBe(CURRENT_VERSION);
  });

  it('keeps a wrong-version file aside before replacing it', () => {
    fs.writeFileSync(file(), JSON.stringify({ version: 'two', services: [whatsapp] }));
    const opened = open();
    expect(opened.notices[0]).toMatchObject({ kind: 'settings-reset', reason: 'unknown version two' });
    expect(backups()).toEqual(['settings.unusable-2026-11-21T08-30-00-000Z.json']);
  });

  it('keeps a damaged file aside and the valid part in use', () => {
    fs.writeFileSync(file(), JSON.stringify(good({ services: [whatsapp, { id: 'x' }] })));
    const opened = open();
    expect(opened.doc.services.map((s) => s.id)).toEqual(['a1']);
    expect(opened.notices).toEqual([{ id: 'n1', at: clock.now(), kind: 'settings-repaired', backupPath: path.join(dir, backups()[0] ?? ''), dropped: 1 }]);
    const readServices = (name: string) => (JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as PersistedDoc).services;
    expect(readServices('settings.json')).toHaveLength(1);
    expect(readServices(backups()[0] ?? '')).toHaveLength(2);
  });

  it('never leaves a half-written file: a save replaces the file atomically', () => {
    const opened = open();
    opened.save(readDocument(good()).doc);
    const names = fs.readdirSync(dir).sort();
    expect(names).toEqual(['settings.json', 'settings.last-good.json']);
  });

  it('reports a save the disk refused instead of throwing', () => {
    const opened = open();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.writeFileSync(dir, 'now a file, not a folder');
    expect(opened.save(readDocument(good()).doc)).toBe(false);
    expect(log.count('error', 'could not write settings')).toBe(1);
    fs.rmSync(dir);
    fs.mkdirSync(dir);
  });
});

describe('openSettings: the last good copies', () => {
  let dir: string;
  let clock: ManualClock;
  let log: MemoryLogger;
  const file = () => path.join(dir, 'settings.json');
  const conf: KeyValueFileFactory = (cwd, name) => new Conf<Record<string, unknown>>({ cwd, configName: name, clearInvalidConfig: false });
  const open = () => openSettings(dir, conf, clock, log, () => 'n1');
  const saved = (services: unknown[]) => readDocument(good({ services })).doc;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-copies-'));
    clock = new ManualClock(Date.UTC(2026, 10, 21, 8, 30, 0));
    log = new MemoryLogger();
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('uses the last good copy when the file is damaged, and says when that copy was taken', () => {
    open().save(saved([whatsapp, telegram]));
    const taken = clock.now();
    clock.advance(60_000);
    fs.writeFileSync(file(), Buffer.alloc(2048));
    const opened = open();
    expect(opened.doc.services.map((s) => s.id)).toEqual(['a1', 'b2']);
    expect(opened.notices).toEqual([{ id: 'n1', at: clock.now(), kind: 'settings-restored', backupPath: expect.stringContaining('settings.unreadable-') as string, copyAt: taken }]);
    expect(opened.clean).toBe(false);
    // Written back: the next start is clean.
    expect(open()).toMatchObject({ notices: [], clean: true });
  });

  it('keeps an older copy, a day older at least, for when the newest copy is damaged too', () => {
    const first = open();
    first.save(saved([whatsapp, telegram]));
    const dayOne = clock.now();
    clock.advance(ROTATE_MS / 2);
    first.save(saved([whatsapp, telegram, { ...whatsapp, id: 'c3', name: 'Half a day later' }]));
    // Not a day yet: still one copy.
    expect(fs.existsSync(path.join(dir, 'settings.last-good-1.json'))).toBe(false);
    clock.advance(ROTATE_MS);
    first.save(saved([whatsapp]));
    expect((JSON.parse(fs.readFileSync(path.join(dir, 'settings.last-good-1.json'), 'utf8')) as { services: unknown[] }).services).toHaveLength(3);
    fs.writeFileSync(file(), '{"version":');
    fs.writeFileSync(path.join(dir, 'settings.last-good.json'), '');
    const opened = open();
    expect(opened.doc.services.map((s) => s.id)).toEqual(['a1', 'b2', 'c3']);
    expect(opened.notices[0]).toMatchObject({ kind: 'settings-restored', copyAt: dayOne + ROTATE_MS / 2 });
  });

  it('starts afresh, saying so, only when no copy is usable', () => {
    fs.writeFileSync(file(), '[1,2,3]');
    fs.writeFileSync(path.join(dir, 'settings.last-good.json'), '{"version":"x"}');
    const opened = open();
    expect(opened.doc).toEqual(defaultDocument());
    expect(opened.notices[0]).toMatchObject({ kind: 'settings-reset' });
  });

  it('gives a partly damaged file back the services, people and shop records it lost, but not a removed service', () => {
    open().save(readDocument(good({ services: [whatsapp, telegram, { ...whatsapp, id: 'gone' }], pendingDeletions: [] })).doc);
    const damaged = good({
      services: [whatsapp, { id: 'b2', platform: 'telegram' }],
      quickReplies: [{ id: 'q1', name: '' }],
      customerFields: [customerFields[0], { id: 'size', name: 'Size', type: 'choice' }],
      pendingDeletions: ['gone'],
    });
    fs.writeFileSync(file(), JSON.stringify(damaged));
    const opened = open();
    expect(opened.doc.services.map((s) => s.id)).toEqual(['a1', 'b2']);
    expect(opened.doc.quickReplies).toEqual([reply]);
    expect(opened.doc.customerFields).toEqual(customerFields);
    // The size went with its field, and comes back with it.
    expect(opened.doc.customers['person:p1']?.fields).toEqual({ city: 'جدة', size: 'M' });
    expect(opened.notices).toEqual([expect.objectContaining({ kind: 'settings-repaired', dropped: 3, recovered: 3 })]);
    expect(opened.clean).toBe(false);
  });

  it('gives a partly damaged file back the products it lost, by id', () => {
    const scarf = { id: 'pr2', name: 'Scarf', price: { amount: '7.125', currency: 'JOD' }, inStock: false };
    open().save(readDocument(good({ products: [product, scarf] })).doc);
    fs.writeFileSync(file(), JSON.stringify(good({ products: [product, { ...scarf, link: 'http://shop.example/' }] })));
    const opened = open();
    expect(opened.doc.products).toEqual([product, scarf]);
    expect(opened.notices).toEqual([expect.objectContaining({ kind: 'settings-repaired', dropped: 1, recovered: 1 })]);
  });

  it('says a later Wasl wrote the file, and keeps its services and keys on disk', () => {
    const line = { id: 'ln1', platform: 'line', name: 'LINE' };
    fs.writeFileSync(file(), JSON.stringify(good({ version: CURRENT_VERSION + 1, services: [whatsapp, line], hologram: 1 })));
    const opened = open();
    expect(opened.notices).toEqual([expect.objectContaining({ kind: 'settings-newer', version: CURRENT_VERSION + 1 })]);
    const disk = JSON.parse(fs.readFileSync(file(), 'utf8')) as Record<string, unknown>;
    expect(disk['services']).toEqual([whatsapp, line]);
    expect(disk['hologram']).toBe(1);
  });
});

describe('readDocument: a part of the wrong shape', () => {
  it.each([
    ['people', { people: 'damaged' }],
    ['dismissed suggestions', { dismissedSuggestions: {} }],
    ['settings', { settings: [1, 2] }],
    ['notifications', { settings: { ...settings, notifications: 'off' } }],
    ['the shop', { settings: { ...settings, shop: 7 } }],
  ])('counts %s that are not a list or an object as damage, so the original is kept aside', (_part, extra) => {
    expect(readDocument(good(extra)).problem).toEqual({ kind: 'repaired', dropped: 1 });
  });
});

describe('readDocument: removed services and a later Wasl’s data', () => {
  it('reads the services whose data is to be deleted; one back in the list is not deleted', () => {
    const { doc, problem } = readDocument(good({ pendingDeletions: ['gone', 'a1', 'gone', '../x'] }));
    expect(doc.pendingDeletions).toEqual(['gone']);
    expect(problem).toEqual({ kind: 'repaired', dropped: 2 });
  });

  it('keeps a service of a platform it does not know whole, and never as damage; a malformed one is damage', () => {
    const later = { id: 'ln1', platform: 'line', name: 'LINE', zoom: 1.5 };
    const { doc, problem } = readDocument(good({ services: [whatsapp, later, { id: 'zz', platform: 'Not A Platform!' }] }));
    expect(doc.services.map((s) => s.id)).toEqual(['a1']);
    expect(doc.foreign.services).toEqual([later]);
    expect(problem).toEqual({ kind: 'repaired', dropped: 1 });
  });
});

describe('readDocument: desktop and update settings', () => {
  it('defaults to updates on and closing to the tray, neither opening at login nor starting hidden', () => {
    const { doc, problem } = readDocument({ version: CURRENT_VERSION, services: [], settings: { theme: 'dark' } });
    expect(problem).toBeUndefined();
    expect(doc.settings).toMatchObject({ updates: true, startAtLogin: false, startMinimized: false, closeToTray: true });
  });

  it('keeps each valid choice and drops an invalid one alone', () => {
    const settings = { updates: false, startAtLogin: true, startMinimized: 'yes', closeToTray: false };
    const { doc, problem } = readDocument({ version: CURRENT_VERSION, services: [], settings });
    expect(doc.settings).toMatchObject({ updates: false, startAtLogin: true, startMinimized: false, closeToTray: false });
    expect(problem).toEqual({ kind: 'repaired', dropped: 1 });
  });
});

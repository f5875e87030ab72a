import { describe, expect, it } from 'vitest';
import type { ChatSummary, ServiceSnapshot } from '../../../common/model';
import { makeChats, type FixtureChat } from '../../fixtures/platforms/lib/dataset.js';
import { pageRows, type Language, type PageRow } from '../../fixtures/platforms/whatsapp/2026/rows.js';
import type { AgentPage } from '../../support/agent-page';
import { fixturePages } from '../../support/fixture-pages';
import { totals, visible } from './expected';

// How the fixture stores the dataset (test/fixtures/platforms/whatsapp/app.js), restated: which people have a
// privacy id (@lid), which of those have a phone number, which have no name at all, which chats are marked unread.
const index = (chat: FixtureChat): number => (Number(chat.id) - 100000) / 37;
const isLid = (chat: FixtureChat): boolean => chat.kind === 'direct' && index(chat) % 10 === 3;
const noName = (chat: FixtureChat): boolean => chat.kind === 'direct' && !isLid(chat) && index(chat) % 23 === 11;
const marked = (chat: FixtureChat): boolean => index(chat) % 50 === 6 && chat.unread === 0;
/** Some of those are stored the other way WhatsApp builds do: unreadCount 0 with `markedUnread`. */
const markedByFlag = (chat: FixtureChat): boolean => marked(chat) && index(chat) % 200 === 106;

function jid(chat: FixtureChat): string {
  if (chat.kind !== 'direct') return `120363${chat.id}@g.us`;
  if (isLid(chat)) return `9${chat.id}${chat.id}@lid`;
  return `${(chat.phone ?? '').slice(1)}@c.us`;
}

/** Persons carry their number; a privacy id only when its contact has one; groups never. */
function phoneOf(chat: FixtureChat): string | undefined {
  if (chat.kind !== 'direct' || (isLid(chat) && index(chat) % 20 !== 3)) return undefined;
  return chat.phone;
}

/** What WhatsApp's database says about one fixture chat; a chat marked unread is one unread chat. */
function expected(chat: FixtureChat): ChatSummary {
  const summary: ChatSummary = {
    id: jid(chat),
    title: noName(chat) ? (chat.phone ?? '') : chat.cleanName,
    unread: marked(chat) ? 1 : chat.unread,
    muted: chat.muted,
    kind: chat.kind === 'direct' ? 'direct' : 'group',
    lastActivity: chat.time,
  };
  const phone = phoneOf(chat);
  if (phone !== undefined) summary.phone = phone;
  return summary;
}

/** What the chat list alone shows: no ids (chats are named by title), no kind or time; marked unread is a bare dot. */
function fromList(chat: FixtureChat): ChatSummary {
  const title = noName(chat) ? (chat.phone ?? '') : chat.cleanName;
  const summary: ChatSummary = { id: `title:${title}`, title, unread: chat.unread, muted: chat.muted };
  if (noName(chat) && chat.phone !== undefined) summary.phone = chat.phone;
  return summary;
}

const snapshotOf = (chats: ChatSummary[]): ServiceSnapshot => ({ loggedIn: true, unread: totals(chats), chats });

interface FixtureApi {
  chats: FixtureChat[];
  inputEvents: unknown[];
  notifications: { clicked: boolean }[];
  dbState: { version: number; deleted: boolean; deleteBlocked: boolean };
  openedChatId(): string | undefined;
  composerText(): string;
  /** What the composer's editor holds: what the page would send. */
  composerModel(): string;
  upgradeDb(): Promise<{ version: number; blocked: boolean; done: boolean }>;
  dbWrite(id: string, fields: Record<string, unknown>): Promise<void>;
  db(): Promise<Record<string, Record<string, unknown>[]>>;
}
type FixtureWindow = Window & { fixture: FixtureApi };

const opened = (p: AgentPage): Promise<string | undefined> => p.page.evaluate(() => (window as unknown as FixtureWindow).fixture.openedChatId());

function pick(count: number, i: number): FixtureChat {
  const chat = makeChats(count)[i];
  if (!chat) throw new Error('dataset too small');
  return chat;
}

const open = fixturePages('whatsapp');

/** What each of the connector's hooks counts on the page now. */
const hooks = (p: AgentPage): Promise<Record<string, number>> =>
  p.isolated('Object.fromEntries(Object.entries(WaslTest.connectors.whatsapp.hooks).map(([name, probe]) => [name, probe(document)]))');

describe('WhatsApp Web: reading', () => {
  it('reads every chat of a 300-row list from its database exactly: names by precedence, unread, muted, kind, time, phone', async () => {
    const p = await open('/', false);
    expect(await p.read()).toEqual(snapshotOf(visible(makeChats(300)).map(expected)));
  });

  it('counts a chat marked unread as one unread chat, however the build stores the mark (-1 or markedUnread)', async () => {
    const p = await open('/', false);
    const stored = new Map(((await p.page.evaluate(() => (window as unknown as FixtureWindow).fixture.db()))['chat'] ?? []).map((r) => [r['id'], r]));
    const markedChats = visible(makeChats(300)).filter(marked);
    const byFlag = markedChats.filter(markedByFlag);
    expect([markedChats.length > byFlag.length, byFlag.length > 0]).toEqual([true, true]);
    for (const c of byFlag) expect(stored.get(jid(c))).toMatchObject({ unreadCount: 0, markedUnread: true });
    for (const c of markedChats.filter((m) => !markedByFlag(m))) expect(stored.get(jid(c))).toMatchObject({ unreadCount: -1 });
    const chats = new Map((await p.read()).chats.map((c) => [c.id, c.unread]));
    expect(markedChats.map((c) => chats.get(jid(c)))).toEqual(markedChats.map(() => 1));
  });

  it('gives persons their number in E.164, privacy ids only with their contact’s number, groups none', async () => {
    const p = await open('/?rows=120', false);
    const chats = new Map((await p.read()).chats.map((c) => [c.id, c]));
    const direct = visible(makeChats(120)).filter((c) => c.kind === 'direct');
    const persons = direct.filter((c) => !isLid(c));
    const lidWith = direct.filter((c) => isLid(c) && index(c) % 20 === 3);
    const lidWithout = direct.filter((c) => isLid(c) && index(c) % 20 === 13);
    expect([persons.length > 10, lidWith.length > 1, lidWithout.length > 1]).toEqual([true, true, true]);
    for (const c of persons) expect(chats.get(`${(c.phone ?? '').slice(1)}@c.us`)?.phone).toMatch(/^\+[1-9]\d{7,14}$/);
    for (const c of lidWith) expect(chats.get(jid(c))?.phone).toBe(c.phone);
    for (const c of lidWithout) expect([chats.get(jid(c))?.kind, chats.get(jid(c))?.phone]).toEqual(['direct', undefined]);
    for (const c of [...chats.values()].filter((s) => s.kind === 'group')) expect(c.phone).toBeUndefined();
  });

  it('never lists the status feed or archived chats, though the database holds them', async () => {
    const p = await open('/?rows=120', false);
    const stored = await p.page.evaluate(() => (window as unknown as FixtureWindow).fixture.db());
    const records = stored['chat'] ?? [];
    expect(records.some((r) => r['id'] === 'status@broadcast')).toBe(true);
    const archived = records.filter((r) => r['archive'] === true).map((r) => r['id']);
    expect(archived.length).toBeGreaterThan(3);
    const ids = (await p.read()).chats.map((c) => c.id);
    expect(ids).not.toContain('status@broadcast');
    expect(ids.filter((id) => archived.includes(id))).toEqual([]);
  });

  it('reports the QR page as logged out', async () => {
    const p = await open('/?state=logged-out', false);
    expect(await p.read()).toEqual({ loggedIn: false, unread: { direct: 0, indirect: 0 }, chats: [] });
  });

  it('copes with 6,000 chats: the 5,000 most recent, in order', async () => {
    const p = await open('/?rows=6000', false);
    const snapshot = await p.read();
    expect(snapshot.chats).toHaveLength(5000);
    expect(snapshot.chats).toEqual(visible(makeChats(6000)).slice(0, 5000).map(expected));
  });

  it('says it is degraded, with the title’s flag, when the database and the list changed shape', async () => {
    const p = await open('/?rows=40&state=changed');
    const [first] = await p.waitForUpdates(1);
    expect(visible(makeChats(40)).filter((c) => !c.muted && (c.unread > 0 || marked(c))).length).toBeGreaterThan(1);
    expect(await p.page.title()).toBe('(1) WhatsApp');
    expect(await p.isolated<string>('WaslTest.connectors.whatsapp.title')).toBe('flag');
    expect(first).toMatchObject({ degraded: true, loggedIn: true, upsert: [], unread: { direct: 1 } });
  });

  it('says its read is partial only when it reads the list, not the database, and counts the hooks it reads', async () => {
    const partial = (p: AgentPage): Promise<boolean> => p.isolated<boolean>('WaslTest.connectors.whatsapp.partialList(window)');
    const chats = visible(makeChats(40));
    const p = await open('/?rows=40', false);
    await p.read();
    expect(await partial(p)).toBe(false);
    const expectedHooks = {
      pane: 1,
      rows: chats.length,
      names: chats.length,
      badges: chats.filter((c) => c.unread > 0).length,
      mute: chats.filter((c) => c.muted).length,
      composer: 1,
    };
    expect(await hooks(p)).toEqual(expectedHooks);
    const q = await open('/?rows=40&idb=none', false);
    await q.read();
    expect(await partial(q)).toBe(true);
    expect(await hooks(q)).toEqual(expectedHooks);
  });
});

describe.each([
  ['English list items', '&lang=en'],
  ['Arabic unread labels', '&lang=ar'],
  ['grid rows', '&variant=grid'],
])('WhatsApp Web without its database (%s)', (_name, query) => {
  it('reads the chat list instead, with the same titles, unread counts and mutes as the database', async () => {
    const fromDb = await (await open('/?rows=120', false)).read();
    const p = await open(`/?rows=120&idb=none${query}`, false);
    const listed = await p.read();
    expect(listed).toEqual(snapshotOf(visible(makeChats(120)).map(fromList)));
    // This list shows a chat marked unread as a dot labelled in words only: the database is what counts it.
    const dots = new Set(visible(makeChats(120)).filter(marked).map((c) => c.cleanName));
    const same = (s: ServiceSnapshot): unknown[] => s.chats.map((c) => [c.title, dots.has(c.title) ? 0 : c.unread, c.muted]);
    expect(same(listed)).toEqual(same(fromDb));
    // Looking for the database never creates it (WhatsApp creates it when it signs in).
    expect(await p.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
  });
});

/** What the 2026 list must be read as: rows of the same name keyed by their order among the rows read. */
function listed(rows: PageRow[]): ChatSummary[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const n = (seen.get(row.clean) ?? 0) + 1;
    seen.set(row.clean, n);
    // A bell hidden by a pending mention cannot be seen on a page that loads that way.
    const chat: ChatSummary = { id: `title:${row.clean}${n > 1 ? `#${n}` : ''}`, title: row.clean, unread: row.marked ? 1 : row.unread, muted: row.muted && !row.mention };
    if (row.phone !== undefined) chat.phone = row.phone;
    return chat;
  });
}

/** Calls one of the 2026 page's test hooks (rows.js and app.js) in the page. */
async function call(p: AgentPage, method: 'openedKey' | 'mention' | 'search' | 'scrollTo', ...args: unknown[]): Promise<unknown> {
  return p.page.evaluate(
    ([name, values]) => (window as unknown as { fixture: Record<string, (...a: unknown[]) => unknown> }).fixture[name]?.(...values),
    [method, args] as const,
  );
}

describe.each<Language>(['ar', 'ru', 'es'])('WhatsApp Web 2026 list without its database (%s interface)', (lang) => {
  it('reads every row exactly: badges in the interface’s digits, renamed mute icons, emoji names, numbers in bidi marks, six rows of one name, no number from a preview', async () => {
    const rows = pageRows(makeChats(120), lang);
    expect(rows.filter((r) => r.clean === rows.find((f) => f.key === 'family-1')?.clean)).toHaveLength(6);
    const p = await open(`/2026/?lang=${lang}&rows=120`, false);
    expect(await p.read()).toEqual(snapshotOf(listed(rows)));
    expect(await p.isolated<boolean>('WaslTest.connectors.whatsapp.partialList(window)')).toBe(true);
  });
});

describe('WhatsApp Web 2026 list: a window of it, and what it hides', () => {
  it('reads the rendered window in list order though the DOM is not, and another window once scrolled', async () => {
    const rows = pageRows(makeChats(120), 'ar');
    const p = await open('/2026/?lang=ar&rows=120&window=20', false);
    expect(await p.page.locator('#pane-side [role="row"]').count()).toBe(20);
    expect(await p.read()).toEqual(snapshotOf(listed(rows.slice(0, 20))));
    const shown = rows.slice(0, 20);
    expect(await hooks(p)).toEqual({
      pane: 1,
      rows: 20,
      names: 20,
      badges: shown.filter((r) => r.unread > 0 || r.marked).length,
      mute: shown.filter((r) => r.muted && !r.mention).length,
      composer: 1,
    });
    expect(await p.page.title()).toBe('(1) WhatsApp');
    await call(p, 'scrollTo', 25);
    expect(await p.read()).toEqual(snapshotOf(listed(rows.slice(25, 45))));
  });

  it('opens a chat beyond the rendered window by scrolling to it, and the second of two rows of one name', async () => {
    const rows = pageRows(makeChats(120), 'ru');
    const p = await open('/2026/?lang=ru&rows=120&window=20');
    await p.waitForUpdates(1);
    const far = rows[60];
    if (!far) throw new Error('dataset too small');
    expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(`title:${far.clean}`)})`)).toBe(true);
    expect(await call(p, 'openedKey')).toBe(far.key);
    const family = rows.find((r) => r.key === 'family-2')?.clean ?? '';
    await call(p, 'scrollTo', 0);
    expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(`title:${family}#2`)})`)).toBe(true);
    expect(await call(p, 'openedKey')).toBe('family-2');
    expect(await p.isolated<boolean>('WaslAgent.openChat("title:Никого нет")')).toBe(false);
  });

  it('keeps a chat muted while a mention takes its bell’s place', async () => {
    const p = await open('/2026/?lang=es&rows=40', false);
    const muted = async (): Promise<Record<string, boolean | undefined>> => {
      const chats = (await p.read()).chats;
      return { group: chats.find((c) => c.title === 'Market Street 🏪')?.muted, loaded: chats.find((c) => c.title === 'Suppliers Cairo 📦')?.muted };
    };
    expect(await muted()).toEqual({ group: true, loaded: false });
    await call(p, 'mention', 'muted-group', true);
    expect(await p.page.locator('[data-testid="icon-mentions"]').count()).toBe(2);
    expect(await muted()).toEqual({ group: true, loaded: false });
    await call(p, 'mention', 'mentioned', false);
    expect(await muted()).toEqual({ group: true, loaded: true });
  });

  it('reads no chats while the pane lists search results, and the list again once the search is cleared', async () => {
    const rows = pageRows(makeChats(40), 'ru');
    const p = await open('/2026/?lang=ru&rows=40', false);
    const family = rows.find((r) => r.key === 'family-1')?.clean ?? '';
    await call(p, 'search', family);
    expect(await p.page.locator('#pane-side [role="row"]').count()).toBeGreaterThan(6);
    expect(await p.read()).toEqual(snapshotOf([]));
    await call(p, 'search', '');
    expect(await p.read()).toEqual(snapshotOf(listed(rows)));
  });
});

describe('WhatsApp Web without its database, signed out', () => {
  it('reports the QR page as logged out', async () => {
    const p = await open('/?idb=none&state=logged-out', false);
    expect(await p.read()).toEqual({ loggedIn: false, unread: { direct: 0, indirect: 0 }, chats: [] });
  });
});

describe.each([
  ['together with the page', ''],
  ['700 ms after the page rendered it', '&lag=700'],
])('WhatsApp Web agent, the database changing %s', (_name, query) => {
  it('sends one full update, then one update per change carrying only that chat', async () => {
    const p = await open(`/?rows=40${query}`);
    const wait = (n: number): Promise<unknown> => p.waitForUpdates(n, 8_000);
    const [first] = await p.waitForUpdates(1);
    expect(first).toMatchObject({ seq: 0, reset: true, loggedIn: true, remove: [], degraded: false });
    expect(first?.upsert).toEqual(visible(makeChats(40)).map(expected));
    const target = pick(40, 10);
    const id = jid(target);

    await p.step('message', target.id, 'Do you ship to Jeddah? 🚚');
    await wait(2);
    const time = await p.page.evaluate((chatId) => (window as unknown as FixtureWindow).fixture.chats.find((c) => c.id === chatId)?.time ?? 0, target.id);
    const second = p.updates[1];
    expect(second).toMatchObject({ seq: 1, reset: false, remove: [] });
    expect(second?.upsert).toEqual([{ ...expected(target), unread: target.unread + 1, lastActivity: Math.floor(time / 1000) * 1000 }]);
    expect(second?.unread.direct).toBe((first?.unread.direct ?? 0) + 1);

    await p.step('mute', target.id);
    await wait(3);
    const third = p.updates[2];
    expect(third?.upsert.map((c) => [c.id, c.muted])).toEqual([[id, true]]);
    expect(third?.unread.indirect).toBe((second?.unread.indirect ?? 0) + target.unread + 1);

    await p.step('read', target.id);
    await wait(4);
    expect(p.updates[3]?.upsert.map((c) => [c.id, c.unread])).toEqual([[id, 0]]);

    await p.step('rename', target.id, 'متجر الورد 🌹');
    await wait(5);
    expect(p.updates[4]?.upsert.map((c) => [c.id, c.title])).toEqual([[id, 'متجر الورد 🌹']]);

    await p.step('archive', target.id);
    await wait(6);
    expect(p.updates[5]).toMatchObject({ upsert: [], remove: [id] });

    await p.step('logout');
    await wait(7);
    expect(p.updates[6]).toMatchObject({ loggedIn: false, unread: { direct: 0, indirect: 0 } });
    // Signing out deletes the database: the agent's open connection let it go at once.
    await expect.poll(() => p.page.evaluate(() => (window as unknown as FixtureWindow).fixture.dbState)).toMatchObject({ deleted: true, deleteBlocked: false });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(p.updates).toHaveLength(7);
  });
});

describe('WhatsApp Web agent and its database', () => {
  it('keeps one connection between reads, lets a client upgrade through, and reads on after it', async () => {
    const p = await open('/?rows=40');
    await p.waitForUpdates(1);
    await p.isolated(`(() => {
      const factory = indexedDB;
      const open = factory.open.bind(factory);
      globalThis.opens = 0;
      factory.open = (...args) => { globalThis.opens += 1; return open(...args); };
    })()`);
    const [before, after] = [pick(40, 1), pick(40, 2)];
    await p.step('message', before.id, 'Before the update');
    await p.waitForUpdates(2);
    await p.step('read', before.id);
    await p.waitForUpdates(3);
    expect(await p.isolated<number>('opens')).toBe(0);

    expect(await p.page.evaluate(() => (window as unknown as FixtureWindow).fixture.upgradeDb())).toEqual({ version: 2, blocked: false, done: true });
    await p.step('message', after.id, 'After the update');
    const [, , , fourth] = await p.waitForUpdates(4);
    expect(fourth?.upsert.map((c) => [c.id, c.unread])).toEqual([[jid(after), after.unread + 1]]);
    await p.step('read', after.id);
    const fifth = (await p.waitForUpdates(5))[4];
    expect(fifth?.upsert.map((c) => [c.id, c.unread])).toEqual([[jid(after), 0]]);
    expect(await p.isolated<number>('opens')).toBe(1);
    const chats = (await p.read()).chats;
    expect(chats.map((c) => c.id).slice(0, 2)).toEqual([jid(after), jid(before)]);
    expect(chats).toHaveLength(visible(makeChats(40)).length);
  });

  it('goes back to the database only when the chat list changed, not for every change elsewhere in the page', async () => {
    const p = await open('/?rows=300');
    await p.waitForUpdates(1);
    await p.isolated(`(() => {
      const transaction = IDBDatabase.prototype.transaction;
      globalThis.transactions = 0;
      IDBDatabase.prototype.transaction = function (...args) { globalThis.transactions += 1; return transaction.apply(this, args); };
    })()`);
    const reads = await p.isolated<number>('WaslAgent.stats.reads');
    for (let i = 0; i < 3; i += 1) {
      await p.page.evaluate((n) => document.querySelector('#main [role="application"]')?.append(`message ${n}`), i);
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    expect(await p.isolated<number>('WaslAgent.stats.reads')).toBeGreaterThanOrEqual(reads + 3);
    expect(await p.isolated<number>('transactions')).toBe(0);
    await p.step('message', pick(300, 250).id, 'Far down the list');
    const [, second] = await p.waitForUpdates(2);
    expect(second?.upsert.map((c) => c.id)).toEqual([jid(pick(300, 250))]);
    expect(await p.isolated<number>('transactions')).toBeGreaterThan(0);
  });

  it('reads again when the tab becomes visible: the phone may have changed the database meanwhile', async () => {
    const p = await open('/?rows=40');
    await p.waitForUpdates(1);
    const target = pick(40, 8);
    expect(target.unread).toBeGreaterThan(0);
    await p.page.evaluate((id) => (window as unknown as FixtureWindow).fixture.dbWrite(id, { unreadCount: 0 }), target.id);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(p.updates).toHaveLength(1);
    await p.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    const [, second] = await p.waitForUpdates(2);
    expect(second?.upsert.map((c) => [c.id, c.unread])).toEqual([[jid(target), 0]]);
  });
});

describe('WhatsApp Web: acting', () => {
  it('opens a person’s chat by /send?phone=, a full page load that opens it', async () => {
    const p = await open('/?rows=40');
    await p.waitForUpdates(1);
    const target = pick(40, 8);
    expect(target.kind).toBe('direct');
    const request = p.page.waitForRequest((r) => new URL(r.url()).pathname === '/send');
    expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(jid(target))})`)).toBe(true);
    expect(new URL((await request).url()).search).toBe(`?phone=${(target.phone ?? '').slice(1)}`);
    await p.page.waitForFunction((id) => (window as unknown as Partial<FixtureWindow>).fixture?.openedChatId() === id, target.id);
    expect(new URL(p.page.url()).pathname).toBe('/');
  });

  it('opens a group, and a privacy id without a number, by clicking its row; false for unknown chats', async () => {
    const p = await open('/?rows=40');
    await p.waitForUpdates(1);
    for (const target of [pick(40, 12), pick(40, 13), pick(40, 7)]) {
      expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(jid(target))})`)).toBe(true);
      expect(await opened(p)).toBe(target.id);
    }
    expect(await p.isolated<boolean>('WaslAgent.openChat("966500000000@c.us")')).toBe(false);
    expect(await p.isolated<boolean>('WaslAgent.openChat("status@broadcast")')).toBe(false);
    expect(new URL(p.page.url()).pathname).toBe('/');
  });

  it('opens a chat of the list by its title when there is no database', async () => {
    const p = await open('/?rows=40&idb=none');
    await p.waitForUpdates(1);
    const target = pick(40, 13);
    expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(`title:${target.cleanName}`)})`)).toBe(true);
    expect(await opened(p)).toBe(target.id);
    expect(await p.isolated<boolean>('WaslAgent.openChat("title:Nobody here")')).toBe(false);
  });

  it('types into the Lexical composer, which takes the edit into its own model, and never sends', async () => {
    const p = await open('/?rows=20');
    await p.waitForUpdates(1);
    await p.isolated(`WaslAgent.openChat(${JSON.stringify(jid(pick(20, 2)))})`);
    expect(await p.isolated<boolean>('WaslAgent.insertText("السلام عليكم، طلبك جاهز ✅")')).toBe(true);
    const fixture = await p.page.evaluate(() => {
      const f = (window as unknown as FixtureWindow).fixture;
      return { text: f.composerText(), model: f.composerModel(), events: f.inputEvents };
    });
    expect(fixture.text).toBe('السلام عليكم، طلبك جاهز ✅');
    // Lexical's mutation observer took the browser's edit into its model once, and rendered it from there.
    expect(fixture.model).toBe('السلام عليكم، طلبك جاهز ✅');
    expect(await p.page.locator('footer [data-lexical-editor="true"] span[data-lexical-text="true"]').textContent()).toBe('السلام عليكم، طلبك جاهز ✅');
    // Typed with execCommand alone: Chromium fires input, and no beforeinput.
    expect(fixture.events).toEqual([{ type: 'input', inputType: 'insertText', data: 'السلام عليكم، طلبك جاهز ✅' }]);
  });

  it('forwards the page’s notification with the chat its tag names, and a click runs the page’s handler', async () => {
    const p = await open('/?rows=40');
    await p.waitForUpdates(1);
    const target = pick(40, 1);
    await p.step('message', target.id, 'Payment sent 💸');
    await expect.poll(() => p.notices.length).toBe(1);
    const [notice] = p.notices;
    expect(notice).toMatchObject({ title: target.cleanName, body: 'Payment sent 💸', tag: jid(target), chatId: jid(target), derived: false });
    expect(await p.isolated<boolean>(`WaslAgent.clickNotice(${JSON.stringify(notice?.id)}, ${JSON.stringify(notice?.chatId)})`)).toBe(true);
    const state = await p.page.evaluate(() => {
      const f = (window as unknown as FixtureWindow).fixture;
      return { opened: f.openedChatId(), clicked: f.notifications.map((n) => n.clicked) };
    });
    expect(state).toEqual({ opened: target.id, clicked: [true] });
    await p.waitForUpdates(2);
    expect(p.notices).toHaveLength(1);
  });
});

describe('WhatsApp Web notifications without the database', () => {
  it('names the chat of the list whose title the notification carries', async () => {
    const p = await open('/?rows=40&idb=none');
    await p.waitForUpdates(1);
    const target = pick(40, 1);
    await p.step('message', target.id, 'Where is my parcel?');
    await expect.poll(() => p.notices.length).toBe(1);
    expect(p.notices[0]).toMatchObject({ title: target.cleanName, chatId: `title:${target.cleanName}`, derived: false });
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChatSummary } from '../../../common/model';
import { makeChats, type FixtureChat } from '../../fixtures/platforms/lib/dataset.js';
import { openAgentPage, type AgentPage } from '../../support/agent-page';
import { launchChromium } from '../../support/chromium';
import { serveFixture } from '../../support/fixture-server';
import type { StaticServer } from '../../support/static-server';
import { visible } from './expected';

const INBOX = '/direct/inbox/';
const route = (chat: FixtureChat): string => `/direct/t/${chat.id}/`;

/**
 * What Instagram must read for one fixture thread: an unread thread counts as 1 (rows show no count); mute, kind
 * and time are not read (the page offers no hook for them).
 */
function expected(chat: FixtureChat): ChatSummary {
  return { id: chat.id, title: chat.cleanName, preview: chat.preview, unread: chat.unread > 0 ? 1 : 0 };
}

/** The nav badge: Instagram's own count of unread threads, muted ones left out. */
const badgeTotal = (chats: readonly FixtureChat[]): { direct: number; indirect: number } => ({
  direct: chats.filter((c) => c.unread > 0 && !c.muted).length,
  indirect: 0,
});

const pick = (rows: number, index: number): FixtureChat => {
  const chat = makeChats(rows)[index];
  if (!chat) throw new Error('dataset too small');
  return chat;
};

interface FixtureHandle {
  openedChatId(): string | undefined;
  composerText(): string;
  /** What the composer's editor holds: what the page would send. */
  composerModel(): string;
  inputEvents: unknown[];
  notifications: { clicked: boolean }[];
}
const fixtureState = (p: AgentPage): Promise<{ opened: string | undefined; clicked: boolean[]; path: string }> =>
  p.page.evaluate(() => {
    const f = (window as unknown as { fixture: FixtureHandle }).fixture;
    return { opened: f.openedChatId(), clicked: f.notifications.map((n) => n.clicked), path: location.pathname };
  });

let browser: Browser;
let server: StaticServer;
let page: AgentPage | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  server = await serveFixture('instagram');
});
afterAll(async () => {
  await browser.close();
  await server.close();
});
afterEach(async () => {
  await page?.close();
  page = undefined;
});

const open = async (query: string, agent = true): Promise<AgentPage> => {
  await page?.close();
  page = await openAgentPage(browser, { platform: 'instagram', url: `${server.url}${INBOX}${query}`, agent });
  return page;
};

/** The 2025 page, whose threads were links (test/fixtures/platforms/instagram/direct/inbox/gen-2025.js). */
const open2025 = (query: string, agent = true): Promise<AgentPage> => open(`?gen=2025${query.replace(/^\?/u, '&')}`, agent);

describe('Instagram direct, the 2025 page (threads are links)', () => {
  it('reads every thread of a 300-row list exactly: clean names, previews, unread threads, the nav badge total', async () => {
    const p = await open2025('', false);
    const shown = visible(makeChats(300));
    expect(await p.read()).toEqual({ loggedIn: true, unread: badgeTotal(shown), chats: shown.map(expected) });
  });

  it('reads no more than 5,000 threads however many the page holds', async () => {
    const p = await open2025('?rows=6000', false);
    const { chats } = await p.read();
    expect(chats).toHaveLength(5_000);
    expect(chats).toEqual(visible(makeChats(6000)).slice(0, 5_000).map(expected));
  });

  it('reports the /accounts/login page as logged out', async () => {
    const p = await open2025('?state=logged-out', false);
    expect(await p.page.evaluate(() => location.pathname)).toBe('/accounts/login/');
    expect(await p.read()).toEqual({ loggedIn: false, unread: { direct: 0, indirect: 0 }, chats: [] });
  });

  it('sends one full update, then one update per change carrying only that thread', async () => {
    const p = await open2025('?rows=40');
    const [first] = await p.waitForUpdates(1);
    expect(first).toMatchObject({ seq: 0, reset: true, loggedIn: true, remove: [], degraded: false, unread: badgeTotal(visible(makeChats(40))) });
    expect(first?.upsert).toHaveLength(visible(makeChats(40)).length);
    const target = pick(40, 7);
    const before = first?.unread.direct ?? 0;

    await p.step('message', target.id, 'Do you ship to Jeddah? 🚚');
    const second = (await p.waitForUpdates(2))[1];
    expect(second).toMatchObject({ seq: 1, reset: false, remove: [], unread: { direct: before + 1, indirect: 0 } });
    expect(second?.upsert).toEqual([{ ...expected(target), unread: 1, preview: 'Do you ship to Jeddah? 🚚' }]);

    // Muting leaves no mark in the row; only the nav badge (which leaves muted threads out) shows it.
    await p.step('mute', target.id);
    expect((await p.waitForUpdates(3))[2]).toMatchObject({ seq: 2, upsert: [], remove: [], unread: { direct: before, indirect: 0 } });

    await p.step('read', target.id);
    const fourth = (await p.waitForUpdates(4))[3];
    expect(fourth?.upsert.map((c) => [c.id, c.unread])).toEqual([[target.id, 0]]);
    expect(fourth?.unread.direct).toBe(before);

    await p.step('rename', target.id, 'متجر الورد 🌹');
    expect((await p.waitForUpdates(5))[4]?.upsert.map((c) => [c.id, c.title])).toEqual([[target.id, 'متجر الورد 🌹']]);

    await p.step('archive', target.id);
    expect((await p.waitForUpdates(6))[5]).toMatchObject({ upsert: [], remove: [target.id] });

    await p.step('logout');
    expect((await p.waitForUpdates(7))[6]).toMatchObject({ loggedIn: false, unread: { direct: 0, indirect: 0 }, upsert: [] });
    expect(p.updates).toHaveLength(7);
  });

  it('opens threads at /direct/t/<threadId>/, and refuses ids it does not list', async () => {
    const p = await open2025('?rows=40');
    await p.waitForUpdates(1);
    for (const target of [pick(40, 12), pick(40, 5)]) {
      expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(target.id)})`)).toBe(true);
      expect(await fixtureState(p)).toMatchObject({ opened: target.id, path: route(target) });
      expect((await p.read()).activeChatId).toBe(target.id);
    }
    expect(await p.isolated<boolean>('WaslAgent.openChat("424242")')).toBe(false);
    expect((await fixtureState(p)).opened).toBe(pick(40, 5).id);
  });

  it('types into the composer as input events and never sends', async () => {
    const p = await open2025('?rows=20');
    const target = pick(20, 3);
    expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(target.id)})`)).toBe(true);
    expect(await p.isolated<boolean>('WaslAgent.insertText("السلام عليكم، طلبك جاهز ✅")')).toBe(true);
    const fixture = await p.page.evaluate(() => {
      const f = (window as unknown as { fixture: FixtureHandle }).fixture;
      return { text: f.composerText(), model: f.composerModel(), events: f.inputEvents };
    });
    expect(fixture.text).toBe('السلام عليكم، طلبك جاهز ✅');
    expect(fixture.model).toBe('السلام عليكم، طلبك جاهز ✅');
    // Typed with execCommand alone: Chromium fires input, and no beforeinput.
    expect(fixture.events).toEqual([{ type: 'input', inputType: 'insertText', data: 'السلام عليكم، طلبك جاهز ✅' }]);
  });

  it('says it is degraded, with the title’s count, when the page changed and its hooks find nothing', async () => {
    const p = await open2025('?rows=40&state=changed');
    const [first] = await p.waitForUpdates(1);
    expect(first).toMatchObject({ degraded: true, loggedIn: true, upsert: [], unread: badgeTotal(visible(makeChats(40))) });
  });

  it('forwards the page’s notification with its thread (by name), and a click runs the page’s handler', async () => {
    const p = await open2025('?rows=40');
    await p.waitForUpdates(1);
    const target = pick(40, 13);
    expect(target.cleanName).toBe('نور الهدى 🌸');
    await p.step('message', target.id, 'تم الدفع ✅');
    await expect.poll(() => p.notices.length).toBe(1);
    const [notice] = p.notices;
    expect(notice).toMatchObject({ title: target.cleanName, body: 'تم الدفع ✅', chatId: target.id, derived: false, iconUrl: 'https://example.com/a.png' });
    expect(await p.isolated<boolean>(`WaslAgent.clickNotice(${JSON.stringify(notice?.id)}, ${JSON.stringify(notice?.chatId)})`)).toBe(true);
    expect(await fixtureState(p)).toMatchObject({ opened: target.id, clicked: [true], path: route(target) });
    await p.waitForUpdates(2);
    expect(p.notices).toHaveLength(1);
  });
});

/** The 2026 page: thread rows without links (test/fixtures/platforms/lib/instagram-direct.js), in three languages. */
const LANGS = ['en', 'ar', 'vi'] as const;
const CONNECTOR = 'WaslTest.connectors.instagram';
const titleId = (chat: FixtureChat): string => `title:${chat.cleanName}`;

/**
 * What the 2026 page shows of one thread: no id, so a chat is named by its title; unread by the weight of its name
 * and preview (no count: 1); muted by the bell in its trailing slot; kind and time are not shown.
 */
function expected2026(chat: FixtureChat): ChatSummary {
  const summary: ChatSummary = { id: titleId(chat), title: chat.cleanName, preview: chat.preview, unread: chat.unread > 0 ? 1 : 0 };
  if (chat.muted) summary.muted = true;
  return summary;
}

const scrollTo = (p: AgentPage, index: number): Promise<void> =>
  p.page.evaluate((i) => {
    (window as unknown as { fixture: { scrollTo(index: number): void } }).fixture.scrollTo(i);
  }, index);

describe.each(LANGS)('Instagram direct, the 2026 page (rows without links, %s interface)', (lang) => {
  const q = (query = ''): string => `?lang=${lang}${query}`;

  it('reads every thread exactly: named by title, unread by weight, muted by the bell; the rail badge is the total', async () => {
    const p = await open(q(), false);
    const shown = visible(makeChats(300));
    // The notes strip, the compose button, the Requests link and the rail's link to a thread are no chats.
    expect(await p.read()).toEqual({ loggedIn: true, unread: badgeTotal(shown), chats: shown.map(expected2026) });
  });

  it('sends one full update, then one update per change carrying only that thread', async () => {
    const p = await open(q('&rows=40'));
    const [first] = await p.waitForUpdates(1);
    const shown = visible(makeChats(40));
    expect(first).toMatchObject({ seq: 0, reset: true, loggedIn: true, remove: [], degraded: false, unread: badgeTotal(shown) });
    expect(first?.upsert).toEqual(shown.map(expected2026));
    const target = pick(40, 7);
    const id = titleId(target);
    const before = first?.unread.direct ?? 0;

    await p.step('message', target.id, 'Do you ship to Jeddah? 🚚');
    const second = (await p.waitForUpdates(2))[1];
    expect(second).toMatchObject({ seq: 1, reset: false, remove: [], unread: { direct: before + 1, indirect: 0 } });
    expect(second?.upsert).toEqual([{ ...expected2026(target), unread: 1, preview: 'Do you ship to Jeddah? 🚚' }]);

    await p.step('mute', target.id);
    const third = (await p.waitForUpdates(3))[2];
    expect(third).toMatchObject({ seq: 2, remove: [], unread: { direct: before, indirect: 0 } });
    expect(third?.upsert.map((c) => [c.id, c.unread, c.muted])).toEqual([[id, 1, true]]);

    await p.step('read', target.id);
    expect((await p.waitForUpdates(4))[3]?.upsert.map((c) => [c.id, c.unread])).toEqual([[id, 0]]);

    // A chat named by its title is another chat once renamed.
    await p.step('rename', target.id, 'متجر الورد 🌹');
    const renamed = (await p.waitForUpdates(5))[4];
    expect(renamed?.upsert.map((c) => [c.id, c.title])).toEqual([['title:متجر الورد 🌹', 'متجر الورد 🌹']]);
    expect(renamed?.remove).toEqual([id]);

    await p.step('archive', target.id);
    expect((await p.waitForUpdates(6))[5]).toMatchObject({ upsert: [], remove: ['title:متجر الورد 🌹'] });

    await p.step('logout');
    expect((await p.waitForUpdates(7))[6]).toMatchObject({ loggedIn: false, unread: { direct: 0, indirect: 0 }, upsert: [] });
    expect(p.updates).toHaveLength(7);
  });

  it('forwards a notification with its thread only when its text is the thread’s last message', async () => {
    const p = await open(q('&rows=40'));
    await p.waitForUpdates(1);
    const target = pick(40, 13);
    await p.step('message', target.id, 'تم الدفع ✅');
    await expect.poll(() => p.notices.length).toBe(1);
    const [notice] = p.notices;
    expect(notice).toMatchObject({ title: target.cleanName, body: 'تم الدفع ✅', chatId: titleId(target), derived: false });
    expect(await p.isolated<boolean>(`WaslAgent.clickNotice(${JSON.stringify(notice?.id)}, ${JSON.stringify(notice?.chatId)})`)).toBe(true);
    expect(await fixtureState(p)).toMatchObject({ opened: target.id, clicked: [true], path: route(target) });

    // Activity under a person's name (a like, a story reply) is not that chat's message.
    const other = pick(40, 3);
    await p.page.evaluate((title) => new Notification(title, { body: 'liked your story ❤️' }), other.cleanName);
    await expect.poll(() => p.notices.length).toBe(2);
    expect(p.notices[1]).toMatchObject({ title: other.cleanName, derived: false });
    expect(p.notices[1]?.chatId).toBeUndefined();
  });
});

describe('Instagram direct, the 2026 page', () => {
  it('says what its page means: the title is a count, the list is partial, and how many elements each hook finds', async () => {
    const p = await open('?rows=30', false);
    expect(await p.isolated<string>(`${CONNECTOR}.title`)).toBe('count');
    expect(await p.isolated<boolean>(`${CONNECTOR}.partialList(window)`)).toBe(true);
    const hooks = await p.isolated<Record<string, number>>(`Object.fromEntries(Object.entries(${CONNECTOR}.hooks).map(([name, probe]) => [name, probe(document)]))`);
    // Rows: the threads, and the four buttons of the list that may look like one (compose, your note, two notes).
    expect(hooks).toEqual({ list: 1, rows: visible(makeChats(30)).length + 4, nav: 1, composer: 1 });
  });

  it('reads only the rows a virtualised list renders, and keeps the total from the rail badge', async () => {
    const p = await open('?rows=60&window=20', false);
    const shown = visible(makeChats(60));
    expect(await p.read()).toEqual({ loggedIn: true, unread: badgeTotal(shown), chats: shown.slice(0, 20).map(expected2026) });
    await scrollTo(p, 30);
    expect(await p.read()).toEqual({ loggedIn: true, unread: badgeTotal(shown), chats: shown.slice(30, 50).map(expected2026) });
  });

  it('takes the total from the title while the rail (and its badge) is not there', async () => {
    const p = await open('?rows=40', false);
    await p.page.evaluate(() => {
      document.querySelector('a[href^="/direct/t/"]')?.remove();
    });
    const unread = pick(40, 0);
    expect(unread.unread).toBeGreaterThan(0);
    await p.step('mute', unread.id);
    // The title counts unread threads as the badge does, muted ones left out; the rows would count that one.
    const chats = visible(makeChats(40)).map((chat) => (chat.id === unread.id ? { ...chat, muted: true } : chat));
    expect(await p.read()).toMatchObject({ loggedIn: true, unread: badgeTotal(chats) });
  });

  it('opens a thread by clicking its row, learns its id from the URL, and reopens it by that route once scrolled away', async () => {
    const p = await open('?rows=60&window=20');
    await p.waitForUpdates(1);
    const shown = visible(makeChats(60));
    const [first, second, never] = [shown[3], shown[33], shown[4]];
    if (!first || !second || !never) throw new Error('dataset too small');
    expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(titleId(first))})`)).toBe(true);
    expect(await fixtureState(p)).toMatchObject({ opened: first.id, path: route(first) });
    expect((await p.read()).activeChatId).toBe(titleId(first));

    await scrollTo(p, 30);
    expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(titleId(second))})`)).toBe(true);
    expect(await fixtureState(p)).toMatchObject({ opened: second.id, path: route(second) });
    expect((await p.read()).activeChatId).toBe(titleId(second));

    // Scrolled away: no row to click, but its thread id was learnt when it was opened.
    expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(titleId(first))})`)).toBe(true);
    expect(await fixtureState(p)).toMatchObject({ opened: first.id, path: route(first) });
    expect((await p.read()).activeChatId).toBe(titleId(first));

    // Never opened and not rendered: there is no way to it. Unknown: none either.
    expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(titleId(never))})`)).toBe(false);
    expect(await p.isolated<boolean>('WaslAgent.openChat("title:Nobody")')).toBe(false);
    expect((await fixtureState(p)).opened).toBe(first.id);
  });

  it('types into the composer of the thread it opened, as input events, and never sends', async () => {
    const p = await open('?rows=20&lang=ar');
    const target = pick(20, 3);
    expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(titleId(target))})`)).toBe(true);
    expect(await p.isolated<boolean>('WaslAgent.insertText("السلام عليكم، طلبك جاهز ✅")')).toBe(true);
    const fixture = await p.page.evaluate(() => {
      const f = (window as unknown as { fixture: FixtureHandle }).fixture;
      return { text: f.composerText(), model: f.composerModel(), events: f.inputEvents };
    });
    expect(fixture.text).toBe('السلام عليكم، طلبك جاهز ✅');
    expect(fixture.model).toBe('السلام عليكم، طلبك جاهز ✅');
    expect(fixture.events).toEqual([{ type: 'input', inputType: 'insertText', data: 'السلام عليكم، طلبك جاهز ✅' }]);
  });

  it('reports the /accounts/login page as logged out', async () => {
    const p = await open('?state=logged-out', false);
    expect(await p.page.evaluate(() => location.pathname)).toBe('/accounts/login/');
    expect(await p.read()).toEqual({ loggedIn: false, unread: { direct: 0, indirect: 0 }, chats: [] });
  });

  it('says it is degraded when the page changed and its hooks find nothing', async () => {
    const p = await open('?rows=40&state=changed');
    const [first] = await p.waitForUpdates(1);
    expect(first).toMatchObject({ degraded: true, loggedIn: true, upsert: [], unread: badgeTotal(visible(makeChats(40))) });
  });
});

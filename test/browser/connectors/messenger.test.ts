import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChatSummary } from '../../../common/model';
import { makeChats, type FixtureChat } from '../../fixtures/platforms/lib/dataset.js';
import { openAgentPage, type AgentPage } from '../../support/agent-page';
import { launchChromium } from '../../support/chromium';
import { serveFixture } from '../../support/fixture-server';
import type { StaticServer } from '../../support/static-server';
import { totals, visible } from './expected';

/** The two hosts Messenger lives on, as the fixtures serve them (test/fixtures/platforms/lib/messenger.js). */
interface Host {
  name: string;
  dir: 'messenger' | 'facebook';
  /** The site the fixture is served as: the connector tells the two apart by host (what their titles mean). */
  origin: string;
  /** What the page title says: messenger.com's counts unread threads; facebook.com's adds Facebook's notifications. */
  title: 'count' | 'ignore';
  start: string;
  /** Which threads the host serves end-to-end encrypted (at /messages/e2ee/t/<id>/). */
  e2ee(chat: FixtureChat): boolean;
  base: string;
  /** The left-nav "Chats" link with the page's own total is there. */
  nav: boolean;
  /** The fixture's parameters for this page (facebook.com serves its 2026 page unless asked for the 2025 one). */
  params: string;
}

const HOSTS: Host[] = [
  { name: 'www.messenger.com', dir: 'messenger', origin: 'https://www.messenger.com', title: 'count', start: '/', e2ee: () => false, base: '', nav: true, params: '' },
  {
    name: 'www.facebook.com/messages, the 2025 page',
    dir: 'facebook',
    origin: 'https://www.facebook.com',
    title: 'ignore',
    start: '/messages/',
    e2ee: (chat) => chat.kind === 'direct' && Number(chat.id) % 2 === 0,
    base: '/messages',
    nav: false,
    params: 'gen=2025',
  },
];

const chatId = (host: Host, chat: FixtureChat): string => (host.e2ee(chat) ? `e2ee:${chat.id}` : chat.id);
const route = (host: Host, chat: FixtureChat): string => `${host.base}${host.e2ee(chat) ? '/e2ee' : ''}/t/${chat.id}/`;

/**
 * What Messenger must read for one fixture chat: an unread thread counts as 1 (rows show no count); mute, kind and
 * time are not read (the page offers no hook for them).
 */
function expected(host: Host, chat: FixtureChat): ChatSummary {
  return { id: chatId(host, chat), title: chat.cleanName, preview: chat.preview, unread: chat.unread > 0 ? 1 : 0 };
}

/** The nav link's total counts unread threads that are not muted; without it, every unread row counts. */
function expectedTotals(host: Host, chats: readonly FixtureChat[]): { direct: number; indirect: number } {
  const unread = chats.filter((c) => c.unread > 0 && (!host.nav || !c.muted));
  return { direct: unread.length, indirect: 0 };
}

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
const servers = new Map<string, StaticServer>();
let page: AgentPage | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  for (const host of HOSTS) servers.set(host.dir, await serveFixture(host.dir));
});
afterAll(async () => {
  await browser.close();
  for (const server of servers.values()) await server.close();
});
afterEach(async () => {
  await page?.close();
  page = undefined;
});

const open = async (host: Host, query: string, agent = true): Promise<AgentPage> => {
  const server = servers.get(host.dir);
  if (!server) throw new Error(`no server for ${host.dir}`);
  const params = [host.params, query.replace(/^\?/u, '')].filter((part) => part !== '').join('&');
  await page?.close();
  page = await openAgentPage(browser, { platform: 'messenger', url: `${server.url}${host.start}${params === '' ? '' : `?${params}`}`, origin: host.origin, agent });
  return page;
};

describe.each(HOSTS)('Messenger on $name', (host) => {
  it('reads every thread of a 300-row list exactly: clean names, previews, unread threads, e2ee ids, the total', async () => {
    const p = await open(host, '', false);
    const shown = visible(makeChats(300));
    expect(await p.read()).toEqual({ loggedIn: true, unread: expectedTotals(host, shown), chats: shown.map((c) => expected(host, c)) });
  });

  it('reads no more than 5,000 threads however many the page holds', async () => {
    const p = await open(host, '?rows=6000', false);
    const { chats } = await p.read();
    expect(chats).toHaveLength(5_000);
    expect(chats).toEqual(visible(makeChats(6000)).slice(0, 5_000).map((c) => expected(host, c)));
  });

  it('reports the login form as logged out', async () => {
    const p = await open(host, '?state=logged-out', false);
    expect(await p.read()).toEqual({ loggedIn: false, unread: { direct: 0, indirect: 0 }, chats: [] });
  });

  it('sends one full update, then one update per change carrying only that thread', async () => {
    const p = await open(host, '?rows=40');
    const [first] = await p.waitForUpdates(1);
    expect(first).toMatchObject({ seq: 0, reset: true, loggedIn: true, remove: [], degraded: false, unread: expectedTotals(host, visible(makeChats(40))) });
    expect(first?.upsert).toHaveLength(visible(makeChats(40)).length);
    const target = pick(40, 6);
    const id = chatId(host, target);
    const before = first?.unread.direct ?? 0;

    await p.step('message', target.id, 'Do you ship to Jeddah? 🚚');
    const second = (await p.waitForUpdates(2))[1];
    expect(second).toMatchObject({ seq: 1, reset: false, remove: [], unread: { direct: before + 1, indirect: 0 } });
    expect(second?.upsert).toEqual([{ ...expected(host, target), unread: 1, preview: 'Do you ship to Jeddah? 🚚' }]);

    // Muting leaves no mark in the row; only the nav link's total (which leaves muted threads out) shows it.
    await p.step('mute', target.id);
    let read: number;
    if (host.nav) {
      const third = (await p.waitForUpdates(3))[2];
      expect(third).toMatchObject({ seq: 2, upsert: [], remove: [], unread: { direct: before, indirect: 0 } });
      read = 4;
    } else {
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(p.updates).toHaveLength(2);
      read = 3;
    }

    await p.step('read', target.id);
    const afterRead = (await p.waitForUpdates(read))[read - 1];
    expect(afterRead?.upsert.map((c) => [c.id, c.unread])).toEqual([[id, 0]]);
    expect(afterRead?.unread.direct).toBe(before);

    await p.step('rename', target.id, 'متجر الورد 🌹');
    expect((await p.waitForUpdates(read + 1))[read]?.upsert.map((c) => [c.id, c.title])).toEqual([[id, 'متجر الورد 🌹']]);

    // A name that says "unread" does not make the thread unread (its "More options for …" label carries the name).
    await p.step('rename', target.id, 'Unread Books 📚');
    expect((await p.waitForUpdates(read + 2))[read + 1]?.upsert.map((c) => [c.id, c.title, c.unread])).toEqual([[id, 'Unread Books 📚', 0]]);

    await p.step('archive', target.id);
    expect((await p.waitForUpdates(read + 3))[read + 2]).toMatchObject({ upsert: [], remove: [id] });

    await p.step('logout');
    expect((await p.waitForUpdates(read + 4))[read + 3]).toMatchObject({ loggedIn: false, unread: { direct: 0, indirect: 0 }, upsert: [] });
    expect(p.updates).toHaveLength(read + 4);
  });

  it('opens threads by their route on this host, and refuses ids it does not list', async () => {
    const p = await open(host, '?rows=40');
    await p.waitForUpdates(1);
    for (const target of [pick(40, 12), pick(40, 6)]) {
      expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(chatId(host, target))})`)).toBe(true);
      expect(await fixtureState(p)).toMatchObject({ opened: target.id, path: route(host, target) });
      expect((await p.read()).activeChatId).toBe(chatId(host, target));
    }
    expect(await p.isolated<boolean>('WaslAgent.openChat("424242")')).toBe(false);
    // The same number with the other encryption is another thread.
    const plain = pick(40, 12);
    expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(`e2ee:${plain.id}`)})`)).toBe(false);
    expect((await fixtureState(p)).opened).toBe(pick(40, 6).id);
  });

  it('types into the composer as input events and never sends', async () => {
    const p = await open(host, '?rows=20');
    const target = pick(20, 3);
    expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(chatId(host, target))})`)).toBe(true);
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

  it('does not type when no conversation (no composer) is shown', async () => {
    const p = await open(host, '?rows=20');
    await p.waitForUpdates(1);
    expect(await p.isolated<boolean>('WaslAgent.insertText("hello")')).toBe(false);
    expect(await p.page.evaluate(() => (window as unknown as { fixture: FixtureHandle }).fixture.inputEvents.length)).toBe(0);
  });

  it('sees the drift when the page changed and its hooks find nothing: degraded by the title where it counts, in the health', async () => {
    const p = await open(host, '?rows=40&state=changed');
    expect(await p.isolated<string>(`${CONNECTOR}.title(window)`)).toBe(host.title);
    const [first] = await p.waitForUpdates(1);
    const shown = visible(makeChats(40));
    if (host.title === 'count') {
      // messenger.com's "(N) Messenger" counts unread threads: with no rows found, the page is degraded (its nav
      // link, which the change left alone, says the same N).
      expect(await p.page.title()).toBe(`(${expectedTotals(host, shown).direct}) Messenger`);
      expect(first).toMatchObject({ degraded: true, loggedIn: true, upsert: [], unread: expectedTotals(host, shown) });
    } else {
      // facebook.com's title also counts Facebook's notifications: it says nothing about chats, so it makes no page
      // degraded. The drift shows in the connector's health: no rows, no thread links.
      expect(first).toMatchObject({ degraded: false, loggedIn: true, upsert: [], unread: { direct: 0, indirect: 0 } });
      expect(first?.health).toEqual({ rows: 0, chats: 0, badges: 0, titleUnread: null, missing: ['rows', 'links'], lastGoodRead: null, listPane: 1 });
    }
  });

  it('forwards the page’s notification with its thread (by name), and a click runs the page’s handler', async () => {
    const p = await open(host, '?rows=40');
    await p.waitForUpdates(1);
    const target = pick(40, 6);
    await p.step('message', target.id, 'Payment sent 💸');
    await expect.poll(() => p.notices.length).toBe(1);
    const [notice] = p.notices;
    expect(notice).toMatchObject({ title: target.cleanName, body: 'Payment sent 💸', chatId: chatId(host, target), derived: false, iconUrl: 'https://example.com/a.png' });
    expect(await p.isolated<boolean>(`WaslAgent.clickNotice(${JSON.stringify(notice?.id)}, ${JSON.stringify(notice?.chatId)})`)).toBe(true);
    expect(await fixtureState(p)).toMatchObject({ opened: target.id, clicked: [true], path: route(host, target) });
    await p.waitForUpdates(2);
    expect(p.notices).toHaveLength(1);

    // A notification whose title names no thread is forwarded without one: never a guess.
    await p.page.evaluate(() => new Notification('Facebook', { body: 'Someone mentioned you' }));
    await expect.poll(() => p.notices.length).toBe(2);
    expect(p.notices[1]).toMatchObject({ title: 'Facebook', body: 'Someone mentioned you', derived: false });
    expect(p.notices[1]?.chatId).toBeUndefined();
  });
});

describe.each(['html-title', 'array-title', 'element-title'])('Messenger notifications with rich titles (%s)', (variant) => {
  it('finds the thread from the text the object carries, and a click still runs the page’s handler', async () => {
    const host = HOSTS[0];
    if (!host) throw new Error('no host');
    const p = await open(host, `?rows=40&variant=${variant}`);
    await p.waitForUpdates(1);
    // "Hiba & Sons": an ampersand, escaped in the __html form.
    const target = pick(40, 16);
    expect(target.cleanName).toBe('Hiba & Sons');
    await p.step('message', target.id, 'Is the order ready?');
    await expect.poll(() => p.notices.length).toBe(1);
    const [notice] = p.notices;
    // The shim flattens the object to the text it carries: no JSON, no markup, reaches main.
    expect(notice).toMatchObject({ chatId: target.id, derived: false, title: 'Hiba & Sons', body: 'Is the order ready?' });
    expect(await p.isolated<boolean>(`WaslAgent.clickNotice(${JSON.stringify(notice?.id)}, ${JSON.stringify(notice?.chatId)})`)).toBe(true);
    expect(await fixtureState(p)).toMatchObject({ opened: target.id, clicked: [true] });
  });
});

/** facebook.com/messages as it is in 2026 (test/fixtures/platforms/lib/facebook-messages.js), in three languages. */
const LANGS = ['en', 'ar', 'vi'] as const;
const CONNECTOR = 'WaslTest.connectors.messenger';
const facebook2026 = (lang: (typeof LANGS)[number] = 'en'): Host => ({
  name: `www.facebook.com/messages (${lang})`,
  dir: 'facebook',
  origin: 'https://www.facebook.com',
  title: 'ignore',
  start: '/messages/',
  e2ee: (chat) => chat.kind === 'direct' && Number(chat.id) % 2 === 0,
  base: '/messages',
  nav: false,
  params: `lang=${lang}`,
});

/** What the 2026 page shows of one thread: unread by weight and the mark-as-read control (1), muted by the bell. */
function expected2026(chat: FixtureChat): ChatSummary {
  const summary = expected(facebook2026(), chat);
  if (chat.muted) summary.muted = true;
  return summary;
}

/** No total on the page (its title counts Facebook's notifications too): the rows are summed, muted ones apart. */
const rowTotals = (chats: readonly FixtureChat[]): { direct: number; indirect: number } => totals(chats.map(expected2026));

const scrollTo = (p: AgentPage, index: number): Promise<void> =>
  p.page.evaluate((i) => {
    (window as unknown as { fixture: { scrollTo(index: number): void } }).fixture.scrollTo(i);
  }, index);

describe.each(LANGS)('Messenger on www.facebook.com/messages, the 2026 page (%s interface)', (lang) => {
  const host = facebook2026(lang);

  it('reads every thread exactly: no test ids, emoji drawn as images, unread by weight, muted by the bell', async () => {
    const p = await open(host, '', false);
    const shown = visible(makeChats(300));
    // Not chats: the open thread's messages (rows too, one with a shared thread link), the top bar and its count.
    expect(await p.read()).toEqual({ loggedIn: true, unread: rowTotals(shown), chats: shown.map(expected2026) });
  });

  it('sends one full update, then one update per change carrying only that thread', async () => {
    const p = await open(host, '?rows=40');
    const [first] = await p.waitForUpdates(1);
    const shown = visible(makeChats(40));
    expect(first).toMatchObject({ seq: 0, reset: true, loggedIn: true, remove: [], degraded: false, unread: rowTotals(shown) });
    expect(first?.upsert).toEqual(shown.map(expected2026));
    const target = pick(40, 6);
    const id = chatId(host, target);
    const { direct, indirect } = first?.unread ?? { direct: 0, indirect: 0 };

    await p.step('message', target.id, 'Do you ship to Jeddah? 🚚');
    const second = (await p.waitForUpdates(2))[1];
    expect(second).toMatchObject({ seq: 1, reset: false, remove: [], unread: { direct: direct + 1, indirect } });
    expect(second?.upsert).toEqual([{ ...expected2026(target), unread: 1, preview: 'Do you ship to Jeddah? 🚚' }]);

    await p.step('mute', target.id);
    const third = (await p.waitForUpdates(3))[2];
    expect(third).toMatchObject({ seq: 2, remove: [], unread: { direct, indirect: indirect + 1 } });
    expect(third?.upsert.map((c) => [c.id, c.unread, c.muted])).toEqual([[id, 1, true]]);

    await p.step('read', target.id);
    const fourth = (await p.waitForUpdates(4))[3];
    expect(fourth?.upsert.map((c) => [c.id, c.unread])).toEqual([[id, 0]]);
    expect(fourth?.unread).toEqual({ direct, indirect });

    // A name made only of emoji is drawn as images, no text: it is still the name.
    await p.step('rename', target.id, '🌹🌹');
    expect((await p.waitForUpdates(5))[4]?.upsert.map((c) => [c.id, c.title])).toEqual([[id, '🌹🌹']]);

    await p.step('archive', target.id);
    expect((await p.waitForUpdates(6))[5]).toMatchObject({ upsert: [], remove: [id] });

    await p.step('logout');
    expect((await p.waitForUpdates(7))[6]).toMatchObject({ loggedIn: false, unread: { direct: 0, indirect: 0 }, upsert: [] });
    expect(p.updates).toHaveLength(7);
  });

  it('gives a notification its thread only when its text is that thread’s last message: Facebook activity never', async () => {
    const p = await open(host, '?rows=40');
    await p.waitForUpdates(1);
    const target = pick(40, 6);
    await p.step('message', target.id, 'Payment sent 💸');
    await expect.poll(() => p.notices.length).toBe(1);
    expect(p.notices[0]).toMatchObject({ title: target.cleanName, body: 'Payment sent 💸', chatId: chatId(host, target), derived: false });

    // Facebook's own activity, under "Facebook", under the person's name, and under an unread group chat's name.
    const group = pick(40, 2);
    expect(group).toMatchObject({ kind: 'group', cleanName: 'Shop team' });
    await p.step('message', group.id, 'Omar: see you at eight');
    await expect.poll(() => p.notices.length).toBe(2);
    expect(p.notices[1]?.chatId).toBe(group.id);
    const activity: [string, string][] = [
      ['Facebook', `${target.cleanName} commented on your post`],
      [target.cleanName, 'reacted to your photo ❤️'],
      [group.cleanName, `Omar Khaled posted in ${group.cleanName}`],
    ];
    for (const [title, body] of activity) await p.page.evaluate(([t, b]) => new Notification(t, { body: b }), [title, body] as const);
    await expect.poll(() => p.notices.length).toBe(5);
    expect(p.notices.slice(2).map((n) => [n.title, n.chatId])).toEqual(activity.map(([title]) => [title, undefined]));
  });
});

describe('Messenger on www.facebook.com/messages, the 2026 page', () => {
  const host = facebook2026();

  it('says what its page means: the title is no chat count, the list is partial, and how many elements each hook finds', async () => {
    const p = await open(host, '?rows=30', false);
    // The meaning depends on the host: facebook.com's title counts Facebook's notifications too.
    expect(await p.isolated<string>(`${CONNECTOR}.title(window)`)).toBe('ignore');
    expect(await p.isolated<boolean>(`${CONNECTOR}.partialList(window)`)).toBe(true);
    const hooks = await p.isolated<Record<string, number>>(`Object.fromEntries(Object.entries(${CONNECTOR}.hooks).map(([name, probe]) => [name, probe(document)]))`);
    const rows = visible(makeChats(30)).length;
    expect(hooks).toEqual({ list: 1, rows, links: rows, composer: 1 });
  });

  it('reads only the rows the virtualised grid renders', async () => {
    const p = await open(host, '?rows=60&window=20', false);
    const shown = visible(makeChats(60));
    const inView = (from: number): { loggedIn: boolean; unread: { direct: number; indirect: number }; chats: ChatSummary[] } => ({
      loggedIn: true,
      unread: rowTotals(shown.slice(from, from + 20)),
      chats: shown.slice(from, from + 20).map(expected2026),
    });
    expect(await p.read()).toEqual(inView(0));
    await scrollTo(p, 30);
    expect(await p.read()).toEqual(inView(30));
  });

  it('opens threads by their route, encrypted or not, and refuses ids it does not list', async () => {
    const p = await open(host, '?rows=40');
    await p.waitForUpdates(1);
    for (const target of [pick(40, 12), pick(40, 6)]) {
      expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(chatId(host, target))})`)).toBe(true);
      expect(await fixtureState(p)).toMatchObject({ opened: target.id, path: route(host, target) });
      expect((await p.read()).activeChatId).toBe(chatId(host, target));
    }
    expect(await p.isolated<boolean>('WaslAgent.openChat("424242")')).toBe(false);
    expect((await fixtureState(p)).opened).toBe(pick(40, 6).id);
  });

  it('types into the composer as input events and never sends', async () => {
    const p = await open(facebook2026('ar'), '?rows=20');
    const target = pick(20, 3);
    expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(chatId(host, target))})`)).toBe(true);
    expect(await p.isolated<boolean>('WaslAgent.insertText("السلام عليكم، طلبك جاهز ✅")')).toBe(true);
    const fixture = await p.page.evaluate(() => {
      const f = (window as unknown as { fixture: FixtureHandle }).fixture;
      return { text: f.composerText(), model: f.composerModel(), events: f.inputEvents };
    });
    expect(fixture.text).toBe('السلام عليكم، طلبك جاهز ✅');
    expect(fixture.model).toBe('السلام عليكم، طلبك جاهز ✅');
    expect(fixture.events).toEqual([{ type: 'input', inputType: 'insertText', data: 'السلام عليكم، طلبك جاهز ✅' }]);
  });

  it('reports the login form as logged out', async () => {
    const p = await open(host, '?state=logged-out', false);
    expect(await p.read()).toEqual({ loggedIn: false, unread: { direct: 0, indirect: 0 }, chats: [] });
  });

  it('sees the drift in its health when the page changed and its hooks find nothing, not in the title', async () => {
    const p = await open(host, '?rows=40&state=changed');
    const [first] = await p.waitForUpdates(1);
    // The title counts Facebook's notifications too (title: 'ignore'): it makes no page degraded.
    expect(await p.page.title()).toMatch(/^\(\d+\) Messenger \| Facebook$/u);
    expect(first).toMatchObject({ degraded: false, loggedIn: true, upsert: [], unread: { direct: 0, indirect: 0 } });
    expect(first?.health).toEqual({ rows: 0, chats: 0, badges: 0, titleUnread: null, missing: ['rows', 'links'], lastGoodRead: null, listPane: 1 });
  });
});

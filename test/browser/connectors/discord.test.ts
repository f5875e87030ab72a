import { describe, expect, it } from 'vitest';
import type { ChatSummary } from '../../../common/model';
import { makeChats, type FixtureChat } from '../../fixtures/platforms/lib/dataset.js';
import { type AgentPage } from '../../support/agent-page';
import { fixturePages } from '../../support/fixture-pages';
import { totals, visible } from './expected';

/** The one server the fixture shows (test/fixtures/platforms/discord/assets/app.js). */
const GUILD = '1190834471035912192';

const chatId = (chat: FixtureChat): string => (chat.kind === 'channel' ? `${GUILD}/${chat.id}` : `@me/${chat.id}`);
/** The fixture's channels with mentions (a count badge); the other unread channels only look unread. */
const mentioned = (chat: FixtureChat): boolean => Number(chat.id) % 8 === 0;

/** What the Discord reader must report for one fixture chat. */
function expected(chat: FixtureChat): ChatSummary {
  let unread = chat.unread;
  // A channel without mentions counts 1 while unread, and a muted one shows nothing but its mentions.
  if (chat.kind === 'channel' && unread > 0 && !mentioned(chat)) unread = chat.muted ? 0 : 1;
  return { id: chatId(chat), title: chat.cleanName, unread, muted: chat.muted, kind: chat.kind };
}

/** The page lists direct and group messages first, then the server's channels. */
function expectedList(count: number): ChatSummary[] {
  const shown = visible(makeChats(count));
  return [...shown.filter((c) => c.kind !== 'channel'), ...shown.filter((c) => c.kind === 'channel')].map(expected);
}

function pick(count: number, index: number): FixtureChat {
  const chat = makeChats(count)[index];
  if (!chat) throw new Error('dataset too small');
  return chat;
}

interface FixtureApi {
  openedChatId(): string | undefined;
  composerText(): string;
  /** What the composer's editor holds: what the page would send. */
  composerModel(): string;
  inputEvents: unknown[];
  notifications: { title: string; clicked: boolean }[];
}
const fixture = (p: AgentPage): Promise<{ opened: string | undefined; text: string; model: string; events: unknown[]; notified: number; path: string }> =>
  p.page.evaluate(() => {
    const f = (window as unknown as { fixture: FixtureApi }).fixture;
    return { opened: f.openedChatId(), text: f.composerText(), model: f.composerModel(), events: f.inputEvents, notified: f.notifications.length, path: location.pathname };
  });

const open = fixturePages('discord');

describe('Discord', () => {
  it('reads every DM, group DM and channel of a 300-row page exactly: clean names, unread, mentions, muted, kind', async () => {
    const p = await open('/app', false);
    const chats = expectedList(300);
    expect(chats.map((c) => c.kind)).toEqual(expect.arrayContaining(['direct', 'group', 'channel']));
    // Both kinds of unread channel are on the page: with mentions (a count) and merely unread (1).
    const channels = visible(makeChats(300)).filter((c) => c.kind === 'channel' && c.unread > 1);
    expect(channels.some(mentioned) && channels.some((c) => !mentioned(c))).toBe(true);
    expect(await p.read()).toEqual({ loggedIn: true, unread: totals(chats), chats });
  });

  it('reads the same page when the build writes its classes as "_<hash>-<name>"', async () => {
    const p = await open('/app?rows=120&variant=suffixed-classes', false);
    expect(await p.page.locator('[class*="numberBadge_"]').count()).toBe(0);
    const chats = expectedList(120);
    expect(await p.read()).toEqual({ loggedIn: true, unread: totals(chats), chats });
  });

  it('reads 5,000 rows', async () => {
    const p = await open('/app?rows=5000', false);
    const snapshot = await p.read();
    expect(snapshot.chats).toHaveLength(visible(makeChats(5000)).length);
    expect(snapshot.unread).toEqual(totals(expectedList(5000)));
  });

  it('reports the sign-in page as logged out, whether the app redirected there or it was opened directly', async () => {
    const redirected = await open('/app?state=logged-out', false);
    expect(await redirected.read()).toEqual({ loggedIn: false, unread: { direct: 0, indirect: 0 }, chats: [] });
    expect(await redirected.page.evaluate(() => location.pathname)).toBe('/login');
    await redirected.close();
    const direct = await open('/login', false);
    expect(await direct.read()).toEqual({ loggedIn: false, unread: { direct: 0, indirect: 0 }, chats: [] });
  });

  it('sends one full update, then one update per change carrying only that chat', async () => {
    const p = await open('/app?rows=40');
    const [first] = await p.waitForUpdates(1);
    expect(first).toMatchObject({ seq: 0, reset: true, loggedIn: true, remove: [], degraded: false });
    expect(first?.upsert).toEqual(expectedList(40));
    const target = pick(40, 7);
    expect(target).toMatchObject({ kind: 'group', unread: 0, muted: false, archived: false });

    await p.step('message', target.id, 'هل الطلب جاهز؟ 📦');
    const [, second] = await p.waitForUpdates(2);
    expect(second).toMatchObject({ seq: 1, reset: false, remove: [] });
    expect(second?.upsert).toEqual([{ ...expected(target), unread: 1 }]);
    expect(second?.unread.direct).toBe((first?.unread.direct ?? 0) + 1);

    await p.step('mute', target.id);
    const third = (await p.waitForUpdates(3))[2];
    expect(third?.upsert).toEqual([{ ...expected(target), unread: 1, muted: true }]);
    expect(third?.unread).toEqual({ direct: (first?.unread.direct ?? 0), indirect: (first?.unread.indirect ?? 0) + 1 });

    await p.step('read', target.id);
    expect((await p.waitForUpdates(4))[3]?.upsert.map((c) => [c.id, c.unread])).toEqual([[chatId(target), 0]]);

    await p.step('rename', target.id, '\u2068متجر الورد 🌹\u2069');
    expect((await p.waitForUpdates(5))[4]?.upsert.map((c) => [c.id, c.title])).toEqual([[chatId(target), 'متجر الورد 🌹']]);

    await p.step('archive', target.id);
    expect((await p.waitForUpdates(6))[5]).toMatchObject({ upsert: [], remove: [chatId(target)] });

    await p.step('logout');
    expect((await p.waitForUpdates(7))[6]).toMatchObject({ loggedIn: false, unread: { direct: 0, indirect: 0 }, upsert: [] });
    expect(p.updates).toHaveLength(7);
  });

  it('counts a channel’s mentions, or 1 while it is merely unread, and only its mentions once muted', async () => {
    const p = await open('/app?rows=170');
    await p.waitForUpdates(1);
    const [plain, withMentions] = [pick(170, 108), pick(170, 160)];
    expect([plain.kind, mentioned(plain), plain.unread > 1, withMentions.kind, mentioned(withMentions)]).toEqual(['channel', false, true, 'channel', true]);
    const before = (await p.read()).chats;
    expect(before.find((c) => c.id === chatId(plain))?.unread).toBe(1);
    expect(before.find((c) => c.id === chatId(withMentions))?.unread).toBe(withMentions.unread);

    await p.step('mute', plain.id);
    expect((await p.waitForUpdates(2))[1]?.upsert).toEqual([{ ...expected(plain), unread: 0, muted: true }]);
    await p.step('mute', withMentions.id);
    const third = (await p.waitForUpdates(3))[2];
    expect(third?.upsert).toEqual([{ ...expected(withMentions), muted: true }]);
    expect(third?.unread.indirect).toBe(withMentions.unread);
  });

  it('opens a direct message and a server channel by their routes, and refuses unknown ids', async () => {
    const p = await open('/app?rows=40');
    await p.waitForUpdates(1);
    const dm = pick(40, 3);
    const channel = pick(40, 17);
    expect([dm.kind, channel.kind]).toEqual(['direct', 'channel']);

    // By route: the connector clicks nothing (clicking a row is only its fallback).
    await p.page.evaluate(() => {
      const w = window as unknown as { clicks: number };
      w.clicks = 0;
      document.addEventListener('click', () => (w.clicks += 1), true);
    });
    expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(chatId(dm))})`)).toBe(true);
    expect(await fixture(p)).toMatchObject({ opened: dm.id, path: `/channels/@me/${dm.id}` });
    expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(chatId(channel))})`)).toBe(true);
    expect(await fixture(p)).toMatchObject({ opened: channel.id, path: `/channels/${GUILD}/${channel.id}` });
    expect(await p.page.evaluate(() => (window as unknown as { clicks: number }).clicks)).toBe(0);
    expect((await p.read()).activeChatId).toBe(chatId(channel));

    for (const unknown of ['424242', '@me/424242', `${GUILD}/424242`, `@me/${dm.id}/x`]) {
      expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(unknown)})`)).toBe(false);
    }
    expect(await fixture(p)).toMatchObject({ opened: channel.id, path: `/channels/${GUILD}/${channel.id}` });
  });

  it('types into the Slate composer through input, as Slate takes DOM edits it did not make, and never sends', async () => {
    const p = await open('/app?rows=20');
    const target = pick(20, 3);
    expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(chatId(target))})`)).toBe(true);
    expect(await p.isolated<boolean>('WaslAgent.insertText("السلام عليكم، طلبك جاهز ✅")')).toBe(true);
    const state = await fixture(p);
    expect(state.text).toBe('السلام عليكم، طلبك جاهز ✅');
    // Slate's value took the text once, without the zero-width placeholder's U+FEFF, and rendered it as a string leaf.
    expect(state.model).toBe('السلام عليكم، طلبك جاهز ✅');
    // Typed with execCommand alone: Chromium fires input, and no beforeinput.
    expect(state.events).toEqual([{ type: 'input', inputType: 'insertText', data: 'السلام عليكم، طلبك جاهز ✅' }]);
    expect(await p.page.locator('[data-slate-editor="true"] [data-slate-string="true"]').textContent()).toBe('السلام عليكم، طلبك جاهز ✅');
    expect(await p.page.locator('[data-slate-editor="true"] [data-slate-zero-width]').count()).toBe(0);
  });

  it('says it is degraded, with the title’s flag, when the page changed and its hooks find nothing', async () => {
    const p = await open('/app?rows=40&state=changed');
    const [first] = await p.waitForUpdates(1);
    const titleCount = visible(makeChats(40))
      .filter((c) => !c.muted && (c.kind !== 'channel' || mentioned(c)))
      .reduce((n, c) => n + c.unread, 0);
    expect(titleCount).toBeGreaterThan(0);
    expect(await p.page.title()).toBe(`(${titleCount}) Discord | Friends`);
    // Discord's title only says something is unread (title: 'flag'): whatever its figure, that is one.
    expect(first).toMatchObject({ degraded: true, loggedIn: true, upsert: [], unread: { direct: 1 } });
  });
});

describe('Discord notifications', () => {
  it('derives exactly one notification per new message, none for a muted chat, and a click opens the chat', async () => {
    const p = await open('/app?rows=40');
    await p.waitForUpdates(1);
    const [first, second, muted] = [pick(40, 1), pick(40, 2), pick(40, 5)];
    expect(muted.muted).toBe(true);

    await p.step('message', first.id, 'First 1');
    await p.waitForUpdates(2);
    await p.step('message', muted.id, 'Muted');
    await p.waitForUpdates(3);
    await p.step('message', second.id, 'Second');
    await p.waitForUpdates(4);
    expect(p.notices).toEqual([
      { id: 'd1', title: first.cleanName, chatId: chatId(first), derived: true },
      { id: 'd2', title: second.cleanName, chatId: chatId(second), derived: true },
    ]);
    // The fixture records the two messages Discord would have notified from its service worker, never the muted one.
    expect((await fixture(p)).notified).toBe(2);

    expect(await p.isolated<boolean>(`WaslAgent.clickNotice("d2", ${JSON.stringify(chatId(second))})`)).toBe(true);
    expect((await fixture(p)).opened).toBe(second.id);
  });

  it('maps a notification Discord did show to its chat by title', async () => {
    const p = await open('/app?rows=40', false);
    const [dm, channel] = [pick(40, 3), pick(40, 17)];
    const forNotice = (title: string): Promise<string | null> =>
      p.isolated<string | null>(`WaslTest.connectors.discord.chatForNotice(window, { title: ${JSON.stringify(title)} }) ?? null`);
    expect(await forNotice(dm.cleanName)).toBe(chatId(dm));
    expect(await forNotice(`Ali (#${channel.cleanName}, Wasl Shop)`)).toBe(chatId(channel));
    expect(await forNotice('Nobody here')).toBeNull();
  });
});

/**
 * The page Discord serves since December 2025 (test/fixtures/platforms/discord/assets/channels.js): the DM list on
 * /channels/@me, a server's channels on /channels/<guild>, DM counts on the server rail, the new channel modes, and
 * both class formats.
 */
describe('Discord (2026 page)', () => {
  /** Servers the rail shows besides the one in the fixture, with their mention counts (a closed folder's too). */
  const RAIL_ELSEWHERE = 3 + 12;
  const HOME = '/channels/@me';
  const SERVER = `/channels/${GUILD}`;
  const isDm = (chat: FixtureChat): boolean => chat.kind !== 'channel';
  /** Unread DMs the rail shows: every unread one that is not muted. */
  const onRail = (chat: FixtureChat): boolean => isDm(chat) && chat.unread > 0 && !chat.muted;

  /** A DM row: its count from the rail; a muted one is only marked unread (no count anywhere), so it counts 1. */
  function dm(chat: FixtureChat): ChatSummary {
    const unread = chat.muted ? Math.min(chat.unread, 1) : chat.unread;
    return { id: `@me/${chat.id}`, title: chat.cleanName, unread, muted: chat.muted, kind: chat.kind };
  }

  /** A channel: its mentions, or 1 while unread without any; a muted one only its mentions. */
  function channel(chat: FixtureChat): ChatSummary {
    let unread = chat.unread;
    if (unread > 0 && !mentioned(chat)) unread = chat.muted ? 0 : 1;
    return { id: `${GUILD}/${chat.id}`, title: chat.cleanName, unread, muted: chat.muted, kind: 'channel' };
  }

  /** What a read of /channels/@me must say: the DM list, and the rail's servers counted in the total. */
  function home(count: number): { chats: ChatSummary[]; unread: { direct: number; indirect: number } } {
    const shown = visible(makeChats(count));
    const chats = shown.filter(isDm).map(dm);
    const serverMentions = shown.filter((c) => !isDm(c) && mentioned(c)).reduce((n, c) => n + c.unread, 0);
    const sum = totals(chats);
    return { chats, unread: { direct: sum.direct + serverMentions + RAIL_ELSEWHERE, indirect: sum.indirect } };
  }

  /** What a read of /channels/<guild> must say: the channels, then the unread DMs the rail shows. */
  function server(count: number): { chats: ChatSummary[]; unread: { direct: number; indirect: number } } {
    const shown = visible(makeChats(count));
    const chats = [...shown.filter((c) => !isDm(c)).map(channel), ...shown.filter(onRail).map((c) => ({ ...dm(c), muted: false }))];
    const sum = totals(chats);
    return { chats, unread: { direct: sum.direct + RAIL_ELSEWHERE, indirect: sum.indirect } };
  }

  it('reads the DM list with the counts the server rail shows, the kind from each avatar, and the other servers’ mentions in the total', async () => {
    const p = await open(`${HOME}?rows=300`, false);
    const { chats, unread } = home(300);
    expect(chats.map((c) => c.kind)).toEqual(expect.arrayContaining(['direct', 'group']));
    expect(await p.read()).toEqual({ loggedIn: true, unread, chats });
  });

  it('reads the same page from a December 2025 build, whose classes read "<hex>-name"', async () => {
    const p = await open(`${HOME}?rows=120&classes=hex`, false);
    expect(await p.page.locator('[class*="numberBadge_"]').count()).toBe(0);
    expect(await p.page.locator('[class*="-numberBadge"]').count()).toBeGreaterThan(0);
    const { chats, unread } = home(120);
    expect(await p.read()).toEqual({ loggedIn: true, unread, chats });
  });

  it('reads a server’s channels by their modes (important, less important, muted, selected), and the unread DMs the rail shows', async () => {
    const p = await open(`${SERVER}?rows=300`, false);
    const { chats, unread } = server(300);
    // Both kinds of unread channel without mentions are on the page, and a thread with its own badge.
    expect(await p.page.locator('[class*="modeUnreadImportant_"]').count()).toBeGreaterThan(0);
    expect(await p.page.locator('[class*="modeUnreadLessImportant_"]').count()).toBeGreaterThan(0);
    expect(await p.page.locator('[class*="typeThread_"] [class*="numberBadge_"]').count()).toBeGreaterThan(0);
    expect(chats.some((c) => c.id.startsWith('@me/'))).toBe(true);
    expect(await p.read()).toEqual({ loggedIn: true, unread, chats });
  });

  it('reads the Russian interface exactly as the English one, in both class formats', async () => {
    for (const classes of ['', '&classes=hex']) {
      const p = await open(`${HOME}?rows=120&lang=ru${classes}`, false);
      expect(await p.page.locator('a[aria-label*="(личное сообщение)"]').count()).toBeGreaterThan(0);
      const { chats, unread } = home(120);
      expect(await p.read()).toEqual({ loggedIn: true, unread, chats });
      await p.close();
    }
    const p = await open(`${SERVER}?rows=120&lang=ru`, false);
    expect(await p.read()).toEqual({ loggedIn: true, ...server(120) });
  });

  it('says what the page title means, that reads are partial, and counts the hooks it depends on', async () => {
    const p = await open(`${HOME}?rows=40`, false);
    const facts = await p.isolated<{ title: string; partial: boolean; hooks: Record<string, number> }>(`(() => {
      const c = WaslTest.connectors.discord;
      return { title: c.title, partial: c.partialList(window), hooks: Object.fromEntries(Object.entries(c.hooks).map(([k, probe]) => [k, probe(document)])) };
    })()`);
    const shown = visible(makeChats(40));
    const railDms = shown.filter(onRail).length;
    const serverBadge = shown.some((c) => !isDm(c) && mentioned(c) && c.unread > 0) ? 1 : 0;
    // The rail: home, the unread DMs, the fixture's server and two others, a folder, "add a server" and "discover".
    // Count badges: the DM ones, home's, Friends', Message Requests', the servers' with mentions, the folder's.
    expect(facts).toEqual({
      title: 'flag',
      partial: true,
      hooks: { rows: shown.filter(isDm).length, rail: railDms + 7, badge: railDms + 5 + serverBadge, composer: 1 },
    });
    await p.close();
    const changed = await open(`${HOME}?rows=40&state=changed`, false);
    const hooks = await changed.isolated<Record<string, number>>(
      'Object.fromEntries(Object.entries(WaslTest.connectors.discord.hooks).map(([k, probe]) => [k, probe(document)]))',
    );
    expect(hooks['rows']).toBe(0);
  });

  it('sends one full update, then one update per change: a DM’s count follows the rail, muting leaves it marked', async () => {
    const p = await open(`${HOME}?rows=40`);
    const [first] = await p.waitForUpdates(1);
    const expected = home(40);
    expect(first).toMatchObject({ seq: 0, reset: true, loggedIn: true, remove: [], degraded: false, unread: expected.unread });
    expect(first?.upsert).toEqual(expected.chats);
    const target = pick(40, 7);
    expect(target).toMatchObject({ kind: 'group', unread: 0, muted: false, archived: false });

    await p.step('message', target.id, 'هل الطلب جاهز؟ 📦');
    const [, second] = await p.waitForUpdates(2);
    expect(second?.upsert).toEqual([{ ...dm(target), unread: 1 }]);
    expect(second?.unread.direct).toBe(expected.unread.direct + 1);

    // Muted, the DM leaves the rail: its row is only marked unread, an indirect one.
    await p.step('message', target.id, 'والسعر؟');
    await p.waitForUpdates(3);
    await p.step('mute', target.id);
    const fourth = (await p.waitForUpdates(4))[3];
    expect(fourth?.upsert).toEqual([{ ...dm(target), unread: 1, muted: true }]);
    expect(fourth?.unread).toEqual({ direct: expected.unread.direct, indirect: expected.unread.indirect + 1 });

    await p.step('rename', target.id, '🌹🌹');
    expect((await p.waitForUpdates(5))[4]?.upsert.map((c) => [c.id, c.title])).toEqual([[`@me/${target.id}`, '🌹🌹']]);

    await p.step('logout');
    expect((await p.waitForUpdates(6))[5]).toMatchObject({ loggedIn: false, unread: { direct: 0, indirect: 0 }, upsert: [] });
  });

  it('while a server is shown, a new direct message reaches the rail: its chat is read there and a notification is derived', async () => {
    const p = await open(`${SERVER}?rows=40`);
    await p.waitForUpdates(1);
    const target = pick(40, 3);
    expect(target).toMatchObject({ kind: 'direct', unread: 0, muted: false });
    expect(await p.page.locator(`a[href="/channels/@me/${target.id}"]`).count()).toBe(0);

    await p.step('message', target.id, 'Do you ship to Jeddah? 🚚');
    const [, second] = await p.waitForUpdates(2);
    expect(second?.upsert).toEqual([{ id: `@me/${target.id}`, title: target.cleanName, unread: 1, muted: false, kind: 'direct' }]);
    expect(p.notices).toEqual([{ id: 'd1', title: target.cleanName, chatId: `@me/${target.id}`, derived: true }]);

    // A click on the notification opens the DM by its route: Discord shows the DM list again.
    expect(await p.isolated<boolean>(`WaslAgent.clickNotice("d1", ${JSON.stringify(`@me/${target.id}`)})`)).toBe(true);
    expect(await fixture(p)).toMatchObject({ opened: target.id, path: `/channels/@me/${target.id}` });
  });

  it('opens a server channel from the DM list by its route, and refuses what it cannot know', async () => {
    const p = await open(`${HOME}?rows=40`);
    await p.waitForUpdates(1);
    const target = pick(40, 17);
    expect(target.kind).toBe('channel');
    expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(`${GUILD}/${target.id}`)})`)).toBe(true);
    expect(await fixture(p)).toMatchObject({ opened: target.id, path: `/channels/${GUILD}/${target.id}` });
    expect((await p.read()).activeChatId).toBe(`${GUILD}/${target.id}`);
    for (const unknown of [`${GUILD}/424242`, '@me/424242']) {
      expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(unknown)})`)).toBe(false);
    }
    expect(await fixture(p)).toMatchObject({ opened: target.id, path: `/channels/${GUILD}/${target.id}` });
  });

  it('types into the Slate composer and never sends', async () => {
    const p = await open(`${HOME}?rows=20&lang=ru`);
    const target = pick(20, 3);
    expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(`@me/${target.id}`)})`)).toBe(true);
    expect(await p.isolated<boolean>('WaslAgent.insertText("Здравствуйте, заказ готов ✅")')).toBe(true);
    expect(await fixture(p)).toMatchObject({ text: 'Здравствуйте, заказ готов ✅', model: 'Здравствуйте, заказ готов ✅' });
  });

  it('reports the sign-in page as logged out, and says it is degraded when the page changed and its hooks find nothing', async () => {
    const out = await open(`${HOME}?state=logged-out`, false);
    expect(await out.read()).toEqual({ loggedIn: false, unread: { direct: 0, indirect: 0 }, chats: [] });
    await out.close();
    const p = await open(`${HOME}?rows=40&state=changed`);
    const [first] = await p.waitForUpdates(1);
    // "• Discord" says something is unread, without a number.
    expect(await p.page.title()).toBe('• Discord');
    expect(first).toMatchObject({ degraded: true, loggedIn: true, upsert: [], unread: { direct: 1 } });
  });
});

import { describe, expect, it } from 'vitest';
import type { ChatSummary } from '../../../common/model';
import { makeChats, type FixtureChat } from '../../fixtures/platforms/lib/dataset.js';
import {
  FORUM,
  STRANGERS,
  aChatId,
  aShown,
  hasMentions,
  hasReactions,
  indexOf,
  isBadgeLeaving,
  isMarkedUnread,
  isPinned,
  kPeerId,
  kShown,
  peerString,
  previewOf,
  senderOf,
  unreadOf,
} from '../../fixtures/platforms/lib/telegram.js';
import { DATASET_NOW } from '../../support/agent-page';
import { fixturePages } from '../../support/fixture-pages';
import { shownTime, totals, visible } from './expected';

/** A page generation of one client: where it is served, its chat ids, and what a reader must report for a chat. */
interface Generation {
  name: string;
  path: string;
  id: (chat: FixtureChat) => string;
  expected: (chat: FixtureChat) => ChatSummary;
}

function summary(chat: FixtureChat, id: string, preview: string, unread: number): ChatSummary {
  return {
    id,
    title: chat.cleanName,
    preview,
    unread,
    muted: chat.muted,
    kind: chat.kind === 'direct' ? 'direct' : 'group',
    lastActivity: shownTime(chat.time, DATASET_NOW),
  };
}

/** Today's pages: pinned, busy and marked chats, group previews opening with the sender. */
const K: Generation = {
  name: 'K',
  path: '/k/',
  id: kPeerId,
  expected: (chat) => summary(chat, kPeerId(chat), previewOf(chat), isMarkedUnread(chat) ? 1 : kShown(unreadOf(chat))),
};
const A: Generation = {
  name: 'A',
  path: '/a/',
  id: aChatId,
  expected: (chat) => summary(chat, aChatId(chat), previewOf(chat), isMarkedUnread(chat) ? 1 : aShown(unreadOf(chat))),
};
/** The previous generation of each page: one plain badge, no sender in previews. */
const K_LEGACY: Generation = { name: 'K, previous generation', path: '/k/legacy/', id: kPeerId, expected: (chat) => summary(chat, kPeerId(chat), chat.preview, chat.unread) };
const A_LEGACY: Generation = { name: 'A, previous generation', path: '/a/legacy/', id: aChatId, expected: (chat) => summary(chat, aChatId(chat), chat.preview, chat.unread) };

const open = fixturePages('telegram');

interface FixtureWindow {
  fixture: { openedChatId(): string; composerText(): string; composerModel(): string; inputEvents: unknown[]; notifications: { clicked: boolean }[]; scrollTo(first: number): number };
}

describe.each([K, K_LEGACY, A, A_LEGACY])('Telegram Web $name', (generation) => {
  const { path, expected } = generation;

  it('reads every chat of a 300-row list exactly: clean names, previews, unread, muted, kind, time', async () => {
    const p = await open(path, false);
    const chats = visible(makeChats(300)).map(expected);
    expect(await p.read()).toEqual({ loggedIn: true, unread: totals(chats), chats });
  });

  it('reports the QR sign-in page as logged out', async () => {
    const p = await open(`${path}?state=logged-out`, false);
    expect(await p.read()).toEqual({ loggedIn: false, unread: { direct: 0, indirect: 0 }, chats: [] });
  });

  it('sends one full update, then one update per change carrying only that chat', async () => {
    const p = await open(`${path}?rows=40`);
    const [first] = await p.waitForUpdates(1);
    expect(first).toMatchObject({ seq: 0, reset: true, loggedIn: true, remove: [], degraded: false });
    expect(first?.upsert).toHaveLength(visible(makeChats(40)).length);
    const target = makeChats(40)[7];
    if (!target) throw new Error('dataset too small');
    const id = generation.id(target);

    await p.step('message', target.id, 'Do you ship to Jeddah? 🚚');
    const [, second] = await p.waitForUpdates(2);
    expect(second).toMatchObject({ seq: 1, reset: false, remove: [] });
    const arrived = expected({ ...target, unread: target.unread + 1, preview: 'Do you ship to Jeddah? 🚚', time: DATASET_NOW });
    expect(second?.upsert).toEqual([arrived]);
    expect(second?.unread.direct).toBe((first?.unread.direct ?? 0) + 1);

    await p.step('mute', target.id);
    const third = (await p.waitForUpdates(3))[2];
    expect(third?.upsert.map((c) => [c.id, c.muted])).toEqual([[id, true]]);
    expect(third?.unread.indirect).toBe((second?.unread.indirect ?? 0) + arrived.unread);

    await p.step('read', target.id);
    expect((await p.waitForUpdates(4))[3]?.upsert.map((c) => [c.id, c.unread])).toEqual([[id, 0]]);

    await p.step('rename', target.id, 'متجر الورد 🌹');
    expect((await p.waitForUpdates(5))[4]?.upsert.map((c) => [c.id, c.title])).toEqual([[id, 'متجر الورد 🌹']]);

    await p.step('archive', target.id);
    const sixth = (await p.waitForUpdates(6))[5];
    expect(sixth).toMatchObject({ upsert: [], remove: [id] });

    await p.step('logout');
    expect((await p.waitForUpdates(7))[6]).toMatchObject({ loggedIn: false, unread: { direct: 0, indirect: 0 } });
  });

  it('opens a chat by its hash route', async () => {
    const p = await open(`${path}?rows=40`);
    const target = makeChats(40)[12];
    if (!target) throw new Error('dataset too small');
    expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(generation.id(target))})`)).toBe(true);
    expect(await p.page.evaluate(() => (window as unknown as FixtureWindow).fixture.openedChatId())).toBe(target.id);
    expect(await p.isolated<boolean>('WaslAgent.openChat("424242")')).toBe(false);
  });

  it('types into the composer as input events and never sends', async () => {
    const p = await open(`${path}?rows=20`);
    const target = makeChats(20)[3];
    if (!target) throw new Error('dataset too small');
    await p.isolated(`WaslAgent.openChat(${JSON.stringify(generation.id(target))})`);
    expect(await p.isolated<boolean>('WaslAgent.insertText("السلام عليكم، طلبك جاهز ✅")')).toBe(true);
    const fixture = await p.page.evaluate(() => {
      const f = (window as unknown as FixtureWindow).fixture;
      return { text: f.composerText(), model: f.composerModel(), events: f.inputEvents };
    });
    expect(fixture.text).toBe('السلام عليكم، طلبك جاهز ✅');
    expect(fixture.model).toBe('السلام عليكم، طلبك جاهز ✅');
    // Typed with execCommand alone: Chromium fires input, and no beforeinput.
    expect(fixture.events).toEqual([{ type: 'input', inputType: 'insertText', data: 'السلام عليكم، طلبك جاهز ✅' }]);
  });

  it('names its hooks: they count the rows, badges and composer it reads, and find nothing on a changed page', async () => {
    const p = await open(`${path}?rows=40`, false);
    const chats = visible(makeChats(40)).map(expected);
    const probe = (): Promise<Record<string, number>> =>
      p.isolated<Record<string, number>>(
        'Object.fromEntries(Object.entries(WaslTest.connectors.telegram.hooks).map(([name, count]) => [name, count(document)]))',
      );
    const { list, ...counts } = await probe();
    expect(list).toBeGreaterThan(0);
    expect(counts).toEqual({ rows: chats.length, titles: chats.length, badges: chats.filter((c) => c.unread > 0).length, composer: 1 });
    await p.page.goto(`${p.page.url().split('?')[0] ?? ''}?rows=40&state=changed`);
    await expect.poll(() => p.isolated<boolean>('typeof WaslTest === "object"')).toBe(true);
    expect(await probe()).toMatchObject({ rows: 0, titles: 0, badges: 0 });
  });

  it('when the page changed and its hooks find nothing, its health says so; its title, whatever figure it shows, is no count', async () => {
    const p = await open(`${path}?rows=40&state=changed`);
    const [first] = await p.waitForUpdates(1);
    // Neither client's title counts unread messages (title: 'ignore'): it makes no page degraded.
    expect(first).toMatchObject({ degraded: false, loggedIn: true, upsert: [], unread: { direct: 0, indirect: 0 } });
    // The list's column is still there: compact view would not hide it while no chat is read (common/compact.ts).
    expect(first?.health).toEqual({ rows: 0, chats: 0, badges: 0, titleUnread: null, missing: ['rows', 'titles', 'badges'], lastGoodRead: null, listPane: 1 });
    // A's title is the open chat's own name, which can hold a figure: still nothing to send.
    await p.page.evaluate(() => {
      document.title = '(3) متجر الورد';
    });
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await p.isolated<number>('WaslAgent.stats.reads')).toBeGreaterThan(1);
    expect(p.updates).toHaveLength(1);
  });
});

describe.each([K, A])('Telegram Web $name today', (generation) => {
  const { path, expected } = generation;

  it('reads the unread badge among several: a pinned unread chat, mentions, reactions, marked unread, a badge fading out, compact counts', async () => {
    const p = await open(path, false);
    const byId = new Map((await p.read()).chats.map((c) => [c.id, c]));
    const pick = (predicate: (chat: FixtureChat) => boolean): FixtureChat[] => visible(makeChats(300)).filter(predicate);
    const cases = [
      ...pick((c) => isPinned(c) && unreadOf(c) > 0),
      ...pick((c) => hasMentions(c)).slice(0, 3),
      ...pick((c) => hasReactions(c)).slice(0, 3),
      ...pick(isMarkedUnread),
      ...pick(isBadgeLeaving),
      ...pick((c) => unreadOf(c) >= 1000),
    ];
    expect(cases.map((c) => byId.get(generation.id(c))?.unread)).toEqual(cases.map((c) => expected(c).unread));
    // The cases hold what they claim to: a pinned unread chat, a marked one, counts in thousands and millions.
    expect(cases.map((c) => expected(c).unread)).toEqual(expect.arrayContaining([1, 7_500, 1_200_000]));
  });

  it("takes each row's own title, not the sender's name that opens a group's preview", async () => {
    const p = await open(path, false);
    const groups = visible(makeChats(60)).filter((c) => senderOf(c) !== undefined);
    const byId = new Map((await p.read()).chats.map((c) => [c.id, c]));
    expect(groups.map((c) => byId.get(generation.id(c))?.title)).toEqual(groups.map((c) => c.cleanName));
    expect(groups.map((c) => byId.get(generation.id(c))?.preview)).toEqual(groups.map((c) => previewOf(c)));
  });

  it('reads only the chat list: not the search results, a member list, a profile, nor an open forum’s topics', async () => {
    const p = await open(`${path}?rows=20`, false);
    const ids = (await p.read()).chats.map((c) => c.id);
    expect(ids).toEqual(visible(makeChats(20)).map(generation.id));
    for (const stranger of STRANGERS) expect(ids.join(' ')).not.toContain(stranger.id);
    expect(ids.join(' ')).not.toContain(FORUM.id);
  });

  it.each([
    ['Arabic', 'ar', 300],
    ['Russian', 'ru', 30],
  ])('reads the page exactly in %s', async (_language, lang, rows) => {
    const p = await open(`${path}?lang=${lang}&rows=${rows}`, false);
    const chats = visible(makeChats(rows)).map(expected);
    expect(await p.read()).toEqual({ loggedIn: true, unread: totals(chats), chats });
  });

  it('reads a virtualised list: the 25 rows on screen, then the next 25 once it scrolls; a read is partial', async () => {
    const p = await open(`${path}virtual/`, false);
    const all = visible(makeChats(300));
    const window = (first: number): ChatSummary[] => all.slice(first, first + 25).map(expected);
    expect((await p.read()).chats).toEqual(window(0));
    expect(await p.page.evaluate(() => (window as unknown as FixtureWindow).fixture.scrollTo(120))).toBe(120);
    expect((await p.read()).chats).toEqual(window(120));
    expect(await p.isolated<boolean>('WaslTest.connectors.telegram.partialList(window)')).toBe(true);
  });

  it('keeps the chats a scroll took out of the list: the update adds the rows scrolled in and removes none', async () => {
    const p = await open(`${path}virtual/`);
    const all = visible(makeChats(300));
    const window = (first: number): ChatSummary[] => all.slice(first, first + 25).map(expected);
    const [first] = await p.waitForUpdates(1);
    expect(first).toMatchObject({ reset: true, partial: true, remove: [] });
    expect(first?.upsert).toEqual(window(0));
    await p.page.evaluate(() => (window as unknown as FixtureWindow).fixture.scrollTo(120));
    const [, second] = await p.waitForUpdates(2);
    expect(second).toMatchObject({ reset: false, partial: true, remove: [] });
    expect(second?.upsert).toEqual(window(120));
  });

  it('says the page title is no count: neither client writes unread messages there', async () => {
    const p = await open(`${path}?rows=5`, false);
    expect(await p.isolated<string>('WaslTest.connectors.telegram.title')).toBe('ignore');
  });
});

describe('Telegram Web A today', () => {
  it('reads a count that is changing as its current value, and emoji-only names drawn as images', async () => {
    const p = await open('/a/?rows=40');
    const [first] = await p.waitForUpdates(1);
    const counting = visible(makeChats(40)).filter((c) => indexOf(c) % 8 === 4 && unreadOf(c) > 1);
    expect(counting.length).toBeGreaterThan(0);
    const byId = new Map(first?.upsert.map((c) => [c.id, c]));
    expect(counting.map((c) => byId.get(aChatId(c))?.unread)).toEqual(counting.map((c) => aShown(unreadOf(c))));
    const target = makeChats(40)[5];
    if (!target) throw new Error('dataset too small');
    await p.step('rename', target.id, '🌹🛍️');
    expect((await p.waitForUpdates(2))[1]?.upsert.map((c) => [c.id, c.title])).toEqual([[aChatId(target), '🌹🛍️']]);
  });
});

describe('Telegram notifications', () => {
  it('K: forwards the page’s own notification with its chat, and a click runs the page’s handler', async () => {
    const p = await open('/k/?rows=40');
    await p.waitForUpdates(1);
    const target = makeChats(40)[10];
    if (!target) throw new Error('dataset too small');
    await p.step('message', target.id, 'Payment sent 💸');
    await expect.poll(() => p.notices.length).toBe(1);
    const [notice] = p.notices;
    expect(notice).toMatchObject({ title: target.cleanName, body: 'Payment sent 💸', tag: peerString(target), chatId: kPeerId(target), derived: false, iconUrl: 'https://example.com/a.png' });
    expect(await p.isolated<boolean>(`WaslAgent.clickNotice(${JSON.stringify(notice?.id)}, ${JSON.stringify(notice?.chatId)})`)).toBe(true);
    const state = await p.page.evaluate(() => {
      const f = (window as unknown as FixtureWindow).fixture;
      return { opened: f.openedChatId(), clicked: f.notifications.map((n) => n.clicked) };
    });
    expect(state).toEqual({ opened: target.id, clicked: [true] });
    // The change the message made still arrives once, and derives no second notification on K.
    await p.waitForUpdates(2);
    expect(p.notices).toHaveLength(1);
  });

  it('K: maps every kind of tweb peer string to its chat, and a group’s "sender @ chat" title without a tag', async () => {
    const p = await open('/k/?rows=40', false);
    const chats = visible(makeChats(40));
    const kinds = new Set(chats.map((c) => peerString(c).replace(/\d.*/u, '')));
    expect([...kinds].sort()).toEqual(['c', 'g', 's', 'u']);
    const forNotice = (notice: { title: string; tag?: string }): Promise<string | null> =>
      p.isolated<string | null>(`WaslTest.connectors.telegram.chatForNotice(window, ${JSON.stringify(notice)}) ?? null`);
    for (const chat of chats) expect(await forNotice({ title: 'x', tag: peerString(chat) })).toBe(kPeerId(chat));
    const group = chats.find((c) => senderOf(c) !== undefined);
    if (!group) throw new Error('no group in the dataset');
    expect(await forNotice({ title: `${senderOf(group) ?? ''} @ ${group.cleanName}` })).toBe(kPeerId(group));
    expect(await forNotice({ title: 'Nobody here' })).toBeNull();
  });

  it('A: notifies from its service worker only, so exactly one notification is derived per new message', async () => {
    const p = await open('/a/?rows=40');
    await p.waitForUpdates(1);
    const [first, second] = [makeChats(40)[1], makeChats(40)[2]];
    if (!first || !second) throw new Error('dataset too small');
    await p.step('message', first.id, 'First 1');
    await p.waitForUpdates(2);
    await p.step('message', second.id, 'Second');
    await p.waitForUpdates(3);
    expect(p.notices).toEqual([
      { id: 'd1', title: first.cleanName, body: previewOf(first, 'First 1'), chatId: aChatId(first), derived: true },
      { id: 'd2', title: second.cleanName, body: previewOf(second, 'Second'), chatId: aChatId(second), derived: true },
    ]);
    expect(await p.page.evaluate(() => (window as unknown as FixtureWindow).fixture.notifications.length)).toBe(2);
    // Clicking a derived notification opens its chat.
    expect(await p.isolated<boolean>(`WaslAgent.clickNotice("d2", ${JSON.stringify(aChatId(second))})`)).toBe(true);
    expect(await p.page.evaluate(() => (window as unknown as FixtureWindow).fixture.openedChatId())).toBe(second.id);
  });
});

import { describe, expect, it } from 'vitest';
import type { ChatSummary } from '../../../common/model';
import { makeChats, type FixtureChat } from '../../fixtures/platforms/lib/dataset.js';
import { type AgentPage } from '../../support/agent-page';
import { fixturePages } from '../../support/fixture-pages';
import { totals, visible } from './expected';

/** The workspace the fixture is signed in to (test/fixtures/platforms/slack/assets/app.js). */
const TEAM = 'T0WASL42AB';
const START = `/client/${TEAM}/`;

/** Slack ids: D… for direct messages, G… for group messages, C… for channels. */
const slackId = (chat: FixtureChat): string => `${chat.kind === 'direct' ? 'D0W' : chat.kind === 'group' ? 'G0W' : 'C0W'}${chat.id}`;
/** The fixture's channels with mentions (a badge); the other unread channels only turn bold. */
const mentioned = (chat: FixtureChat): boolean => Number(chat.id) % 8 === 0;

/** What the Slack reader must report for one fixture chat. */
function expected(chat: FixtureChat): ChatSummary {
  // A direct message's badge counts its messages, a channel's its mentions; an unread channel without any counts 1.
  const unread = chat.kind === 'channel' && chat.unread > 0 && !mentioned(chat) ? 1 : chat.unread;
  return { id: slackId(chat), title: chat.cleanName, unread, muted: chat.muted, kind: chat.kind };
}

/** The sidebar lists the Channels section, then Direct messages (people and groups). */
function expectedList(count: number): ChatSummary[] {
  const shown = visible(makeChats(count));
  return [...shown.filter((c) => c.kind === 'channel'), ...shown.filter((c) => c.kind !== 'channel')].map(expected);
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
  notifications: { clicked: boolean }[];
}
const fixture = (p: AgentPage): Promise<{ opened: string | undefined; text: string; model: string; events: unknown[]; clicked: boolean[]; path: string }> =>
  p.page.evaluate(() => {
    const f = (window as unknown as { fixture: FixtureApi }).fixture;
    return { opened: f.openedChatId(), text: f.composerText(), model: f.composerModel(), events: f.inputEvents, clicked: f.notifications.map((n) => n.clicked), path: location.pathname };
  });

const open = fixturePages('slack');

describe('Slack', () => {
  it('reads every channel, DM and group DM of a 300-row sidebar exactly: clean names, unread, mentions, muted, kind', async () => {
    const p = await open(START, false);
    const chats = expectedList(300);
    expect(chats.map((c) => c.kind)).toEqual(expect.arrayContaining(['direct', 'group', 'channel']));
    const channels = visible(makeChats(300)).filter((c) => c.kind === 'channel' && c.unread > 1);
    expect(channels.some(mentioned) && channels.some((c) => !mentioned(c))).toBe(true);
    expect(await p.read()).toEqual({ loggedIn: true, unread: totals(chats), chats });
  });

  it('reads 5,000 rows', async () => {
    const p = await open(`${START}?rows=5000`, false);
    const snapshot = await p.read();
    expect(snapshot.chats).toHaveLength(visible(makeChats(5000)).length);
    expect(snapshot.unread).toEqual(totals(expectedList(5000)));
  });

  it('reports the workspace sign-in page as logged out, whether the client sent the user there or it was opened directly', async () => {
    const sent = await open(`${START}?state=logged-out`, false);
    expect(await sent.read()).toEqual({ loggedIn: false, unread: { direct: 0, indirect: 0 }, chats: [] });
    expect(await sent.page.evaluate(() => location.pathname)).toBe('/workspace-signin');
    await sent.close();
    const direct = await open('/workspace-signin/', false);
    expect(await direct.read()).toEqual({ loggedIn: false, unread: { direct: 0, indirect: 0 }, chats: [] });
  });

  it('sends one full update, then one update per change carrying only that chat', async () => {
    const p = await open(`${START}?rows=40`);
    const [first] = await p.waitForUpdates(1);
    expect(first).toMatchObject({ seq: 0, reset: true, loggedIn: true, remove: [], degraded: false });
    expect(first?.upsert).toEqual(expectedList(40));
    const target = pick(40, 3);
    expect(target).toMatchObject({ kind: 'direct', unread: 0, muted: false, archived: false });

    await p.step('message', target.id, 'Do you ship to Jeddah? 🚚');
    const [, second] = await p.waitForUpdates(2);
    expect(second).toMatchObject({ seq: 1, reset: false, remove: [] });
    expect(second?.upsert).toEqual([{ ...expected(target), unread: 1 }]);
    expect(second?.unread.direct).toBe((first?.unread.direct ?? 0) + 1);

    await p.step('mute', target.id);
    const third = (await p.waitForUpdates(3))[2];
    expect(third?.upsert).toEqual([{ ...expected(target), unread: 1, muted: true }]);
    expect(third?.unread).toEqual({ direct: first?.unread.direct ?? 0, indirect: (first?.unread.indirect ?? 0) + 1 });

    await p.step('read', target.id);
    expect((await p.waitForUpdates(4))[3]?.upsert.map((c) => [c.id, c.unread])).toEqual([[slackId(target), 0]]);

    await p.step('rename', target.id, '  متجر الورد 🌹\u200f ');
    expect((await p.waitForUpdates(5))[4]?.upsert.map((c) => [c.id, c.title])).toEqual([[slackId(target), 'متجر الورد 🌹']]);

    await p.step('archive', target.id);
    expect((await p.waitForUpdates(6))[5]).toMatchObject({ upsert: [], remove: [slackId(target)] });

    await p.step('logout');
    expect((await p.waitForUpdates(7))[6]).toMatchObject({ loggedIn: false, unread: { direct: 0, indirect: 0 }, upsert: [] });
    expect(p.updates).toHaveLength(7);
  });

  it('counts a channel’s mentions, or 1 while it is merely unread, muted or not', async () => {
    const p = await open(`${START}?rows=170`);
    await p.waitForUpdates(1);
    const [plain, withMentions] = [pick(170, 108), pick(170, 160)];
    expect([plain.kind, mentioned(plain), plain.unread > 1, withMentions.kind, mentioned(withMentions)]).toEqual(['channel', false, true, 'channel', true]);
    const before = (await p.read()).chats;
    expect(before.find((c) => c.id === slackId(plain))?.unread).toBe(1);
    expect(before.find((c) => c.id === slackId(withMentions))?.unread).toBe(withMentions.unread);

    await p.step('mute', plain.id);
    const second = (await p.waitForUpdates(2))[1];
    expect(second?.upsert).toEqual([{ ...expected(plain), muted: true }]);
    expect(second?.unread.indirect).toBe(1);
  });

  it('opens a direct message and a channel by a click on its row, as the user would, and refuses unknown ids', async () => {
    const p = await open(`${START}?rows=40`);
    await p.waitForUpdates(1);
    const [dm, channel] = [pick(40, 3), pick(40, 17)];
    expect([dm.kind, channel.kind]).toEqual(['direct', 'channel']);

    // Slack opens a conversation of the sidebar on a click on its row (an address is a whole new page load).
    await p.page.evaluate(() => {
      const w = window as unknown as { clicked: string[] };
      w.clicked = [];
      document.addEventListener('click', (event) => w.clicked.push((event.target as Element).getAttribute('data-qa-channel-sidebar-channel-id') ?? ''), true);
    });
    expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(slackId(dm))})`)).toBe(true);
    expect(await fixture(p)).toMatchObject({ opened: dm.id, path: `/client/${TEAM}/${slackId(dm)}` });
    expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(slackId(channel))})`)).toBe(true);
    expect(await fixture(p)).toMatchObject({ opened: channel.id, path: `/client/${TEAM}/${slackId(channel)}` });
    expect(await p.page.evaluate(() => (window as unknown as { clicked: string[] }).clicked)).toEqual([slackId(dm), slackId(channel)]);
    expect((await p.read()).activeChatId).toBe(slackId(channel));

    for (const unknown of ['424242', 'C0W424242', 'unreads', '']) {
      expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(unknown)})`)).toBe(false);
    }
    expect(await fixture(p)).toMatchObject({ opened: channel.id, path: `/client/${TEAM}/${slackId(channel)}` });
  });

  it('types into the Quill composer as input events and never sends', async () => {
    const p = await open(`${START}?rows=20`);
    const target = pick(20, 4);
    expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(slackId(target))})`)).toBe(true);
    expect(await p.isolated<boolean>('WaslAgent.insertText("السلام عليكم، طلبك جاهز ✅")')).toBe(true);
    const state = await fixture(p);
    expect(state.text).toBe('السلام عليكم، طلبك جاهز ✅');
    // Quill read the browser's edit back into its model, and the box is no longer blank.
    expect(state.model).toBe('السلام عليكم، طلبك جاهز ✅');
    expect(await p.page.locator('[data-qa="message_input"] .ql-editor').getAttribute('class')).not.toContain('ql-blank');
    // Typed with execCommand alone: Chromium fires input, and no beforeinput.
    expect(state.events).toEqual([{ type: 'input', inputType: 'insertText', data: 'السلام عليكم، طلبك جاهز ✅' }]);
  });

  it('says it is degraded, with the title’s flag, when the page changed and its hooks find nothing', async () => {
    const p = await open(`${START}?rows=40&state=changed`);
    const [first] = await p.waitForUpdates(1);
    const titleCount = visible(makeChats(40))
      .filter((c) => !c.muted && (c.kind !== 'channel' || mentioned(c)))
      .reduce((n, c) => n + c.unread, 0);
    expect(titleCount).toBeGreaterThan(0);
    expect(await p.page.title()).toBe(`(${titleCount}) Wasl Shop — متجر الوصل - Slack`);
    // Slack's title only says something is unread (title: 'flag'): whatever its figure, that is one.
    expect(first).toMatchObject({ degraded: true, loggedIn: true, upsert: [], unread: { direct: 1 } });
  });
});

describe('Slack notifications', () => {
  it('forwards the page’s own notification with its chat, and a click runs the page’s handler', async () => {
    const p = await open(`${START}?rows=40`);
    await p.waitForUpdates(1);
    const target = pick(40, 10);
    expect(target.muted).toBe(false);
    await p.step('message', target.id, 'Payment sent 💸');
    await expect.poll(() => p.notices.length).toBe(1);
    const [notice] = p.notices;
    expect(notice).toMatchObject({ title: target.cleanName, body: 'Payment sent 💸', chatId: slackId(target), derived: false, iconUrl: 'https://example.com/a.png' });
    expect(notice?.tag).toMatch(/^tag_\d+\.\d{6}$/);
    expect(await p.isolated<boolean>(`WaslAgent.clickNotice(${JSON.stringify(notice?.id)}, ${JSON.stringify(notice?.chatId)})`)).toBe(true);
    expect(await fixture(p)).toMatchObject({ opened: target.id, clicked: [true], path: `/client/${TEAM}/${slackId(target)}` });
    // The change the message made arrives once and derives no second notification: Slack notifies from the page.
    await p.waitForUpdates(2);
    expect(p.notices).toHaveLength(1);
  });

  it('maps a notification to its conversation by an id in its tag or by the name in its title', async () => {
    const p = await open(`${START}?rows=40`, false);
    const [dm, channel] = [pick(40, 3), pick(40, 17)];
    const forNotice = (notice: { title: string; tag?: string }): Promise<string | null> =>
      p.isolated<string | null>(`WaslTest.connectors.slack.chatForNotice(window, ${JSON.stringify(notice)}) ?? null`);
    expect(await forNotice({ title: `New message from ${dm.cleanName}` })).toBe(slackId(dm));
    expect(await forNotice({ title: `New message in #${channel.cleanName}` })).toBe(slackId(channel));
    expect(await forNotice({ title: 'Someone', tag: `${slackId(channel)}-1763717400.000100` })).toBe(slackId(channel));
    expect(await forNotice({ title: 'Nobody here', tag: 'C0W999999' })).toBeNull();
  });
});

/**
 * The page Slack serves in 2026 (test/fixtures/platforms/slack/assets/client.js): rows found by their QA attributes,
 * counts in the row's suffix, the sidebar on the Home tab only, the open conversation named by the composer.
 */
describe('Slack (2026 page)', () => {
  const TEAM_2026 = 'T0WASL2026';
  const HOME = `/client/${TEAM_2026}/`;
  const facts = (p: AgentPage): Promise<{ title: string; partial: boolean; hint: string | null; hooks: Record<string, number> }> =>
    p.isolated(`(() => {
      const c = WaslTest.connectors.slack;
      return { title: c.title, partial: c.partialList(window), hint: c.hint(window) ?? null, hooks: Object.fromEntries(Object.entries(c.hooks).map(([k, probe]) => [k, probe(document)])) };
    })()`);

  it('reads every row of the sidebar exactly, counts from each row’s suffix, in English and in Japanese', async () => {
    for (const lang of ['', '&lang=ja']) {
      const p = await open(`${HOME}?rows=300${lang}`, false);
      const chats = expectedList(300);
      // The sidebar's own links carry counts and unread marks too; they are not conversations.
      expect(await p.page.locator('.p-channel_sidebar__link--unread .c-mention_badge').count()).toBe(2);
      expect(await p.read()).toEqual({ loggedIn: true, unread: totals(chats), chats });
      expect(await facts(p)).toEqual({ title: 'flag', partial: true, hint: null, hooks: { rows: chats.length, sidebar: 1, homeTab: 1, composer: 1 } });
      await p.close();
    }
  });

  it('on another tab, says the Home tab must be shown, keeps the open conversation the composer names, and reads no stray rows', async () => {
    const firstDm = visible(makeChats(40)).find((c) => c.kind !== 'channel');
    if (!firstDm) throw new Error('dataset without a DM');
    for (const [path, active] of [
      [`${HOME}dms?rows=40&lang=ja`, slackId(firstDm)],
      [`${HOME}activity-inbox?rows=40`, undefined],
    ] as const) {
      const p = await open(path, false);
      expect(await p.page.locator('[data-qa="activity-item-container"], [data-qa="channel-sidebar-channel"]').count()).toBe(path.includes('activity') ? 2 : 0);
      const read = await p.read();
      expect(read).toEqual({ loggedIn: true, unread: { direct: 0, indirect: 0 }, chats: [], ...(active === undefined ? {} : { activeChatId: active }) });
      expect(await facts(p)).toMatchObject({ partial: true, hint: 'open-home-tab', hooks: { rows: 0, sidebar: 0, homeTab: 1 } });
      await p.close();
    }
  });

  it('opens a conversation from another tab: back to Home, then a click on its row', async () => {
    const p = await open(`${HOME}activity-inbox?rows=40`);
    const [first] = await p.waitForUpdates(1);
    expect(first).toMatchObject({ loggedIn: true, upsert: [] });
    const target = pick(40, 17);
    expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(slackId(target))})`)).toBe(true);
    expect(await fixture(p)).toMatchObject({ opened: target.id, path: `/client/${TEAM_2026}/${slackId(target)}` });
    // Back on Home, the sidebar is read again.
    await expect.poll(() => p.updates.at(-1)?.activeChatId).toBe(slackId(target));
    const upserted = new Map(p.updates.flatMap((u) => u.upsert).map((c) => [c.id, c]));
    expect(upserted.get(slackId(pick(40, 3)))).toEqual(expected(pick(40, 3)));
    expect(await p.isolated<boolean>('WaslAgent.openChat("C0W424242")')).toBe(false);
  });

  it('follows a new message’s count in the row’s suffix, and muting', async () => {
    const p = await open(`${HOME}?rows=40&lang=ja`);
    const [first] = await p.waitForUpdates(1);
    expect(first?.upsert).toEqual(expectedList(40));
    const target = pick(40, 3);
    await p.step('message', target.id, 'ジッダに発送できますか？ 🚚');
    await p.step('message', target.id, '2 個');
    await expect.poll(() => p.updates.at(-1)?.upsert).toEqual([{ ...expected(target), unread: 2 }]);
    await p.step('mute', target.id);
    await expect.poll(() => p.updates.at(-1)?.upsert).toEqual([{ ...expected(target), unread: 2, muted: true }]);
    expect(p.updates.at(-1)?.unread).toEqual({ direct: first?.unread.direct ?? 0, indirect: (first?.unread.indirect ?? 0) + 2 });
  });

  it('maps a notification whose title words the name in another language to its conversation', async () => {
    const p = await open(`${HOME}?rows=40&lang=ja`, false);
    const [dm, channel] = [pick(40, 3), pick(40, 17)];
    const forNotice = (title: string): Promise<string | null> => p.isolated<string | null>(`WaslTest.connectors.slack.chatForNotice(window, { title: ${JSON.stringify(title)} }) ?? null`);
    expect(await forNotice(`${dm.cleanName} さんからの新着メッセージ`)).toBe(slackId(dm));
    expect(await forNotice(`Nuevo mensaje en #${channel.cleanName}`)).toBe(slackId(channel));
    // "Ali" is in the list; "Alice" is not: a name glued to more letters is another name.
    expect(await forNotice('New message from Alice')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { ChatSummary } from '../../../common/model';
import { makeChats, type FixtureChat } from '../../fixtures/platforms/lib/dataset.js';
import { DATASET_NOW } from '../../support/agent-page';
import { fixturePages } from '../../support/fixture-pages';
import { shownTime, totals, visible } from './expected';

const peerId = (chat: FixtureChat): string => (chat.kind === 'direct' ? chat.id : chat.kind === 'group' ? `-${chat.id}` : `-100${chat.id}`);

/** What Telegram (K or A) must read for one fixture chat. */
function expected(chat: FixtureChat): ChatSummary {
  return {
    id: peerId(chat),
    title: chat.cleanName,
    preview: chat.preview,
    unread: chat.unread,
    muted: chat.muted,
    kind: chat.kind === 'direct' ? 'direct' : 'group',
    lastActivity: shownTime(chat.time, DATASET_NOW),
  };
}

const open = fixturePages('telegram');

describe.each([
  ['K', '/k/'],
  ['A', '/a/'],
])('Telegram Web %s', (_name, path) => {
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

    await p.step('message', target.id, 'Do you ship to Jeddah? 🚚');
    const [, second] = await p.waitForUpdates(2);
    expect(second).toMatchObject({ seq: 1, reset: false, remove: [] });
    expect(second?.upsert).toEqual([
      { ...expected(target), unread: target.unread + 1, preview: 'Do you ship to Jeddah? 🚚', lastActivity: shownTime(DATASET_NOW, DATASET_NOW) },
    ]);
    expect(second?.unread.direct).toBe((first?.unread.direct ?? 0) + 1);

    await p.step('mute', target.id);
    const third = (await p.waitForUpdates(3))[2];
    expect(third?.upsert.map((c) => [c.id, c.muted])).toEqual([[peerId(target), true]]);
    expect(third?.unread.indirect).toBe((second?.unread.indirect ?? 0) + target.unread + 1);

    await p.step('read', target.id);
    expect((await p.waitForUpdates(4))[3]?.upsert.map((c) => [c.id, c.unread])).toEqual([[peerId(target), 0]]);

    await p.step('rename', target.id, 'متجر الورد 🌹');
    expect((await p.waitForUpdates(5))[4]?.upsert.map((c) => [c.id, c.title])).toEqual([[peerId(target), 'متجر الورد 🌹']]);

    await p.step('archive', target.id);
    const sixth = (await p.waitForUpdates(6))[5];
    expect(sixth).toMatchObject({ upsert: [], remove: [peerId(target)] });

    await p.step('logout');
    expect((await p.waitForUpdates(7))[6]).toMatchObject({ loggedIn: false, unread: { direct: 0, indirect: 0 } });
  });

  it('opens a chat by its hash route', async () => {
    const p = await open(`${path}?rows=40`);
    const target = makeChats(40)[12];
    if (!target) throw new Error('dataset too small');
    expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(peerId(target))})`)).toBe(true);
    expect(await p.page.evaluate(() => (window as unknown as { fixture: { openedChatId(): string } }).fixture.openedChatId())).toBe(target.id);
    expect(await p.isolated<boolean>('WaslAgent.openChat("424242")')).toBe(false);
  });

  it('types into the composer as input events and never sends', async () => {
    const p = await open(`${path}?rows=20`);
    const target = makeChats(20)[3];
    if (!target) throw new Error('dataset too small');
    await p.isolated(`WaslAgent.openChat(${JSON.stringify(peerId(target))})`);
    expect(await p.isolated<boolean>('WaslAgent.insertText("السلام عليكم، طلبك جاهز ✅")')).toBe(true);
    const fixture = await p.page.evaluate(() => {
      const f = (window as unknown as { fixture: { composerText(): string; inputEvents: unknown[] } }).fixture;
      return { text: f.composerText(), events: f.inputEvents };
    });
    expect(fixture.text).toBe('السلام عليكم، طلبك جاهز ✅');
    expect(fixture.events).toEqual([
      { type: 'beforeinput', inputType: 'insertText', data: 'السلام عليكم، طلبك جاهز ✅' },
      { type: 'input', inputType: 'insertText', data: 'السلام عليكم، طلبك جاهز ✅' },
    ]);
  });

  it('says it is degraded, with the title’s count, when the page changed and its hooks find nothing', async () => {
    const p = await open(`${path}?rows=40&state=changed`);
    const [first] = await p.waitForUpdates(1);
    const unread = visible(makeChats(40)).filter((c) => !c.muted).reduce((n, c) => n + c.unread, 0);
    expect(first).toMatchObject({ degraded: true, loggedIn: true, upsert: [], unread: { direct: unread } });
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
    expect(notice).toMatchObject({ title: target.cleanName, body: 'Payment sent 💸', chatId: peerId(target), derived: false, iconUrl: 'https://example.com/a.png' });
    expect(await p.isolated<boolean>(`WaslAgent.clickNotice(${JSON.stringify(notice?.id)}, ${JSON.stringify(notice?.chatId)})`)).toBe(true);
    const state = await p.page.evaluate(() => {
      const f = (window as unknown as { fixture: { openedChatId(): string; notifications: { clicked: boolean }[] } }).fixture;
      return { opened: f.openedChatId(), clicked: f.notifications.map((n) => n.clicked) };
    });
    expect(state).toEqual({ opened: target.id, clicked: [true] });
    // The change the message made still arrives once, and derives no second notification on K.
    await p.waitForUpdates(2);
    expect(p.notices).toHaveLength(1);
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
      { id: 'd1', title: first.cleanName, body: 'First 1', chatId: peerId(first), derived: true },
      { id: 'd2', title: second.cleanName, body: 'Second', chatId: peerId(second), derived: true },
    ]);
    expect(await p.page.evaluate(() => (window as unknown as { fixture: { notifications: unknown[] } }).fixture.notifications.length)).toBe(2);
    // Clicking a derived notification opens its chat.
    expect(await p.isolated<boolean>(`WaslAgent.clickNotice("d2", ${JSON.stringify(peerId(second))})`)).toBe(true);
    expect(await p.page.evaluate(() => (window as unknown as { fixture: { openedChatId(): string } }).fixture.openedChatId())).toBe(second.id);
  });
});

import { describe, expect, it } from 'vitest';
import type { ChatSummary } from '../../../common/model';
import { makeChats, type FixtureChat } from '../../fixtures/platforms/lib/dataset.js';
import { userName } from '../../fixtures/platforms/wechat/usernames.js';
import { DATASET_NOW, type AgentPage } from '../../support/agent-page';
import { fixturePages } from '../../support/fixture-pages';
import { shownTime, totals, visible } from './expected';

const LOGGED_OUT = { loggedIn: false, unread: { direct: 0, indirect: 0 }, chats: [] };

/**
 * What WeChat must read for one fixture chat: its UserName as the id, groups (and the dataset's channels, which
 * are groups here) by their `@@` name and group avatar, and for a muted chat the dot WeChat shows instead of a
 * number, which counts 1.
 */
function expected(chat: FixtureChat): ChatSummary {
  return {
    id: userName(chat),
    title: chat.cleanName,
    preview: chat.preview,
    unread: chat.muted ? Math.min(chat.unread, 1) : chat.unread,
    muted: chat.muted,
    kind: chat.kind === 'direct' ? 'direct' : 'group',
    lastActivity: shownTime(chat.time, DATASET_NOW),
  };
}

function datasetChat(count: number, index: number): FixtureChat {
  const chat = makeChats(count)[index];
  if (!chat) throw new Error('dataset too small');
  return chat;
}

const open = fixturePages('wechat');

interface FixtureApi {
  openedChatId(): string | undefined;
  composerText(): string;
  /** What the composer's editor holds: what the page would send. */
  composerModel(): string;
  inputEvents: unknown[];
  notifications: { clicked: boolean }[];
}
const openedChatId = (p: AgentPage): Promise<string | undefined> =>
  p.page.evaluate(() => (window as unknown as { fixture: FixtureApi }).fixture.openedChatId());
const refusal = (p: AgentPage): Promise<string | null> => p.isolated<string | null>('WaslTest.connectors.wechat.refusal(window) ?? null');
const hooks = (p: AgentPage): Promise<Record<string, number>> =>
  p.isolated('Object.fromEntries(Object.entries(WaslTest.connectors.wechat.hooks).map(([k, probe]) => [k, probe(document)]))');

describe('WeChat', () => {
  it.each([300, 800])('reads every chat of a %i-row list exactly: ids, clean names, previews, unread and dots, muted, kind, time', async (rows) => {
    const p = await open(`/?rows=${rows}`, false);
    const chats = visible(makeChats(rows)).map(expected);
    expect(await p.read()).toEqual({ loggedIn: true, unread: totals(chats), chats });
    expect(await refusal(p)).toBeNull();
  });

  it('counts the dot a muted chat shows instead of a number as one unread, indirect', async () => {
    const p = await open('/?rows=40', false);
    const muted = datasetChat(40, 5);
    expect(muted).toMatchObject({ muted: true, unread: 0 });
    await p.step('message', muted.id, 'First');
    await p.step('message', muted.id, 'Second');
    expect(await p.page.locator(`[data-username="${userName(muted)}"] i.web_wechat_reddot`).count()).toBe(1);
    const read = await p.read();
    expect(read.chats[0]).toEqual({ ...expected(muted), unread: 1, preview: 'Second', lastActivity: shownTime(DATASET_NOW, DATASET_NOW) });
    expect(read.unread.indirect).toBe(1);
  });

  it('reports the QR login page as logged out, and not as refused', async () => {
    const p = await open('/?state=logged-out', false);
    expect(await p.read()).toEqual(LOGGED_OUT);
    expect(await refusal(p)).toBeNull();
  });

  it('reports the refused web login (error 1203) as logged out, and says why', async () => {
    const p = await open('/?state=logged-out&variant=refused', false);
    expect(await p.read()).toEqual(LOGGED_OUT);
    expect(await refusal(p)).toBe('web-login-refused');
  });

  it('reports the page the browser lands on when the login is refused as logged out and refused, by its code', async () => {
    const p = await open('/cgi-bin/mmwebwx-bin/webwxnewloginpage?ticket=AQ1N&uuid=Id2o&lang=en_US&scan=1498456159');
    const [first] = await p.waitForUpdates(1);
    expect(first).toMatchObject({ loggedIn: false, upsert: [], refusal: 'web-login-refused' });
    expect(await p.read()).toEqual(LOGGED_OUT);
    expect(await refusal(p)).toBe('web-login-refused');
  });

  it('recognizes the refused login by its code 1203 whatever its words, as XML or parsed as HTML, and only error 1203', async () => {
    const p = await open('/?rows=5', false);
    for (const type of ['text/xml', 'text/html']) {
      const check = (xml: string): Promise<string | null> =>
        p.isolated<string | null>(`WaslTest.connectors.wechat.refusal({ document: new DOMParser().parseFromString(${JSON.stringify(xml)}, ${JSON.stringify(type)}) }) ?? null`);
      expect(await check('<error><ret>1203</ret><message>当前登录环境异常。为了你的帐号安全，暂时不能登录web微信。</message></error>')).toBe('web-login-refused');
      expect(await check('<error><ret>1203</ret><message>لا يمكن تسجيل الدخول إلى ويب ويتشات لحماية حسابك.</message></error>')).toBe('web-login-refused');
      expect(await check('<error><ret>1100</ret><message>لا يمكن تسجيل الدخول</message></error>')).toBeNull();
    }
    const check = (xml: string): Promise<string | null> =>
      p.isolated<string | null>(
        `WaslTest.connectors.wechat.refusal({ document: new DOMParser().parseFromString(${JSON.stringify(xml)}, 'text/xml') }) ?? null`,
      );
    expect(await check('<error><ret>1203</ret><message>为了你的帐号安全，此微信号不能登录网页微信。你可以使用Windows微信或Mac微信在电脑端登录。</message></error>')).toBe(
      'web-login-refused',
    );
    expect(await check('<error><ret>1203</ret><message></message></error>')).toBe('web-login-refused');
    expect(await check('<error><ret>1100</ret><message>请重新登录</message></error>')).toBeNull();
  });

  it('on the refused page, sends one update and then nothing while the page stays', async () => {
    const p = await open('/?state=logged-out&variant=refused');
    const [first] = await p.waitForUpdates(1);
    expect(first).toMatchObject({
      seq: 0, reset: true, loggedIn: false, unread: { direct: 0, indirect: 0 }, upsert: [], remove: [], degraded: false, refusal: 'web-login-refused',
    });
    // The page changes under it (its QR image is replaced): read again, nothing to send.
    await p.page.evaluate(() => {
      const img = document.querySelector('.qrcode img');
      img?.setAttribute('src', 'data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACw=');
      img?.setAttribute('class', 'img refreshed');
    });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(p.updates).toHaveLength(1);
    const stats = await p.isolated<{ reads: number; failures: number }>('WaslAgent.stats');
    expect(stats.failures).toBe(0);
    expect(stats.reads).toBeLessThanOrEqual(2);
  });

  it('sends one full update, then one update per change carrying only that chat', async () => {
    const p = await open('/?rows=40');
    const [first] = await p.waitForUpdates(1);
    expect(first).toMatchObject({ seq: 0, reset: true, loggedIn: true, remove: [], degraded: false });
    expect(first?.upsert).toEqual(visible(makeChats(40)).map(expected));
    const target = datasetChat(40, 8);
    const id = userName(target);
    expect(target.unread).toBeGreaterThan(0);

    await p.step('message', target.id, 'Do you ship to Jeddah? 🚚');
    const [, second] = await p.waitForUpdates(2);
    expect(second).toMatchObject({ seq: 1, reset: false, remove: [] });
    expect(second?.upsert).toEqual([
      { ...expected(target), unread: target.unread + 1, preview: 'Do you ship to Jeddah? 🚚', lastActivity: shownTime(DATASET_NOW, DATASET_NOW) },
    ]);
    expect(second?.unread.direct).toBe((first?.unread.direct ?? 0) + 1);

    // Muted, the chat shows a dot instead of its count: one unread, counted as indirect.
    await p.step('mute', target.id);
    const third = (await p.waitForUpdates(3))[2];
    expect(third?.upsert.map((c) => [c.id, c.muted, c.unread])).toEqual([[id, true, 1]]);
    expect(third?.unread).toEqual({ direct: (second?.unread.direct ?? 0) - target.unread - 1, indirect: (second?.unread.indirect ?? 0) + 1 });

    await p.step('read', target.id);
    expect((await p.waitForUpdates(4))[3]?.upsert.map((c) => [c.id, c.unread])).toEqual([[id, 0]]);

    await p.step('rename', target.id, 'متجر الورد 🌹');
    expect((await p.waitForUpdates(5))[4]?.upsert.map((c) => [c.id, c.title])).toEqual([[id, 'متجر الورد 🌹']]);

    await p.step('archive', target.id);
    expect((await p.waitForUpdates(6))[5]).toMatchObject({ upsert: [], remove: [id] });

    await p.step('logout');
    expect((await p.waitForUpdates(7))[6]).toMatchObject({ loggedIn: false, unread: { direct: 0, indirect: 0 } });
    expect(p.updates).toHaveLength(7);
  });

  it('opens a chat by clicking its row, once the header shows it, and says so in the next update', async () => {
    const p = await open('/?rows=40');
    await p.waitForUpdates(1);
    for (const index of [12, 14]) {
      const target = datasetChat(40, index);
      expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(userName(target))})`)).toBe(true);
      expect(await openedChatId(p)).toBe(target.id);
      expect(await p.page.locator('.box_hd .title_name').textContent()).toBe(target.cleanName);
      await expect.poll(() => p.updates.at(-1)?.activeChatId).toBe(userName(target));
    }
    expect(await p.isolated<boolean>('WaslAgent.openChat("@0123456789abcdef0123456789abcdef")')).toBe(false);
    expect(await openedChatId(p)).toBe(datasetChat(40, 14).id);
  });

  it('types into the composer as input events and never sends', async () => {
    const p = await open('/?rows=20');
    const target = datasetChat(20, 3);
    await p.isolated(`WaslAgent.openChat(${JSON.stringify(userName(target))})`);
    expect(await p.isolated<boolean>('WaslAgent.insertText("السلام عليكم، طلبك جاهز ✅")')).toBe(true);
    const fixture = await p.page.evaluate(() => {
      const f = (window as unknown as { fixture: FixtureApi }).fixture;
      return { text: f.composerText(), model: f.composerModel(), events: f.inputEvents };
    });
    expect(fixture.text).toBe('السلام عليكم، طلبك جاهز ✅');
    expect(fixture.model).toBe('السلام عليكم، طلبك جاهز ✅');
    // Typed with execCommand alone: Chromium fires input, and no beforeinput.
    expect(fixture.events).toEqual([{ type: 'input', inputType: 'insertText', data: 'السلام عليكم، طلبك جاهز ✅' }]);
  });

  it('forwards the page’s notification with the chat its title names, and a click runs the page’s handler', async () => {
    const p = await open('/?rows=40');
    await p.waitForUpdates(1);
    const target = datasetChat(40, 10);
    await p.step('message', target.id, 'Payment sent 💸');
    await expect.poll(() => p.notices.length).toBe(1);
    const [notice] = p.notices;
    expect(notice).toMatchObject({ title: target.cleanName, body: 'Payment sent 💸', chatId: userName(target), derived: false });
    expect(await p.isolated<boolean>(`WaslAgent.clickNotice(${JSON.stringify(notice?.id)}, ${JSON.stringify(notice?.chatId)})`)).toBe(true);
    const state = await p.page.evaluate(() => {
      const f = (window as unknown as { fixture: FixtureApi }).fixture;
      return { opened: f.openedChatId(), clicked: f.notifications.map((n) => n.clicked) };
    });
    expect(state).toEqual({ opened: target.id, clicked: [true] });
    await p.waitForUpdates(2);
    expect(p.notices).toHaveLength(1);
  });

  it('when the page changed and its hooks find nothing, its health says so (the title carries no count to fall back on)', async () => {
    const p = await open('/?rows=40&state=changed');
    const [first] = await p.waitForUpdates(1);
    expect(await p.page.title()).toBe('WeChat');
    expect(first).toMatchObject({ degraded: false, loggedIn: true, upsert: [], unread: { direct: 0, indirect: 0 } });
    // The title is no source here (title: 'ignore'): the drift is seen in the health, which names the lost rows.
    expect(first?.health).toEqual({ rows: 0, chats: 0, badges: 0, titleUnread: null, missing: ['rows'], lastGoodRead: null });
    expect(await hooks(p)).toMatchObject({ rows: 0, list: 1 });
  });

  it('reads names drawn with emoji sprites (an emoji-only name is a name), and previews with emoji and QQ faces', async () => {
    const p = await open('/?rows=40');
    await p.waitForUpdates(1);
    // The dataset's emoji are drawn as pictures: the page's text has none of them.
    expect(await p.page.locator('.nickname_text .emoji').count()).toBeGreaterThan(0);
    const target = datasetChat(40, 8);
    await p.step('rename', target.id, '🌹🌹');
    expect(await p.page.locator(`[data-username="${userName(target)}"] .nickname_text`).textContent()).toBe('');
    await expect.poll(() => p.updates.at(-1)?.upsert.map((c) => [c.id, c.title])).toEqual([[userName(target), '🌹🌹']]);
    await p.step('message', target.id, '[Grin] تم الدفع ✅');
    await expect.poll(() => p.updates.at(-1)?.upsert.map((c) => c.preview)).toEqual(['[Grin] تم الدفع ✅']);
  });

  it('reads the Chinese interface exactly: a muted chat’s "[N条]" counter is neither its count nor its preview', async () => {
    const p = await open('/?rows=300&lang=zh_CN', false);
    const chats = visible(makeChats(300)).map(expected);
    expect(await p.read()).toEqual({ loggedIn: true, unread: totals(chats), chats });
    const muted = datasetChat(300, 5);
    expect(muted).toMatchObject({ muted: true, unread: 0 });
    await p.step('message', muted.id, '在吗？');
    await p.step('message', muted.id, '发货了吗 📦');
    await p.step('message', muted.id, '谢谢 🙏');
    expect(await p.page.locator(`[data-username="${userName(muted)}"] p.msg`).textContent()).toBe('[3条]谢谢 ');
    expect((await p.read()).chats[0]).toEqual({ ...expected(muted), unread: 1, preview: '谢谢 🙏', lastActivity: shownTime(DATASET_NOW, DATASET_NOW) });
  });

  it('reads only the chat list’s rows, whatever the panels beside it hold', async () => {
    const p = await open('/?rows=40', false);
    const before = await p.read();
    await p.page.evaluate(() => {
      const copy = document.querySelector('#J_NavChatScrollBody div.chat_item')?.cloneNode(true);
      if (!(copy instanceof Element)) throw new Error('no row');
      copy.setAttribute('data-username', '@0123456789abcdef0123456789abcdef');
      document.getElementById('navContact')?.append(copy);
    });
    expect(await p.read()).toEqual(before);
  });

  it('says the title means nothing, that reads are partial, and counts its hooks', async () => {
    const p = await open('/?rows=40', false);
    const facts = await p.isolated<{ title: string; partial: boolean }>('({ title: WaslTest.connectors.wechat.title, partial: WaslTest.connectors.wechat.partialList(window) })');
    expect(facts).toEqual({ title: 'ignore', partial: true });
    expect(await hooks(p)).toEqual({ rows: visible(makeChats(40)).length, list: 1, composer: 1 });
  });
});

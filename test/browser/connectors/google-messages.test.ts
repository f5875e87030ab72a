import { describe, expect, it } from 'vitest';
import type { ChatSummary } from '../../../common/model';
import { unsavedNumber } from '../../fixtures/platforms/google-messages/web/numbers.js';
import { makeChats, type FixtureChat } from '../../fixtures/platforms/lib/dataset.js';
import { DATASET_NOW, type AgentPage } from '../../support/agent-page';
import { fixturePages } from '../../support/fixture-pages';
import { shownTime, totals } from './expected';

const LOGGED_OUT = { loggedIn: false, unread: { direct: 0, indirect: 0 }, chats: [] };

/**
 * What Google Messages must read for the dataset's chat at `index`: one unread per unread conversation, no mute
 * and no kind (the list shows neither), and for unsaved contacts the number as the title, with `phone` only when
 * the number is international (+ or 00; numbers.js shows indexes ending in 1 and 3 so), never for a local one.
 */
function expected(chat: FixtureChat, index: number): ChatSummary {
  const number = chat.kind === 'direct' ? unsavedNumber(chat.phone, index) : undefined;
  const summary: ChatSummary = {
    id: chat.id,
    title: number === undefined ? chat.cleanName : number.replace(/[\u202a-\u202e]/gu, ''),
    preview: chat.preview,
    unread: chat.unread > 0 ? 1 : 0,
    lastActivity: shownTime(chat.time, DATASET_NOW),
  };
  if (number !== undefined && (index % 10 === 1 || index % 10 === 3)) summary.phone = chat.phone;
  return summary;
}

/** The chats the list shows (archived ones are not in it), read the way Google Messages must read them. */
const shown = (count: number): ChatSummary[] =>
  makeChats(count)
    .map((chat, index) => ({ chat, index }))
    .filter(({ chat }) => !chat.archived)
    .map(({ chat, index }) => expected(chat, index));

function datasetChat(count: number, index: number): FixtureChat {
  const chat = makeChats(count)[index];
  if (!chat) throw new Error('dataset too small');
  return chat;
}

const open = fixturePages('google-messages');

/** Where the sign-in sends the user back to: the pairing page. */
const CONTINUE = encodeURIComponent('https://messages.google.com/web/authentication');

/** accounts.google.com, answered with the fixture's pages (accounts/…), whatever Google's query says. */
async function serveGoogleAccounts(p: AgentPage): Promise<void> {
  const fixtures = new URL(p.page.url()).origin;
  const pages: Record<string, string> = {
    '/v3/signin/identifier': '/accounts/v3/signin/identifier/',
    '/v3/signin/rejected': '/accounts/v3/signin/rejected/',
    '/signin/v2/deniedsigninrejected': '/accounts/v3/signin/rejected/',
  };
  await p.context.route('https://accounts.google.com/**', async (route) => {
    const page = pages[new URL(route.request().url()).pathname];
    if (page === undefined) await route.fulfill({ status: 404 });
    else await route.fulfill({ response: await route.fetch({ url: `${fixtures}${page}` }) });
  });
}

const refusal = (p: AgentPage): Promise<string | null> => p.isolated<string | null>('WaslTest.connectors["google-messages"].refusal(window) ?? null');

/** What each of the connector's hooks counts on the page now. */
const hooks = (p: AgentPage): Promise<Record<string, number>> =>
  p.isolated('Object.fromEntries(Object.entries(WaslTest.connectors["google-messages"].hooks).map(([name, probe]) => [name, probe(document)]))');

interface FixtureApi {
  openedChatId(): string | undefined;
  composerText(): string;
  /** What the composer's editor holds: what the page would send. */
  composerModel(): string;
  inputEvents: unknown[];
  notifications: { clicked: boolean }[];
}
const fixtureOf = (p: AgentPage): Promise<{ opened: string | undefined; path: string }> =>
  p.page.evaluate(() => ({ opened: (window as unknown as { fixture: FixtureApi }).fixture.openedChatId(), path: location.pathname }));

describe('Google Messages', () => {
  it.each([300, 800])('reads every conversation of a %i-row list exactly: names and numbers, snippets, unread, time', async (rows) => {
    const p = await open(`/web/conversations?rows=${rows}`, false);
    const chats = shown(rows);
    expect(await p.read()).toEqual({ loggedIn: true, unread: totals(chats), chats });
  });

  it('reports international unsaved numbers as E.164 and leaves local numbers without a phone', async () => {
    const p = await open('/web/conversations?rows=40', false);
    const byId = new Map((await p.read()).chats.map((c) => [c.id, c]));
    /** What was read for the dataset's chat at `index`, and the number its row shows. */
    const at = (index: number): { shown: string | undefined; title: string | undefined; phone: string | undefined; dataset: string | undefined } => {
      const chat = datasetChat(40, index);
      const read = byId.get(chat.id);
      return { shown: unsavedNumber(chat.phone, index), title: read?.title, phone: read?.phone, dataset: chat.phone };
    };
    const plus = at(1);
    expect(plus.shown).toMatch(/^\+\d+ \d/u);
    expect(plus).toMatchObject({ title: plus.shown, phone: plus.dataset });
    const embedded = at(11);
    expect(embedded.shown).toMatch(/^\u202a\+.*\u202c$/u);
    expect(embedded).toMatchObject({ title: embedded.shown?.slice(1, -1), phone: embedded.dataset });
    const zeros = at(3);
    expect(zeros.shown).toMatch(/^00\d+ \d/u);
    expect(zeros).toMatchObject({ title: zeros.shown, phone: zeros.dataset });
    const arabicIndic = at(13);
    expect(arabicIndic.shown).toMatch(/^٠٠[٠-٩ ]+$/u);
    expect(arabicIndic).toMatchObject({ title: arabicIndic.shown, phone: arabicIndic.dataset });
    const local = at(9);
    expect(local.shown).toMatch(/^0[1-9]\d* \d/u);
    expect(local).toEqual({ ...local, title: local.shown, phone: undefined });
    expect(at(0)).toMatchObject({ shown: undefined, title: datasetChat(40, 0).cleanName, phone: undefined });
    for (const index of [1, 3, 9, 11, 13]) expect(at(index).dataset).toMatch(/^\+[1-9]\d{7,14}$/u);
  });

  it('reports the pairing page as logged out, wherever the app shows it', async () => {
    const p = await open('/web/conversations?state=logged-out', false);
    expect(await p.read()).toEqual(LOGGED_OUT);
    expect((await fixtureOf(p)).path).toBe('/web/authentication');
    await p.close();

    const q = await open('/web/authentication', false);
    expect(await q.page.locator('mw-qr-code').count()).toBe(1);
    expect(await q.read()).toEqual(LOGGED_OUT);
  });

  it('reports the Google sign-in that pairing starts with as logged out, and not refused', async () => {
    const p = await open('/web/conversations?rows=20', false);
    expect((await p.read()).loggedIn).toBe(true);
    await serveGoogleAccounts(p);
    await p.page.goto(`https://accounts.google.com/v3/signin/identifier?continue=${CONTINUE}&flowName=GlifWebSignIn`);
    expect(await p.page.locator('input[type="email"]').count()).toBe(1);
    expect(await p.read()).toEqual(LOGGED_OUT);
    expect(await refusal(p)).toBeNull();
  });

  it('says Google refused the sign-in as an insecure browser on its rejected page, whatever the language, and only there', async () => {
    const p = await open('/web/authentication', false);
    expect(await refusal(p)).toBeNull();
    await serveGoogleAccounts(p);
    const pages = [
      [`/v3/signin/rejected?continue=${CONTINUE}&flowName=GlifWebSignIn&rrk=46&hl=ar`, 'تسجيل الدخول - حسابات Google'],
      [`/signin/v2/deniedsigninrejected?continue=${CONTINUE}&hl=en`, 'Sign in - Google Accounts'],
    ] as const;
    for (const [path, title] of pages) {
      await p.page.goto(`https://accounts.google.com${path}`);
      expect([await p.page.title(), await p.page.locator('a[href*="answer/7675428"]').count()]).toEqual([title, 1]);
      expect(await p.read()).toEqual(LOGGED_OUT);
      expect(await refusal(p)).toBe('browser-not-secure');
    }
  });

  it('sends the refusal with the signed-out state when the view lands on the rejected page', async () => {
    const p = await open('/web/authentication');
    const [first] = await p.waitForUpdates(1);
    expect(first).toMatchObject({ loggedIn: false });
    expect(first?.refusal).toBeUndefined();
    await serveGoogleAccounts(p);
    await p.page.goto(`https://accounts.google.com/v3/signin/rejected?continue=${CONTINUE}&flowName=GlifWebSignIn&rrk=46`);
    const [, second] = await p.waitForUpdates(2);
    expect(second).toMatchObject({ seq: 0, reset: true, loggedIn: false, upsert: [], refusal: 'browser-not-secure' });
  });

  it('reads only the rows a virtualised list renders (about 25 of a longer one), says so, and counts its hooks', async () => {
    const p = await open('/web/conversations?rows=300&window=25', false);
    expect(await p.page.locator('mws-conversation-list-item').count()).toBe(25);
    const chats = shown(300).slice(0, 25);
    expect(await p.read()).toEqual({ loggedIn: true, unread: totals(chats), chats });
    expect(await p.isolated<boolean>('WaslTest.connectors["google-messages"].partialList(window)')).toBe(true);
    expect(await hooks(p)).toEqual({ rows: 25, links: 25, names: 25, unreadMarks: 25, times: 25, composer: 1 });
  });

  it('never reads the Archived list’s rows as inbox chats, in its modal or in its own view', async () => {
    const archived = makeChats(40).filter((c) => c.archived);
    expect(archived.length).toBeGreaterThan(1);
    const p = await open('/web/conversations?rows=40&archived=modal', false);
    expect(await p.page.locator('mat-dialog-container mws-conversation-list-item').count()).toBe(archived.length);
    const chats = shown(40);
    expect(await p.read()).toEqual({ loggedIn: true, unread: totals(chats), chats });
    expect((await hooks(p))['rows']).toBe(chats.length);
    const q = await open('/web/conversations?rows=40&archived=route', false);
    expect(await q.page.locator('mws-conversations-list mws-conversation-list-item').count()).toBe(archived.length);
    expect(await q.read()).toEqual({ loggedIn: true, unread: { direct: 0, indirect: 0 }, chats: [] });
  });

  it('reads the snippet from its element when the row has no data-e2e attribute for it', async () => {
    const p = await open('/web/conversations?rows=40&snippet=bare', false);
    expect(await p.page.locator('[data-e2e-conversation-snippet]').count()).toBe(0);
    const chats = shown(40);
    expect(await p.read()).toEqual({ loggedIn: true, unread: totals(chats), chats });
  });

  it('never reports a conversation without a name', async () => {
    const p = await open('/web/conversations?rows=20', false);
    const target = datasetChat(20, 2);
    await p.step('rename', target.id, '');
    const chats = shown(20).filter((c) => c.id !== target.id);
    expect(await p.read()).toEqual({ loggedIn: true, unread: totals(chats), chats });
  });

  it('sends one full update, then one update per visible change carrying only that conversation', async () => {
    const p = await open('/web/conversations?rows=40');
    const [first] = await p.waitForUpdates(1);
    expect(first).toMatchObject({ seq: 0, reset: true, loggedIn: true, remove: [], degraded: false });
    expect(first?.upsert).toEqual(shown(40));
    const target = datasetChat(40, 7);
    expect(target.unread).toBe(0);

    await p.step('message', target.id, 'Do you ship to Jeddah? 🚚');
    const [, second] = await p.waitForUpdates(2);
    expect(second).toMatchObject({ seq: 1, reset: false, remove: [] });
    expect(second?.upsert).toEqual([
      { ...expected(target, 7), unread: 1, preview: 'Do you ship to Jeddah? 🚚', lastActivity: shownTime(DATASET_NOW, DATASET_NOW) },
    ]);
    expect(second?.unread.direct).toBe((first?.unread.direct ?? 0) + 1);

    // The list shows no mute: muting changes nothing the reader sees, so nothing is sent.
    await p.step('mute', target.id);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(p.updates).toHaveLength(2);

    await p.step('read', target.id);
    const third = (await p.waitForUpdates(3))[2];
    expect(third?.upsert.map((c) => [c.id, c.unread])).toEqual([[target.id, 0]]);
    expect(third?.unread.direct).toBe(first?.unread.direct);

    await p.step('rename', target.id, 'متجر الورد 🌹');
    expect((await p.waitForUpdates(4))[3]?.upsert.map((c) => [c.id, c.title])).toEqual([[target.id, 'متجر الورد 🌹']]);

    await p.step('archive', target.id);
    expect((await p.waitForUpdates(5))[4]).toMatchObject({ upsert: [], remove: [target.id] });

    await p.step('logout');
    expect((await p.waitForUpdates(6))[5]).toMatchObject({ loggedIn: false, unread: { direct: 0, indirect: 0 } });
    expect(p.updates).toHaveLength(6);
  });

  it('opens a conversation by its SPA route, and says so in the next update', async () => {
    const p = await open('/web/conversations?rows=40');
    await p.waitForUpdates(1);
    for (const index of [12, 14]) {
      const target = datasetChat(40, index);
      expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(target.id)})`)).toBe(true);
      expect(await fixtureOf(p)).toEqual({ opened: target.id, path: `/web/conversations/${target.id}` });
      await expect.poll(() => p.updates.at(-1)?.activeChatId).toBe(target.id);
    }
    expect(await p.isolated<boolean>('WaslAgent.openChat("424242")')).toBe(false);
    expect((await fixtureOf(p)).opened).toBe(datasetChat(40, 14).id);
  });

  it('types into the composer textarea as input events and never sends', async () => {
    const p = await open('/web/conversations?rows=20');
    const target = datasetChat(20, 3);
    expect(await p.isolated<boolean>('WaslAgent.insertText("too early")')).toBe(false);
    await p.isolated(`WaslAgent.openChat(${JSON.stringify(target.id)})`);
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

  it('forwards the page’s notification with the conversation its title names, and a click runs the page’s handler', async () => {
    const p = await open('/web/conversations?rows=40');
    await p.waitForUpdates(1);
    const target = datasetChat(40, 10);
    await p.step('message', target.id, 'Payment sent 💸');
    await expect.poll(() => p.notices.length).toBe(1);
    const [notice] = p.notices;
    expect(notice).toMatchObject({ title: target.cleanName, body: 'Payment sent 💸', chatId: target.id, derived: false });
    expect(await p.isolated<boolean>(`WaslAgent.clickNotice(${JSON.stringify(notice?.id)}, ${JSON.stringify(notice?.chatId)})`)).toBe(true);
    const state = await p.page.evaluate(() => {
      const f = (window as unknown as { fixture: FixtureApi }).fixture;
      return { opened: f.openedChatId(), clicked: f.notifications.map((n) => n.clicked) };
    });
    expect(state).toEqual({ opened: target.id, clicked: [true] });
    await p.waitForUpdates(2);
    expect(p.notices).toHaveLength(1);
  });

  it('says it is degraded, with what the title says, when the page changed and its hooks find nothing', async () => {
    const p = await open('/web/conversations?rows=40&state=changed');
    const [first] = await p.waitForUpdates(1);
    expect(makeChats(40).filter((c) => !c.archived && c.unread > 0).length).toBeGreaterThan(0);
    expect(first).toMatchObject({ degraded: true, loggedIn: true, upsert: [] });
    // No public source says what the title's figure counts: it is read as a flag, which is one unread.
    expect(first?.unread.direct).toBe(1);
    expect(await p.isolated<string>('WaslTest.connectors["google-messages"].title')).toBe('flag');
  });
});

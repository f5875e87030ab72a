/**
 * Compact view in real Chromium, on the platforms' fixture pages with the real connectors and agent: the pane hook
 * finds the page's own chat list exactly once and the agent marks it; with compact view's stylesheet inserted from
 * outside the page (as main does with webContents.insertCSS) that pane is hidden while the conversation beside it
 * stays visible, takes the pane's place and is not covered, and the chats are still read; on a page whose pane is
 * found twice or not at all, nothing is hidden. Screenshots with compact view off and on go to
 * test-results/screenshots/ (not committed).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PANE_ATTRIBUTE, PANE_CSS } from '../../common/compact';
import type { PlatformId, ServiceConfig } from '../../common/model';
import { DEFAULT_SETTINGS } from '../../common/settings';
import { openAgentPage, type AgentPage } from '../support/agent-page';
import { launchChromium } from '../support/chromium';
import { openShell } from '../support/shell-harness';
import { serveFixture } from '../support/fixture-server';
import type { StaticServer } from '../support/static-server';

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');

interface Case {
  name: string;
  platform: PlatformId;
  /** The fixture folder (test/fixtures/platforms/<dir>) and the page in it. */
  dir: string;
  path: string;
  /** The real site's origin, for connectors that tell sites apart by their host. */
  origin?: string;
  /** The element the pane must be. */
  pane: string;
  /** The open conversation's message box, beside the pane: it must stay visible and within reach. */
  conversation: string;
}

const CASES: Case[] = [
  { name: 'WhatsApp Web (its list, no database)', platform: 'whatsapp', dir: 'whatsapp', path: '/?rows=40&idb=none', pane: '#side', conversation: '#main footer [contenteditable="true"]' },
  { name: 'WhatsApp Web (the 2026 page)', platform: 'whatsapp', dir: 'whatsapp', path: '/2026/?rows=40', pane: '#side', conversation: '#main footer [contenteditable="true"]' },
  { name: 'Telegram K', platform: 'telegram', dir: 'telegram', path: '/k/?rows=40', pane: '#column-left', conversation: '#column-center .input-message-input' },
  { name: 'Telegram A', platform: 'telegram', dir: 'telegram', path: '/a/?rows=40', pane: '#LeftColumn', conversation: '#MiddleColumn #editable-message-text' },
  { name: 'Messenger on www.messenger.com', platform: 'messenger', dir: 'messenger', path: '/?rows=40', origin: 'https://www.messenger.com', pane: '[role="navigation"]:has([role="grid"])', conversation: '[role="main"] [role="textbox"]' },
  {
    name: 'Messenger on www.facebook.com/messages (2026)',
    platform: 'messenger',
    dir: 'facebook',
    path: '/messages/?rows=40',
    origin: 'https://www.facebook.com',
    pane: '[role="navigation"]:has([role="grid"])',
    conversation: '[role="main"] [role="textbox"]',
  },
  { name: 'Instagram direct (2026)', platform: 'instagram', dir: 'instagram', path: '/direct/inbox/?rows=40', pane: 'main [role="navigation"]', conversation: '[role="textbox"][contenteditable="true"]' },
  { name: 'Google Messages', platform: 'google-messages', dir: 'google-messages', path: '/web/conversations?rows=40', pane: 'mws-conversations-list', conversation: 'mws-conversation-container textarea[data-e2e-message-input-box]' },
  { name: 'Slack (Home tab, 2026)', platform: 'slack', dir: 'slack', path: '/client/T0WASL2026/?rows=40', pane: '[data-qa="channel-sidebar"]', conversation: '[role="main"] [data-qa="message_input"] [contenteditable="true"]' },
];

let browser: Browser;
const servers = new Map<string, StaticServer>();
let page: AgentPage | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  await browser.close();
  for (const server of servers.values()) await server.close();
});
afterEach(async () => {
  await page?.close();
  page = undefined;
});

async function open(c: Case): Promise<AgentPage> {
  let server = servers.get(c.dir);
  if (!server) {
    server = await serveFixture(c.dir);
    servers.set(c.dir, server);
  }
  await page?.close();
  page = await openAgentPage(browser, { platform: c.platform, url: `${server.url}${c.path}`, ...(c.origin === undefined ? {} : { origin: c.origin }) });
  return page;
}

/** The pane count of the agent's latest health report, once it says `wanted` (or throws after a while). */
async function paneCount(p: AgentPage, wanted: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const latest = p.updates.findLast((u) => u.health !== undefined)?.health?.listPane;
    if (latest === wanted) return latest;
    if (Date.now() - started > 5_000) throw new Error(`the health says ${String(latest)} panes, not ${wanted}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface Seen {
  visibility: string;
  position: string;
  box: { x: number; y: number; width: number; height: number };
  /** Whether a click at the middle of the element lands on it (nothing covers it). */
  onTop: boolean;
}

/** Opens the first chat the page lists, as Wasl's own list does: compact view is for a conversation beside it. */
async function openFirstChat(p: AgentPage): Promise<void> {
  const first = (await p.read()).chats[0];
  if (!first) throw new Error('the page lists no chat');
  expect(await p.isolated<boolean>(`WaslAgent.openChat(${JSON.stringify(first.id)})`)).toBe(true);
}

/** How each element matching `selector` is shown now. */
const seen = (p: AgentPage, selector: string): Promise<Seen[]> =>
  p.page.evaluate((sel) => {
    return [...document.querySelectorAll(sel)].map((el) => {
      const style = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      const box = { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height };
      // Only what is in the window can be hit: brought into view (the fixtures' long lists push some below it).
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const v = el.getBoundingClientRect();
      const hit = document.elementFromPoint(v.x + Math.min(v.width / 2, 20), v.y + Math.min(v.height / 2, 10));
      window.scrollTo(0, 0);
      return { visibility: style.visibility, position: style.position, box, onTop: hit !== null && (hit === el || el.contains(hit)) };
    });
  }, selector);

/** Which of the elements the agent marked match `selector` (one entry per marked element). */
const marked = (p: AgentPage, selector: string): Promise<boolean[]> =>
  p.page.evaluate(([attribute, sel]) => [...document.querySelectorAll(`[${attribute}]`)].map((el) => el.matches(sel)), [PANE_ATTRIBUTE, selector] as const);

describe.each(CASES)('compact view on $name', (c) => {
  it('finds the page’s pane exactly once; hidden, it leaves the conversation visible, in its place and uncovered, and the chats read', async () => {
    const p = await open(c);
    await p.waitForUpdates(1);
    const chatsBefore = await p.read();
    await openFirstChat(p);
    expect(await paneCount(p, 1)).toBe(1);
    expect(await marked(p, c.pane)).toEqual([true]);
    const [conversationBefore] = await seen(p, c.conversation);
    expect(conversationBefore).toMatchObject({ visibility: 'visible', onTop: true });

    const key = await p.insertCSS(PANE_CSS);
    const [pane] = await seen(p, c.pane);
    const [conversation] = await seen(p, c.conversation);
    expect(pane).toMatchObject({ visibility: 'hidden', position: 'fixed', onTop: false });
    expect(conversation).toMatchObject({ visibility: 'visible', onTop: true });
    expect(conversation?.box.width).toBeGreaterThan(0);
    // It took the pane's room: it moved towards the page's start (beside the pane) or top (under it).
    const moved = (conversation?.box.x ?? 0) < (conversationBefore?.box.x ?? 0) || (conversation?.box.y ?? 0) < (conversationBefore?.box.y ?? 0);
    expect(moved).toBe(true);
    expect((await p.read()).chats.map((chat) => chat.id)).toEqual(chatsBefore.chats.map((chat) => chat.id));

    await p.removeInsertedCSS(key);
    expect(await seen(p, c.pane)).toMatchObject([{ visibility: 'visible', onTop: true }]);
  });
});

describe('compact view on a page whose pane is not found exactly once', () => {
  const whatsapp = CASES[0];
  if (!whatsapp) throw new Error('no WhatsApp case');

  it('hides nothing when the pane is found twice: neither of them is marked', async () => {
    const p = await open(whatsapp);
    await openFirstChat(p);
    await paneCount(p, 1);
    await p.insertCSS(PANE_CSS);
    expect(await seen(p, '#side')).toMatchObject([{ visibility: 'hidden' }]);
    // A changed page: a second list column with the same id.
    await p.page.evaluate(() => {
      const side = document.getElementById('side');
      side?.after(side.cloneNode(true));
    });
    await paneCount(p, 2);
    expect(await marked(p, '*')).toEqual([]);
    expect(await seen(p, '#side')).toMatchObject([{ visibility: 'visible' }, { visibility: 'visible' }]);
    expect(await seen(p, whatsapp.conversation)).toMatchObject([{ visibility: 'visible', onTop: true }]);
  });

  it('hides nothing when the pane is found nowhere', async () => {
    const p = await open(whatsapp);
    await openFirstChat(p);
    await paneCount(p, 1);
    await p.insertCSS(PANE_CSS);
    // A changed page: the list's column under another name.
    await p.page.evaluate(() => {
      const side = document.getElementById('side');
      const renamed = side?.cloneNode(true);
      if (renamed instanceof HTMLElement) {
        renamed.id = 'side-2027';
        side?.replaceWith(renamed);
      }
    });
    await paneCount(p, 0);
    expect(await marked(p, '*')).toEqual([]);
    const hidden = await p.page.evaluate(() => [...document.querySelectorAll('body *')].filter((el) => getComputedStyle(el).visibility === 'hidden').length);
    expect(hidden).toBe(0);
  });
});

describe('WhatsApp’s pane, where the list has a column of its own', () => {
  const whatsapp = CASES[1];
  if (!whatsapp) throw new Error('no WhatsApp case');

  it('takes the column holding #side while a conversation is open beside it, #side alone while none is, and never the conversation', async () => {
    const p = await open(whatsapp);
    await paneCount(p, 1);
    // The page of 2025-26 (mastawbeqezwan/laibe): #side inside a column of its own, beside the conversation's.
    await p.page.evaluate(() => {
      const side = document.getElementById('side');
      const column = document.createElement('div');
      column.id = 'list-column';
      column.style.display = 'flex';
      side?.replaceWith(column);
      if (side) column.append(side);
    });
    await expect.poll(() => marked(p, '#list-column')).toEqual([true]);
    await p.insertCSS(PANE_CSS);
    expect(await seen(p, '#list-column')).toMatchObject([{ visibility: 'hidden' }]);
    expect(await seen(p, whatsapp.conversation)).toMatchObject([{ visibility: 'visible', onTop: true }]);
    // No conversation open: only #side is the pane, the column (and whatever else it may hold) stays.
    await p.page.evaluate(() => document.getElementById('main')?.remove());
    await expect.poll(() => marked(p, '#side')).toEqual([true]);
    expect(await marked(p, '#list-column')).toEqual([false]);
  });
});

describe('screenshots', () => {
  it('shows the toolbar’s switch available and on, and unavailable with its reason, in English and Arabic', async () => {
    for (const language of ['en', 'ar'] as const) {
      const whatsapp: ServiceConfig = { id: 's1', platform: 'whatsapp', name: 'WhatsApp', enabled: true, muted: false, callsAllowed: false };
      const shell = await openShell(browser, { state: { services: [whatsapp], activeServiceId: 's1', settings: { ...DEFAULT_SETTINGS, language } }, viewport: { width: 900, height: 300 } });
      try {
        const toolbar = shell.page.locator('.toolbar');
        const button = toolbar.getByRole('button', { name: language === 'en' ? "Hide this page's own chat list" : 'إخفاء قائمة الدردشات الخاصة بهذه الصفحة' });
        await shell.setRuntime('s1', { status: 'ready', health: { rows: 1, chats: 1, badges: 0, titleUnread: null, missing: [], lastGoodRead: 1, listPane: 2 } });
        expect(await button.getAttribute('aria-disabled')).toBe('true');
        await toolbar.screenshot({ path: path.join(OUT, `compact-toolbar-unavailable-${language}.png`) });
        await shell.setRuntime('s1', { health: { rows: 1, chats: 1, badges: 0, titleUnread: null, missing: [], lastGoodRead: 1, listPane: 1 } });
        await button.click();
        await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
        expect(shell.views.of('pane')).toEqual([{ op: 'pane', id: 's1', hidden: true }]);
        await toolbar.screenshot({ path: path.join(OUT, `compact-toolbar-on-${language}.png`) });
        expect(shell.errors).toEqual([]);
      } finally {
        await shell.close();
      }
    }
  });

  it('shows the WhatsApp and Telegram fixtures with compact view off and on', async () => {
    for (const c of [CASES[1], CASES[2]]) {
      if (!c) throw new Error('no case');
      const p = await open(c);
      await openFirstChat(p);
      await paneCount(p, 1);
      const name = c.platform;
      await p.page.screenshot({ path: path.join(OUT, `compact-${name}-off.png`) });
      await p.insertCSS(PANE_CSS);
      await p.page.screenshot({ path: path.join(OUT, `compact-${name}-on.png`) });
    }
  });
});

/**
 * A page outline carries no one's chats: every fixture page (each in the states its engine offers, with a chat
 * open, a message just in, and a probe of phone numbers, e-mails, ids and names in texts, attributes, a class, a
 * style, open and closed shadow roots and a frame) is outlined in real Chromium, and no piece of its texts, of its
 * labels, titles, URLs and ids, or of the fixture dataset survives in the outline's JSON or its text form
 * (test/support/outline-leaks.ts says how). The check is shown to fail when an outline keeps a single text.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageOutline } from '../../common/outline';
import { makeChats } from '../fixtures/platforms/lib/dataset.js';
import { launchChromium } from '../support/chromium';
import { FIXTURES, serveFixture } from '../support/fixture-server';
import { COLLECT_PAGE_TEXTS, findLeaks, type Leak, type PageTexts } from '../support/outline-leaks';
import { buildOutlineBundle, inIsolatedWorld } from '../support/outline-page';
import type { StaticServer } from '../support/static-server';

const OPTIONS = { platform: 'fixture', appVersion: '0.0.0-test', now: Date.UTC(2026, 10, 21, 9, 30) };
const OWN = [OPTIONS.platform, OPTIONS.appVersion, new Date(OPTIONS.now).toISOString()];

/** Every page under test/fixtures/platforms: [platform folder, path it is served at]. */
function fixturePages(): [string, string][] {
  const pages: [string, string][] = [];
  for (const platform of readdirSync(FIXTURES).filter((name) => name !== 'lib')) {
    const walk = (dir: string): void => {
      for (const entry of readdirSync(path.join(FIXTURES, platform, dir), { withFileTypes: true })) {
        const rel = path.posix.join(dir, entry.name);
        if (entry.isDirectory()) walk(rel);
        else if (entry.name.endsWith('.html')) pages.push([platform, `/${entry.name === 'index.html' ? (dir === '' ? '' : `${dir}/`) : rel}`]);
      }
    };
    walk('');
  }
  return pages;
}

/** The same pages in the other states the fixture engine offers (not the hand-written pages: they have none). */
const VARIANTS = ['', '?state=logged-out', '?state=changed'];
const WITHOUT_ENGINE = new Set(['custom', 'hostile']);
/** A few variants that show other texts. */
const EXTRA: [string, string][] = [
  ['whatsapp', '/?lang=ar'],
  ['whatsapp', '/?variant=grid'],
  ['whatsapp', `/send/?phone=${makeChats()[11]?.phone?.slice(1) ?? ''}`],
  ['wechat', '/?state=logged-out&variant=refused'],
  ['discord', '/app/?variant=suffixed-classes'],
];

/** Phone numbers, e-mails, ids and names where pages put them; the frame's and the closed root's texts too. */
const PROBE = `(() => {
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    node.append(...children);
    return node;
  };
  const probe = el('section', {
    id: 'chat-201012345678', class: 'probe user-971501234567 وسم', 'aria-label': 'Chat with Ahmed Hassan +966501234567',
    title: 'يوسف إبراهيم', 'data-peer-id': '966501234567', 'data-username': '@7f3a9c2b1e', 'data-testid': 'conversation-201055512345',
    'data-qa': 'channel_sidebar_name_layla-nasser',
    style: "background-image: url('https://cdn.example.com/u/ahmed.hassan.jpg'); color: rebeccapurple",
  },
    el('span', {}, '+966 50 123 4567'), el('span', {}, '٠٥٠١٢٣٤٥٦٧'), el('span', {}, '(415) 555-0134'), el('span', {}, '00201012345678'),
    el('span', {}, 'ahmed.hassan@example.com'), el('span', { dir: 'auto' }, '\\u2068Karim 🌟 Mansour\\u2069'), el('b', {}, 'فاطمة الزهراء'),
    el('a', { href: 'tel:+966501234567' }, 'واتساب +20 10 1234 5678'),
    el('a', { href: '/t/123456789012345/?ref=ahmed_hassan#msg-42424242' }, 'Zoë Ørsted'),
    el('img', { alt: 'Photo of Layla Nasser', src: 'https://scontent.example.net/v/t1/ahmed_profile.jpg?oh=abc123def456' }),
    el('input', { value: 'draft to Omar Khaled', placeholder: 'Message Omar Khaled' }),
    el('iframe', { srcdoc: '<p>Secret Sara</p>', title: 'Frame of Sara' }),
  );
  const card = el('probe-card');
  card.attachShadow({ mode: 'open' }).append(el('span', { title: 'Nour El-Huda' }, 'نور الهدى 🌸'));
  const locked = el('probe-locked');
  const closed = locked.attachShadow({ mode: 'closed' });
  closed.append(el('span', {}, 'Closed Mariam Saeed'));
  globalThis.waslClosedRoots = [closed];
  probe.append(card, locked);
  document.body.append(probe);
})()`;

/** Opens a chat with an Arabic name and lets a message arrive, where the page runs the fixture engine. */
const LIVEN = `(() => {
  const f = window.fixture;
  if (!f) return;
  try {
    const chat = f.chats.find((c) => c.kind === 'direct' && !c.archived && /[\\u0600-\\u06ff]/.test(c.name));
    const url = chat && f.chatUrl(chat.id);
    if (url) {
      history.pushState({}, '', url);
      dispatchEvent(new PopStateEvent('popstate'));
    }
    const group = f.chats.find((c) => c.kind === 'group' && !c.archived);
    if (group) f.step('message', group.id, 'Call me on +966 50 123 4567 يا أحمد 🙏');
  } catch {}
})()`;

/** What the dataset would show anywhere (names, previews, ids, phone numbers in their forms), and the probe's names. */
const DATASET = [
  ...makeChats(600).flatMap((chat) => [chat.name, chat.cleanName, chat.preview, chat.id, ...(chat.phone ? [chat.phone, chat.phone.slice(1)] : [])]),
  'Ahmed Hassan', 'Layla Nasser', 'Omar Khaled', 'Nour El-Huda', 'Mariam Saeed', 'Secret Sara', 'Karim Mansour', 'ahmed.hassan', 'ahmed_hassan',
];

interface Outlined {
  outline: PageOutline;
  text: string;
  page: PageTexts;
}

async function outlined(page: Page, bundle: string): Promise<Outlined> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Runtime.evaluate', { expression: LIVEN });
  await cdp.detach();
  await page.waitForTimeout(100);
  return inIsolatedWorld<Outlined>(
    page,
    bundle,
    `(() => { ${PROBE}; const page = ${COLLECT_PAGE_TEXTS}; const outline = WaslOutline.pageOutline(document, ${JSON.stringify(OPTIONS)}); return { page, outline, text: WaslOutline.outlineText(outline) }; })()`,
  );
}

const describeLeaks = (leaks: Leak[]): string => leaks.slice(0, 20).map((l) => `${JSON.stringify(l.gram)} of ${JSON.stringify(l.from)}`).join('\n');

describe('a page outline keeps no text of the page', () => {
  let browser: Browser;
  let bundle: string;
  const servers = new Map<string, StaticServer>();
  const serverFor = async (platform: string): Promise<StaticServer> => {
    const known = servers.get(platform);
    if (known) return known;
    const server = await serveFixture(platform);
    servers.set(platform, server);
    return server;
  };

  beforeAll(async () => {
    [browser, bundle] = await Promise.all([launchChromium(), buildOutlineBundle()]);
  });
  afterAll(async () => {
    await browser.close();
    await Promise.all([...servers.values()].map((s) => s.close()));
  });

  const pages = [
    ...fixturePages().flatMap(([platform, at]) => (WITHOUT_ENGINE.has(platform) ? [''] : VARIANTS).map((variant): [string, string] => [platform, `${at}${variant}`])),
    ...EXTRA,
  ];

  it('finds every fixture page', () => {
    expect(pages.map(([platform, at]) => `${platform}${at}`)).toEqual(
      expect.arrayContaining(['whatsapp/', 'telegram/k/', 'telegram/a/', 'slack/client/T0WASL42AB/', 'hostile/garbage.html', 'custom/', 'google-messages/web/conversations/']),
    );
  });

  it.each(pages)('%s%s', async (platform, at) => {
    const context = await browser.newContext({ timezoneId: 'UTC', locale: 'en-US', viewport: { width: 1200, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${(await serverFor(platform)).url}${at}`);
      await page.waitForTimeout(200);
      const { outline, text, page: texts } = await outlined(page, bundle);
      expect(outline.stats.elements).toBeGreaterThan(10);
      expect(outline.complete).toBe(true);
      expect(outline.stats.shadowRoots).toBe(1);
      expect(outline.stats.frames).toBeGreaterThanOrEqual(1);
      const leaks = findLeaks(outline, text, texts, DATASET, OWN);
      expect(leaks, describeLeaks(leaks)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('fails when an outline keeps a single text, a single value or a single line', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${(await serverFor('telegram')).url}/k/`);
      const { outline, text, page: texts } = await outlined(page, bundle);
      expect(findLeaks(outline, text, texts, DATASET, OWN)).toEqual([]);

      // One chat's name kept as it is, instead of its shape.
      const name = makeChats()[1]?.name ?? '';
      const keptText = JSON.parse(JSON.stringify(outline).replace(/"text":"Arab4 sp Arab3"/, `"text":${JSON.stringify(name)}`)) as PageOutline;
      expect(JSON.stringify(keptText)).toContain(name);
      expect(findLeaks(keptText, text, texts, DATASET, OWN).map((l) => l.from)).toContain(name);

      // One peer id kept in its attribute.
      const keptId = JSON.parse(JSON.stringify(outline).replace(/\["data-peer-id","\{d6\}"\]/, '["data-peer-id","100037"]')) as PageOutline;
      expect(findLeaks(keptId, text, texts, DATASET, OWN).map((l) => l.gram)).toEqual(expect.arrayContaining(['100', '037']));

      // One line of the text form holding a preview.
      const preview = 'Is the blue dress still available?';
      expect(findLeaks(outline, `${text}    "${preview}"\n`, texts, DATASET, OWN).map((l) => l.from)).toContain(preview);
    } finally {
      await context.close();
    }
  });
});

/**
 * preload/outline.ts in real Chromium: its bounds (nodes, depth, size, a text's tokens) and how it says what they
 * cut; hidden elements kept and flagged where hiding starts; open shadow roots read, closed ones and frames not;
 * code never read; and main's parser accepting what it writes.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OutlineElement, OutlineNode, PageOutline } from '../../common/outline';
import { parseOutline } from '../../common/outline-schema';
import type { OutlineOptions } from '../../preload/outline';
import { launchChromium } from '../support/chromium';
import { buildOutlineBundle, outlineOf, type OutlineRun } from '../support/outline-page';

let browser: Browser;
let bundle: string;
let page: Page | undefined;

beforeAll(async () => {
  [browser, bundle] = await Promise.all([launchChromium(), buildOutlineBundle()]);
});
afterAll(async () => {
  await browser.close();
});
afterEach(async () => {
  await page?.context().close();
  page = undefined;
});

/** A page holding `body` (built by its script if it has one), outlined with `options`. */
async function outline(body: string, options: OutlineOptions = {}): Promise<OutlineRun> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  page = await context.newPage();
  await page.setContent(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test page</title></head><body>${body}</body></html>`);
  return outlineOf(page, bundle, options);
}

function* nodes(node: OutlineNode, depth = 0): Generator<[OutlineNode, number]> {
  yield [node, depth];
  if ('tag' in node) for (const child of [...(node.shadow ?? []), ...(node.children ?? [])]) yield* nodes(child, depth + 1);
}
const elements = (o: PageOutline): [OutlineElement, number][] => [...nodes(o.root)].filter((entry): entry is [OutlineElement, number] => 'tag' in entry[0]);
const byId = (o: PageOutline, id: string): OutlineElement | undefined => elements(o).find(([el]) => el.attrs?.some(([name, value]) => name === 'id' && value === id))?.[0];

describe('bounds', () => {
  it('stops at the node limit and says where, and how many children it left out', async () => {
    const { outline: o, text } = await outline('<div id="list"></div><script>const l = document.getElementById("list"); for (let i = 0; i < 30000; i++) { const d = document.createElement("div"); d.className = "row"; d.textContent = "Row " + i; l.append(d); }</script>', { limits: { nodes: 2_000 } });
    expect(o.stats.elements + o.stats.texts).toBeLessThanOrEqual(2_000);
    expect(o.complete).toBe(false);
    const list = byId(o, 'list');
    expect(list?.cut?.reason).toBe('nodes');
    expect(list?.cut?.omitted).toBe(30_000 - (list?.children?.length ?? 0));
    expect(o.omitted.nodes).toBeGreaterThanOrEqual(list?.cut?.omitted ?? 0);
    expect(text).toMatch(/… \d+ more \(node limit\)/u);
    expect(text).toMatch(/^# .* · \d+ left out \(node limit\)/mu);
  });

  it('lists elements down to the depth limit, no deeper', async () => {
    const { outline: o } = await outline('<div id="top"></div><script>let p = document.getElementById("top"); for (let i = 0; i < 100; i++) { const d = document.createElement("div"); p.append(d); p = d; } p.textContent = "deep";</script>', { limits: { depth: 20 } });
    const deepest = Math.max(...elements(o).map(([, depth]) => depth));
    expect(deepest).toBe(20);
    expect(elements(o).find(([el, depth]) => depth === 20 && el.cut)?.[0].cut).toEqual({ reason: 'depth', omitted: 1 });
    expect(o.omitted.depth).toBe(1);
    expect(o.complete).toBe(false);
  });

  it('keeps its JSON within the size limit, whatever the page holds', async () => {
    const { outline: o } = await outline('<div id="list"></div><script>const l = document.getElementById("list"); for (let i = 0; i < 5000; i++) { const d = document.createElement("div"); for (let a = 0; a < 20; a++) d.setAttribute("data-x" + a, "x".repeat(100) + " y"); d.textContent = "Name " + i; l.append(d); }</script>', { limits: { chars: 200_000 } });
    expect(JSON.stringify(o).length).toBeLessThanOrEqual(200_000);
    expect(o.omitted.size).toBeGreaterThan(0);
    expect(o.complete).toBe(false);
  });

  it('fits one message to main with the default limits on a page bigger than them', async () => {
    const { outline: o } = await outline('<div id="list"></div><script>const l = document.getElementById("list"); for (let i = 0; i < 12000; i++) { const d = document.createElement("a"); d.href = "/t/" + (100000000 + i) + "/"; d.setAttribute("aria-label", "Chat with someone number " + i); d.className = "row chat-" + i; d.textContent = "Ahmed Hassan " + i; l.append(d); }</script>');
    expect(o.limits).toEqual({ nodes: 20_000, depth: 60, chars: 1_500_000, textTokens: 16 });
    expect(o.stats.elements + o.stats.texts).toBeLessThanOrEqual(20_000);
    expect(JSON.stringify(o).length).toBeLessThanOrEqual(o.limits.chars);
    expect(parseOutline(JSON.stringify(o))).toEqual(o);
  });

  it('shapes a huge text in a few tokens and counts the rest', async () => {
    const { outline: o } = await outline('<p id="p"></p><script>document.getElementById("p").textContent = "word ".repeat(200000);</script>');
    expect(byId(o, 'p')?.children).toEqual([{ text: 'Latn4 sp Latn4 sp Latn4 sp Latn4 sp Latn4 sp Latn4 sp Latn4 sp Latn4 sp rest999960' }]);
    expect(o.stats.textsShortened).toBe(1);
  });
});

describe('what the outline reads', () => {
  it('keeps hidden elements, flagged where hiding starts', async () => {
    const { outline: o } = await outline(`
      <style>.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }</style>
      <div id="none" style="display: none"><span id="inside">Unread</span></div>
      <div id="hidden" style="visibility: hidden"><span id="inherits">x</span></div>
      <div id="clear" style="opacity: 0">y</div>
      <span id="sr" class="sr">Unread message:</span>
      <span id="shown">Shown</span>
      <div id="attr" hidden>z</div>`);
    expect(byId(o, 'none')?.flags).toEqual(['display-none']);
    expect(byId(o, 'inside')?.flags).toBeUndefined();
    expect(byId(o, 'hidden')?.flags).toEqual(['visibility-hidden']);
    expect(byId(o, 'inherits')?.flags).toBeUndefined();
    expect(byId(o, 'clear')?.flags).toEqual(['opacity-0']);
    expect(byId(o, 'sr')?.flags).toEqual(['tiny']);
    expect(byId(o, 'shown')?.flags).toBeUndefined();
    expect(byId(o, 'attr')).toMatchObject({ attrs: [['id', 'attr'], ['hidden', '']], flags: ['display-none'] });
  });

  it('reads open shadow roots, not closed ones, not frames, not code', async () => {
    const { outline: o, text } = await outline(`
      <x-open id="open"></x-open><x-closed id="closed"></x-closed>
      <iframe id="frame" srcdoc="<p>Inside the frame</p>"></iframe>
      <script id="code">window.secret = "Ahmed";</script><style id="css">.a { color: red }</style>
      <script>
        document.getElementById('open').attachShadow({ mode: 'open' }).innerHTML = '<span class="in-shadow">أحمد</span>';
        document.getElementById('closed').attachShadow({ mode: 'closed' }).innerHTML = '<span class="locked">Omar</span>';
      </script>`);
    expect(byId(o, 'open')?.shadow).toEqual([{ tag: 'span', classes: ['in-shadow'], children: [{ text: 'Arab4' }] }]);
    expect(byId(o, 'closed')?.shadow).toBeUndefined();
    expect(byId(o, 'frame')).toEqual({ tag: 'iframe', attrs: [['id', 'frame'], ['srcdoc', '{< Latn > Latn6 sp Latn3 sp Latn5 </ Latn >}']], note: 'frame' });
    expect(byId(o, 'code')).toEqual({ tag: 'script', attrs: [['id', 'code']], note: 'code' });
    expect(byId(o, 'css')?.note).toBe('code');
    expect(o.stats).toMatchObject({ shadowRoots: 1, frames: 1 });
    expect(text).toContain('#shadow-root');
    expect(text).toContain('iframe#frame[srcdoc={< Latn > Latn6 sp Latn3 sp Latn5 </ Latn >}] (frame not read)');
  });

  it('writes a header main and a reader can use', async () => {
    const { outline: o, text } = await outline('<p>hi</p>', { platform: 'whatsapp', appVersion: '1.2.3', now: Date.UTC(2026, 10, 21, 9, 30) });
    expect(o).toMatchObject({ format: 'wasl-outline/1', wasl: '1.2.3', platform: 'whatsapp', savedAt: '2026-11-21T09:30:00.000Z', url: 'about:{Latn5}', complete: true });
    expect(text.split('\n').slice(0, 4)).toEqual([
      '# Wasl page outline (wasl-outline/1) · whatsapp · Wasl 1.2.3 · saved 2026-11-21T09:30:00.000Z',
      '# page about:{Latn5}',
      `# ${o.stats.elements} elements · 2 texts · 0 open shadow roots · 0 frames not read · 0 texts shortened · complete`,
      '# limits 20000 nodes · depth 60 · 1500000 characters · 16 tokens a text',
    ]);
    expect(text.split('\n').slice(5)).toEqual(['html[lang=en]', '  head', '    meta[charset=utf-8]', '    title', '      "Latn4 sp Latn4"', '  body', '    p', '      "Latn2"', '']);
  });
});

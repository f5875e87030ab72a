/**
 * From a saved outline back to a fixture page: every fixture page's outline becomes a skeleton
 * (test/support/outline-skeleton.ts), the skeleton is loaded in Chromium, and its own outline is the outline it
 * came from — the same elements, attributes, classes, shadow roots and text shapes, in the same order (what CSS
 * decides, the flags, is carried as comments and left out of the comparison). And the npm script writes that
 * very skeleton from a file.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutlineNode, PageOutline } from '../../common/outline';
import { launchChromium } from '../support/chromium';
import { serveFixture } from '../support/fixture-server';
import { buildOutlineBundle, outlineOf } from '../support/outline-page';
import { skeletonHtml } from '../support/outline-skeleton';
import { serveDirectory, type StaticServer } from '../support/static-server';

const OPTIONS = { platform: 'telegram', appVersion: '0.1.0', now: Date.UTC(2026, 10, 21, 9, 30) };

/** The platform pages (the hostile ones build DOM no parser would: a link inside a link). */
const PAGES: [string, string][] = [
  ['whatsapp', '/'],
  ['whatsapp', '/?state=logged-out'],
  ['whatsapp', '/?lang=ar&variant=grid'],
  ['telegram', '/k/'],
  ['telegram', '/a/'],
  ['slack', '/client/T0WASL42AB/'],
  ['slack', '/workspace-signin/'],
  ['discord', '/app/'],
  ['discord', '/app/?variant=suffixed-classes'],
  ['facebook', '/messages/'],
  ['messenger', '/'],
  ['instagram', '/direct/inbox/'],
  ['google-messages', '/web/conversations/'],
  ['google-messages', '/web/authentication/'],
  ['wechat', '/'],
  ['wechat', '/?state=logged-out&variant=refused'],
  ['custom', '/'],
  ['whatsapp', '/?state=changed'],
];

/** The structure: what the skeleton must give back (flags come from CSS, which an outline does not carry). */
function structure(outline: PageOutline): unknown {
  const strip = (node: OutlineNode): OutlineNode => {
    if (!('tag' in node)) return node;
    const { flags: _flags, children, shadow, ...rest } = node;
    return { ...rest, ...(shadow ? { shadow: shadow.map(strip) } : {}), ...(children ? { children: children.map(strip) } : {}) };
  };
  return { root: strip(outline.root), stats: outline.stats, omitted: outline.omitted, complete: outline.complete };
}

describe('a skeleton page from an outline', () => {
  let browser: Browser;
  let bundle: string;
  let dir: string;
  let skeletons: StaticServer;

  beforeAll(async () => {
    [browser, bundle] = await Promise.all([launchChromium(), buildOutlineBundle()]);
    dir = mkdtempSync(path.join(tmpdir(), 'wasl-skeleton-'));
    skeletons = await serveDirectory(dir);
  });
  afterAll(async () => {
    await browser.close();
    await skeletons.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function outlineAt(url: string, settle: number): Promise<PageOutline> {
    const context = await browser.newContext({ timezoneId: 'UTC', locale: 'en-US', viewport: { width: 1200, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForTimeout(settle);
      return (await outlineOf(page, bundle, OPTIONS)).outline;
    } finally {
      await context.close();
    }
  }

  it.each(PAGES)('%s%s outlines the same as its skeleton', async (platform, at) => {
    const server = await serveFixture(platform);
    let original: PageOutline;
    try {
      original = await outlineAt(`${server.url}${at}`, 200);
    } finally {
      await server.close();
    }
    const html = skeletonHtml(original);
    expect(html).toMatch(/^<!doctype html>\n<!-- Evidence: page outline saved by Wasl 0\.1\.0 on 2026-11-21 from telegram \(/u);
    const file = `${platform}-${String(PAGES.findIndex(([p, a]) => p === platform && a === at))}.html`;
    writeFileSync(path.join(dir, file), html);
    const again = await outlineAt(`${skeletons.url}/${file}`, 0);
    expect(structure(again)).toEqual(structure(original));
  });

  it('is what `npm run fixture:from-outline` writes from a saved outline', async () => {
    const server = await serveFixture('telegram');
    let original: PageOutline;
    try {
      original = await outlineAt(`${server.url}/k/`, 200);
    } finally {
      await server.close();
    }
    const input = path.join(dir, 'outline.json');
    const output = path.join(dir, 'skeleton.html');
    writeFileSync(input, JSON.stringify(original));
    const root = path.resolve(import.meta.dirname, '../..');
    await promisify(execFile)(process.execPath, [path.join(root, 'scripts/fixture-from-outline.mjs'), input, output], { cwd: root });
    expect(readFileSync(output, 'utf8')).toBe(skeletonHtml(original));

    writeFileSync(input, JSON.stringify({ ...original, root: { tag: 'html', children: [{ text: 'Ahmed Hassan' }] } }));
    await expect(promisify(execFile)(process.execPath, [path.join(root, 'scripts/fixture-from-outline.mjs'), input, output], { cwd: root })).rejects.toThrow(/not a Wasl page outline/);
  });
});

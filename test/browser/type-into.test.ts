/**
 * Typing a quick reply into the message boxes of the editors the platforms use (test/fixtures/composers): from
 * Wasl's isolated world, as the service preload does, each editor must take the text exactly once, into its own
 * model, and nothing is ever sent.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAgentPage, type AgentPage } from '../support/agent-page';
import { launchChromium } from '../support/chromium';
import { serveDirectory, type StaticServer } from '../support/static-server';

let browser: Browser;
let server: StaticServer;
let page: AgentPage;

beforeAll(async () => {
  browser = await launchChromium();
  server = await serveDirectory(path.resolve(import.meta.dirname, '../fixtures/composers'));
  page = await openAgentPage(browser, { platform: 'custom', url: `${server.url}/index.html`, agent: false });
});
afterAll(async () => {
  await page.close();
  await browser.close();
  await server.close();
});

const REPLY = 'أهلاً {name}! السعر ٢٥٠ ريال 👍';

describe('typing a quick reply', () => {
  it.each(['lexical', 'slate', 'quill', 'textarea'])('%s takes the text once, into its own model', async (id) => {
    const typed = await page.isolated<boolean>(`WaslTest.typeInto(document.getElementById(${JSON.stringify(id)}), ${JSON.stringify(REPLY)})`);
    expect(typed).toBe(true);
    const box = page.page.locator(`#${id}`);
    expect(await box.getAttribute('data-model')).toBe(REPLY);
    const shown = id === 'textarea' ? await box.inputValue() : await box.textContent();
    expect(shown).toBe(REPLY);
    // The caret ends after the text, in the box: the user goes on typing or presses send.
    expect(await page.page.evaluate(() => document.activeElement?.id)).toBe(id);
  });

  it('adds to what the user had already typed', async () => {
    await page.page.evaluate(() => {
      const box = document.getElementById('slate');
      if (box) {
        box.dataset['model'] = 'مرحبا،';
        box.textContent = 'مرحبا،';
      }
    });
    await page.isolated(`WaslTest.typeInto(document.getElementById('slate'), 'Layla')`);
    expect(await page.page.locator('#slate').getAttribute('data-model')).toBe('مرحبا،Layla');
  });
});

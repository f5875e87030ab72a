/**
 * The whole flow, end to end, with only the Electron adapters swapped: main's core runs in Node; each service is a
 * fixture page in its own browser context (its partition) with the real notification shim, connector and agent
 * (in an isolated world, as Electron runs them); the shell is the built renderer. A customer on WhatsApp and on
 * Google Messages becomes one row; a new message moves it to the top and reaches the tray; clicking the tray's
 * notification opens that exact chat in the WhatsApp page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceConfig } from '../../common/model';
import { makeChats } from '../fixtures/platforms/lib/dataset.js';
import { DATASET_NOW } from '../support/agent-page';
import { launchChromium } from '../support/chromium';
import { serveFixture } from '../support/fixture-server';
import { PageViews } from '../support/page-views';
import { openShell, type ShellHarness } from '../support/shell-harness';
import type { StaticServer } from '../support/static-server';

/** Always on: this flow is about merging and notifying with both pages loaded (sleeping: test/unit/main/core/power/power.test.ts). */
const account = (id: string, platform: ServiceConfig['platform'], name: string): ServiceConfig => ({
  id, platform, name, enabled: true, muted: false, callsAllowed: false, alwaysOn: true,
});

/** The customer both fixtures show: dataset chat 1, a person with a number. Google Messages lists it unsaved. */
const customer = makeChats(40)[1];
if (!customer?.phone) throw new Error('the dataset changed: chat 1 should be a person with a phone');
const rowOf = (page: Page) => page.getByRole('listbox', { name: 'Chats' }).getByRole('option', { name: new RegExp(`^${customer.cleanName},`, 'u') });

let browser: Browser;
let whatsapp: StaticServer;
let messages: StaticServer;
let views: PageViews;
let shell: ShellHarness;

beforeAll(async () => {
  browser = await launchChromium();
  [whatsapp, messages] = await Promise.all([serveFixture('whatsapp'), serveFixture('google-messages')]);
  // The pages live five minutes after the last message in their lists, so the customer's new one is the newest.
  views = new PageViews(browser, { wa: `${whatsapp.url}/?rows=40`, gm: `${messages.url}/web/conversations?rows=40` }, DATASET_NOW + 5 * 60_000);
  shell = await openShell(browser, {
    state: { services: [account('wa', 'whatsapp', 'Shop'), account('gm', 'google-messages', 'SMS')], activeServiceId: 'wa', view: 'inbox' },
    views,
  });
  views.connect({
    update: (id, update) => shell.controller.serviceUpdate(id, update),
    notice: (id, notice) => shell.notifications.receive(id, notice),
    inserted: (id, requestId, ok) => shell.controller.insertResult(id, requestId, ok),
  });
});

afterAll(async () => {
  await shell.close();
  await views.closeAll();
  await browser.close();
  await Promise.all([whatsapp.close(), messages.close()]);
});

describe('end to end: fixture services, their agents, main core and the shell', () => {
  it('shows the same customer on two platforms as one row', async () => {
    const row = rowOf(shell.page);
    await row.waitFor({ timeout: 30_000 });
    // Each page reports as soon as it has loaded: the row shows both platforms once both have.
    await expect.poll(() => row.getAttribute('aria-label'), { timeout: 30_000 }).toMatch(new RegExp(`^${customer.cleanName}, WhatsApp and Google Messages,`, 'u'));
    expect(await row.count()).toBe(1);
    expect(views.rejected).toEqual([]);
  });

  it('moves the row to the top on a new message, raises its count, and puts the notification in the tray', async () => {
    const page = shell.page;
    const badge = rowOf(page).locator('.inbox-badge');
    const before = (await badge.count()) > 0 ? Number(await badge.textContent()) : 0;
    const wa = await views.page('wa');
    await wa.step('message', customer.id, 'هل وصل طلبي؟ 📦');

    const first = page.getByRole('listbox', { name: 'Chats' }).getByRole('option').first();
    await expect.poll(() => first.getAttribute('aria-label'), { timeout: 15_000 }).toMatch(new RegExp(`^${customer.cleanName},`, 'u'));
    await expect.poll(async () => Number(await badge.textContent())).toBe(before + 1);

    await expect.poll(() => shell.store.getState().notifications.length).toBe(1);
    expect(shell.store.getState().notifications[0]).toMatchObject({ serviceId: 'wa', title: customer.cleanName, body: 'هل وصل طلبي؟ 📦', read: false });
    // The pop-up names the service it came from.
    expect(shell.shown.map((n) => n.title)).toEqual([`\u2068${customer.cleanName}\u2069 — \u2068WhatsApp (\u2068Shop\u2069)\u2069`]);
  });

  it('opens that exact chat in the WhatsApp page from the tray', async () => {
    const page = shell.page;
    await page.getByRole('button', { name: /^Notifications/u }).click();
    const tray = page.getByRole('dialog', { name: 'Notifications' });
    await tray.getByText('هل وصل طلبي؟ 📦').click();

    await expect.poll(() => shell.store.getState().view).toBe('service');
    expect(shell.store.getState().activeServiceId).toBe('wa');
    expect(views.sent).toContainEqual({ id: 'wa', channel: 'svc:open-chat', payload: `${customer.phone?.slice(1) ?? ''}@c.us` });
    // WhatsApp opens a one-to-one chat with a full page load of /send?phone=…: the chat is open once it is back.
    const wa = await views.page('wa');
    await expect
      .poll(() => wa.page.evaluate(() => (window as unknown as { fixture?: { openedChatId(): string | undefined } }).fixture?.openedChatId()), { timeout: 15_000 })
      .toBe(customer.id);
    expect(shell.store.getState().notifications[0]?.read).toBe(true);
  });
});

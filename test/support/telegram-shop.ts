/**
 * The end-to-end typing tests' common ground (quick replies, suggested answers, answers from a notification): the
 * built shell on main's core in Node, and the Telegram fixture page (test/fixtures/platforms/telegram, Web K, 40 rows
 * of the dataset) in its own browser context with the real connector and agent, connected to main as a service
 * view is. And what the fixture page says about itself: the open chat, its message box, what was typed, what it
 * notified, each chat's row — so a test can tell "typed" from "sent".
 */
import type { Browser, Page } from 'playwright-core';
import type { ServiceConfig } from '../../common/model';
import type { AppState } from '../../common/state';
import { DATASET_NOW } from './agent-page';
import { launchChromium } from './chromium';
import { serveFixture } from './fixture-server';
import { PageViews } from './page-views';
import { openShell, type ShellHarness, type ShellHarnessOptions } from './shell-harness';

export const TELEGRAM: ServiceConfig = { id: 'tg', platform: 'telegram', name: 'Telegram', enabled: true, muted: false, callsAllowed: false };

/** What the fixture page exposes on `window.fixture`. */
export interface FixtureWindow {
  fixture: {
    chats: { id: string; preview: string; time: number }[];
    openedChatId(): string | undefined;
    composerText(): string;
    inputEvents: { type: string; inputType: string; data: string | null }[];
    notifications: unknown[];
  };
}

export interface TelegramShop {
  views: PageViews;
  shell: ShellHarness;
  close(): Promise<void>;
}

/** The shell with `state`, its one Telegram service showing the fixture page, wired both ways. */
export async function openTelegramShop(state: Partial<AppState>, options: Pick<ShellHarnessOptions, 'notificationOffers'> = {}): Promise<TelegramShop> {
  const browser: Browser = await launchChromium();
  const server = await serveFixture('telegram');
  const views = new PageViews(browser, { tg: `${server.url}/k/?rows=40` }, DATASET_NOW + 5 * 60_000);
  const shell = await openShell(browser, { ...options, state, views });
  views.connect({
    update: (id, update) => shell.controller.serviceUpdate(id, update),
    notice: (id, notice) => shell.notifications.receive(id, notice),
    inserted: (id, requestId, ok) => shell.controller.insertResult(id, requestId, ok),
  });
  return {
    views,
    shell,
    close: async () => {
      await shell.close();
      await views.closeAll();
      await browser.close();
      await server.close();
    },
  };
}

/** The fixture page now: the open chat, its message box's text, the input events typed, notifications raised, and `chatId`'s row. */
export function readFixture(page: Page, chatId: string) {
  return page.evaluate((id) => {
    const f = (window as unknown as FixtureWindow).fixture;
    return { opened: f.openedChatId(), text: f.composerText(), events: f.inputEvents, notifications: f.notifications.length, chat: f.chats.find((c) => c.id === id) };
  }, chatId);
}

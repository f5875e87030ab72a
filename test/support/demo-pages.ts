/**
 * The demo's service pages in real Chromium, as `npm run demo` shows them: a demo platform's start address with
 * every request of the page answered by the demo's own handler (serveDemoFixture, main/electron/demo.ts) from the
 * fixture folder, and the platform's connector and the agent run in an isolated world as the app runs them
 * (./agent-page.ts). Keeps what the handler answered, so a test sees what it refused.
 */
import type { Browser } from 'playwright-core';
import { serviceStartUrl } from '../../common/catalog';
import type { DemoPlatform } from '../../main/core/demo/profile';
import { serveDemoFixture } from '../../main/electron/demo';
import { openAgentPage, type AgentPage, type AgentPageOptions } from './agent-page';
import { FIXTURES } from './fixture-server';

/** One request of a demo page and the handler's answer. */
export interface DemoAnswer {
  url: string;
  status: number;
  /** The answer's text when it was not a fixture file (a refusal says why). */
  refusal?: string;
}

export interface DemoPage extends AgentPage {
  /** Every request the page made, in order, with the demo handler's answer. */
  answered: DemoAnswer[];
}

/** Opens `platform`'s start page as the demo's service view loads it. */
export async function openDemoPage(browser: Browser, platform: DemoPlatform, options: Pick<AgentPageOptions, 'agent' | 'onUpdate' | 'onNotice'> = {}): Promise<DemoPage> {
  const url = serviceStartUrl(platform);
  if (url === undefined) throw new Error(`${platform} has no start address`);
  const answered: DemoAnswer[] = [];
  const page = await openAgentPage(browser, {
    ...options,
    platform,
    url,
    serve: async (request) => {
      const response = await serveDemoFixture(request, platform, FIXTURES);
      const answer: DemoAnswer = { url: request.url, status: response.status };
      if (response.status !== 200) answer.refusal = await response.clone().text();
      answered.push(answer);
      return response;
    },
  });
  return { ...page, answered };
}

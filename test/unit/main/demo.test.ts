/**
 * The demo through the real main/index.ts on the fake Electron: `WASL_DEMO=1` in a development build starts on a
 * fresh profile folder of its own (the user's is left exactly as it was), seeded with the demo's services and
 * sample shop; each demo service's session answers its platform's own origins from the fixture pages and refuses
 * everything else. Outside the demo, and in an installed build even when asked, nothing of it happens.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { phoneEntryKey } from '../../../common/shop/customers';
import { bootMain, type MainUnderTest } from '../hostile/main-under-test';

vi.mock('electron', async () => (await import('../hostile/main-under-test')).fakeElectronModule());
vi.mock('electron-store', async () => (await import('../hostile/main-under-test')).fakeElectronStore());

let main: MainUnderTest | undefined;
afterEach(() => {
  main?.close();
  main = undefined;
});

const DEMO_SERVICES = ['demo-whatsapp', 'demo-telegram', 'demo-instagram', 'demo-messenger'];

/** What a page of `serviceId` gets for `url`: status and body, or undefined when the network would answer. */
async function fetchIn(m: MainUnderTest, serviceId: string, url: string): Promise<{ status: number; body: string } | undefined> {
  const response = await m.fake.sessionFor(`persist:svc-${serviceId}`).protocol.request(url);
  return response ? { status: response.status, body: await response.text() } : undefined;
}

describe('the demo', () => {
  it('runs on a fresh profile folder of its own and leaves the user’s profile untouched', async () => {
    main = await bootMain(undefined, { demo: true });
    const before = readFileSync(path.join(main.profile, 'settings.json'), 'utf8');
    const demoDir = main.fake.app.getPath('userData');
    expect(demoDir).not.toBe(main.profile);
    expect(path.dirname(demoDir)).toBe(os.tmpdir());
    expect(path.basename(demoDir)).toMatch(/^wasl-demo-/u);
    main.quit();
    await main.advance(60_000);
    expect(readdirSync(main.profile)).toEqual(['settings.json']);
    expect(readFileSync(path.join(main.profile, 'settings.json'), 'utf8')).toBe(before);
    expect(readdirSync(demoDir)).toContain('settings.json');
  });

  it('starts with the demo’s services and sample shop, and tells the shell it is the demo', async () => {
    main = await bootMain(undefined, { demo: true });
    const state = await main.state();
    expect(state.demo).toBe(true);
    expect(state.services.map((s) => s.id)).toEqual(DEMO_SERVICES);
    expect(state.services.map((s) => s.platform)).toEqual(['whatsapp', 'telegram', 'instagram', 'messenger']);
    expect(state.view).toBe('inbox');
    expect(state.settings.shop).toMatchObject({ name: 'Amal Boutique', hoursEnabled: true });
    expect(state.quickReplies.map((r) => r.name)).toEqual(['Welcome', 'In stock', 'Prices', 'Delivery', 'Thanks']);
    expect(state.products.map((p) => p.name)).toEqual(['Blue dress', 'Silk scarf']);
    expect(state.customerFields.map((f) => f.name)).toEqual(['Size', 'City']);
    expect(state.customers[phoneEntryKey('+966501000000')]).toMatchObject({ labels: ['preset-new-order'], priority: true });
    expect(Object.keys(state.customers)).toHaveLength(3);
    for (const id of DEMO_SERVICES) expect(main.view(id).webContents.getURL()).toMatch(/^https:\/\//u);
  });

  it('answers each service’s own origins from its fixture pages, with the shared engine at /lib/', async () => {
    main = await bootMain(undefined, { demo: true });
    const page = await fetchIn(main, 'demo-whatsapp', 'https://web.whatsapp.com/');
    expect(page?.status).toBe(200);
    expect(page?.body).toContain('<title>WhatsApp</title>');
    const engine = await fetchIn(main, 'demo-whatsapp', 'https://web.whatsapp.com/lib/fixture.js');
    expect(engine?.status).toBe(200);
    expect(engine?.body).toContain('export function startFixture');
    expect(await fetchIn(main, 'demo-telegram', 'https://web.telegram.org/k/')).toMatchObject({ status: 200 });
    expect(await fetchIn(main, 'demo-instagram', 'https://www.instagram.com/direct/inbox/')).toMatchObject({ status: 200 });
    expect(await fetchIn(main, 'demo-messenger', 'https://www.facebook.com/messages/')).toMatchObject({ status: 200 });
  });

  it('refuses everything else: other sites, another platform’s origins, plain http, and paths out of the fixture folder', async () => {
    main = await bootMain(undefined, { demo: true });
    const refused = [
      'https://tracker.example/pixel.gif',
      'https://www.instagram.com/direct/inbox/',
      'http://web.whatsapp.com/',
      'https://web.whatsapp.com/%2e%2e/%2e%2e/%2e%2e/package.json',
      'https://web.whatsapp.com/lib/%2e%2e/%2e%2e/%2e%2e/package.json',
      'https://web.whatsapp.com/no-such-page.html',
    ];
    for (const url of refused) expect(await fetchIn(main, 'demo-whatsapp', url), url).toMatchObject({ status: 404 });
  });
});

describe('outside the demo', () => {
  it('uses the profile folder it is given and leaves the services’ requests to the network', async () => {
    main = await bootMain();
    expect(main.fake.app.getPath('userData')).toBe(main.profile);
    expect((await main.state()).demo).toBe(false);
    expect(await fetchIn(main, 'wa1', 'https://web.whatsapp.com/')).toBeUndefined();
  });

  it('an installed build ignores WASL_DEMO', async () => {
    main = await bootMain(undefined, { demo: true, packaged: true });
    expect(main.fake.app.getPath('userData')).toBe(main.profile);
    const state = await main.state();
    expect(state.demo).toBe(false);
    expect(state.services.map((s) => s.id)).toEqual(['wa1', 'tg1']);
  });
});

/**
 * Each service's last-known chats through a quit and a restart (main/index.ts on the fake Electron): the inbox is
 * full at start before any page reports, a partial list's chats stay when the page shows another part of it, and
 * private mode writes no preview to disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../common/settings';
import { CHANNELS } from '../../../common/channels';
import type { ServiceSnapshot } from '../../../common/model';
import { CHATS_SAVE_DELAY_MS } from '../../../main/persistence/chats-file';
import { bootMain, goodSettings, type MainUnderTest } from './main-under-test';

vi.mock('electron', async () => (await import('./main-under-test')).fakeElectronModule());
vi.mock('electron-store', async () => (await import('./main-under-test')).fakeElectronStore());

let main: MainUnderTest | undefined;
afterEach(() => {
  main?.close();
  main = undefined;
});

const chat = (id: string, title: string, preview: string, unread = 0) => ({ id, title, preview, unread });
const update = (seq: number, reset: boolean, upsert: ReturnType<typeof chat>[]) => ({
  seq, reset, partial: true, loggedIn: true, unread: { direct: upsert.reduce((n, c) => n + c.unread, 0), indirect: 0 }, upsert, remove: [],
});

async function fromPage(m: MainUnderTest, serviceId: string, payload: unknown): Promise<void> {
  m.fake.ipcMain.listeners.get(CHANNELS.serviceUpdate)?.(m.event('service', serviceId), payload);
  await m.advance(0);
}

const titles = (chats: Record<string, ServiceSnapshot>, id: string) => chats[id]?.chats.map((c) => c.title);

describe('last-known chats', () => {
  it('fill the inbox at the next start before any page reports, and a part of the list shown later adds to them', async () => {
    main = await bootMain(goodSettings());
    await fromPage(main, 'wa1', update(0, true, [chat('a', 'Layla', 'Is it in stock?', 2), chat('b', 'Omar', 'Thanks')]));
    await main.advance(CHATS_SAVE_DELAY_MS);
    main.quit();
    main.close({ keepProfile: true });
    const profile = main.profile;
    main = await bootMain(null, { profile });
    expect(titles(await main.chats(), 'wa1')).toEqual(['Layla', 'Omar']);
    // The page comes up and renders another part of its virtualised list: Layla and Omar scrolled away.
    await fromPage(main, 'wa1', update(0, true, [chat('c', 'Huda', 'Hello')]));
    expect(titles(await main.chats(), 'wa1')).toEqual(['Layla', 'Omar', 'Huda']);
  });

  it('are written without their previews in private mode', async () => {
    main = await bootMain({ ...goodSettings(), settings: { ...DEFAULT_SETTINGS, language: 'en', notifications: { ...DEFAULT_SETTINGS.notifications, privateMode: true } } });
    await fromPage(main, 'wa1', update(0, true, [chat('a', 'Layla', 'Is it in stock?', 2)]));
    await main.advance(CHATS_SAVE_DELAY_MS);
    const onDisk = fs.readFileSync(path.join(main.profile, 'chats.json'), 'utf8');
    expect(onDisk).toContain('Layla');
    expect(onDisk).not.toContain('Is it in stock?');
  });
});

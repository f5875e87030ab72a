/**
 * While Wasl is locked, the shell (a renderer a stranger at the keyboard could inspect) holds nothing it could
 * show: no chat titles or previews, no notification text, no customer notes, no names, no downloaded file's name.
 * Private mode keeps no message text in the notification history on disk. main/index.ts on the fake Electron, as the app wires it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../common/settings';
import { CHANNELS } from '../../../common/channels';
import type { Command, CommandResult } from '../../../common/ipc';
import { bootMain, goodSettings, type MainUnderTest } from './main-under-test';
import { FakeDownloadItem, FakeEvent } from '../../fakes/electron';

vi.mock('electron', async () => (await import('./main-under-test')).fakeElectronModule());
vi.mock('electron-store', async () => (await import('./main-under-test')).fakeElectronStore());

let main: MainUnderTest | undefined;
afterEach(() => {
  main?.close();
  main = undefined;
});

async function send(m: MainUnderTest, cmd: Command): Promise<CommandResult> {
  const handler = m.fake.ipcMain.handlers.get(CHANNELS.command);
  if (!handler) throw new Error('app:command is not wired');
  return (await handler(m.event('shell'), cmd)) as CommandResult;
}

async function fromPage(m: MainUnderTest, channel: string, payload: unknown): Promise<void> {
  m.fake.ipcMain.listeners.get(channel)?.(m.event('service', 'wa1'), payload);
  await m.advance(0);
}

const chat = (seq: number, id: string, title: string, preview: string, reset = false) =>
  ({ seq, reset, loggedIn: true, unread: { direct: 1, indirect: 0 }, upsert: [{ id, title, preview, unread: 1 }], remove: [] });

/** Words the user's customers wrote or the shop keeps about them: none may reach a locked shell. */
const SECRETS = ['Layla Haddad', 'Is it in stock', 'Omar Farouk', 'send me the price', 'pays on delivery', 'layla-invoice.pdf'];

describe('a locked shell', () => {
  it('is sent no chat, notification, note or name while locked, and gets everything back at unlock', async () => {
    main = await bootMain(goodSettings());
    const m = main;
    await fromPage(m, CHANNELS.serviceUpdate, chat(0, 'c1', 'Layla Haddad', 'Is it in stock?', true));
    await fromPage(m, CHANNELS.serviceNotification, { id: 'p1', title: 'Layla Haddad', body: 'Is it in stock?', chatId: 'c1', derived: false });
    await send(m, { type: 'customer.update', key: 'chat:wa1:c1', from: [], note: 'pays on delivery' });
    m.view('wa1').webContents.session.emit('will-download', new FakeEvent(), new FakeDownloadItem('layla-invoice.pdf'), m.view('wa1').webContents);
    expect(await send(m, { type: 'lock.set', password: 'sesame-4321' })).toEqual({ ok: true });

    const shell = m.win.webContents;
    shell.sent.length = 0;
    expect(await send(m, { type: 'lock.lock' })).toEqual({ ok: true });
    // New messages keep coming in while locked.
    await fromPage(m, CHANNELS.serviceUpdate, chat(1, 'c2', 'Omar Farouk', 'send me the price'));
    await fromPage(m, CHANNELS.serviceNotification, { id: 'p2', title: 'Omar Farouk', body: 'send me the price', chatId: 'c2', derived: false });

    const hydrate = m.fake.ipcMain.handlers.get(CHANNELS.hydrate);
    const hydrateChats = m.fake.ipcMain.handlers.get(CHANNELS.hydrateChats);
    const received = JSON.stringify([shell.sent, await hydrate?.(m.event('shell'), undefined), await hydrateChats?.(m.event('shell'), undefined)]);
    for (const secret of SECRETS) expect(received).not.toContain(secret);
    // Locking cleared what the shell had: the patch empties the tray and the chats of each service are reset.
    const patch = shell.sent.find((s) => s.channel === CHANNELS.patch)?.args[0] as Record<string, unknown>;
    expect(patch).toMatchObject({ lock: { locked: true }, notifications: [], customers: {}, people: [], downloads: [] });
    expect(shell.sent.filter((s) => s.channel === CHANNELS.chats).map((s) => s.args[0])).toEqual(
      expect.arrayContaining([{ serviceId: 'wa1', delta: expect.objectContaining({ reset: true, upsert: [] }) as unknown }]),
    );

    shell.sent.length = 0;
    expect(await send(m, { type: 'lock.unlock', password: 'sesame-4321' })).toEqual({ ok: true });
    const back = JSON.stringify(shell.sent);
    for (const secret of SECRETS) expect(back).toContain(secret);
  }, 20_000);

  it('private mode keeps no message text in the notification history on disk, nor in what the tray was given before', async () => {
    main = await bootMain(goodSettings());
    const m = main;
    const history = () => fs.readFileSync(path.join(m.profile, 'notifications.json'), 'utf8');
    await fromPage(m, CHANNELS.serviceNotification, { id: 'p1', title: 'Layla Haddad', body: 'Is it in stock?', chatId: 'c1', derived: false });
    await m.advance(5_000);
    expect(history()).toContain('Is it in stock?');
    await send(m, { type: 'settings.set', notifications: { ...DEFAULT_SETTINGS.notifications, privateMode: true } });
    await fromPage(m, CHANNELS.serviceNotification, { id: 'p2', title: 'Omar Farouk', body: 'send me the price', chatId: 'c2', derived: false });
    await m.advance(5_000);
    expect(history()).not.toContain('Is it in stock?');
    expect(history()).not.toContain('send me the price');
    expect(history()).toContain('Omar Farouk');
  });
});

/**
 * Spelling and the right-click menu as main/index.ts wires them, on the fake `electron` module (test/unit/hostile/
 * main-under-test.ts): each service's session checks the languages chosen for it, through service.set and after a
 * restart; the shell's session the default ones; and a right click in a service's page, in the shell or in a
 * service's pop-up shows Wasl's menu, whose items act on that page and its session. Linux and Windows alike here
 * (macOS leaves the languages to the system).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../common/channels';
import type { CommandResult } from '../../../common/ipc';
import type { FakeWebContents } from '../../fakes/electron';
import { bootMain, goodSettings, type MainUnderTest } from '../hostile/main-under-test';
import { click } from './electron/support';

vi.mock('electron', async () => (await import('../hostile/main-under-test')).fakeElectronModule());
vi.mock('electron-store', async () => (await import('../hostile/main-under-test')).fakeElectronStore());

let main: MainUnderTest | undefined;
afterEach(() => {
  main?.close();
  main = undefined;
});

async function send(m: MainUnderTest, cmd: Record<string, unknown>): Promise<CommandResult> {
  const handler = m.fake.ipcMain.handlers.get(CHANNELS.command);
  if (!handler) throw new Error('app:command is not wired');
  return (await handler(m.event('shell'), cmd)) as CommandResult;
}

const languagesOf = (m: MainUnderTest, partition: string): string[] | undefined => m.fake.sessionFor(partition).spellCheckerLanguages;

/** The ids of the menu a right click in `contents` shows, or undefined when none shows. */
function rightClick(m: MainUnderTest, contents: FakeWebContents, params: Parameters<FakeWebContents['contextMenu']>[0]) {
  const before = m.fake.popups.length;
  contents.contextMenu(params);
  return m.fake.popups.length > before ? m.fake.popups.at(-1)?.template : undefined;
}

describe.skipIf(process.platform === 'darwin')('spelling through main', () => {
  it('checks the default languages at start: Wasl’s English and the system’s Arabic, which Linux and Windows cannot check', async () => {
    main = await bootMain(goodSettings());
    // The fake system prefers ar-SA, then en-US; Wasl speaks English.
    expect(languagesOf(main, '')).toEqual(['en-US']);
    expect(languagesOf(main, 'persist:svc-wa1')).toEqual(['en-US']);
    expect(languagesOf(main, 'persist:svc-tg1')).toEqual(['en-US']);
  });

  it('keeps a service’s languages through service.set and a restart, and gives them to its session again', async () => {
    main = await bootMain(goodSettings());
    expect(await send(main, { type: 'service.set', id: 'wa1', spellLanguages: ['fr', 'ar', 'en-GB'] })).toEqual({ ok: true });
    expect(languagesOf(main, 'persist:svc-wa1')).toEqual(['fr', 'en-GB']);
    expect(languagesOf(main, 'persist:svc-tg1')).toEqual(['en-US']);
    expect(await send(main, { type: 'service.set', id: 'wa1', spellLanguages: ['xx'] })).toMatchObject({ ok: false, error: 'invalid' });

    await main.advance(1_000);
    main.quit();
    const { profile } = main;
    main.close({ keepProfile: true });
    main = await bootMain(null, { profile });
    expect((await main.state()).services.find((s) => s.id === 'wa1')?.spellLanguages).toEqual(['fr', 'ar', 'en-GB']);
    expect(languagesOf(main, 'persist:svc-wa1')).toEqual(['fr', 'en-GB']);
    expect(languagesOf(main, 'persist:svc-tg1')).toEqual(['en-US']);
  });

  it('turns a service’s checking off when no language is chosen, or only Arabic', async () => {
    main = await bootMain(goodSettings());
    expect(await send(main, { type: 'service.set', id: 'wa1', spellLanguages: [] })).toEqual({ ok: true });
    expect(await send(main, { type: 'service.set', id: 'tg1', spellLanguages: ['ar'] })).toEqual({ ok: true });
    expect(languagesOf(main, 'persist:svc-wa1')).toEqual([]);
    expect(languagesOf(main, 'persist:svc-tg1')).toEqual([]);
  });
});

describe('the right-click menu through main', () => {
  const misspelled = { isEditable: true, misspelledWord: 'recieve', dictionarySuggestions: ['receive'], editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true } };

  it('in a service’s page: corrects the word there and adds it to that service’s dictionary', async () => {
    main = await bootMain(goodSettings());
    const page = main.view('wa1').webContents;
    const template = rightClick(main, page, misspelled);
    expect(template?.map((item) => item.label)).toEqual(['receive', 'Add to dictionary', undefined, 'Cut', 'Copy', 'Paste', 'Paste as plain text', 'Select all', undefined, 'Inspect element']);
    click(template?.[0]);
    click(template?.find((item) => item.id === 'add-to-dictionary'));
    expect(page.actions).toEqual(['replaceMisspelling receive']);
    expect(main.fake.sessionFor('persist:svc-wa1').dictionary).toEqual(['recieve']);
    expect(main.fake.sessionFor('persist:svc-tg1').dictionary).toEqual([]);
  });

  it('in the shell, in Arabic when Wasl speaks it; no Inspect element in an installed build', async () => {
    main = await bootMain({ ...goodSettings(), settings: { ...(goodSettings()['settings'] as object), language: 'ar' } }, { packaged: true });
    const template = rightClick(main, main.win.webContents, { isEditable: true, editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true } });
    expect(template?.map((item) => item.label)).toEqual(['قص', 'نسخ', 'لصق', 'لصق كنص عادي', 'تحديد الكل']);
  });

  it('in a service’s sign-in pop-up, as in its page', async () => {
    main = await bootMain(goodSettings());
    const popup = main.fake.popup(main.view('wa1').webContents, 'https://web.whatsapp.com/login');
    if (!popup) throw new Error('the pop-up was refused');
    expect(rightClick(main, popup.webContents, { selectionText: 'code' })?.map((item) => item.id)).toContain('search');
  });

  it('not in a contents Wasl does not own (the developer tools)', async () => {
    main = await bootMain(goodSettings());
    const devtools = main.fake.createContents(main.fake.sessionFor(''));
    expect(rightClick(main, devtools, misspelled)).toBeUndefined();
  });
});

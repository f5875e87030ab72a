/**
 * The spelling dialog (renderer/src/features/services/SpellingDialog.tsx), opened from a service's menu: the
 * default languages ticked until the user chooses, several at once or none, each change sent as service.set; and
 * what each system can check said plainly, in English and Arabic — Arabic not on Linux or Windows (why, and what
 * the user gets), Google's server for dictionaries, macOS's own checker.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../common/settings';
import type { AppState } from '../../common/state';
import { appState, service } from './fake-bridge';
import { named, renderShell, type Rendered } from './render';

const services = () => [service('a', 'whatsapp', 'WhatsApp'), service('b', 'telegram', 'Telegram', { spellLanguages: ['fr'] })];

async function openSpelling(extra: Partial<AppState> = {}, name = 'WhatsApp', labels = { menu: 'Spelling…', title: `Spelling in ${name}` }): Promise<Rendered & { dialog: HTMLElement }> {
  const rendered = await renderShell(appState(services(), { systemLanguages: ['ar-SA', 'en-US'], ...extra }));
  await rendered.user.pointer({ keys: '[MouseRight]', target: screen.getByRole('tab', { name }) });
  await rendered.user.click(screen.getByRole('menuitem', { name: labels.menu }));
  return { ...rendered, dialog: screen.getByRole('dialog', { name: named(labels.title) }) };
}

const ticked = (dialog: HTMLElement): string[] =>
  within(dialog)
    .getAllByRole('checkbox')
    .filter((box) => (box as HTMLInputElement).checked)
    .map((box) => box.closest('label')?.querySelector('.spelling-name')?.textContent ?? '');
const notes = (dialog: HTMLElement): string[] => [...dialog.querySelectorAll('.spelling-note')].map((note) => note.textContent);

describe('the spelling dialog', () => {
  it('ticks the default languages, from Wasl’s English and the system’s Arabic, until the user chooses', async () => {
    const { dialog } = await openSpelling();
    expect(ticked(dialog)).toEqual(['Arabic', 'English (United States)']);
    expect(within(dialog).getAllByRole('checkbox')).toHaveLength(15);
    expect(dialog).toHaveTextContent('Chosen from Wasl’s language and your system’s until you change them.');
  });

  it('sends the languages ticked, several at once', async () => {
    const { dialog, bridge, user } = await openSpelling();
    await user.click(within(dialog).getByRole('checkbox', { name: 'French' }));
    expect(bridge.commands).toEqual([{ type: 'service.set', id: 'a', spellLanguages: ['ar', 'en-US', 'fr'] }]);
  });

  it('sends no language at all when the last one is unticked, and says nothing is checked then', async () => {
    const { dialog, bridge, user } = await openSpelling({}, 'Telegram');
    expect(ticked(dialog)).toEqual(['French']);
    expect(dialog).not.toHaveTextContent('Chosen from Wasl’s language');
    await user.click(within(dialog).getByRole('checkbox', { name: 'French' }));
    expect(bridge.commands).toEqual([{ type: 'service.set', id: 'b', spellLanguages: [] }]);
    bridge.push({ services: bridge.state.services.map((s) => (s.id === 'b' ? { ...s, spellLanguages: [] } : s)) });
    expect(ticked(dialog)).toEqual([]);
    expect(notes(dialog)).toEqual(['Spelling is not checked in this service.']);
  });

  it('on Linux: Arabic marked unavailable; chosen, why it is not checked and what is, and where dictionaries come from', async () => {
    const { dialog } = await openSpelling({ os: 'linux' });
    expect(within(dialog).getByRole('checkbox', { name: /^Arabic/u }).closest('label')).toHaveTextContent('ArabicNot available on Linux');
    const [arabic, download] = notes(dialog);
    expect(arabic).toMatch(/^Arabic is not checked on Linux\./u);
    expect(arabic).toContain('Arabic words are left as you type them, never marked wrong, and the other languages you tick are still checked.');
    expect(download).toContain('downloaded from Google’s servers');
    expect(download).toContain('nothing you type is ever sent');
    expect(dialog.querySelector('.spelling-note.is-warning')?.textContent).toBe(arabic);
  });

  it('on Linux without Arabic: only where the dictionaries come from', async () => {
    const { dialog } = await openSpelling({ os: 'linux' }, 'Telegram');
    expect(notes(dialog)).toEqual([expect.stringContaining('downloaded from Google’s servers')]);
  });

  it('on Linux with Arabic alone: why, and that nothing is checked', async () => {
    const { dialog, bridge } = await openSpelling({ os: 'linux' });
    bridge.push({ services: bridge.state.services.map((s) => (s.id === 'a' ? { ...s, spellLanguages: ['ar'] } : s)) });
    expect(notes(dialog)).toEqual([expect.stringMatching(/^Arabic is not checked on Linux\./u), 'Spelling is not checked in this service.']);
  });

  it('on Windows: Arabic unavailable there too, and Windows’ own dictionaries first', async () => {
    const { dialog } = await openSpelling({ os: 'win32' });
    expect(within(dialog).getByRole('checkbox', { name: /^Arabic/u }).closest('label')).toHaveTextContent('Not available on Windows');
    const [arabic, download] = notes(dialog);
    expect(arabic).toMatch(/^Arabic is not checked on Windows\./u);
    expect(download).toMatch(/^Windows checks the languages it has installed\./u);
  });

  it('on macOS: no list, the system’s own checker instead', async () => {
    const { dialog } = await openSpelling({ os: 'darwin' });
    expect(within(dialog).queryAllByRole('checkbox')).toEqual([]);
    expect(notes(dialog)).toEqual([expect.stringContaining('Wasl uses the system’s spell checker: it recognises the language as you type, Arabic included.')]);
  });

  it('speaks Arabic: languages named in Arabic, Arabic first by default', async () => {
    const { dialog, bridge, user } = await openSpelling({ os: 'linux', settings: { ...DEFAULT_SETTINGS, language: 'ar' } }, 'WhatsApp', {
      menu: 'التدقيق الإملائي…',
      title: 'التدقيق الإملائي في WhatsApp',
    });
    expect(ticked(dialog)).toEqual(['العربية', 'الإنجليزية (الولايات المتحدة)']);
    expect(within(dialog).getByRole('checkbox', { name: /^العربية/u }).closest('label')).toHaveTextContent('غير متاحة على لينكس');
    expect(notes(dialog)[0]).toMatch(/^لا يُدقَّق الإملاء العربي على لينكس\./u);
    expect(notes(dialog)[1]).toContain('خوادم Google');
    await user.click(within(dialog).getByRole('button', { name: 'تم' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bridge.commands).toEqual([]);
  });
});

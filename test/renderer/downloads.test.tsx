/**
 * The downloads button and panel, and the downloads settings: what each state shows and which command each button
 * sends, sizes in the UI language, the ring and the unseen dot, a moved file said plainly, and the settings' choices.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DownloadRecord } from '../../common/downloads';
import { DEFAULT_SETTINGS } from '../../common/settings';
import type { AppState } from '../../common/state';
import { formattersFor } from '../../renderer/src/i18n/format';
import { appState, service } from './fake-bridge';
import { named, nth, plain, renderShell } from './render';

const MB = 1024 * 1024;

const record = (id: string, state: DownloadRecord['state'], extra: Partial<DownloadRecord> = {}): DownloadRecord => ({
  id,
  serviceId: 'wa',
  fileName: `${id}.pdf`,
  origin: 'https://web.whatsapp.com',
  savePath: `/home/salma/Downloads/${id}.pdf`,
  receivedBytes: 12 * MB,
  totalBytes: 12 * MB,
  state,
  startedAt: 1_000,
  ...(state === 'progressing' || state === 'paused' ? {} : { endedAt: 2_000 }),
  ...extra,
});

const SEVERAL: DownloadRecord[] = [
  record('catalogue', 'progressing', { receivedBytes: 3.1 * MB }),
  record('photo', 'paused', { serviceId: 'tg', fileName: 'photo.jpg', receivedBytes: 200 * 1024, totalBytes: 800 * 1024 }),
  record('invoice', 'completed', { fileName: 'فاتورة-١٢٣.pdf' }),
  record('broken', 'interrupted', { receivedBytes: 5 * MB }),
  record('nope', 'cancelled', { receivedBytes: 1 * MB }),
  record('gone', 'completed', { missing: true, serviceId: 'removed' }),
];

function state(downloads: DownloadRecord[] | undefined, extra: Partial<AppState> = {}): AppState {
  return appState([service('wa', 'whatsapp', 'Shop'), service('tg', 'telegram', 'Telegram')], { ...(downloads === undefined ? {} : { downloads }), ...extra });
}

const button = () => screen.getByRole('button', { name: 'Downloads' });
const panel = () => screen.getByRole('dialog', { name: 'Downloads' });
const rows = () => within(within(panel()).getByRole('list', { name: 'Downloads, newest first' })).getAllByRole('listitem');
const row = (name: string) => {
  const found = rows().find((li) => plain(within(li).getByText((_c, el) => el?.classList.contains('download-name') === true).textContent) === name);
  if (!found) throw new Error(`no row for ${name}`);
  return found;
};
const buttonsOf = (li: HTMLElement) => within(li).getAllByRole('button').map((b) => plain(b.getAttribute('aria-label') ?? b.textContent));

describe('the downloads button', () => {
  it('is not there until something was downloaded', async () => {
    await renderShell(state(undefined));
    expect(screen.queryByRole('button', { name: 'Downloads' })).toBeNull();
  });

  it('shows a ring filling with the bytes of what downloads, and says how many files', async () => {
    const { bridge } = await renderShell(state([record('a', 'progressing', { receivedBytes: 3 * MB, totalBytes: 12 * MB })]));
    expect(button()).toHaveAccessibleDescription('1 file downloading');
    const fill = button().querySelector('.downloads-ring-fill');
    const length = Number(fill?.getAttribute('stroke-dasharray'));
    expect(Number(fill?.getAttribute('stroke-dashoffset'))).toBeCloseTo(length * 0.75);
    bridge.push({ downloads: [record('a', 'completed')] });
    expect(button().querySelector('.downloads-ring')).toBeNull();
  });

  it('turns the ring while no size is known', async () => {
    await renderShell(state([record('a', 'progressing', { receivedBytes: 300, totalBytes: 0 })]));
    expect(button().querySelector('.downloads-ring')).toHaveClass('is-unknown');
  });

  it('marks a download that ended unseen with a dot until the panel is opened; those ended before start count as seen', async () => {
    const { bridge, user } = await renderShell(state([record('old', 'completed'), record('a', 'progressing')]));
    const dot = () => button().closest('.sidebar-downloads')?.querySelector('.downloads-dot') ?? null;
    expect(dot()).toBeNull();
    bridge.push({ downloads: [record('a', 'interrupted'), record('old', 'completed')] });
    expect(dot()).not.toBeNull();
    expect(button()).toHaveAccessibleDescription('New finished downloads');
    await user.click(button());
    expect(dot()).toBeNull();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Downloads' })).toBeNull();
    expect(dot()).toBeNull();
    expect(button()).toHaveFocus();
  });
});

describe('the downloads panel', () => {
  it('lists every state newest first with its name, service, size and state, and only the buttons that apply', async () => {
    const { user } = await renderShell(state(SEVERAL));
    await user.click(button());
    expect(panel()).toHaveFocus();
    expect(rows()).toHaveLength(SEVERAL.length);
    const text = (name: string) => plain(row(name).querySelector('.download-meta')?.textContent ?? null).replace(/\u00a0/gu, ' ');

    expect(text('catalogue.pdf')).toBe('From Shop · 3.1 of 12 MB · 25%');
    expect(buttonsOf(row('catalogue.pdf'))).toEqual(['Cancel downloading catalogue.pdf', 'Remove catalogue.pdf from the list']);
    const bar = within(row('catalogue.pdf')).getByRole('progressbar', { name: named('Downloading catalogue.pdf') });
    expect(bar).toHaveAttribute('aria-valuenow', '25');
    expect(bar).toHaveAttribute('aria-valuemin', '0');
    expect(bar).toHaveAttribute('aria-valuemax', '100');

    expect(text('photo.jpg')).toBe('From Telegram · 200 of 800 kB · Paused');
    expect(within(row('photo.jpg')).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25');

    expect(text('فاتورة-١٢٣.pdf')).toBe('From Shop · 12 MB · Done');
    expect(buttonsOf(row('فاتورة-١٢٣.pdf'))).toEqual(['Open فاتورة-١٢٣.pdf', 'Show فاتورة-١٢٣.pdf in its folder', 'Remove فاتورة-١٢٣.pdf from the list']);
    expect(within(row('فاتورة-١٢٣.pdf')).queryByRole('progressbar')).toBeNull();

    expect(text('broken.pdf')).toBe('From Shop · 5 of 12 MB · Failed');
    expect(buttonsOf(row('broken.pdf'))).toEqual(['Remove broken.pdf from the list']);
    expect(text('nope.pdf')).toBe('From Shop · 1 of 12 MB · Cancelled');
    expect(text('gone.pdf')).toBe('From a removed service · 12 MB · Moved or deleted');
  });

  it('sends each button’s command for that download', async () => {
    const { bridge, user } = await renderShell(state(SEVERAL));
    await user.click(button());
    await user.click(within(row('catalogue.pdf')).getByRole('button', { name: named('Cancel downloading catalogue.pdf') }));
    await user.click(within(row('فاتورة-١٢٣.pdf')).getByRole('button', { name: named('Open فاتورة-١٢٣.pdf') }));
    await user.click(within(row('فاتورة-١٢٣.pdf')).getByRole('button', { name: named('Show فاتورة-١٢٣.pdf in its folder') }));
    await user.click(within(row('broken.pdf')).getByRole('button', { name: named('Remove broken.pdf from the list') }));
    await user.click(within(panel()).getByRole('button', { name: 'Clear finished' }));
    expect(bridge.commands.filter((c) => c.type.startsWith('download'))).toEqual([
      { type: 'download.cancel', id: 'catalogue' },
      { type: 'download.open', id: 'invoice' },
      { type: 'download.show', id: 'invoice' },
      { type: 'download.remove', id: 'broken' },
      { type: 'downloads.clear' },
    ]);
  });

  it('says a file was moved or deleted when main finds it gone', async () => {
    const { bridge, user } = await renderShell(state(SEVERAL));
    bridge.respond = (command) => (command.type === 'download.open' ? { ok: false, error: 'not-found', detail: 'missing' } : { ok: true });
    await user.click(button());
    await user.click(within(row('فاتورة-١٢٣.pdf')).getByRole('button', { name: named('Open فاتورة-١٢٣.pdf') }));
    const live = document.querySelector('[aria-live] span:last-child');
    expect(plain(live?.textContent ?? null)).toBe('فاتورة-١٢٣.pdf was moved or deleted: it is no longer where it was saved.');
  });

  it('offers Clear finished only when something has finished, and says so when the list is empty', async () => {
    const { bridge, user } = await renderShell(state([record('a', 'progressing')]));
    await user.click(button());
    expect(within(panel()).getByRole('button', { name: 'Clear finished' })).toBeDisabled();
    bridge.push({ downloads: [] });
    expect(within(panel()).getByText('No downloads yet. Files you download from your services show up here.')).toBeInTheDocument();
  });

  it('speaks Arabic right to left, with Arabic sizes and percentages', async () => {
    const { user } = await renderShell(state(SEVERAL, { settings: { ...DEFAULT_SETTINGS, language: 'ar' } }));
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    await user.click(screen.getByRole('button', { name: 'التنزيلات' }));
    const dialog = screen.getByRole('dialog', { name: 'التنزيلات' });
    const first = nth(within(dialog).getAllByRole('listitem'), 0);
    const ar = formattersFor('ar');
    const facts = [...first.querySelectorAll('.download-fact')].map((span) => plain(span.textContent));
    expect(facts).toEqual([`${ar.sizePart(3.1 * MB, 12 * MB)} من ${ar.size(12 * MB)}`, ar.percent(25)]);
    expect(within(first).getByRole('button', { name: named('إلغاء تنزيل catalogue.pdf') })).toBeInTheDocument();
  });
});

describe('the downloads settings', () => {
  it('asks where to save by default; choosing a folder goes through main’s folder dialog', async () => {
    const { bridge, user } = await renderShell(state(undefined));
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const group = await screen.findByRole('radiogroup', { name: 'Where files go' });
    expect(within(group).getByRole('radio', { name: 'Always ask' })).toBeChecked();
    expect(screen.getByText('Wasl asks where to save each file.')).toBeInTheDocument();
    await user.click(within(group).getByRole('radio', { name: 'Save to a folder' }));
    await user.click(screen.getByRole('button', { name: 'Choose folder…' }));
    expect(bridge.commands.filter((c) => c.type === 'settings.set' || c.type === 'downloads.chooseFolder')).toEqual([
      { type: 'settings.set', downloads: { mode: 'folder' } },
      { type: 'downloads.chooseFolder' },
    ]);
  });

  it('names the folder files go to, and goes back to the Downloads folder', async () => {
    const settings = { ...DEFAULT_SETTINGS, downloads: { mode: 'folder' as const, folder: '/mnt/shop/orders' } };
    const { bridge, user } = await renderShell(state(undefined, { settings }));
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await screen.findByRole('radiogroup', { name: 'Where files go' });
    expect(plain(document.querySelector('.download-folder')?.textContent ?? null)).toBe('Files are saved straight to /mnt/shop/orders, never over a file already there.');
    await user.click(screen.getByRole('button', { name: 'Use Downloads folder' }));
    expect(bridge.commands.at(-1)).toEqual({ type: 'settings.set', downloads: { folder: null } });
  });
});

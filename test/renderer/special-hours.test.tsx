/**
 * The special-hours editor in the shop & hours tab (renderer/src/features/shop/SpecialHoursList.tsx): ranges
 * listed with their dates and hours in the UI language, added, edited, refused when incomplete, deleted with an
 * Undo that puts the range back where it was, in English and Arabic.
 */
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../common/settings';
import type { ShopSettings, SpecialHours } from '../../common/shop/model';
import type { AppState } from '../../common/state';
import { appState, service } from './fake-bridge';
import { NOW } from './inbox-data';
import { named, plain, renderShell, type Rendered } from './render';

const RAMADAN: SpecialHours = { id: 'ramadan', name: 'Ramadan', from: '2026-02-18', to: '2026-03-19', hours: { from: '20:00', to: '03:00' } };
const EID: SpecialHours = { id: 'eid', name: 'Eid', from: '2026-03-20', to: '2026-03-22', hours: null };

function shopState(shop: Partial<ShopSettings>, language: 'en' | 'ar' = 'en'): AppState {
  return appState([service('wa', 'whatsapp', 'Shop')], {
    settings: { ...DEFAULT_SETTINGS, language, shop: { ...DEFAULT_SETTINGS.shop, hoursEnabled: true, ...shop } },
  });
}

async function openHours(rendered: Rendered, shopTools = 'Shop tools', tab = 'Shop & hours'): Promise<HTMLElement> {
  await rendered.user.click(screen.getByRole('button', { name: shopTools }));
  const dialog = await screen.findByRole('dialog', { name: shopTools });
  await rendered.user.click(within(dialog).getByRole('tab', { name: tab }));
  return within(dialog).getByRole('tabpanel');
}

/** Main's answer to a change: the settings with the shop's special hours the shell sent. */
function accept(rendered: Rendered): void {
  const last = rendered.bridge.sent('settings.set').at(-1)?.shop?.specialHours;
  if (last === undefined) throw new Error('nothing sent');
  rendered.bridge.push({ settings: { ...rendered.bridge.state.settings, shop: { ...rendered.bridge.state.settings.shop, specialHours: last } } });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('special hours', () => {
  it('lists each range with its dates and hours, and shows only with business hours on', async () => {
    const rendered = await renderShell(shopState({ specialHours: [RAMADAN, EID] }));
    const panel = await openHours(rendered);
    const list = within(panel).getByRole('list', { name: 'Special hours' });
    const rows = within(list).getAllByRole('listitem');
    // Intl puts thin and no-break spaces in ranges and times: every space counts as one.
    expect(rows.map((row) => plain(row.textContent).replace(/\s/gu, ' '))).toEqual(['RamadanFeb 18 – Mar 19, 20268:00 PM – 3:00 AMEditDelete', 'EidMar 20 – 22, 2026ClosedEditDelete']);
    rendered.bridge.push({ settings: { ...rendered.bridge.state.settings, shop: { ...rendered.bridge.state.settings.shop, hoursEnabled: false } } });
    expect(within(panel).queryByRole('heading', { name: 'Special hours' })).toBeNull();
  });

  it('adds a range closed all day, refusing it until it has a name and dates in order', async () => {
    const rendered = await renderShell(shopState({ specialHours: [RAMADAN] }));
    const panel = await openHours(rendered);
    await rendered.user.click(within(panel).getByRole('button', { name: 'Add special hours' }));
    const form = within(panel).getByRole('form', { name: 'New special hours' });
    await rendered.user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription('Give them a name.');
    await rendered.user.type(within(form).getByRole('textbox', { name: 'Name' }), ' Eid al-Fitr ');
    await rendered.user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Choose the first and the last day.');
    const from = within(form).getByLabelText('First day');
    const to = within(form).getByLabelText('Last day');
    await rendered.user.type(from, '2026-03-20');
    // The last day follows the first until it is set.
    expect(to).toHaveValue('2026-03-20');
    await rendered.user.clear(to);
    await rendered.user.type(to, '2026-03-19');
    await rendered.user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('The last day is before the first.');
    expect(rendered.bridge.sent('settings.set')).toEqual([]);
    await rendered.user.clear(to);
    await rendered.user.type(to, '2026-03-22');
    await rendered.user.click(within(form).getByRole('button', { name: 'Save' }));
    const sent = rendered.bridge.sent('settings.set');
    expect(sent).toHaveLength(1);
    const [kept, added] = sent[0]?.shop?.specialHours ?? [];
    expect(kept).toEqual(RAMADAN);
    expect(added).toMatchObject({ name: 'Eid al-Fitr', from: '2026-03-20', to: '2026-03-22', hours: null });
    expect(added?.id).toMatch(/^special-/u);
    accept(rendered);
    expect(within(panel).queryByRole('form')).toBeNull();
    expect(within(panel).getAllByRole('listitem').at(-1)).toHaveTextContent(/^Eid al-Fitr/u);
  });

  it('edits a range into open hours past midnight, and keeps the form when main refuses', async () => {
    const rendered = await renderShell(shopState({ specialHours: [RAMADAN, EID] }));
    const panel = await openHours(rendered);
    await rendered.user.click(within(panel).getByRole('button', { name: named('Edit Eid') }));
    const form = within(panel).getByRole('form', { name: named('Edit special hours Eid') });
    expect(within(form).getByRole('radio', { name: 'Closed all day' })).toBeChecked();
    await rendered.user.click(within(form).getByRole('radio', { name: 'Open' }));
    const opens = within(form).getByLabelText('Opens at');
    await rendered.user.clear(opens);
    await rendered.user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Enter a full opening and closing time.');
    await rendered.user.type(opens, '16:00');
    const closes = within(form).getByLabelText('Closes at');
    await rendered.user.clear(closes);
    await rendered.user.type(closes, '01:00');
    rendered.bridge.respond = () => ({ ok: false, error: 'failed' });
    await rendered.user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Wasl could not save this change. Try again.');
    rendered.bridge.respond = () => ({ ok: true });
    await rendered.user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(rendered.bridge.sent('settings.set').at(-1)?.shop?.specialHours).toEqual([RAMADAN, { ...EID, hours: { from: '16:00', to: '01:00' } }]);
    accept(rendered);
    expect(within(panel).queryByRole('form')).toBeNull();
  });

  it('deletes a range at once, and Undo puts it back where it was', async () => {
    const rendered = await renderShell(shopState({ specialHours: [RAMADAN, EID] }));
    const panel = await openHours(rendered);
    await rendered.user.click(within(panel).getByRole('button', { name: named('Delete Ramadan') }));
    expect(rendered.bridge.sent('settings.set').at(-1)?.shop?.specialHours).toEqual([EID]);
    accept(rendered);
    expect(await within(panel).findByText(/Deleted\s.*Ramadan.*\./u)).toBeInTheDocument();
    await rendered.user.click(within(panel).getByRole('button', { name: 'Undo' }));
    expect(rendered.bridge.sent('settings.set').at(-1)?.shop?.specialHours).toEqual([RAMADAN, EID]);
    accept(rendered);
    expect(within(panel).queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('shows the Hijri dates beside, or alone, as the calendar setting says, with Arabic-Indic digits', async () => {
    const rendered = await renderShell(shopState({ specialHours: [RAMADAN] }, 'ar'));
    rendered.bridge.push({ settings: { ...rendered.bridge.state.settings, calendar: 'both', digits: 'arab' } });
    const panel = await openHours(rendered, 'أدوات المتجر', 'المتجر وساعات العمل');
    const row = () => within(within(panel).getByRole('list', { name: 'ساعات خاصة' })).getByRole('listitem').textContent.replace(/\s/gu, ' ');
    expect(row()).toContain('١٨ فبراير – ١٩ مارس ٢٠٢٦');
    expect(row()).toContain('(١–٣٠ رمضان ١٤٤٧ هـ)');
    expect(row()).not.toMatch(/[0-9]/u);
    rendered.bridge.push({ settings: { ...rendered.bridge.state.settings, calendar: 'hijri' } });
    expect(row()).toContain('رمضان ١٤٤٧ هـ');
    expect(row()).not.toContain('فبراير');
  });

  it('speaks Arabic, dates and times in Arabic too', async () => {
    const rendered = await renderShell(shopState({ specialHours: [EID] }, 'ar'));
    const panel = await openHours(rendered, 'أدوات المتجر', 'المتجر وساعات العمل');
    const list = within(panel).getByRole('list', { name: 'ساعات خاصة' });
    const text = within(list).getByRole('listitem').textContent;
    expect(text).toContain(new Intl.DateTimeFormat('ar', { day: 'numeric', month: 'short', year: 'numeric' }).formatRange(new Date(2026, 2, 20), new Date(2026, 2, 22)));
    expect(text).toContain('مغلق');
    expect(within(panel).getByRole('button', { name: /^حذف/u })).toBeInTheDocument();
  });
});

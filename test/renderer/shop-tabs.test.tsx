import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../common/settings';
import type { NotificationRecord } from '../../common/model';
import { DEFAULT_LABELS, EMPTY_CUSTOMER, type DayHours, type Label, type ShopSettings } from '../../common/shop/model';
import type { AppState } from '../../common/state';
import { appState, service } from './fake-bridge';
import { chat, NOW, snapshot } from './inbox-data';
import { named, nth, plain, renderShell, type Rendered } from './render';

const day = (open: boolean, from = '09:00', to = '18:00'): DayHours => ({ open, from, to });
/** Open 9:00–18:00 every day but Friday (index 5). */
const WEEK: DayHours[] = [0, 1, 2, 3, 4, 5, 6].map((d) => day(d !== 5));

function shopState(shop: Partial<ShopSettings> = {}, extra: Partial<AppState> = {}, language: 'en' | 'ar' = 'en'): AppState {
  return appState([service('wa', 'whatsapp', 'Shop')], {
    settings: { ...DEFAULT_SETTINGS, language, shop: { ...DEFAULT_SETTINGS.shop, ...shop } },
    ...extra,
  });
}

async function openTab(rendered: Rendered, tab: string | RegExp, sidebarName = 'Shop tools'): Promise<HTMLElement> {
  await rendered.user.click(screen.getByRole('button', { name: sidebarName }));
  const dialog = await screen.findByRole('dialog', { name: sidebarName });
  await rendered.user.click(within(dialog).getByRole('tab', { name: tab }));
  return within(dialog).getByRole('tabpanel');
}

/** The announcer's latest words. */
const announced = () => plain(document.querySelector('[aria-live] span:last-child')?.textContent ?? '');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the shop dialog', () => {
  it('opens from the sidebar on quick replies, and arrow keys move between its tabs', async () => {
    const rendered = await renderShell(shopState());
    await rendered.user.click(screen.getByRole('button', { name: 'Shop tools' }));
    const dialog = await screen.findByRole('dialog', { name: 'Shop tools' });
    expect(within(dialog).getByRole('tab', { name: 'Quick replies' })).toHaveAttribute('aria-selected', 'true');
    within(dialog).getByRole('tab', { name: 'Quick replies' }).focus();
    await rendered.user.keyboard('{ArrowRight}');
    expect(within(dialog).getByRole('tab', { name: 'Products' })).toHaveFocus();
    await rendered.user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(within(dialog).getByRole('tab', { name: 'Shop & hours' })).toHaveFocus();
    expect(within(dialog).getByRole('tabpanel')).toHaveAccessibleName('Shop & hours');
    // The tabs stand in a column: the up and down arrows move too, and wrap at the ends.
    expect(within(dialog).getByRole('tablist')).toHaveAttribute('aria-orientation', 'vertical');
    await rendered.user.keyboard('{ArrowDown}');
    expect(within(dialog).getByRole('tab', { name: 'Greeting & away' })).toHaveFocus();
    await rendered.user.keyboard('{Home}{ArrowUp}');
    expect(within(dialog).getByRole('tab', { name: 'Report' })).toHaveFocus();
  });
});

describe('shop & hours', () => {
  it("saves the shop's name trimmed, and says so when main refuses it", async () => {
    const rendered = await renderShell(shopState({ name: 'Noor' }));
    const panel = await openTab(rendered, 'Shop & hours');
    const name = within(panel).getByRole('textbox', { name: 'Shop name' });
    expect(name).toHaveValue('Noor');
    await rendered.user.clear(name);
    await rendered.user.type(name, '  بوتيك نور {Enter}');
    expect(rendered.bridge.sent('settings.set')).toEqual([{ type: 'settings.set', shop: { name: 'بوتيك نور' } }]);

    rendered.bridge.respond = () => ({ ok: false, error: 'failed' });
    await rendered.user.type(name, '!{Enter}');
    expect(name).toHaveAccessibleDescription('Wasl could not save this change. Try again.');
    expect(name).toHaveValue('بوتيك نور!');
  });

  it('turns business hours on; the week shows only then', async () => {
    const rendered = await renderShell(shopState());
    const panel = await openTab(rendered, 'Shop & hours');
    expect(within(panel).getByRole('status')).toHaveTextContent('Business hours are off: Wasl never shows you as away.');
    expect(within(panel).queryByRole('list', { name: 'Opening hours by day' })).toBeNull();
    await rendered.user.click(within(panel).getByRole('switch', { name: 'Set business hours' }));
    expect(rendered.bridge.sent('settings.set')).toEqual([{ type: 'settings.set', shop: { hoursEnabled: true } }]);
    rendered.bridge.push({ settings: { ...rendered.bridge.state.settings, shop: { ...DEFAULT_SETTINGS.shop, hoursEnabled: true } } });
    expect(within(panel).getByRole('list', { name: 'Opening hours by day' })).toBeInTheDocument();
    await rendered.user.click(within(panel).getByRole('switch', { name: 'Hold pop-ups while closed' }));
    expect(rendered.bridge.sent('settings.set').at(-1)).toEqual({ type: 'settings.set', shop: { holdOutsideHours: true } });
  });

  it('sends the whole week, Sunday first, when a day closes or a time changes; a time left empty waits, explained', async () => {
    const rendered = await renderShell(shopState({ hoursEnabled: true, hours: WEEK }));
    const panel = await openTab(rendered, 'Shop & hours');
    await rendered.user.click(within(panel).getByRole('checkbox', { name: 'Monday' }));
    expect(rendered.bridge.sent('settings.set')).toEqual([{ type: 'settings.set', shop: { hours: WEEK.map((d, i) => (i === 1 ? { ...d, open: false } : d)) } }]);
    rendered.bridge.push({ settings: { ...rendered.bridge.state.settings, shop: { ...rendered.bridge.state.settings.shop, hours: WEEK.map((d, i) => (i === 1 ? { ...d, open: false } : d)) } } });
    expect(within(panel).queryByRole('textbox', { name: 'Monday, opens at' })).toBeNull();

    const opens = within(panel).getByLabelText('Tuesday, opens at');
    fireEvent.change(opens, { target: { value: '10:30' } });
    expect(rendered.bridge.sent('settings.set').at(-1)?.shop?.hours?.[2]).toEqual({ open: true, from: '10:30', to: '18:00' });

    const closes = within(panel).getByLabelText('Tuesday, closes at');
    const before = rendered.bridge.commands.length;
    fireEvent.change(closes, { target: { value: '' } });
    expect(rendered.bridge.commands).toHaveLength(before);
    expect(closes).toHaveAttribute('aria-invalid', 'true');
    expect(closes).toHaveAccessibleDescription('Enter a full opening and closing time.');
    fireEvent.change(closes, { target: { value: '02:00' } });
    expect(rendered.bridge.sent('settings.set').at(-1)?.shop?.hours?.[2]).toEqual({ open: true, from: '10:30', to: '02:00' });
    expect(closes).toHaveAccessibleDescription('Closes the next day');

    fireEvent.change(closes, { target: { value: '10:30' } });
    expect(closes).toHaveAccessibleDescription('Open all day');
  });

  it('lays the week out as the language does: Sunday first in English, Saturday first in Arabic', async () => {
    const english = await renderShell(shopState({ hoursEnabled: true, hours: WEEK }));
    let panel = await openTab(english, 'Shop & hours');
    const days = () => within(panel).getAllByRole('checkbox').map((box) => box.closest('label')?.textContent);
    expect(days()).toEqual(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);
    english.unmount();

    const arabic = await renderShell(shopState({ hoursEnabled: true, hours: WEEK }, {}, 'ar'));
    panel = await openTab(arabic, 'المتجر وساعات العمل', 'أدوات المتجر');
    expect(days()).toEqual(['السبت', 'الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة']);
    expect(within(panel).getByRole('checkbox', { name: 'الجمعة' })).not.toBeChecked();
  });

  it('says whether the shop is open now and when that changes', async () => {
    // Saturday 14:20: open until 18:00.
    const rendered = await renderShell(shopState({ hoursEnabled: true, hours: WEEK }));
    const panel = await openTab(rendered, 'Shop & hours');
    expect(within(panel).getByRole('status').textContent).toMatch(/^Open now — closes at 6:00\sPM$/u);

    // Closed on Saturdays and Sundays: opens Monday morning.
    const weekend = WEEK.map((d, i) => (i === 0 || i === 6 ? { ...d, open: false } : d));
    rendered.bridge.push({ settings: { ...rendered.bridge.state.settings, shop: { ...rendered.bridge.state.settings.shop, hours: weekend } } });
    expect(within(panel).getByRole('status').textContent).toMatch(/^Closed — opens Mon 9:00\sAM$/u);

    // Closed later today: opens at 16:00.
    rendered.bridge.push({ settings: { ...rendered.bridge.state.settings, shop: { ...rendered.bridge.state.settings.shop, hours: WEEK.map((d) => ({ ...d, from: '16:00', to: '20:00' })) } } });
    expect(within(panel).getByRole('status').textContent).toMatch(/^Closed — opens at 4:00\sPM$/u);
  });
});

describe('labels', () => {
  const customers = {
    'chat:wa:a': { ...EMPTY_CUSTOMER, labels: ['preset-paid'] },
    'chat:wa:b': { ...EMPTY_CUSTOMER, labels: ['preset-paid', 'vip'] },
  };
  const vip: Label = { id: 'vip', name: 'VIP', color: 'purple' };
  const labels = [...DEFAULT_LABELS, vip];
  const row = (panel: HTMLElement, name: string) => {
    const chip = within(panel).getAllByText((_, el) => el?.classList.contains('label-chip') === true && plain(el.textContent) === name);
    const li = nth(chip, 0).closest('li');
    if (li === null) throw new Error(`no row for ${name}`);
    return li;
  };

  it("lists the presets in the interface's language and the custom labels, with how many customers carry each", async () => {
    const rendered = await renderShell(shopState({}, { labels, customers }));
    const panel = await openTab(rendered, 'Labels');
    expect(within(panel).getAllByRole('listitem').map((li) => plain(li.querySelector('.label-chip')?.textContent ?? ''))).toEqual([
      'New customer',
      'New order',
      'Pending payment',
      'Paid',
      'Order complete',
      'VIP',
    ]);
    expect(row(panel, 'Paid')).toHaveTextContent('2 customers');
    expect(row(panel, 'VIP')).toHaveTextContent('1 customer');
    expect(row(panel, 'New order')).toHaveTextContent('Not used yet');
  });

  it('adds a label with a colour, and refuses an empty name', async () => {
    const rendered = await renderShell(shopState({}, { labels }));
    const panel = await openTab(rendered, 'Labels');
    const add = within(panel).getByRole('form', { name: 'New label' });
    await rendered.user.click(within(add).getByRole('button', { name: 'Add label' }));
    expect(within(add).getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription('Give the label a name.');
    expect(rendered.bridge.sent('label.save')).toEqual([]);
    await rendered.user.type(within(add).getByRole('textbox', { name: 'Name' }), ' Wholesale ');
    await rendered.user.click(within(add).getByRole('radio', { name: 'Red' }));
    await rendered.user.click(within(add).getByRole('button', { name: 'Add label' }));
    expect(rendered.bridge.sent('label.save')).toEqual([{ type: 'label.save', name: 'Wholesale', color: 'red' }]);
    expect(within(add).getByRole('textbox', { name: 'Name' })).toHaveValue('');
    expect(announced()).toBe('Added Wholesale.');
  });

  it('renames and recolours a label; a preset takes its standard name back with name: null', async () => {
    const renamedPaid = DEFAULT_LABELS.map((l) => (l.id === 'preset-paid' ? { ...l, name: 'Bezahlt' } : l));
    const rendered = await renderShell(shopState({}, { labels: [...renamedPaid, vip] }));
    const panel = await openTab(rendered, 'Labels');
    await rendered.user.click(within(panel).getByRole('button', { name: named('Edit VIP') }));
    const editor = within(panel).getByRole('form', { name: named('Edit label VIP') });
    const name = within(editor).getByRole('textbox', { name: 'Name' });
    expect(name).toHaveFocus();
    await rendered.user.clear(name);
    await rendered.user.type(name, 'Top buyers');
    await rendered.user.click(within(editor).getByRole('radio', { name: 'Pink' }));
    await rendered.user.click(within(editor).getByRole('button', { name: 'Save' }));
    expect(rendered.bridge.sent('label.save')).toEqual([{ type: 'label.save', id: 'vip', name: 'Top buyers', color: 'pink' }]);
    expect(within(panel).queryByRole('form', { name: named('Edit label VIP') })).toBeNull();
    expect(within(panel).getByRole('button', { name: named('Edit VIP') })).toHaveFocus();

    await rendered.user.click(within(panel).getByRole('button', { name: named('Edit Bezahlt') }));
    const preset = within(panel).getByRole('form', { name: named('Edit label Bezahlt') });
    expect(within(preset).getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(/^Leave it empty to use the standard name, \u2068?Paid\u2069?\.$/u);
    await rendered.user.click(within(preset).getByRole('button', { name: named('Use the standard name (Paid)') }));
    expect(rendered.bridge.sent('label.save').at(-1)).toEqual({ type: 'label.save', id: 'preset-paid', name: null, color: 'green' });

    // Escape closes an editor without saving, and without closing the dialog.
    await rendered.user.click(within(panel).getByRole('button', { name: named('Edit New order') }));
    await rendered.user.keyboard('{Escape}');
    expect(within(panel).queryByRole('form', { name: named('Edit label New order') })).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Shop tools' })).toBeInTheDocument();
    expect(rendered.bridge.sent('label.save')).toHaveLength(2);
  });

  it('asks before deleting a label customers carry, then offers undo', async () => {
    const rendered = await renderShell(shopState({}, { labels, customers }));
    const panel = await openTab(rendered, 'Labels');
    await rendered.user.click(within(panel).getByRole('button', { name: named('Delete Paid') }));
    const confirm = within(panel).getByRole('group', { name: named('Delete Paid? 2 customers have it.') });
    await rendered.user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(rendered.bridge.sent('label.delete')).toEqual([]);
    expect(within(panel).getByRole('button', { name: named('Delete Paid') })).toHaveFocus();

    await rendered.user.click(within(panel).getByRole('button', { name: named('Delete Paid') }));
    await rendered.user.click(within(within(panel).getByRole('group')).getByRole('button', { name: 'Delete' }));
    expect(rendered.bridge.sent('label.delete')).toEqual([{ type: 'label.delete', id: 'preset-paid' }]);
    rendered.bridge.push({ labels: labels.filter((l) => l.id !== 'preset-paid'), shopUndo: 'label-deleted' });
    expect(announced()).toBe('Deleted Paid.');
    expect(plain(panel.querySelector('.shop-undo')?.textContent ?? '')).toBe('Deleted Paid. Removed from 2 customers.Undo');

    await rendered.user.click(within(panel).getByRole('button', { name: 'Undo' }));
    expect(rendered.bridge.sent('shop.undo')).toEqual([{ type: 'shop.undo' }]);
    expect(announced()).toBe('Restored Paid.');
    expect(within(panel).queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('deletes an unused label at once', async () => {
    const rendered = await renderShell(shopState({}, { labels, customers }));
    const panel = await openTab(rendered, 'Labels');
    await rendered.user.click(within(panel).getByRole('button', { name: named('Delete New order') }));
    expect(rendered.bridge.sent('label.delete')).toEqual([{ type: 'label.delete', id: 'preset-new-order' }]);
  });
});

describe('backup and export', () => {
  it('restores only once confirmed, then offers undo', async () => {
    const rendered = await renderShell(shopState());
    const panel = await openTab(rendered, 'Backup & export');
    const ask = within(panel).getByRole('button', { name: 'Restore a backup…' });
    await rendered.user.click(ask);
    expect(ask).toHaveAttribute('aria-expanded', 'true');
    const confirm = within(panel).getByRole('group', { name: 'Restore a backup?' });
    expect(confirm).toHaveTextContent('replaced by the backup');
    await rendered.user.keyboard('{Escape}');
    expect(within(panel).queryByRole('group')).toBeNull();
    expect(ask).toHaveFocus();
    expect(rendered.bridge.commands).toEqual([]);
    expect(screen.getByRole('dialog', { name: 'Shop tools' })).toBeInTheDocument();

    await rendered.user.click(ask);
    await rendered.user.click(within(panel).getByRole('button', { name: 'Choose the backup file…' }));
    expect(rendered.bridge.commands).toEqual([{ type: 'data.import', what: 'backup' }]);
    rendered.bridge.push({ shopUndo: 'backup-restored' });
    expect(announced()).toBe('Backup restored.');
    await rendered.user.click(within(panel).getByRole('button', { name: 'Undo' }));
    expect(rendered.bridge.sent('shop.undo')).toHaveLength(1);
    expect(announced()).toBe('Restore undone: your data is back as it was.');
  });

  it.each([
    [{ ok: false, error: 'invalid-file', detail: 'not-json' }, 'This is not a Wasl backup: the file is not in the format Wasl saves. Nothing was changed.'],
    [{ ok: false, error: 'invalid-file', detail: 'wrong-kind' }, 'This file is not a backup (it may be a quick replies file). Choose a file saved with “Save a backup”. Nothing was changed.'],
    [{ ok: false, error: 'invalid-file', detail: 'invalid' }, 'This backup is damaged or incomplete, so Wasl restored none of it. Nothing was changed.'],
    [{ ok: false, error: 'invalid-file', detail: 'newer:7' }, 'This backup comes from a newer version of Wasl. Update Wasl, then restore it. Nothing was changed.'],
    [{ ok: false, error: 'full' }, 'The backup holds more than Wasl can keep. Nothing was changed.'],
    [{ ok: false, error: 'failed', detail: 'EACCES: permission denied' }, 'Wasl could not read the file. Nothing was changed.EACCES: permission denied'],
  ] as const)('says why a restore failed: %o', async (result, text) => {
    const rendered = await renderShell(shopState());
    rendered.bridge.respond = () => result;
    const panel = await openTab(rendered, 'Backup & export');
    await rendered.user.click(within(panel).getByRole('button', { name: 'Restore a backup…' }));
    await rendered.user.click(within(panel).getByRole('button', { name: 'Choose the backup file…' }));
    expect(plain(panel.querySelector('.shop-result.is-error')?.textContent ?? '')).toBe(text);
    expect(within(panel).queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('says nothing when the file dialog is closed', async () => {
    const rendered = await renderShell(shopState());
    rendered.bridge.respond = () => ({ ok: false, error: 'cancelled' });
    const panel = await openTab(rendered, 'Backup & export');
    await rendered.user.click(within(panel).getByRole('button', { name: 'Save a backup…' }));
    expect(rendered.bridge.commands).toEqual([{ type: 'data.export', what: 'backup' }]);
    expect(panel.querySelector('.shop-result')).toBeNull();
    expect(within(panel).getByRole('button', { name: 'Save a backup…' })).toBeEnabled();
  });

  it('saves a backup and exports the customers, saying how each went', async () => {
    const rendered = await renderShell(shopState());
    const panel = await openTab(rendered, 'Backup & export');
    await rendered.user.click(within(panel).getByRole('button', { name: 'Save a backup…' }));
    expect(panel.querySelector('.shop-result.is-ok')).toHaveTextContent('Backup saved.');
    rendered.bridge.respond = () => ({ ok: false, error: 'failed', detail: 'ENOSPC: no space left on device' });
    await rendered.user.click(within(panel).getByRole('button', { name: 'Export customers…' }));
    expect(rendered.bridge.commands.at(-1)).toEqual({ type: 'data.export', what: 'customers-csv' });
    expect(panel.querySelector('.shop-result.is-error')).toHaveTextContent('Wasl could not save the file. Try another folder.ENOSPC: no space left on device');
    expect(panel.querySelector('.shop-result.is-ok')).toBeNull();
  });
});

describe('the tray', () => {
  const note = (id: string, extra: Partial<NotificationRecord>): NotificationRecord => ({ id, serviceId: 'wa', title: 'Shop', at: NOW - 60_000, read: false, ...extra });

  it('says the shop is away and when it opens, and whether pop-ups wait; the hours are one click away', async () => {
    const weekend = WEEK.map((d, i) => (i === 0 || i === 6 ? { ...d, open: false } : d));
    const rendered = await renderShell(shopState({ hoursEnabled: true, hours: weekend, holdOutsideHours: true }));
    await rendered.user.click(screen.getByRole('button', { name: 'Notifications' }));
    const tray = screen.getByRole('dialog', { name: 'Notifications' });
    const away = tray.querySelector('.tray-away');
    expect(away?.textContent).toMatch(/^Away — opens Mon 9:00\sAMPop-ups wait until then; priority customers still come through\.Change hours$/u);
    await rendered.user.click(within(tray).getByRole('button', { name: 'Change hours' }));
    expect(screen.getByRole('tab', { name: 'Shop & hours' })).toHaveAttribute('aria-selected', 'true');
  });

  it('shows no away line while the shop is open, or without business hours', async () => {
    const rendered = await renderShell(shopState({ hoursEnabled: true, hours: WEEK }));
    await rendered.user.click(screen.getByRole('button', { name: 'Notifications' }));
    expect(document.querySelector('.tray-away')).toBeNull();
    rendered.bridge.push({ settings: { ...rendered.bridge.state.settings, shop: { ...DEFAULT_SETTINGS.shop, hours: WEEK.map((d) => ({ ...d, open: false })) } } });
    expect(document.querySelector('.tray-away')).toBeNull();
  });

  it('marks reminders with an alarm and says whom they are about', async () => {
    const rendered = await renderShell(
      shopState({}, {
        notifications: [
          note('m', { title: 'Sara Ali', chatId: 's', body: 'Hello', at: NOW - 180_000 }),
          note('old', { title: 'Sara', chatId: 's', body: 'Reminder', kind: 'reminder', at: NOW - 120_000 }),
          note('r', { title: 'Sara Ali', chatId: 's', body: 'Reminder', kind: 'reminder' }),
        ],
      }),
      { wa: snapshot([chat('s', 'Sara Ali')]) },
    );
    await rendered.user.click(screen.getByRole('button', { name: 'Notifications' }));
    const tray = screen.getByRole('dialog', { name: 'Notifications' });
    const records = within(tray).getAllByRole('button').filter((b) => b.classList.contains('tray-record'));
    expect(records.map((b) => plain(b.querySelector('.tray-record-text')?.textContent ?? ''))).toEqual([
      'Reminder to follow up',
      'Reminder to follow up with Sara',
      'Hello',
    ]);
    expect(records.map((b) => b.querySelector('.tray-record-icon svg') !== null)).toEqual([true, true, false]);
  });
});

describe('greeting & away', () => {
  it('saves each text when its field loses the focus, and only when it changed', async () => {
    const rendered = await renderShell(shopState({ hoursEnabled: true, greeting: 'Hello!' }));
    const panel = await openTab(rendered, 'Greeting & away');
    const greeting = within(panel).getByRole('textbox', { name: 'Greeting' });
    const away = within(panel).getByRole('textbox', { name: 'Away message' });
    expect(greeting).toHaveValue('Hello!');
    await rendered.user.click(greeting);
    await rendered.user.click(away);
    expect(rendered.bridge.sent('settings.set')).toEqual([]);
    await rendered.user.type(away, 'مغلق الآن، نرد صباحًا');
    await rendered.user.click(greeting);
    expect(rendered.bridge.sent('settings.set')).toEqual([{ type: 'settings.set', shop: { away: 'مغلق الآن، نرد صباحًا' } }]);
    // Hours are on: no warning about them.
    expect(within(panel).queryByRole('button', { name: 'Set business hours' })).toBeNull();
  });

  it('names the variables each on its own left-to-right run, so a sentence never wraps one in the middle', async () => {
    const rendered = await renderShell(shopState());
    const panel = await openTab(rendered, 'Greeting & away');
    const intro = panel.querySelector('.shop-intro')?.textContent ?? '';
    expect(intro).toContain('\u2066{name}\u2069, \u2066{first_name}\u2069, and \u2066{shop}\u2069 work as in quick replies.');
  });

  it('says when main refuses a text, and shows a text restored elsewhere', async () => {
    const rendered = await renderShell(shopState());
    rendered.bridge.respond = (command) => (command.type === 'settings.set' ? { ok: false, error: 'invalid' } : { ok: true });
    const panel = await openTab(rendered, 'Greeting & away');
    const greeting = within(panel).getByRole('textbox', { name: 'Greeting' });
    await rendered.user.type(greeting, 'Hi');
    fireEvent.blur(greeting);
    expect(await within(panel).findByRole('alert')).toHaveTextContent('Wasl could not save this change. Try again.');
    rendered.bridge.push({ settings: { ...rendered.bridge.state.settings, shop: { ...rendered.bridge.state.settings.shop, greeting: 'Restored' } } });
    expect(within(panel).getByRole('textbox', { name: 'Greeting' })).toHaveValue('Restored');
  });

  it('warns that the away message needs business hours, and leads to them', async () => {
    const rendered = await renderShell(shopState({ hoursEnabled: false }));
    const panel = await openTab(rendered, 'Greeting & away');
    expect(panel).toHaveTextContent('Business hours are off, so the away message is never offered.');
    await rendered.user.click(within(panel).getByRole('button', { name: 'Set business hours' }));
    expect(screen.getByRole('tab', { name: 'Shop & hours' })).toHaveAttribute('aria-selected', 'true');
  });
});

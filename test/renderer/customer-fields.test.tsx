/**
 * Customer fields in the shell: the customer card's Fields section (an editor per type, saved on leaving the box
 * or Enter, cleared when emptied, a refusal keeping what was typed), the Fields tab of the shop tools (add, edit,
 * move, delete with undo, each refusal said in the form), and the inbox search finding a customer by a value.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../common/settings';
import type { FieldDef } from '../../common/shop/fields';
import type { Customer } from '../../common/shop/model';
import type { AppState } from '../../common/state';
import { appState, service } from './fake-bridge';
import { chat, inboxState, MINUTE, NOW, snapshot } from './inbox-data';
import { named, plain, renderShell, type Rendered } from './render';

const city: FieldDef = { id: 'city', name: 'City', type: 'text' };
const order: FieldDef = { id: 'order', name: 'Order number', type: 'number' };
const due: FieldDef = { id: 'due', name: 'Delivery', type: 'date' };
const size: FieldDef = { id: 'size', name: 'Size', type: 'choice', choices: ['S', 'M', 'L'] };
const FIELDS = [city, order, due, size];
const KEY = 'chat:wa:sara';

const customer = (fields?: Customer['fields']): Customer => ({ labels: [], note: '', status: 'open', statusAt: 0, priority: false, ...(fields ? { fields } : {}) });

/** The announcer's latest words. */
const announced = () => plain(document.querySelector('[aria-live] span:last-child')?.textContent ?? '');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

async function renderCard(extra: Partial<AppState>) {
  const rendered = await renderShell(inboxState([service('wa', 'whatsapp', 'Shop')], extra), {
    wa: snapshot([chat('sara', 'Sara', { lastActivity: NOW - 2 * MINUTE }), chat('omar', 'Omar', { lastActivity: NOW - 5 * MINUTE })]),
  });
  const row = await screen.findByRole('option', { name: /^Sara/u });
  act(() => screen.getByRole('listbox', { name: 'Chats' }).focus());
  fireEvent.contextMenu(row);
  fireEvent.click(screen.getByRole('menuitem', { name: 'Customer card' }));
  const card = await screen.findByRole('dialog', { name: named('Sara') });
  return { ...rendered, card, section: within(card).getByRole('region', { name: 'Fields' }) };
}

describe('the customer card’s fields', () => {
  it('says where fields are set up while the shop has none, and goes there', async () => {
    const { section, user } = await renderCard({});
    expect(section).toHaveTextContent('No fields yet.');
    await user.click(within(section).getByRole('button', { name: 'Set up fields…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Shop tools' });
    expect(within(dialog).getByRole('tab', { name: 'Fields' })).toHaveAttribute('aria-selected', 'true');
  });

  it('shows an editor per type with the customer’s values, a date in words too', async () => {
    const { section } = await renderCard({ customerFields: FIELDS, customers: { [KEY]: customer({ city: 'جدة', order: 12345, due: '2026-03-19', size: 'M' }) } });
    expect(within(section).getByRole('textbox', { name: 'City' })).toHaveValue('جدة');
    expect(within(section).getByRole('textbox', { name: 'City' })).toHaveAttribute('maxlength', '500');
    expect(within(section).getByRole('textbox', { name: 'Order number' })).toHaveValue('12345');
    expect(within(section).getByLabelText('Delivery')).toHaveValue('2026-03-19');
    expect(within(section).getByText('Mar 19, 2026')).toBeInTheDocument();
    expect(within(section).getByRole('combobox', { name: 'Size' })).toHaveValue('M');
    expect(within(within(section).getByRole('combobox', { name: 'Size' })).getAllByRole('option').map((o) => o.textContent)).toEqual(['Not set', 'S', 'M', 'L']);
  });

  it('saves a text trimmed when the box is left, a number typed in Arabic-Indic digits on Enter, and clears an emptied box', async () => {
    const { section, user, bridge } = await renderCard({ customerFields: FIELDS, customers: { [KEY]: customer({ order: 7 }) } });
    await user.type(within(section).getByRole('textbox', { name: 'City' }), '  Riyadh ');
    await user.tab();
    expect(bridge.sent('customer.update')).toEqual([{ type: 'customer.update', key: KEY, from: [], fields: { city: 'Riyadh' } }]);
    expect(announced()).toBe('Saved City.');
    const number = within(section).getByRole('textbox', { name: 'Order number' });
    await user.clear(number);
    await user.type(number, '١٢٣٤٥{Enter}');
    expect(bridge.sent('customer.update').at(-1)).toMatchObject({ fields: { order: 12345 } });
    await user.clear(number);
    await user.tab();
    expect(bridge.sent('customer.update').at(-1)).toMatchObject({ fields: { order: null } });
    expect(announced()).toBe('Cleared Order number.');
  });

  it('refuses what is not a number in place, sending nothing, and Esc puts back the saved value', async () => {
    const { section, user, bridge } = await renderCard({ customerFields: FIELDS, customers: { [KEY]: customer({ order: 7 }) } });
    const number = within(section).getByRole('textbox', { name: 'Order number' });
    await user.clear(number);
    await user.type(number, '12,5x{Enter}');
    expect(number).toHaveAccessibleDescription('Enter a number, like 12 or 4.5.');
    expect(number).toHaveAttribute('aria-invalid', 'true');
    expect(bridge.sent('customer.update')).toEqual([]);
    await user.keyboard('{Escape}');
    expect(number).toHaveValue('7');
    expect(number).not.toHaveAttribute('aria-invalid');
    // The card is still open: the first Esc only put the value back.
    expect(screen.getByRole('dialog', { name: named('Sara') })).toBeInTheDocument();
  });

  it('keeps what was typed when main refuses it, and says so', async () => {
    const { section, user, bridge } = await renderCard({ customerFields: FIELDS });
    bridge.respond = () => ({ ok: false, error: 'invalid' });
    const text = within(section).getByRole('textbox', { name: 'City' });
    await user.type(text, 'Dammam{Enter}');
    expect(text).toHaveValue('Dammam');
    expect(text).toHaveAccessibleDescription("Couldn't save this field. Your text is still here.");
  });

  it('saves a choice as soon as it is picked, and Not set clears it', async () => {
    const { section, user, bridge } = await renderCard({ customerFields: FIELDS, customers: { [KEY]: customer({ size: 'M' }) } });
    const select = within(section).getByRole('combobox', { name: 'Size' });
    await user.selectOptions(select, 'L');
    await user.selectOptions(select, '');
    expect(bridge.sent('customer.update').map((c) => c.fields)).toEqual([{ size: 'L' }, { size: null }]);
  });

  it('shows a value main changed (an undo) unless the user is typing over it', async () => {
    const { section, user, bridge } = await renderCard({ customerFields: FIELDS, customers: { [KEY]: customer({ city: 'Jeddah' }) } });
    const text = within(section).getByRole('textbox', { name: 'City' });
    bridge.push({ customers: { [KEY]: customer({ city: 'Mecca' }) } });
    await waitFor(() => expect(text).toHaveValue('Mecca'));
    await user.type(text, ' typing');
    bridge.push({ customers: { [KEY]: customer({ city: 'Taif' }) } });
    await waitFor(() => expect(within(section).getByRole('textbox', { name: 'City' })).toHaveValue('Mecca typing'));
  });

  it('writes numbers and dates in the digits chosen', async () => {
    const { section } = await renderCard({
      settings: { ...DEFAULT_SETTINGS, digits: 'arab' },
      customerFields: FIELDS,
      customers: { [KEY]: customer({ order: 12345, due: '2026-03-19' }) },
    });
    expect(within(section).getByRole('textbox', { name: 'Order number' })).toHaveValue('١٢٣٤٥');
    expect(plain(section.querySelector('.customer-field-shown')?.textContent ?? '')).toMatch(/^Mar ١٩.*٢٠٢٦$/u);
  });

  it('writes the Hijri date beside a date when the user chose both calendars', async () => {
    const { section } = await renderCard({ settings: { ...DEFAULT_SETTINGS, calendar: 'both' }, customerFields: FIELDS, customers: { [KEY]: customer({ due: '2026-03-19' }) } });
    expect(plain(section.querySelector('.customer-field-shown')?.textContent ?? '')).toMatch(/^Mar 19, 2026 \(.*1447.*\)$/u);
  });
});

describe('the Fields tab', () => {
  async function openFields(extra: Partial<AppState>): Promise<Rendered & { panel: HTMLElement }> {
    const rendered = await renderShell(appState([service('wa', 'whatsapp', 'Shop')], extra));
    await rendered.user.click(screen.getByRole('button', { name: 'Shop tools' }));
    const dialog = await screen.findByRole('dialog', { name: 'Shop tools' });
    await rendered.user.click(within(dialog).getByRole('tab', { name: 'Fields' }));
    return { ...rendered, panel: within(dialog).getByRole('tabpanel') };
  }
  const customers = { 'chat:wa:a': customer({ city: 'Jeddah', size: 'M' }), 'chat:wa:b': customer({ city: 'Riyadh' }) };

  it('lists each field with its type, choices and how many customers have a value', async () => {
    const { panel } = await openFields({ customerFields: FIELDS, customers });
    expect(within(panel).getAllByRole('listitem').map((li) => plain(li.querySelector('.fields-row-text')?.textContent ?? ''))).toEqual([
      'CityText',
      'Order numberNumber',
      'DeliveryDate',
      'SizeChoice · S, M, L',
    ]);
    expect(within(panel).getAllByRole('listitem').map((li) => li.querySelector('.fields-row-usage')?.textContent)).toEqual(['2 customers', 'Not used yet', 'Not used yet', '1 customer']);
  });

  it('adds a choice field with its choices one per line, and refuses a blank name, a name in use and repeated choices', async () => {
    const { panel, user, bridge } = await openFields({ customerFields: [city] });
    const add = within(panel).getByRole('form', { name: 'New field' });
    const name = within(add).getByRole('textbox', { name: 'Name' });
    await user.click(within(add).getByRole('button', { name: 'Add field' }));
    expect(name).toHaveAccessibleDescription('Give the field a name.');
    await user.type(name, ' CITY ');
    await user.click(within(add).getByRole('button', { name: 'Add field' }));
    expect(name).toHaveAccessibleDescription('Another field has this name.');
    await user.clear(name);
    await user.type(name, 'المقاس');
    await user.selectOptions(within(add).getByRole('combobox', { name: 'Type' }), 'choice');
    const choices = within(add).getByRole('textbox', { name: 'Choices' });
    await user.type(choices, 'S{Enter} S {Enter}M');
    await user.click(within(add).getByRole('button', { name: 'Add field' }));
    expect(choices).toHaveAccessibleDescription('Write 1 to 30 choices, one per line, each once.');
    expect(bridge.sent('customerField.save')).toEqual([]);
    await user.clear(choices);
    await user.type(choices, ' S {Enter}{Enter}M{Enter}L');
    await user.click(within(add).getByRole('button', { name: 'Add field' }));
    expect(bridge.sent('customerField.save')).toEqual([{ type: 'customerField.save', name: 'المقاس', fieldType: 'choice', choices: ['S', 'M', 'L'] }]);
    expect(announced()).toBe('Added المقاس.');
    expect(name).toHaveValue('');
  });

  it('says in the form why main refused a change, keeping it open', async () => {
    const { panel, user, bridge } = await openFields({ customerFields: FIELDS, customers });
    await user.click(within(panel).getByRole('button', { name: named('Edit City') }));
    const editor = within(panel).getByRole('form', { name: named('Edit field City') });
    expect(within(editor).getByRole('textbox', { name: 'Name' })).toHaveFocus();
    await user.selectOptions(within(editor).getByRole('combobox', { name: 'Type' }), 'date');
    bridge.respond = () => ({ ok: false, error: 'invalid', detail: 'values-do-not-fit' });
    await user.click(within(editor).getByRole('button', { name: 'Save' }));
    expect(bridge.sent('customerField.save')).toEqual([{ type: 'customerField.save', id: 'city', name: 'City', fieldType: 'date' }]);
    expect(within(editor).getByRole('alert')).toHaveTextContent("Some customers have values this change can't keep.");
    bridge.respond = () => ({ ok: false, error: 'invalid', detail: 'duplicate-name' });
    await user.click(within(editor).getByRole('button', { name: 'Save' }));
    expect(within(editor).getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription('Another field has this name.');
    bridge.respond = () => ({ ok: true, id: 'city' });
    await user.keyboard('{Escape}');
    expect(within(panel).queryByRole('form', { name: named('Edit field City') })).toBeNull();
    expect(within(panel).getByRole('button', { name: named('Edit City') })).toHaveFocus();
  });

  it('moves a field up and down, the ends disabled', async () => {
    const { panel, user, bridge } = await openFields({ customerFields: FIELDS });
    expect(within(panel).getByRole('button', { name: named('Move City up') })).toBeDisabled();
    expect(within(panel).getByRole('button', { name: named('Move Size down') })).toBeDisabled();
    await user.click(within(panel).getByRole('button', { name: named('Move Size up') }));
    expect(bridge.sent('customerField.move')).toEqual([{ type: 'customerField.move', id: 'size', index: 2 }]);
    expect(announced()).toBe('Size is now 3 of 4.');
  });

  it('asks before deleting a field customers have values in, then offers undo', async () => {
    const { panel, user, bridge } = await openFields({ customerFields: FIELDS, customers });
    await user.click(within(panel).getByRole('button', { name: named('Delete City') }));
    const confirm = within(panel).getByRole('group', { name: named('Delete City? 2 customers have a value in it.') });
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    expect(bridge.sent('customerField.delete')).toEqual([{ type: 'customerField.delete', id: 'city' }]);
    act(() => bridge.push({ customerFields: FIELDS.slice(1), shopUndo: 'field-deleted' }));
    expect(plain(panel.querySelector('.shop-undo')?.textContent ?? '')).toBe('Deleted City. Its value is gone from 2 customers.Undo');
    await user.click(within(panel).getByRole('button', { name: 'Undo' }));
    expect(bridge.sent('shop.undo')).toEqual([{ type: 'shop.undo' }]);
    expect(announced()).toBe('Restored City.');
    // An unused field goes at once.
    await user.click(within(panel).getByRole('button', { name: named('Delete Delivery') }));
    expect(bridge.sent('customerField.delete').at(-1)).toEqual({ type: 'customerField.delete', id: 'due' });
  });
});

describe('searching the inbox by field values', () => {
  it('finds a customer by a city in another spelling and an order number in either digit set', async () => {
    const rendered = await renderShell(
      inboxState([service('wa', 'whatsapp', 'Shop')], {
        customerFields: FIELDS,
        customers: { [KEY]: customer({ city: 'جدة', order: 12345 }), 'chat:wa:omar': customer({ city: 'الرياض' }) },
      }),
      { wa: snapshot([chat('sara', 'Sara', { lastActivity: NOW - 2 * MINUTE }), chat('omar', 'Omar', { lastActivity: NOW - 5 * MINUTE })]) },
    );
    await screen.findByRole('listbox', { name: 'Chats' });
    const search = screen.getByRole('combobox', { name: 'Search chats' });
    const find = async (query: string) => {
      await rendered.user.clear(search);
      await rendered.user.type(search, query);
      return within(screen.getByRole('listbox', { name: 'Chats' }))
        .queryAllByRole('option')
        .map((row) => row.querySelector('.inbox-row-name')?.textContent);
    };
    expect(await find('جده')).toEqual(['Sara']);
    expect(await find('١٢٣٤٥')).toEqual(['Sara']);
    expect(await find('12345')).toEqual(['Sara']);
    expect(await find('الرياض')).toEqual(['Omar']);
    expect(await find('Dammam')).toEqual([]);
  });
});

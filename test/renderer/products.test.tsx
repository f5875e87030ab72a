/**
 * Products in the shell: the shop tools' Products tab (the empty state, adding with the price checked as main
 * checks it and typed in either digits, the currency a new product starts in, editing, moving, deleting with undo)
 * and the palette's Products tab (search whatever the Arabic letter forms, the line previewed, Enter types it into
 * the open chat), and {product:NAME} in a quick reply.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Command, CommandResult } from '../../common/ipc';
import { DEFAULT_SETTINGS } from '../../common/settings';
import type { Product } from '../../common/shop/products';
import type { AppState } from '../../common/state';
import { appState, service } from './fake-bridge';
import { chat, snapshot } from './inbox-data';
import { named, plain, renderShell, type Rendered } from './render';

const PRODUCTS: Product[] = [
  { id: 'p1', name: 'Blue abaya', price: { amount: '45.5', currency: 'SAR' }, link: 'https://shop.example/abaya', inStock: true },
  { id: 'p2', name: 'عباية سوداء', price: { amount: '60', currency: 'SAR' }, inStock: false },
  { id: 'p3', name: 'Silk scarf', price: { amount: '7.125', currency: 'JOD' }, photo: 'https://cdn.example/scarf.jpg', inStock: true },
];

function state(extra: Partial<AppState> = {}, language: 'en' | 'ar' = 'en', region: string | null = null): AppState {
  return appState([service('wa', 'whatsapp', 'WhatsApp')], {
    settings: { ...DEFAULT_SETTINGS, language, defaultRegion: region },
    products: PRODUCTS,
    ...extra,
  });
}

const SARA_OPEN = { wa: snapshot([chat('c1', 'Sara Ahmed', { kind: 'direct' })], { activeChatId: 'c1' }) };

const announced = () => plain(document.querySelector('[aria-live] span:last-child')?.textContent ?? '');
/** Text without bidi isolates and Intl's marks and no-break spaces. */
const bare = (text: string | null | undefined) => plain(text ?? '').replace(/[\u200e\u200f]/gu, '').replace(/\u00a0/gu, ' ');

async function openProducts(rendered: Rendered): Promise<HTMLElement> {
  await rendered.user.click(screen.getByRole('button', { name: 'Shop tools' }));
  const dialog = await screen.findByRole('dialog', { name: 'Shop tools' });
  await rendered.user.click(within(dialog).getByRole('tab', { name: 'Products' }));
  return within(dialog).getByRole('tabpanel');
}

const rows = (panel: HTMLElement) => within(panel).queryAllByRole('listitem').map((row) => bare(row.querySelector('.reply-row-text')?.textContent));

describe('the Products tab', () => {
  it('lists each product with its price in the user’s digits, out of stock marked, and its link', async () => {
    const rendered = await renderShell(state());
    const panel = await openProducts(rendered);
    expect(rows(panel)).toEqual([
      'Blue abayaSAR 45.50https://shop.example/abaya',
      'عباية سوداءSAR 60.00Out of stock',
      'Silk scarfJOD 7.125https://cdn.example/scarf.jpg',
    ]);
  });

  it('writes prices with Arabic-Indic digits when the user chose them', async () => {
    const rendered = await renderShell(state({}, 'ar'));
    rendered.bridge.push({ settings: { ...rendered.bridge.state.settings, digits: 'arab' } });
    await rendered.user.click(screen.getByRole('button', { name: 'أدوات المتجر' }));
    const dialog = await screen.findByRole('dialog', { name: 'أدوات المتجر' });
    await rendered.user.click(within(dialog).getByRole('tab', { name: 'المنتجات' }));
    const panel = within(dialog).getByRole('tabpanel');
    expect(rows(panel)[1]).toBe('عباية سوداء٦٠٫٠٠ ر.س.غير متوفر');
  });

  it('shows what the tab is for when there are no products, and adds the first one', async () => {
    const rendered = await renderShell(state({ products: [] }, 'en', 'JO'));
    const panel = await openProducts(rendered);
    expect(panel).toHaveTextContent('Answer prices in one step');
    await rendered.user.click(within(panel).getByRole('button', { name: 'Add your first product' }));
    const form = within(panel).getByRole('form', { name: 'New product' });
    // No product yet: the region's currency.
    expect(within(form).getByRole('combobox', { name: 'Currency' })).toHaveValue('JOD');
    expect(within(form).getByRole('textbox', { name: 'Name' })).toHaveFocus();
    await rendered.user.type(within(form).getByRole('textbox', { name: 'Name' }), '  Gold ring ');
    // Typed in Arabic-Indic digits with the Arabic decimal separator.
    await rendered.user.type(within(form).getByRole('textbox', { name: 'Price' }), '١٢٫٥');
    await rendered.user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(rendered.bridge.sent('product.save')).toEqual([{ type: 'product.save', name: 'Gold ring', price: { amount: '12.5', currency: 'JOD' }, inStock: true }]);
  });

  it('refuses in the form what main would refuse, sending nothing, the first wrong field focused', async () => {
    const rendered = await renderShell(state());
    const panel = await openProducts(rendered);
    await rendered.user.click(within(panel).getByRole('button', { name: 'New product' }));
    const form = within(panel).getByRole('form', { name: 'New product' });
    // Starts in the last product's currency.
    expect(within(form).getByRole('combobox', { name: 'Currency' })).toHaveValue('JOD');
    await rendered.user.click(within(form).getByRole('button', { name: 'Save' }));
    const name = within(form).getByRole('textbox', { name: 'Name' });
    expect(name).toHaveAccessibleDescription("Enter the product's name.");
    expect(name).toHaveFocus();
    expect(within(form).getByRole('textbox', { name: 'Price' })).toHaveAccessibleDescription('Write the price in digits, with a point for decimals: 45.50.');

    await rendered.user.type(name, 'Ring');
    await rendered.user.type(within(form).getByRole('textbox', { name: 'Price' }), '1,200');
    await rendered.user.type(within(form).getByRole('textbox', { name: /^Link/u }), 'http://shop.example/ring');
    await rendered.user.type(within(form).getByRole('textbox', { name: /^Photo link/u }), 'javascript:alert(1)');
    await rendered.user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('textbox', { name: 'Price' })).toHaveFocus();
    expect(within(form).getByRole('textbox', { name: /^Link/u })).toHaveAccessibleDescription('Enter an address that starts with https://');
    expect(within(form).getByRole('textbox', { name: /^Photo link/u })).toHaveAccessibleDescription('Enter an address that starts with https://');

    const price = within(form).getByRole('textbox', { name: 'Price' });
    await rendered.user.clear(price);
    await rendered.user.type(price, '7.1255');
    await rendered.user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(price).toHaveAccessibleDescription('Write the price in digits, with a point for decimals: 45.50.');
    await rendered.user.clear(price);
    await rendered.user.type(price, '100.5');
    await rendered.user.selectOptions(within(form).getByRole('combobox', { name: 'Currency' }), 'JPY');
    await rendered.user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(price).toHaveAccessibleDescription("This currency doesn't take that many decimals.");
    expect(rendered.bridge.sent('product.save')).toEqual([]);
  });

  it('says so when main’s list is full', async () => {
    const rendered = await renderShell(state());
    rendered.bridge.respond = (command: Command): CommandResult => (command.type === 'product.save' ? { ok: false, error: 'full' } : { ok: true });
    const panel = await openProducts(rendered);
    await rendered.user.click(within(panel).getByRole('button', { name: 'New product' }));
    const form = within(panel).getByRole('form', { name: 'New product' });
    await rendered.user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Ring');
    await rendered.user.type(within(form).getByRole('textbox', { name: 'Price' }), '10{Enter}');
    expect(within(form).getByRole('alert')).toHaveTextContent('Wasl keeps up to 500 products. Delete one to add another.');
  });

  it('edits a product: a link cleared is left out, out of stock switched on', async () => {
    const rendered = await renderShell(state());
    rendered.bridge.respond = (command: Command): CommandResult => (command.type === 'product.save' ? { ok: true, id: command.id ?? 'new' } : { ok: true });
    const panel = await openProducts(rendered);
    await rendered.user.click(within(panel).getByRole('button', { name: named('Edit Blue abaya') }));
    const form = within(panel).getByRole('form', { name: named('Editing Blue abaya') });
    expect(within(form).getByRole('textbox', { name: 'Price' })).toHaveValue('45.5');
    await rendered.user.clear(within(form).getByRole('textbox', { name: /^Link/u }));
    await rendered.user.click(within(form).getByRole('switch', { name: 'In stock' }));
    await rendered.user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(rendered.bridge.sent('product.save')).toEqual([{ type: 'product.save', id: 'p1', name: 'Blue abaya', price: { amount: '45.5', currency: 'SAR' }, inStock: false }]);
    expect(announced()).toBe('Saved Blue abaya.');
    expect(within(panel).queryByRole('form')).toBeNull();
  });

  it('Escape cancels an edit without closing the dialog', async () => {
    const rendered = await renderShell(state());
    const panel = await openProducts(rendered);
    await rendered.user.click(within(panel).getByRole('button', { name: named('Edit Silk scarf') }));
    await rendered.user.keyboard('{Escape}');
    expect(within(panel).queryByRole('form')).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Shop tools' })).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: named('Edit Silk scarf') })).toHaveFocus();
    expect(rendered.bridge.sent('product.save')).toEqual([]);
  });

  it('moves with the buttons and Alt+arrows', async () => {
    const rendered = await renderShell(state());
    const panel = await openProducts(rendered);
    await rendered.user.click(within(panel).getByRole('button', { name: named('Move Silk scarf up') }));
    expect(rendered.bridge.sent('product.move')).toEqual([{ type: 'product.move', id: 'p3', index: 1 }]);
    within(panel).getByRole('button', { name: named('Edit Blue abaya') }).focus();
    await rendered.user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(rendered.bridge.sent('product.move').at(-1)).toEqual({ type: 'product.move', id: 'p1', index: 1 });
  });

  it('deletes with undo', async () => {
    const rendered = await renderShell(state());
    const panel = await openProducts(rendered);
    await rendered.user.click(within(panel).getByRole('button', { name: named('Delete Blue abaya') }));
    expect(rendered.bridge.sent('product.delete')).toEqual([{ type: 'product.delete', id: 'p1' }]);
    rendered.bridge.push({ products: PRODUCTS.slice(1), shopUndo: 'product-deleted' });
    expect(plain(panel.querySelector('.shop-undo-text')?.textContent ?? '')).toBe('Deleted Blue abaya.');
    const undo = within(panel).getByRole('button', { name: 'Undo' });
    expect(undo).toHaveFocus();
    await rendered.user.click(undo);
    expect(rendered.bridge.sent('shop.undo')).toEqual([{ type: 'shop.undo' }]);
    rendered.bridge.push({ products: PRODUCTS, shopUndo: null });
    expect(announced()).toBe('Restored Blue abaya.');
    expect(within(panel).queryByRole('button', { name: 'Undo' })).toBeNull();
  });
});

async function openPaletteProducts(rendered: Rendered): Promise<HTMLElement> {
  rendered.bridge.action('quick-replies');
  const dialog = await screen.findByRole('dialog', { name: 'Quick replies' });
  await rendered.user.click(within(dialog).getByRole('tab', { name: 'Products' }));
  return dialog;
}

const optionNames = (dialog: HTMLElement) => within(dialog).queryAllByRole('option').map((o) => plain(o.querySelector('.reply-option-name')?.textContent ?? ''));

describe('the palette’s products', () => {
  it('finds products whatever the Arabic letter forms, previews the line, and Enter types it into the open chat', async () => {
    const rendered = await renderShell(state(), SARA_OPEN);
    const dialog = await openPaletteProducts(rendered);
    const search = within(dialog).getByRole('combobox', { name: 'Search products' });
    expect(search).toHaveFocus();
    expect(optionNames(dialog)).toEqual(['Blue abaya', 'عباية سوداء', 'Silk scarf']);
    expect(bare(within(dialog).getByRole('region', { name: 'Preview' }).querySelector('p')?.textContent)).toBe('Blue abaya — SAR 45.50 — https://shop.example/abaya');

    await rendered.user.type(search, 'عبايه');
    expect(optionNames(dialog)).toEqual(['عباية سوداء']);
    await rendered.user.clear(search);
    await rendered.user.type(search, 'scarf');
    expect(optionNames(dialog)).toEqual(['Silk scarf']);
    await rendered.user.clear(search);
    await rendered.user.type(search, 'zzz');
    expect(plain(dialog.querySelector('.reply-no-match')?.textContent ?? '')).toBe('No product matches “zzz”.');
    await rendered.user.clear(search);

    await rendered.user.keyboard('{ArrowDown}');
    expect(within(dialog).getByRole('option', { selected: true })).toHaveTextContent('عباية سوداء');
    await rendered.user.keyboard('{Enter}');
    const [sent] = rendered.bridge.sent('service.insertText');
    expect(bare(sent?.text)).toBe('عباية سوداء — SAR 60.00 — out of stock');
    expect(sent?.id).toBe('wa');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(announced()).toBe('عباية سوداء is in the message box of WhatsApp: check it, then press send.');
  });

  it('says why it could not type, and stays open', async () => {
    const rendered = await renderShell(state(), SARA_OPEN);
    rendered.bridge.respond = (command: Command): CommandResult => (command.type === 'service.insertText' ? { ok: false, error: 'no-composer' } : { ok: true });
    const dialog = await openPaletteProducts(rendered);
    await rendered.user.keyboard('{Enter}');
    expect(plain(within(dialog).getByRole('alert').textContent)).toBe('Open a chat in WhatsApp first, then choose the reply again.');
    expect(screen.getByRole('dialog', { name: 'Quick replies' })).toBe(dialog);
  });

  it('with no products, points to the shop tools', async () => {
    const rendered = await renderShell(state({ products: [] }), SARA_OPEN);
    const dialog = await openPaletteProducts(rendered);
    expect(dialog).toHaveTextContent('No products yet');
    await rendered.user.click(within(dialog).getByRole('button', { name: 'Add products' }));
    const shop = await screen.findByRole('dialog', { name: 'Shop tools' });
    expect(within(shop).getByRole('tab', { name: 'Products' })).toHaveAttribute('aria-selected', 'true');
  });

  it('fills {product:NAME} in a quick reply, and says which names no product has', async () => {
    const quickReplies = [{ id: 'r1', name: 'price', body: 'Hi {first_name}! {product:blue ABAYA} {product:Red dress}' }];
    const rendered = await renderShell(state({ quickReplies }), SARA_OPEN);
    rendered.bridge.action('quick-replies');
    const dialog = await screen.findByRole('dialog', { name: 'Quick replies' });
    expect(bare(within(dialog).getByRole('region', { name: 'Preview' }).querySelector('p')?.textContent)).toBe(
      'Hi Sara! Blue abaya — SAR 45.50 — https://shop.example/abaya {product:Red dress}',
    );
    expect(bare(dialog.textContent)).toContain('No product is named Red dress: it is typed as written.');
    await rendered.user.keyboard('{Enter}');
    expect(bare(rendered.bridge.sent('service.insertText')[0]?.text)).toBe('Hi Sara! Blue abaya — SAR 45.50 — https://shop.example/abaya {product:Red dress}');
  });

  it('moves between its tabs with the arrow keys', async () => {
    const rendered = await renderShell(state(), SARA_OPEN);
    rendered.bridge.action('quick-replies');
    const dialog = await screen.findByRole('dialog', { name: 'Quick replies' });
    within(dialog).getByRole('tab', { name: 'Quick replies' }).focus();
    await rendered.user.keyboard('{ArrowRight}');
    expect(within(dialog).getByRole('tab', { name: 'Products' })).toHaveFocus();
    expect(within(dialog).getByRole('tabpanel')).toHaveAccessibleName('Products');
    expect(within(dialog).getByRole('combobox', { name: 'Search products' })).toBeInTheDocument();
  });

  it('the quick reply editor puts {product:NAME} at the caret from its product menu, and previews the line', async () => {
    const rendered = await renderShell(state());
    await rendered.user.click(screen.getByRole('button', { name: 'Shop tools' }));
    const dialog = await screen.findByRole('dialog', { name: 'Shop tools' });
    await rendered.user.click(within(dialog).getByRole('button', { name: 'New reply' }));
    const body = within(dialog).getByRole('textbox', { name: 'Text' });
    await rendered.user.type(body, 'Price: ');
    await rendered.user.selectOptions(within(dialog).getByRole('combobox', { name: 'Insert a product' }), 'Silk scarf');
    expect(body).toHaveValue('Price: {product:Silk scarf}');
    expect(bare(dialog.querySelector('.reply-editor-preview-text')?.textContent)).toBe('Price: Silk scarf — JOD 7.125 — https://cdn.example/scarf.jpg');
    expect(within(dialog).getByRole('combobox', { name: 'Insert a product' })).toHaveValue('');
  });
});

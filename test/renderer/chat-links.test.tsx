import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, mergeSettings, type ChatLinkSettings } from '../../common/settings';
import { qrModules, qrPath } from '../../common/shop/qr-code';
import type { AppState } from '../../common/state';
import { appState, service } from './fake-bridge';
import { renderShell, type Rendered } from './render';

const ARABIC = 'مرحبا، أريد كيكة 🎂 #2 & توصيل';
const LINK = `https://wa.me/966501234567?text=${encodeURIComponent(ARABIC)}`;

function state(region: string | null = null, language: 'en' | 'ar' = 'en', chatLinks: ChatLinkSettings = DEFAULT_SETTINGS.shop.chatLinks): AppState {
  return appState([service('tg', 'telegram', 'Shop TG'), service('wa', 'whatsapp', 'Shop')], {
    settings: { ...DEFAULT_SETTINGS, language, defaultRegion: region, shop: { ...DEFAULT_SETTINGS.shop, name: 'حلويات نور', chatLinks } },
  });
}

async function openTab(rendered: Rendered, names = { tools: 'Shop tools', tab: 'Chat links' }): Promise<HTMLElement> {
  await rendered.user.click(screen.getByRole('button', { name: names.tools }));
  const dialog = await screen.findByRole('dialog', { name: names.tools });
  await rendered.user.click(within(dialog).getByRole('tab', { name: names.tab }));
  return within(dialog).getByRole('tabpanel');
}

describe('chat links', () => {
  it("offers the user's own platforms first, then the others", async () => {
    const rendered = await renderShell(state());
    const panel = await openTab(rendered);
    const options = within(within(panel).getByRole('combobox', { name: 'Platform' })).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['WhatsApp', 'Telegram', 'Messenger', 'Instagram']);
  });

  it('explains a refused number in place and shows no link until the number is whole', async () => {
    const rendered = await renderShell(state());
    const panel = await openTab(rendered);
    const number = within(panel).getByRole('textbox', { name: 'WhatsApp number' });
    expect(number).toHaveAttribute('dir', 'ltr');
    await rendered.user.type(number, '050 123 4567');
    expect(number).toHaveAccessibleDescription('Start with + and the country code, or set where local numbers are from in Settings.');
    expect(within(panel).queryByRole('img')).toBeNull();
    await rendered.user.clear(number);
    await rendered.user.type(number, '+966 50 123');
    expect(number).toHaveAccessibleDescription('This is not a valid phone number. Check the country code and the digits.');
    expect(within(panel).queryByRole('button', { name: 'Copy link' })).toBeNull();
  });

  it('builds the link from a local number in the settings region and an Arabic message, draws its QR code, copies and saves it through main', async () => {
    const rendered = await renderShell(state('SA'));
    const panel = await openTab(rendered);
    await rendered.user.type(within(panel).getByRole('textbox', { name: 'WhatsApp number' }), '050 123 4567');
    await rendered.user.type(within(panel).getByRole('textbox', { name: 'Message to pre-fill (optional)' }), ARABIC);
    const link = within(panel).getByRole('status', { name: 'Chat link' });
    expect(link).toHaveTextContent(LINK);
    expect(link).toHaveAttribute('dir', 'ltr');
    const qr = within(panel).getAllByRole('img', { name: 'QR code to chat on WhatsApp' })[0];
    expect(qr?.querySelector('path')?.getAttribute('d')).toBe(qrPath(qrModules(LINK)));

    await rendered.user.click(within(panel).getByRole('button', { name: 'Copy link' }));
    expect(rendered.bridge.sent('chatLink.copy')).toEqual([{ type: 'chatLink.copy', link: LINK }]);
    expect(within(panel).getByText('Link copied.')).toBeInTheDocument();
    await rendered.user.click(within(panel).getByRole('button', { name: 'Save PNG' }));
    await rendered.user.click(within(panel).getByRole('button', { name: 'Save SVG' }));
    expect(rendered.bridge.sent('chatLink.save')).toEqual([
      { type: 'chatLink.save', link: LINK, format: 'png' },
      { type: 'chatLink.save', link: LINK, format: 'svg' },
    ]);
    expect(within(panel).getByText('QR code saved.')).toBeInTheDocument();
  });

  it('says nothing when the save dialog is closed, and says so when main fails', async () => {
    const rendered = await renderShell(state());
    const panel = await openTab(rendered);
    await rendered.user.type(within(panel).getByRole('textbox', { name: 'WhatsApp number' }), '+966501234567');
    rendered.bridge.respond = () => ({ ok: false, error: 'cancelled' });
    await rendered.user.click(within(panel).getByRole('button', { name: 'Save PNG' }));
    expect(within(panel).queryByText('QR code saved.')).toBeNull();
    expect(within(panel).queryByText('That did not work. Try again.')).toBeNull();
    rendered.bridge.respond = () => ({ ok: false, error: 'failed', detail: 'EACCES' });
    await rendered.user.click(within(panel).getByRole('button', { name: 'Save SVG' }));
    expect(within(panel).getByText('That did not work. Try again.')).toBeInTheDocument();
  });

  it('takes no message for Messenger, and refuses a username Telegram would not have', async () => {
    const rendered = await renderShell(state());
    const panel = await openTab(rendered);
    const platform = within(panel).getByRole('combobox', { name: 'Platform' });
    await rendered.user.selectOptions(platform, 'messenger');
    expect(within(panel).queryByRole('textbox', { name: 'Message to pre-fill (optional)' })).toBeNull();
    expect(within(panel).getByText('Messenger links cannot carry a pre-filled message.')).toBeInTheDocument();
    await rendered.user.type(within(panel).getByRole('textbox', { name: 'Facebook Page username or ID' }), 'SweetShop.Riyadh');
    expect(within(panel).getByRole('status', { name: 'Chat link' })).toHaveTextContent('https://m.me/SweetShop.Riyadh');

    await rendered.user.selectOptions(platform, 'telegram');
    const name = within(panel).getByRole('textbox', { name: 'Telegram username' });
    await rendered.user.type(name, '5shop');
    expect(name).toHaveAccessibleDescription('A Telegram username starts with a letter and does not end with _.');
  });

  it("prints a card in the language chosen on it, with the shop's name, whatever the UI language", async () => {
    const rendered = await renderShell(state());
    const panel = await openTab(rendered);
    await rendered.user.type(within(panel).getByRole('textbox', { name: 'WhatsApp number' }), '+966501234567');
    const card = within(panel).getByRole('region', { name: 'Card to print' });
    expect(card).toHaveAttribute('lang', 'en');
    expect(card).toHaveTextContent('Scan to chat with us on WhatsApp');
    await rendered.user.selectOptions(within(panel).getByRole('combobox', { name: 'Card language' }), 'ar');
    expect(card).toHaveAttribute('dir', 'rtl');
    expect(card).toHaveTextContent('حلويات نور');
    expect(card).toHaveTextContent('امسح الرمز لمحادثتنا على WhatsApp');
    expect(card).toHaveTextContent('wa.me/966501234567');
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    await rendered.user.click(within(panel).getByRole('button', { name: 'Print card' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('reads right to left in Arabic, the link and number left to right', async () => {
    const rendered = await renderShell(state('SA', 'ar'));
    const panel = await openTab(rendered, { tools: 'أدوات المتجر', tab: 'روابط المحادثة' });
    const number = within(panel).getByRole('textbox', { name: 'رقم واتساب' });
    await rendered.user.type(number, '0501234567');
    expect(within(panel).getByRole('status', { name: 'رابط المحادثة' })).toHaveAttribute('dir', 'ltr');
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(within(panel).getByRole('region', { name: 'البطاقة للطباعة' })).toHaveAttribute('lang', 'ar');
  });
});

describe('what the chat links tab remembers', () => {
  const KEPT: ChatLinkSettings = {
    last: 'telegram',
    whatsapp: { account: '+966501234567', message: 'مرحبا' },
    messenger: { account: '' },
    instagram: { account: 'sweet.shop' },
    telegram: { account: 'sweet_shop', message: 'Hi!' },
  };

  /** The settings.set commands the tab sent, as the patches of their chat links. */
  const saves = (rendered: Rendered) => rendered.bridge.sent('settings.set').map((c) => c.shop?.chatLinks);

  /** Main applies every settings.set sent so far and pushes the settings, as it would. */
  function applied(rendered: Rendered): void {
    const settings = rendered.bridge.sent('settings.set').reduce((current, { type: _type, ...patch }) => mergeSettings(current, patch), rendered.bridge.state.settings);
    rendered.bridge.push({ settings });
  }

  it("opens on the platform last used with its saved entry; each platform shows its own, and the one chosen is remembered", async () => {
    const rendered = await renderShell(state(null, 'en', KEPT));
    const panel = await openTab(rendered);
    const platform = within(panel).getByRole('combobox', { name: 'Platform' });
    expect(platform).toHaveValue('telegram');
    expect(within(panel).getByRole('textbox', { name: 'Telegram username' })).toHaveValue('sweet_shop');
    expect(within(panel).getByRole('textbox', { name: 'Message to pre-fill (optional)' })).toHaveValue('Hi!');
    expect(within(panel).getByRole('status', { name: 'Chat link' })).toHaveTextContent('https://t.me/sweet_shop?text=Hi!');

    await rendered.user.selectOptions(platform, 'whatsapp');
    expect(within(panel).getByRole('textbox', { name: 'WhatsApp number' })).toHaveValue('+966501234567');
    expect(within(panel).getByRole('textbox', { name: 'Message to pre-fill (optional)' })).toHaveValue('مرحبا');
    await rendered.user.selectOptions(platform, 'messenger');
    expect(within(panel).getByRole('textbox', { name: 'Facebook Page username or ID' })).toHaveValue('');
    await rendered.user.selectOptions(platform, 'instagram');
    expect(within(panel).getByRole('textbox', { name: 'Instagram username' })).toHaveValue('sweet.shop');
    // Only the platform is saved: no entry changed.
    expect(saves(rendered)).toEqual([{ last: 'whatsapp' }, { last: 'messenger' }, { last: 'instagram' }]);
  });

  it('saves an entry when its field loses the focus or its link is copied, once, and only when it changed', async () => {
    const rendered = await renderShell(state('SA'));
    const panel = await openTab(rendered);
    const number = within(panel).getByRole('textbox', { name: 'WhatsApp number' });
    const message = within(panel).getByRole('textbox', { name: 'Message to pre-fill (optional)' });
    expect(number).toHaveValue('');
    await rendered.user.click(number);
    await rendered.user.click(message);
    expect(saves(rendered)).toEqual([]);

    await rendered.user.type(number, '050 123');
    await rendered.user.click(message);
    // Half a number is kept as typed: the owner may come back to it.
    expect(saves(rendered)).toEqual([{ whatsapp: { account: '050 123' }, last: 'whatsapp' }]);
    await rendered.user.click(number);
    await rendered.user.type(number, '4567');
    await rendered.user.click(message);
    expect(saves(rendered).at(-1)).toEqual({ whatsapp: { account: '050 1234567' }, last: 'whatsapp' });

    // Copying saves what the fields show, even before they lose the focus; the blur after it sends nothing more.
    await rendered.user.type(message, 'مرحبا');
    fireEvent.click(within(panel).getByRole('button', { name: 'Copy link' }));
    expect(rendered.bridge.commands.slice(-2)).toEqual([
      { type: 'settings.set', shop: { chatLinks: { whatsapp: { message: 'مرحبا' }, last: 'whatsapp' } } },
      { type: 'chatLink.copy', link: `https://wa.me/966501234567?text=${encodeURIComponent('مرحبا')}` },
    ]);
    await rendered.user.click(within(panel).getByRole('button', { name: 'Save PNG' }));
    expect(saves(rendered)).toHaveLength(3);

    // Main's answer lands: nothing changed since, nothing is sent.
    applied(rendered);
    expect(rendered.bridge.state.settings.shop.chatLinks).toEqual({ ...DEFAULT_SETTINGS.shop.chatLinks, last: 'whatsapp', whatsapp: { account: '050 1234567', message: 'مرحبا' } });
    await rendered.user.click(number);
    await rendered.user.click(message);
    await rendered.user.click(within(panel).getByRole('button', { name: 'Save SVG' }));
    expect(saves(rendered)).toHaveLength(3);
  });

  it('saves what a field shows when the shop tools close with the focus in it', async () => {
    const rendered = await renderShell(state(null, 'en', KEPT));
    const panel = await openTab(rendered);
    await rendered.user.type(within(panel).getByRole('textbox', { name: 'Message to pre-fill (optional)' }), ' 🎂');
    await rendered.user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Shop tools' })).toBeNull();
    expect(saves(rendered)).toEqual([{ telegram: { message: 'Hi! 🎂' } }]);
  });

  it('sends no message for a platform whose links take none', async () => {
    const rendered = await renderShell(state(null, 'en', { ...DEFAULT_SETTINGS.shop.chatLinks, last: 'messenger' }));
    const panel = await openTab(rendered);
    await rendered.user.type(within(panel).getByRole('textbox', { name: 'Facebook Page username or ID' }), 'SweetShop.Riyadh');
    await rendered.user.click(within(panel).getByRole('button', { name: 'Copy link' }));
    expect(saves(rendered)).toEqual([{ messenger: { account: 'SweetShop.Riyadh' } }]);
  });

  it('says so in an alert when main refuses, keeps what was typed, and saves it on the next try', async () => {
    const rendered = await renderShell(state(null, 'en', KEPT));
    const panel = await openTab(rendered);
    const name = within(panel).getByRole('textbox', { name: 'Telegram username' });
    rendered.bridge.respond = (command) => (command.type === 'settings.set' ? { ok: false, error: 'invalid' } : { ok: true });
    await rendered.user.type(name, '_riyadh');
    await rendered.user.click(within(panel).getByRole('textbox', { name: 'Message to pre-fill (optional)' }));
    expect(await within(panel).findByRole('alert')).toHaveTextContent('Wasl could not save this change. Try again.');
    expect(name).toHaveValue('sweet_shop_riyadh');

    rendered.bridge.respond = () => ({ ok: true });
    await rendered.user.click(name);
    await rendered.user.tab();
    expect(saves(rendered)).toEqual([{ telegram: { account: 'sweet_shop_riyadh' } }, { telegram: { account: 'sweet_shop_riyadh' } }]);
    expect(within(panel).queryByRole('alert')).toBeNull();
  });

  it('keeps what is being typed in one field when main takes the other', async () => {
    const rendered = await renderShell(state('SA'));
    const panel = await openTab(rendered);
    const number = within(panel).getByRole('textbox', { name: 'WhatsApp number' });
    const message = within(panel).getByRole('textbox', { name: 'Message to pre-fill (optional)' });
    await rendered.user.type(number, '0501234567');
    await rendered.user.type(message, 'مرحبا');
    applied(rendered);
    expect(rendered.bridge.state.settings.shop.chatLinks.whatsapp).toEqual({ account: '0501234567', message: '' });
    expect(number).toHaveValue('0501234567');
    expect(message).toHaveValue('مرحبا');
    await rendered.user.tab();
    expect(saves(rendered)).toEqual([{ whatsapp: { account: '0501234567' }, last: 'whatsapp' }, { whatsapp: { message: 'مرحبا' } }]);
  });

  it('shows an entry changed elsewhere, as after restoring a backup', async () => {
    const rendered = await renderShell(state(null, 'en', KEPT));
    const panel = await openTab(rendered);
    const settings = rendered.bridge.state.settings;
    rendered.bridge.push({ settings: { ...settings, shop: { ...settings.shop, chatLinks: { ...KEPT, telegram: { account: 'noor_sweets', message: 'أهلاً' } } } } });
    expect(within(panel).getByRole('textbox', { name: 'Telegram username' })).toHaveValue('noor_sweets');
    expect(within(panel).getByRole('textbox', { name: 'Message to pre-fill (optional)' })).toHaveValue('أهلاً');
    expect(saves(rendered)).toEqual([]);
  });

  it("clears a platform's entry and saves it empty, the others kept", async () => {
    const rendered = await renderShell(state(null, 'en', KEPT));
    const panel = await openTab(rendered);
    await rendered.user.click(within(panel).getByRole('button', { name: 'Clear' }));
    const name = within(panel).getByRole('textbox', { name: 'Telegram username' });
    expect(name).toHaveValue('');
    expect(name).toHaveFocus();
    expect(within(panel).getByRole('textbox', { name: 'Message to pre-fill (optional)' })).toHaveValue('');
    expect(within(panel).queryByRole('button', { name: 'Clear' })).toBeNull();
    expect(within(panel).queryByRole('status', { name: 'Chat link' })).toBeNull();
    expect(saves(rendered)).toEqual([{ telegram: { account: '', message: '' } }]);
    await rendered.user.selectOptions(within(panel).getByRole('combobox', { name: 'Platform' }), 'whatsapp');
    expect(within(panel).getByRole('textbox', { name: 'WhatsApp number' })).toHaveValue('+966501234567');
  });
});

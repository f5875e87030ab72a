import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../common/settings';
import { qrModules, qrPath } from '../../common/shop/qr-code';
import type { AppState } from '../../common/state';
import { appState, service } from './fake-bridge';
import { renderShell, type Rendered } from './render';

const ARABIC = 'مرحبا، أريد كيكة 🎂 #2 & توصيل';
const LINK = `https://wa.me/966501234567?text=${encodeURIComponent(ARABIC)}`;

function state(region: string | null = null, language: 'en' | 'ar' = 'en'): AppState {
  return appState([service('tg', 'telegram', 'Shop TG'), service('wa', 'whatsapp', 'Shop')], {
    settings: { ...DEFAULT_SETTINGS, language, defaultRegion: region, shop: { ...DEFAULT_SETTINGS.shop, name: 'حلويات نور' } },
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

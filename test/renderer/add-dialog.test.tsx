import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { UNAVAILABLE_PLATFORMS } from '../../common/catalog';
import { LIMITS } from '../../common/ipc';
import { MAX_SERVICE_NAME } from '../../renderer/src/features/services/name';
import { appState, service } from './fake-bridge';
import { renderShell } from './render';

async function openAddDialog(services = [service('a', 'whatsapp', 'WhatsApp')]) {
  const rendered = await renderShell(appState(services));
  await rendered.user.click(screen.getByRole('button', { name: 'Add a service' }));
  return { ...rendered, dialog: screen.getByRole('dialog', { name: 'Add a service' }) };
}

const cardNames = (dialog: HTMLElement) =>
  [...dialog.querySelectorAll('.platform-card:not(.is-unavailable) .platform-card-name')].map((el) => el.textContent);

describe('add service dialog: choosing a platform', () => {
  it('lists the catalog in order, then the platforms that cannot be added, disabled, with their reason', async () => {
    const { dialog, bridge, user } = await openAddDialog();
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(within(dialog).getByRole('searchbox', { name: 'Search platforms' })).toHaveFocus();
    expect(cardNames(dialog)).toEqual([
      'WhatsApp',
      'Messenger',
      'Instagram',
      'Telegram',
      'Google Messages',
      'WeChat',
      'Discord',
      'Slack',
      'Other messenger',
    ]);
    const unavailable = within(dialog).getByRole('region', { name: 'Not available' });
    const viber = within(unavailable).getByRole('button', { name: /^Viber/u });
    expect(viber).toHaveAttribute('aria-disabled', 'true');
    expect(viber).toHaveTextContent('Viber has no web version: it only runs as a phone or desktop app.');
    expect(within(unavailable).getAllByRole('button')).toHaveLength(UNAVAILABLE_PLATFORMS.length);
    expect(within(unavailable).getByRole('button', { name: /^Pinngle/u })).toHaveTextContent('Pinngle is discontinued: its apps and service are gone.');
    expect(within(unavailable).getByRole('button', { name: /^Skype/u })).toHaveTextContent('Skype was retired in May 2025');

    await user.click(viber);
    expect(screen.getByRole('dialog', { name: 'Add a service' })).toBeInTheDocument();
    expect(bridge.commands).toEqual([]);
  });

  it('filters by name, ignoring case and accents, and in Arabic too', async () => {
    const { dialog, user } = await openAddDialog();
    const search = within(dialog).getByRole('searchbox');
    await user.type(search, 'TÉLÉ');
    expect(cardNames(dialog)).toEqual(['Telegram']);
    expect(within(dialog).queryByRole('region', { name: 'Not available' })).toBeNull();

    await user.clear(search);
    await user.type(search, 'sig');
    expect(cardNames(dialog)).toEqual([]);
    expect(within(dialog).getByRole('region', { name: 'Not available' })).toHaveTextContent(/^Not availableSignal/u);

    await user.clear(search);
    await user.type(search, 'واتساب');
    expect(cardNames(dialog)).toEqual(['WhatsApp']);

    await user.clear(search);
    await user.type(search, 'zzz');
    expect(within(dialog).getByRole('status')).toHaveTextContent('No platform matches your search.');
  });

  it('Escape closes it and gives the focus back to the add button', async () => {
    const { user } = await openAddDialog();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Add a service' })).toHaveFocus();
  });

  it('keeps Tab inside the dialog', async () => {
    const { dialog, user } = await openAddDialog();
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(within(dialog).getByRole('button', { name: /^Pinngle/u })).toHaveFocus();
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
  });
});

describe('add service dialog: the account', () => {
  it('suggests "WhatsApp 2" when "WhatsApp" exists and sends service.add with the name', async () => {
    const { dialog, bridge, user } = await openAddDialog();
    await user.click(within(dialog).getByRole('button', { name: /^WhatsApp/u }));
    const form = screen.getByRole('dialog', { name: 'Add WhatsApp' });
    const name = within(form).getByRole('textbox', { name: 'Name' });
    expect(name).toHaveValue('WhatsApp 2');
    expect(name).toHaveFocus();
    await user.click(within(form).getByRole('button', { name: 'Add' }));
    expect(bridge.commands).toEqual([{ type: 'service.add', platform: 'whatsapp', name: 'WhatsApp 2' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('refuses an empty or too long name', async () => {
    // The shell mirrors main's limit (it does not import common/ipc.ts, which would bundle zod).
    expect(MAX_SERVICE_NAME).toBe(LIMITS.serviceName);
    const { dialog, bridge, user } = await openAddDialog();
    await user.click(within(dialog).getByRole('button', { name: /^Telegram/u }));
    const name = screen.getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(name).toHaveAccessibleDescription(/^Enter a name\./u);
    await user.type(name, 'x'.repeat(65));
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(/^Use at most 64 characters\./u);
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(bridge.commands).toEqual([]);
  });

  it('goes back to the platforms with Back', async () => {
    const { dialog, user } = await openAddDialog();
    await user.click(within(dialog).getByRole('button', { name: /^Slack/u }));
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('dialog', { name: 'Add a service' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Slack/u })).toHaveFocus();
  });

  it('a custom http:// address shows the https error at once and blocks Add', async () => {
    const { dialog, bridge, user } = await openAddDialog();
    await user.click(within(dialog).getByRole('button', { name: /^Other messenger/u }));
    const url = screen.getByRole('textbox', { name: 'Web address' });
    expect(url).toHaveFocus();
    await user.type(url, 'http://chat.example.com');
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(url).toHaveAccessibleDescription(/^Only secure \(https:\/\/\) addresses can be added\./u);
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(bridge.commands).toEqual([]);
    expect(url).toHaveFocus();
  });

  it('a custom address without a domain is flagged once the field is left, an empty one on Add', async () => {
    const { dialog, bridge, user } = await openAddDialog();
    await user.click(within(dialog).getByRole('button', { name: /^Other messenger/u }));
    const url = screen.getByRole('textbox', { name: 'Web address' });
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(url).toHaveAccessibleDescription(/^Enter the address of the messenger's web page\./u);
    await user.type(url, 'intranet');
    expect(url).toHaveAccessibleDescription(/^Enter a full address with a domain/u);
    await user.type(url, '.example.com');
    expect(url).not.toHaveAttribute('aria-invalid');
    expect(bridge.commands).toEqual([]);
  });

  it('a valid custom address sends service.add with the normalized https URL and suggests the host as name', async () => {
    const { dialog, bridge, user } = await openAddDialog();
    await user.click(within(dialog).getByRole('button', { name: /^Other messenger/u }));
    await user.type(screen.getByRole('textbox', { name: 'Web address' }), 'www.chat.example.com/app');
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveAttribute('placeholder', 'chat.example.com');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(bridge.commands).toEqual([{ type: 'service.add', platform: 'custom', url: 'https://www.chat.example.com/app' }]);
  });

  it('shows the error main answers with and stays open', async () => {
    const { dialog, bridge, user } = await openAddDialog();
    bridge.respond = () => ({ ok: false, error: 'custom-url', detail: 'credentials' });
    await user.click(within(dialog).getByRole('button', { name: /^Other messenger/u }));
    await user.type(screen.getByRole('textbox', { name: 'Web address' }), 'https://chat.example.com');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Remove the user name and password from the address');
    expect(screen.getByRole('dialog', { name: 'Add a messenger by its address' })).toBeInTheDocument();

    bridge.respond = () => ({ ok: false, error: 'failed' });
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("Wasl couldn't add this service. Please try again.");
  });
});

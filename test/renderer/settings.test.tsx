import { getCountries } from 'libphonenumber-js';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { namedRegions, PHONE_REGIONS } from '../../renderer/src/features/settings/regions';
import { appState, service } from './fake-bridge';
import { renderShell } from './render';

describe('settings for the inbox', () => {
  it('the country of local numbers: every region by its name in the UI language, or not set', async () => {
    const { bridge, user } = await renderShell(appState([service('a', 'whatsapp', 'WhatsApp')]));
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const region = within(await screen.findByRole('dialog', { name: 'Settings' })).getByRole('combobox', { name: 'Country for local phone numbers' });
    expect(region).toHaveValue('');
    expect(region).toHaveAccessibleDescription(/Numbers saved without a country code/u);
    const options = within(region).getAllByRole('option');
    expect(options).toHaveLength(PHONE_REGIONS.length + 1);
    expect(options[0]).toHaveTextContent('Not set');
    await user.selectOptions(region, 'Saudi Arabia');
    expect(bridge.sent('settings.set')).toEqual([{ type: 'settings.set', defaultRegion: 'SA' }]);

    bridge.push({ settings: { ...bridge.state.settings, defaultRegion: 'SA' } });
    expect(region).toHaveValue('SA');
    await user.selectOptions(region, 'Not set');
    expect(bridge.sent('settings.set').at(-1)).toEqual({ type: 'settings.set', defaultRegion: null });
  });

  it('what unread badges count: messages or chats', async () => {
    const { bridge, user } = await renderShell(appState([service('a', 'whatsapp', 'WhatsApp')]));
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const group = screen.getByRole('group', { name: 'Unread badges count' });
    expect(within(group).getByRole('radio', { name: 'Messages' })).toBeChecked();
    await user.click(within(group).getByRole('radio', { name: 'Chats' }));
    expect(bridge.sent('settings.set')).toEqual([{ type: 'settings.set', unreadCount: 'chats' }]);
  });

  it('offers exactly the regions main can read local numbers of, named and sorted per language', () => {
    expect([...PHONE_REGIONS].sort()).toEqual([...getCountries()].sort());
    const english = namedRegions('en');
    expect(english.find((r) => r.code === 'EG')?.name).toBe('Egypt');
    expect(english.map((r) => r.name)).toEqual([...english.map((r) => r.name)].sort(new Intl.Collator('en').compare));
    expect(namedRegions('ar').find((r) => r.code === 'SA')?.name).toBe('المملكة العربية السعودية');
  });
});

/**
 * The desktop and update parts of the settings, and the banner that offers the restart once an update is
 * downloaded: what each switch sends, what a development build and macOS leave out, that only a click on
 * "Restart to Update" asks main to install, and what a refused (unverified) download says.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../common/settings';
import type { AppState } from '../../common/state';
import { appState, service } from './fake-bridge';
import { plain, renderShell } from './render';

const services = [service('a', 'whatsapp', 'WhatsApp')];

async function openSettings(state: AppState, name = 'Settings') {
  const rendered = await renderShell(state);
  await rendered.user.click(screen.getByRole('button', { name }));
  const dialog = await screen.findByRole('dialog', { name });
  return { ...rendered, dialog };
}

describe('settings: desktop', () => {
  it('sends each switch as a setting, with a hint that says what it does', async () => {
    const { bridge, user, dialog } = await openSettings(appState(services));
    const desktop = within(within(dialog).getByRole('region', { name: 'Desktop' }));
    const login = desktop.getByRole('switch', { name: 'Open at login' });
    expect(login).not.toBeChecked();
    expect(login).toHaveAccessibleDescription('Wasl opens when you sign in to your computer.');
    await user.click(login);
    await user.click(desktop.getByRole('switch', { name: 'Start hidden' }));
    const close = desktop.getByRole('switch', { name: 'Keep running in the tray' });
    expect(close).toBeChecked();
    expect(close).toHaveAccessibleDescription(/keeps Wasl running/u);
    await user.click(close);
    expect(bridge.sent('settings.set')).toEqual([
      { type: 'settings.set', startAtLogin: true },
      { type: 'settings.set', startMinimized: true },
      { type: 'settings.set', closeToTray: false },
    ]);
    bridge.push({ settings: { ...bridge.state.settings, closeToTray: false } });
    expect(close).not.toBeChecked();
    expect(close).toHaveAccessibleDescription('Closing the window quits Wasl: no notifications until you open it again.');
  });

  it('on macOS, where closing a window never quits, offers no close switch and speaks of the Dock', async () => {
    const { dialog } = await openSettings(appState(services, { os: 'darwin' }));
    const desktop = within(within(dialog).getByRole('region', { name: 'Desktop' }));
    expect(desktop.queryByRole('switch', { name: 'Keep running in the tray' })).toBeNull();
    expect(desktop.getByRole('switch', { name: 'Start hidden' })).toHaveAccessibleDescription(/Dock/u);
  });

  it('in a development build, opening at login and updating are off and say why', async () => {
    const { bridge, user, dialog } = await openSettings(appState(services, { packaged: false, settings: { ...DEFAULT_SETTINGS, startAtLogin: true } }));
    const login = within(dialog).getByRole('switch', { name: 'Open at login' });
    const updates = within(dialog).getByRole('switch', { name: 'Update automatically' });
    for (const control of [login, updates]) {
      expect(control).toBeDisabled();
      expect(control).not.toBeChecked();
      expect(control).toHaveAccessibleDescription('Available in the installed app, not in a development build.');
    }
    await user.click(updates);
    expect(bridge.sent('settings.set')).toEqual([]);
    expect(within(dialog).queryByRole('button', { name: 'Check Now' })).toBeNull();
  });
});

describe('settings: updates', () => {
  it('turns updates off and on; while off nothing about them shows', async () => {
    const { bridge, user, dialog } = await openSettings(appState(services, { update: { phase: 'idle', checkedAt: Date.now() } }));
    const updates = within(dialog).getByRole('switch', { name: 'Update automatically' });
    expect(updates).toBeChecked();
    expect(within(dialog).getByRole('status')).toHaveTextContent(/^Wasl is up to date\. Last checked /u);
    await user.click(updates);
    expect(bridge.sent('settings.set')).toEqual([{ type: 'settings.set', updates: false }]);
    bridge.push({ settings: { ...bridge.state.settings, updates: false } });
    expect(within(dialog).queryByRole('button', { name: 'Check Now' })).toBeNull();
  });

  it('says where things stand, with the action that fits', async () => {
    const { bridge, user, dialog } = await openSettings(appState(services));
    const status = () => plain(within(dialog).getByRole('status').textContent);
    expect(status()).toBe('Wasl will check for updates shortly.');
    await user.click(within(dialog).getByRole('button', { name: 'Check Now' }));
    expect(bridge.sent('update.check')).toHaveLength(1);

    bridge.push({ update: { phase: 'checking' } });
    expect(status()).toBe('Checking for updates…');
    expect(within(dialog).queryByRole('button', { name: 'Check Now' })).toBeNull();

    bridge.push({ update: { phase: 'downloading', version: '1.4.0', percent: 41 } });
    expect(status()).toBe('Downloading version 1.4.0…');
    expect(within(dialog).getByRole('progressbar', { name: 'Download progress' })).toHaveValue(41);
    expect(within(dialog).getByText('41%')).toBeInTheDocument();

    bridge.push({ update: { phase: 'failed' } });
    expect(status()).toBe('Couldn’t check for updates. Wasl will try again later.');
    expect(within(dialog).getByRole('button', { name: 'Check Now' })).toBeEnabled();

    bridge.push({ update: { phase: 'ready', version: '1.4.0' } });
    expect(status()).toBe('Version 1.4.0 is ready. Restart Wasl to finish updating, or it installs when you quit.');
    expect(bridge.sent('update.install')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Restart to Update' }));
    expect(bridge.sent('update.install')).toEqual([{ type: 'update.install' }]);
  });

  it('says when a downloaded update was refused as unverified, offers no restart, and lets the user check again', async () => {
    const { bridge, user, dialog } = await openSettings(appState(services, { update: { phase: 'failed', reason: 'unverified', version: '1.4.0' } }));
    expect(plain(within(dialog).getByRole('status').textContent)).toBe(
      'Wasl didn’t install version 1.4.0: it couldn’t confirm the download comes from Wasl’s own release. It will try again later.',
    );
    expect(within(dialog).queryByRole('button', { name: 'Restart to Update' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Restart to Update' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Check Now' }));
    expect(bridge.sent('update.check')).toHaveLength(1);
  });

  it('says so in Arabic too', async () => {
    const { dialog } = await openSettings(
      appState(services, { settings: { ...DEFAULT_SETTINGS, language: 'ar' }, update: { phase: 'failed', reason: 'unverified', version: '1.4.0' } }),
      'الإعدادات',
    );
    expect(plain(within(dialog).getByRole('status').textContent)).toBe(
      'لم يثبّت وصل الإصدار 1.4.0: تعذّر التأكد من أن التنزيل صادر عن إصدار وصل نفسه. سيحاول مجددًا لاحقًا.',
    );
  });

  it('speaks Arabic', async () => {
    const { dialog } = await openSettings(appState(services, { settings: { ...DEFAULT_SETTINGS, language: 'ar' }, update: { phase: 'downloading', version: '1.4.0', percent: 5 } }), 'الإعدادات');
    expect(plain(within(dialog).getByRole('status').textContent)).toBe('جارٍ تنزيل الإصدار 1.4.0…');
    expect(within(dialog).getByRole('switch', { name: 'التحديث تلقائيًا' })).toBeChecked();
  });
});

describe('the update banner', () => {
  it('appears once an update is downloaded, and installs only on the user’s click', async () => {
    const { bridge, user } = await renderShell(appState(services));
    const notices = screen.getByRole('region', { name: 'Notices' });
    expect(within(notices).queryByRole('button', { name: 'Restart to Update' })).toBeNull();
    bridge.push({ update: { phase: 'downloading', version: '1.4.0', percent: 99 } });
    expect(within(notices).queryByRole('button', { name: 'Restart to Update' })).toBeNull();

    bridge.push({ update: { phase: 'ready', version: '1.4.0' } });
    expect(plain(notices.textContent)).toContain('A new version of Wasl (1.4.0) is ready to install.');
    expect(bridge.sent('update.install')).toEqual([]);
    await user.click(within(notices).getByRole('button', { name: 'Restart to Update' }));
    expect(bridge.sent('update.install')).toEqual([{ type: 'update.install' }]);
  });

  it('goes on "Later", and an error installing is announced', async () => {
    const { bridge, user } = await renderShell(appState(services, { update: { phase: 'ready', version: '2.0.0' } }));
    const notices = screen.getByRole('region', { name: 'Notices' });
    await user.click(within(notices).getByRole('button', { name: 'Later' }));
    expect(bridge.sent('update.dismiss')).toEqual([{ type: 'update.dismiss' }]);
    bridge.push({ update: { phase: 'ready', version: '2.0.0', dismissed: true } });
    expect(within(notices).queryByRole('button', { name: 'Restart to Update' })).toBeNull();

    bridge.push({ update: { phase: 'ready', version: '2.0.1' } });
    bridge.respond = () => ({ ok: false, error: 'failed' });
    await user.click(within(notices).getByRole('button', { name: 'Restart to Update' }));
    expect(await screen.findByText("That didn't work. Please try again.")).toBeInTheDocument();
  });
});

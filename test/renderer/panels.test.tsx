import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initialRuntime, type Notice } from '../../common/state';
import { appState, service } from './fake-bridge';
import { named, nth, plain, plainText, renderShell } from './render';

const one = () => appState([service('a', 'whatsapp', 'WhatsApp'), service('b', 'telegram', 'Telegram')]);
const viewport = () => within(screen.getByTestId('viewport'));

describe('status panels', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('no panel while the page is up; a spinner while it loads', async () => {
    const { bridge } = await renderShell(one());
    expect(screen.getByTestId('viewport')).toBeEmptyDOMElement();
    bridge.updateRuntime('a', { status: 'loading' });
    expect(viewport().getByText(plainText('Loading WhatsApp…'))).toBeInTheDocument();
    expect(screen.getByRole('banner')).toHaveTextContent('Loading…');
    bridge.updateRuntime('a', { status: 'logged-out' });
    expect(screen.getByTestId('viewport')).toBeEmptyDOMElement();
    expect(screen.getByRole('banner')).toHaveTextContent('Signed out — sign in on the page');
  });

  it('says when a platform changed its page and the counts come from its title only', async () => {
    const { bridge } = await renderShell(one());
    bridge.updateRuntime('a', { status: 'ready', unread: 3 });
    expect(screen.getByRole('banner')).not.toHaveTextContent('This platform changed its page');
    bridge.updateRuntime('a', { degraded: true });
    const line = within(screen.getByRole('banner')).getByText(/This platform changed its page/);
    expect(line).toHaveTextContent('This platform changed its page: counts come from the page title only');
    expect(line).toHaveTextContent('3 unread messages');
    expect(line).toHaveClass('status-warning');
    bridge.updateRuntime('a', { degraded: false });
    expect(screen.getByRole('banner')).not.toHaveTextContent('This platform changed its page');
  });

  it('says when the platform refuses web sign-in for the account, instead of asking to sign in', async () => {
    const { bridge } = await renderShell(appState([service('w', 'wechat', 'WeChat')]));
    bridge.updateRuntime('w', { status: 'logged-out' });
    expect(screen.getByRole('banner')).toHaveTextContent('Signed out — sign in on the page');
    bridge.updateRuntime('w', { refusal: 'web-login-refused' });
    expect(screen.getByRole('banner')).toHaveTextContent('WeChat refused web sign-in for this account (error 1203): use its Windows or Mac app');
  });

  it('crashed: counts down to the scheduled reload, and "Reload now" reloads', async () => {
    const { bridge, user } = await renderShell(one());
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    bridge.updateRuntime('a', { status: 'crashed', retryAt: Date.now() + 5_000, failures: 1, lastError: 'crashed' });
    expect(viewport().getByRole('heading', { name: named('WhatsApp stopped unexpectedly') })).toBeInTheDocument();
    expect(viewport().getByText('Reloading in 5 seconds.')).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(2_000);
    });
    expect(viewport().getByText('Reloading in 3 seconds.')).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(4_000);
    });
    expect(viewport().getByText('Reloading now.')).toBeInTheDocument();
    vi.useRealTimers();

    await user.click(viewport().getByRole('button', { name: 'Reload now' }));
    expect(bridge.commands).toEqual([{ type: 'service.reload', id: 'a' }]);
    expect(plain(screen.getByRole('status').textContent)).toBe('WhatsApp: Stopped unexpectedly');
  });

  it('unresponsive, offline and failed each explain themselves and offer a reload', async () => {
    const { bridge, user } = await renderShell(one());
    bridge.updateRuntime('a', { status: 'unresponsive' });
    expect(viewport().getByText(plainText('WhatsApp is not responding'))).toBeInTheDocument();
    expect(viewport().getByText('Waiting for it to recover…')).toBeInTheDocument();
    await user.click(viewport().getByRole('button', { name: 'Reload' }));

    bridge.updateRuntime('a', { status: 'offline', retryAt: Date.now() + 30_000, lastError: 'ERR_INTERNET_DISCONNECTED' });
    expect(viewport().getByText(plainText("Can't connect to WhatsApp"))).toBeInTheDocument();
    expect(viewport().getByText('Retrying in 30 seconds.')).toBeInTheDocument();
    expect(viewport().getByText('ERR_INTERNET_DISCONNECTED')).toBeInTheDocument();
    await user.click(viewport().getByRole('button', { name: 'Try now' }));

    bridge.updateRuntime('a', { status: 'failed', retryAt: undefined, lastError: 'oom' });
    expect(viewport().getByText(plainText('WhatsApp crashed several times'))).toBeInTheDocument();
    expect(viewport().getByText(/Wasl stopped reloading it\./u)).toBeInTheDocument();
    await user.click(viewport().getByRole('button', { name: 'Try again' }));

    expect(bridge.commands).toEqual([
      { type: 'service.reload', id: 'a' },
      { type: 'service.reload', id: 'a' },
      { type: 'service.reload', id: 'a' },
    ]);
  });

  it('off: says so, disables reload, and "Turn on" enables the service', async () => {
    const state = appState([service('a', 'whatsapp', 'WhatsApp', { enabled: false })]);
    const { bridge, user } = await renderShell(state);
    expect(viewport().getByText(plainText('WhatsApp is turned off'))).toBeInTheDocument();
    expect(screen.getByRole('banner')).toHaveTextContent('Turned off');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeDisabled();
    await user.click(viewport().getByRole('button', { name: 'Turn on' }));
    expect(bridge.commands).toEqual([{ type: 'service.set', id: 'a', enabled: true }]);
  });
});

describe('notices', () => {
  const notices: Notice[] = [
    { id: 'n1', at: 1, kind: 'settings-reset', backupPath: '/home/amal/.config/Wasl/config.json.bak', reason: 'bad json' },
    { id: 'n2', at: 2, kind: 'settings-repaired', backupPath: 'C:\\Wasl\\config.bak', dropped: 3 },
    { id: 'n3', at: 3, kind: 'downloads-reset', backupPath: '/home/amal/.config/Wasl/downloads.unusable.json' },
  ];

  it('shows a specific message for each, and Dismiss sends notice.dismiss', async () => {
    const { bridge, user } = await renderShell(appState([service('a', 'whatsapp', 'WhatsApp')], { notices }));
    const region = screen.getByRole('region', { name: 'Notices' });
    expect(within(region).getByText(plainText('Your settings file could not be read, so Wasl started fresh. The old file was kept at /home/amal/.config/Wasl/config.json.bak.'))).toBeInTheDocument();
    expect(within(region).getByText(plainText('3 settings could not be read and were reset. A copy of the old file was kept at C:\\Wasl\\config.bak.'))).toBeInTheDocument();
    expect(
      within(region).getByText(
        plainText("Wasl couldn't read its list of downloads, so the list starts empty. Your downloaded files are where they were; the old list was kept at /home/amal/.config/Wasl/downloads.unusable.json."),
      ),
    ).toBeInTheDocument();

    const dismiss = within(region).getAllByRole('button', { name: 'Dismiss' });
    expect(dismiss).toHaveLength(3);
    await user.click(nth(dismiss, 1));
    expect(bridge.commands).toEqual([{ type: 'notice.dismiss', id: 'n2' }]);
    bridge.push({ notices: notices.filter((n) => n.id !== 'n2') });
    expect(within(region).getAllByRole('button', { name: 'Dismiss' })).toHaveLength(2);
  });

  it('says which service’s page was stopped for capturing the screen without the picker, and what to do', async () => {
    await renderShell(appState([service('a', 'discord', 'Discord')], { notices: [{ id: 'c', at: 1, kind: 'capture-stopped', serviceName: 'Discord' }] }));
    const region = screen.getByRole('region', { name: 'Notices' });
    expect(region).toHaveTextContent('“\u2068Discord\u2069” tried to capture your screen without asking you through Wasl\'s screen picker. Wasl stopped the page');
    expect(region).toHaveTextContent('untick “Allow calls” in its menu');
  });

  it('shows notices on the first start too', async () => {
    await renderShell(appState([], { notices: [{ id: 'x', at: 1, kind: 'settings-not-saved' }] }));
    expect(screen.getByRole('region', { name: 'Notices' })).toHaveTextContent("Wasl couldn't save your settings.");
  });
});

describe('first start', () => {
  it('welcomes, adds WhatsApp in one click, offers the other popular platforms and the full catalog', async () => {
    const { bridge, user } = await renderShell(appState([]));
    expect(screen.getByRole('heading', { name: 'Welcome to Wasl' })).toBeInTheDocument();
    expect(screen.queryByRole('tab')).toBeNull();
    expect(screen.getAllByRole('button', { name: /^Add (Messenger|Instagram|Telegram)$/u })).toHaveLength(3);

    await user.click(screen.getByRole('button', { name: 'Add WhatsApp' }));
    expect(bridge.commands).toEqual([{ type: 'service.add', platform: 'whatsapp' }]);

    bridge.push({ services: [service('w', 'whatsapp', 'WhatsApp')], activeServiceId: 'w', runtime: { w: { ...initialRuntime(true), status: 'loading' } } });
    expect(screen.queryByRole('heading', { name: 'Welcome to Wasl' })).toBeNull();
    expect(screen.getByRole('tab', { name: 'WhatsApp' })).toHaveAttribute('aria-selected', 'true');
  });

  it('a platform tile adds that platform; a failure is said; "More platforms…" opens the catalog', async () => {
    const { bridge, user } = await renderShell(appState([]));
    bridge.respond = () => ({ ok: false, error: 'failed' });
    await user.click(screen.getByRole('button', { name: 'Add Telegram' }));
    expect(bridge.commands).toEqual([{ type: 'service.add', platform: 'telegram' }]);
    expect(await screen.findByRole('alert')).toHaveTextContent("Wasl couldn't add this service.");
    await user.click(screen.getByRole('button', { name: 'More platforms…' }));
    expect(screen.getByRole('dialog', { name: 'Add a service' })).toBeInTheDocument();
  });
});

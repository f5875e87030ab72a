/**
 * The proxy dialog (renderer/src/features/services/ProxyDialog.tsx), opened from a service's menu: the choice sent
 * as proxy.set with only the fields its mode takes; every refusal said at its field before anything is sent;
 * SOCKS5 without a user name, and why; a saved password never shown back, kept, replaced or forgotten; where it is
 * kept (encrypted, or only until Wasl quits); and the connection test's answers in plain words, in English and Arabic.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CommandResult } from '../../common/ipc';
import type { ProxyChoice } from '../../common/proxy';
import type { AppState } from '../../common/state';
import { appState, service } from './fake-bridge';
import { named, renderShell, type Rendered } from './render';

const HTTP: ProxyChoice = { mode: 'http', host: 'proxy.example', port: 3128, username: 'amal' };

async function openProxy(extra: Partial<AppState> = {}, proxy?: ProxyChoice, labels = { menu: 'Proxy…', title: 'Proxy for WhatsApp' }): Promise<Rendered & { dialog: HTMLElement }> {
  const rendered = await renderShell(appState([service('a', 'whatsapp', 'WhatsApp', proxy ? { proxy } : {}), service('b', 'telegram', 'Telegram')], extra));
  await rendered.user.pointer({ keys: '[MouseRight]', target: screen.getByRole('tab', { name: 'WhatsApp' }) });
  await rendered.user.click(screen.getByRole('menuitem', { name: labels.menu }));
  return { ...rendered, dialog: screen.getByRole('dialog', { name: named(labels.title) }) };
}

const field = (dialog: HTMLElement, name: string) => within(dialog).getByRole('textbox', { name });
const password = (dialog: HTMLElement) => dialog.querySelector<HTMLInputElement>('input[type="password"]');

describe('the proxy dialog', () => {
  it("starts on the system's proxy and sends an HTTP proxy with its user and password", async () => {
    const { dialog, bridge, user } = await openProxy();
    expect(within(dialog).getByRole('radio', { name: 'System' })).toBeChecked();
    await user.click(within(dialog).getByRole('radio', { name: 'HTTP' }));
    await user.type(field(dialog, 'Server'), 'proxy.example');
    await user.type(field(dialog, 'Port'), '3128');
    await user.type(field(dialog, 'User name'), 'amal');
    const box = password(dialog);
    if (!box) throw new Error('no password field');
    await user.type(box, 'كلمة سر');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(bridge.commands).toEqual([{ type: 'proxy.set', id: 'a', proxy: HTTP, password: 'كلمة سر' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says what is wrong at each field and sends nothing', async () => {
    const { dialog, bridge, user } = await openProxy();
    await user.click(within(dialog).getByRole('radio', { name: 'HTTPS' }));
    await user.type(field(dialog, 'Server'), 'https://proxy.example');
    await user.type(field(dialog, 'Port'), '70000');
    await user.type(field(dialog, 'User name'), 'a:b');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(field(dialog, 'Server')).toHaveAccessibleDescription('Type only the server, without http:// or socks5://: the type above says it.');
    expect(field(dialog, 'Port')).toHaveAccessibleDescription('The port is a number from 1 to 65535.');
    expect(field(dialog, 'User name')).toHaveAccessibleDescription('A user name cannot contain a colon (:).');
    expect(field(dialog, 'Port')).toHaveAttribute('aria-invalid', 'true');
    expect(bridge.commands).toEqual([]);
  });

  it('takes no user name for SOCKS5, and says why', async () => {
    const { dialog, bridge, user } = await openProxy({}, HTTP);
    await user.click(within(dialog).getByRole('radio', { name: 'SOCKS5' }));
    expect(within(dialog).queryByRole('textbox', { name: 'User name' })).toBeNull();
    expect(password(dialog)).toBeNull();
    expect(dialog).toHaveTextContent('Chromium, which Wasl is built on, cannot send them. Use an HTTP or HTTPS proxy for that.');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(bridge.commands).toEqual([{ type: 'proxy.set', id: 'a', proxy: { mode: 'socks5', host: 'proxy.example', port: 3128 } }]);
  });

  it('never shows the saved password back, and an empty field keeps it', async () => {
    const { dialog, bridge, user } = await openProxy({ proxyVault: { storage: 'encrypted', saved: ['a'] } }, HTTP);
    expect(password(dialog)?.value).toBe('');
    expect(dialog).toHaveTextContent('A password is saved for this proxy.');
    expect(dialog).toHaveTextContent("The password is encrypted with your system's keychain");
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(bridge.commands).toEqual([{ type: 'proxy.set', id: 'a', proxy: HTTP }]);
  });

  it('forgets the saved password on request', async () => {
    const { dialog, bridge, user } = await openProxy({ proxyVault: { storage: 'encrypted', saved: ['a'] } }, HTTP);
    await user.click(within(dialog).getByRole('button', { name: 'Forget it' }));
    expect(dialog).toHaveTextContent('The saved password will be forgotten when you save.');
    expect(dialog).not.toHaveTextContent('A password is saved for this proxy.');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(bridge.commands).toEqual([{ type: 'proxy.set', id: 'a', proxy: HTTP, password: null }]);
  });

  it('says a password is kept only until Wasl quits where the system cannot encrypt it, and when the saved ones could not be read', async () => {
    const { dialog } = await openProxy({ proxyVault: { storage: 'this-run', saved: [], damaged: true } }, HTTP);
    expect(dialog.querySelector('.proxy-note.is-warning')).toHaveTextContent('kept only until Wasl quits and is never written to disk');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('The saved proxy passwords could not be read');
  });

  it.each<[CommandResult, string]>([
    [{ ok: true }, 'Connected: WhatsApp answered through the proxy.'],
    [{ ok: false, error: 'failed', detail: 'refused' }, 'The proxy refused the connection: nothing answers at this server and port.'],
    [{ ok: false, error: 'failed', detail: 'auth-failed' }, 'The proxy wants a user name and password, or refused the ones saved.'],
    [{ ok: false, error: 'failed', detail: 'socks-failed' }, 'The SOCKS5 proxy refused the connection.'],
    [{ ok: false, error: 'failed', detail: 'timeout' }, 'No answer in time.'],
    [{ ok: false, error: 'failed', detail: 'failed:Error: net::ERR_CERT_INVALID' }, 'The connection failed (ERR_CERT_INVALID).'],
  ])('saves, tests, and says %j plainly', async (answer, text) => {
    const { dialog, bridge, user } = await openProxy({}, HTTP);
    bridge.respond = (command) => (command.type === 'proxy.test' ? answer : { ok: true });
    await user.click(within(dialog).getByRole('button', { name: 'Test connection' }));
    expect(bridge.commands.map((c) => c.type)).toEqual(['proxy.set', 'proxy.test']);
    expect(within(dialog).getByRole('status').textContent.replace(/[\u2066-\u2069]/gu, '')).toContain(text);
  });

  it('shows main’s refusal of the password for a proxy that cannot take it', async () => {
    const { dialog, bridge, user } = await openProxy({}, HTTP);
    bridge.respond = () => ({ ok: false, error: 'invalid', detail: 'password-needs-user' });
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Type the user name that goes with this password.');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('speaks Arabic, right to left', async () => {
    const { dialog, user } = await openProxy({ settings: { ...appState([]).settings, language: 'ar' } }, undefined, { menu: 'الوكيل…', title: 'الوكيل (بروكسي) لـ WhatsApp' });
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    await user.click(within(dialog).getByRole('radio', { name: 'SOCKS5' }));
    expect(field(dialog, 'الخادم')).toHaveAttribute('dir', 'ltr');
    expect(dialog).toHaveTextContent('كروميوم، الذي بُني عليه وصل، لا يستطيع إرسالهما');
    await user.click(within(dialog).getByRole('button', { name: 'حفظ' }));
    expect(field(dialog, 'الخادم')).toHaveAccessibleDescription('اكتب خادم الوكيل.');
  });
});

import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appState, service } from './fake-bridge';
import { named, renderShell } from './render';

const two = () => appState([service('a', 'whatsapp', 'WhatsApp'), service('b', 'telegram', 'واتساب المتجر')]);

describe('remove confirmation', () => {
  it('names the service, says what is deleted, and removes only once confirmed', async () => {
    const { bridge, user } = await renderShell(two());
    const tab = screen.getByRole('tab', { name: 'واتساب المتجر' });
    await user.pointer({ keys: '[MouseRight]', target: tab });
    await user.click(screen.getByRole('menuitem', { name: 'Remove…' }));
    const dialog = screen.getByRole('dialog', { name: named('Remove “واتساب المتجر”?') });
    expect(dialog).toHaveTextContent('signed out');
    expect(dialog).toHaveTextContent('its data on this computer will be deleted');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bridge.commands).toEqual([]);
    expect(tab).toHaveFocus();

    await user.keyboard('{Delete}');
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    expect(bridge.commands).toEqual([{ type: 'service.remove', id: 'b' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('rename', () => {
  it('validates the name and sends service.rename with it trimmed', async () => {
    const { bridge, user } = await renderShell(two());
    await user.click(screen.getByRole('button', { name: 'More actions' }));
    await user.click(screen.getByRole('menuitem', { name: 'Rename…' }));
    const field = screen.getByRole('textbox', { name: 'Name' });
    expect(field).toHaveValue('WhatsApp');
    await user.clear(field);
    await user.keyboard('{Enter}');
    expect(field).toHaveAccessibleDescription('Enter a name.');
    expect(bridge.commands).toEqual([]);
    await user.type(field, '  Shop WhatsApp  {Enter}');
    expect(bridge.commands).toEqual([{ type: 'service.rename', id: 'a', name: 'Shop WhatsApp' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'More actions' })).toHaveFocus();
  });
});

describe('the service view is hidden while anything covers it', () => {
  const box = { x: 81, y: 53, width: 1119, height: 747 };
  let current = box;

  beforeEach(() => {
    current = box;
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      const r = this.classList.contains('viewport') ? current : { x: 0, y: 0, width: 0, height: 0 };
      return { ...r, left: r.x, top: r.y, right: r.x + r.width, bottom: r.y + r.height, toJSON: () => r };
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('sends the viewport box, null while a dialog or menu is open, and the box again once closed', async () => {
    const { bridge, user } = await renderShell(two());
    expect(bridge.viewports).toEqual([box]);

    await user.click(screen.getByRole('button', { name: 'Add a service' }));
    expect(bridge.viewports.at(-1)).toBeNull();
    await user.keyboard('{Escape}');
    expect(bridge.viewports.at(-1)).toEqual(box);

    await user.click(screen.getByRole('button', { name: 'More actions' }));
    expect(bridge.viewports.at(-1)).toBeNull();
    await user.keyboard('{Escape}');
    expect(bridge.viewports.at(-1)).toEqual(box);

    bridge.action('open-settings');
    expect(bridge.viewports.at(-1)).toBeNull();
    await user.click(await screen.findByRole('button', { name: 'Done' }));
    expect(bridge.viewports).toEqual([box, null, box, null, box, null, box]);
  });

  it('sends the new box when the window resizes, and null once no service is left', async () => {
    const { bridge } = await renderShell(two());
    current = { ...box, width: 719, height: 547 };
    act(() => {
      window.dispatchEvent(new Event('resize'));
    });
    expect(bridge.viewports.at(-1)).toEqual(current);
    bridge.push({ services: [], activeServiceId: null, runtime: {} });
    expect(bridge.viewports.at(-1)).toBeNull();
  });
});

describe('actions from the application menu', () => {
  it('open the add, settings, rename and remove dialogs', async () => {
    const { bridge, user } = await renderShell(two());
    bridge.action('add-service');
    expect(screen.getByRole('dialog', { name: 'Add a service' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    bridge.action('open-settings');
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    bridge.action('rename-active');
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('WhatsApp');
    await user.keyboard('{Escape}');
    bridge.action('remove-active');
    expect(screen.getByRole('dialog', { name: named('Remove “WhatsApp”?') })).toBeInTheDocument();
  });

  it('open the shop tools on the tab asked for, with the focus on that tab', async () => {
    const { bridge, user } = await renderShell(two());
    bridge.action('open-report');
    const dialog = await screen.findByRole('dialog', { name: 'Shop tools' });
    expect(within(dialog).getByRole('tab', { name: 'Report' })).toHaveAttribute('aria-selected', 'true');
    expect(within(dialog).getByRole('tab', { name: 'Report' })).toHaveFocus();
    await user.keyboard('{Escape}');
    bridge.action('open-shop');
    expect(within(await screen.findByRole('dialog', { name: 'Shop tools' })).getByRole('tab', { name: 'Quick replies' })).toHaveFocus();
  });

  it('close an open menu when they open a dialog', async () => {
    const { bridge, user } = await renderShell(two());
    await user.click(screen.getByRole('button', { name: 'More actions' }));
    expect(screen.getByRole('menu')).toBeInTheDocument();
    bridge.action('open-settings');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeInTheDocument();
  });

  it('rename-active does nothing when no service is active', async () => {
    const { bridge } = await renderShell(appState([service('a', 'whatsapp', 'WhatsApp')], { activeServiceId: null }));
    bridge.action('rename-active');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('settings', () => {
  it('switching the language to Arabic turns the window right-to-left and translates it', async () => {
    const { bridge, user } = await renderShell(two());
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
    expect(document.documentElement).toHaveAttribute('lang', 'en');
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const language = screen.getByRole('group', { name: 'Language' });
    expect(within(language).getByRole('radio', { name: 'System' })).toBeChecked();
    await user.click(within(language).getByRole('radio', { name: 'العربية' }));
    expect(bridge.commands).toEqual([{ type: 'settings.set', language: 'ar' }]);

    bridge.push({ settings: { ...bridge.state.settings, language: 'ar' } });
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(document.documentElement).toHaveAttribute('lang', 'ar');
    expect(screen.getByRole('dialog', { name: 'الإعدادات' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'العربية' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'تم' }));
    expect(screen.getByRole('button', { name: 'إضافة خدمة' })).toBeInTheDocument();

    bridge.push({ settings: { ...bridge.state.settings, language: 'system' } });
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
  });

  it('follows the system language when set to System', async () => {
    const spy = vi.spyOn(navigator, 'language', 'get').mockReturnValue('ar-EG');
    await renderShell(two());
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(screen.getByRole('button', { name: 'الإعدادات' })).toBeInTheDocument();
    spy.mockRestore();
  });

  it('a chosen theme sets data-theme; System removes it so CSS follows the OS', async () => {
    const { bridge, user } = await renderShell(two());
    expect(document.documentElement).not.toHaveAttribute('data-theme');
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(bridge.commands).toEqual([{ type: 'settings.set', theme: 'dark' }]);
    bridge.push({ settings: { ...bridge.state.settings, theme: 'dark' } });
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    bridge.push({ settings: { ...bridge.state.settings, theme: 'system' } });
    expect(document.documentElement).not.toHaveAttribute('data-theme');
  });
});

describe('screens loaded on demand', () => {
  it('close on Escape even before their code has arrived', async () => {
    const { bridge, user } = await renderShell(two());
    bridge.action('open-resources');
    expect(screen.getByRole('status', { name: 'Loading…' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('status', { name: 'Loading…' })).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

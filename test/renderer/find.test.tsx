/**
 * The find bar (renderer/src/features/find/FindBar.tsx): opened by main's `find` action over the service in front,
 * what it sends as the user types and presses Enter, Shift+Enter, the buttons and Escape, the count it shows from
 * main's answer (only for the text in the field, numbers in the UI language, English and Arabic), and that it
 * closes when its service is no longer in front.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../common/settings';
import type { AppState, FindState } from '../../common/state';
import { formattersFor } from '../../renderer/src/i18n/format';
import { appState, service } from './fake-bridge';
import { renderShell } from './render';

const SERVICES = [service('wa', 'whatsapp', 'Shop'), service('tg', 'telegram', 'Orders')];

async function shell(language: 'en' | 'ar' = 'en', extra: Partial<AppState> = {}) {
  const rendered = await renderShell(appState(SERVICES, { settings: { ...DEFAULT_SETTINGS, language }, ...extra }));
  return rendered;
}

const found = (text: string, matches: number, active: number, pending = false): { find: FindState } => ({ find: { serviceId: 'wa', text, matches, active, pending } });

describe('the find bar', () => {
  it('opens on main’s find action with the focus in its field, labelled for the service', async () => {
    const { bridge } = await shell();
    expect(screen.queryByRole('search')).toBeNull();
    bridge.action('find');
    const bar = screen.getByRole('search', { name: 'Find in page' });
    const field = within(bar).getByRole('textbox', { name: 'Find in Shop' });
    expect(field).toHaveFocus();
    expect(field).toHaveAttribute('dir', 'auto');
  });

  it('does not open over the inbox page or a page not shown', async () => {
    const { bridge } = await shell('en', { view: 'inbox' });
    bridge.action('find');
    expect(screen.queryByRole('search')).toBeNull();
    bridge.push({ view: 'service' });
    bridge.updateRuntime('wa', { status: 'crashed' });
    bridge.action('find');
    expect(screen.queryByRole('search')).toBeNull();
  });

  it('searches as the user types; Enter goes to the next match, Shift+Enter and the button to the previous one', async () => {
    const { bridge, user } = await shell();
    bridge.action('find');
    await user.keyboard('or');
    await user.keyboard('{Enter}');
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    await user.click(screen.getByRole('button', { name: 'Previous match' }));
    await user.click(screen.getByRole('button', { name: 'Next match' }));
    expect(bridge.sent('find.search').map((c) => [c.id, c.text, c.forward])).toEqual([
      ['wa', 'o', true],
      ['wa', 'or', true],
      ['wa', 'or', true],
      ['wa', 'or', false],
      ['wa', 'or', false],
      ['wa', 'or', true],
    ]);
  });

  it('sends nothing for Enter or the buttons while the field is empty; emptying it asks main to stop', async () => {
    const { bridge, user } = await shell();
    bridge.action('find');
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Next match' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Previous match' })).toBeDisabled();
    expect(bridge.sent('find.search')).toEqual([]);
    await user.keyboard('a{Backspace}');
    expect(bridge.sent('find.search').map((c) => c.text)).toEqual(['a', '']);
  });

  it('shows main’s count for the text in the field only, and says when there is none', async () => {
    const { bridge, user } = await shell();
    bridge.action('find');
    await user.keyboard('order');
    const count = within(screen.getByRole('search')).getByRole('status');
    expect(count).toHaveAttribute('aria-live', 'polite');
    bridge.push(found('order', 0, 0, true));
    expect(count).toHaveTextContent(/^$/u);
    bridge.push(found('order', 12, 3));
    expect(count).toHaveTextContent('3 of 12');
    // An answer for an earlier text is not this text's count.
    bridge.push(found('orde', 40, 1));
    expect(count).toHaveTextContent(/^$/u);
    bridge.push(found('order', 0, 0));
    expect(count).toHaveTextContent('No matches');
    expect(screen.getByRole('textbox', { name: 'Find in Shop' })).toHaveAttribute('aria-invalid', 'true');
    bridge.push({ find: { ...found('order', 1234, 1000).find, serviceId: 'tg' } });
    expect(count).toHaveTextContent(/^$/u);
    bridge.push(found('order', 1234, 1000));
    expect(count).toHaveTextContent('1,000 of 1,234');
  });

  it('says the count in Arabic, its numbers written as the Arabic UI writes them, in a mirrored window', async () => {
    const { bridge, user } = await shell('ar');
    bridge.action('find');
    const bar = screen.getByRole('search', { name: 'البحث في الصفحة' });
    expect(within(bar).getByRole('textbox', { name: 'البحث في Shop' })).toHaveFocus();
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    await user.keyboard('طلب');
    bridge.push(found('طلب', 1234, 3));
    // Numbers as the rest of the Arabic UI writes them (the digits and the grouping are the system's Arabic ones).
    const ar = formattersFor('ar');
    expect(ar.number(1234)).not.toBe('1234');
    expect(within(bar).getByRole('status')).toHaveTextContent(`${ar.number(3)} من ${ar.number(1234)}`);
    bridge.push(found('طلب', 0, 0));
    expect(within(bar).getByRole('status')).toHaveTextContent('لا نتائج');
    expect(within(bar).getByRole('button', { name: 'النتيجة التالية' })).toBeEnabled();
    expect(within(bar).getByRole('button', { name: 'إغلاق شريط البحث' })).toBeInTheDocument();
  });

  it('Escape closes the bar and asks main to give the page the focus back; the close button does the same', async () => {
    const { bridge, user } = await shell();
    bridge.action('find');
    await user.keyboard('a{Escape}');
    expect(screen.queryByRole('search')).toBeNull();
    bridge.action('find');
    // Opened again: the field is empty, a new search.
    expect(screen.getByRole('textbox', { name: 'Find in Shop' })).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Close the find bar' }));
    expect(screen.queryByRole('search')).toBeNull();
    expect(bridge.sent('find.stop')).toEqual([
      { type: 'find.stop', id: 'wa', focusPage: true },
      { type: 'find.stop', id: 'wa', focusPage: true },
    ]);
  });

  it('Ctrl/Cmd+F again while open selects the field’s text, to type a new one over it', async () => {
    const { bridge, user } = await shell();
    bridge.action('find');
    await user.keyboard('order');
    const field = screen.getByRole<HTMLInputElement>('textbox', { name: 'Find in Shop' });
    await user.click(screen.getByRole('button', { name: 'Next match' }));
    expect(field).not.toHaveFocus();
    bridge.action('find');
    expect(field).toHaveFocus();
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, 5]);
    await user.keyboard('new');
    expect(field).toHaveValue('new');
  });

  it('closes when another service comes to the front, and does not follow it there', async () => {
    const { bridge } = await shell();
    bridge.action('find');
    bridge.push({ activeServiceId: 'tg' });
    expect(screen.queryByRole('search')).toBeNull();
    bridge.push({ activeServiceId: 'wa' });
    expect(screen.queryByRole('search')).toBeNull();
  });
});

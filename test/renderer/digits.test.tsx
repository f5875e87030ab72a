/**
 * The digits setting in the shell: badges, counts inside translated sentences and times follow it (Arabic-Indic
 * ٠–٩ or Latin 0–9, in English or Arabic), at once when it changes, and Settings offers it beside the calendar.
 */
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialRuntime } from '../../common/state';
import { service } from './fake-bridge';
import { inboxState, NOW } from './inbox-data';
import { renderShell } from './render';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

function state(language: 'en' | 'ar', digits: 'auto' | 'latn' | 'arab') {
  const base = inboxState([service('wa', 'whatsapp', 'Shop')], { view: 'service' });
  return {
    ...base,
    runtime: { wa: { ...initialRuntime(true), status: 'ready' as const, unread: 3 } },
    settings: { ...base.settings, language, digits },
  };
}

describe('digits', () => {
  it('shows a count as ٣ with Arabic-Indic digits, in the badge and in the sentence read out, and back to 3', async () => {
    const { bridge } = await renderShell(state('en', 'auto'));
    const inbox = screen.getByRole('button', { name: 'Inbox' });
    expect(inbox.querySelector('.badge')).toHaveTextContent(/^3$/u);
    expect(inbox).toHaveAccessibleDescription('3 unread messages');
    bridge.push({ settings: { ...bridge.state.settings, digits: 'arab' } });
    expect(inbox.querySelector('.badge')).toHaveTextContent(/^٣$/u);
    expect(inbox).toHaveAccessibleDescription('٣ unread messages');
    bridge.push({ settings: { ...bridge.state.settings, digits: 'latn' } });
    expect(inbox.querySelector('.badge')).toHaveTextContent(/^3$/u);
    expect(inbox).toHaveAccessibleDescription('3 unread messages');
  });

  it('starts in Arabic with Arabic-Indic digits when they are chosen', async () => {
    await renderShell(state('ar', 'arab'));
    const inbox = screen.getByRole('button', { name: 'الوارد' });
    expect(inbox.querySelector('.badge')).toHaveTextContent(/^٣$/u);
    const description = document.getElementById(inbox.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(description).toMatch(/٣/u);
    expect(description).not.toMatch(/[0-9]/u);
  });

  it('are a choice in Settings with the calendar, each sent as it is picked', async () => {
    const { bridge, user } = await renderShell(state('en', 'auto'));
    bridge.action('open-settings');
    const dialog = await screen.findByRole('dialog', { name: 'Settings' });
    const group = within(dialog).getByRole('group', { name: 'Digits' });
    expect(within(group).getByRole('radio', { name: 'Automatic' })).toBeChecked();
    await user.click(within(group).getByRole('radio', { name: 'Arabic-Indic ٠–٩' }));
    const calendar = within(dialog).getByRole('group', { name: 'Calendar' });
    expect(within(calendar).getByRole('radio', { name: 'Gregorian' })).toBeChecked();
    await user.click(within(calendar).getByRole('radio', { name: 'Both' }));
    expect(bridge.sent('settings.set')).toEqual([
      { type: 'settings.set', digits: 'arab' },
      { type: 'settings.set', calendar: 'both' },
    ]);
  });
});

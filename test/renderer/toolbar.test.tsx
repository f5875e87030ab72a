/**
 * The toolbar's compact-view switch (renderer/src/features/toolbar/CompactButton.tsx) and its entry in the
 * service's menu: on and off in one click while the page's own chat list was found exactly once; otherwise it
 * cannot be turned on and says why, in English and in Arabic; once on, it can always be turned off.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ConnectorHealth, PlatformId } from '../../common/model';
import { DEFAULT_SETTINGS } from '../../common/settings';
import { appState, service } from './fake-bridge';
import { renderShell } from './render';

const NOT_ONCE = 'This page\'s chat list was not found exactly once: Wasl keeps it visible';
const NO_PANE = 'No known chat list for this platform';
const health = (listPane?: number): ConnectorHealth => {
  const report: ConnectorHealth = { rows: 5, chats: 5, badges: 0, titleUnread: null, missing: [], lastGoodRead: 1 };
  if (listPane !== undefined) report.listPane = listPane;
  return report;
};
const compact = () => screen.getByRole('button', { name: 'Hide this page\'s own chat list' });

async function shell(platform: PlatformId, options: { compact?: boolean; language?: 'ar' } = {}) {
  const state = appState([service('a', platform, 'Shop', options.compact === undefined ? {} : { compact: options.compact })], {
    settings: { ...DEFAULT_SETTINGS, language: options.language ?? 'en' },
  });
  return renderShell(state);
}

describe('the compact-view switch in the toolbar', () => {
  it('turns compact view on and off in one click while the page’s chat list was found exactly once', async () => {
    const { bridge, user } = await shell('whatsapp');
    bridge.updateRuntime('a', { health: health(1) });
    expect(compact()).not.toHaveAttribute('aria-disabled');
    expect(compact()).toHaveAttribute('aria-pressed', 'false');
    expect(compact()).not.toHaveAttribute('aria-describedby');
    expect(compact().title).toBe('Hide this page\'s own chat list');
    await user.click(compact());
    expect(bridge.commands).toEqual([{ type: 'service.set', id: 'a', compact: true }]);
    bridge.push({ services: bridge.state.services.map((s) => ({ ...s, compact: true })) });
    expect(compact()).toHaveAttribute('aria-pressed', 'true');
    expect(compact()).toHaveClass('is-on');
    await user.click(compact());
    expect(bridge.commands.at(-1)).toEqual({ type: 'service.set', id: 'a', compact: false });
  });

  it.each([
    ['before the page reported', undefined],
    ['found nowhere', health(0)],
    ['found twice', health(2)],
  ])('cannot be turned on, and says why, while the list was %s', async (_case, report) => {
    const { bridge, user } = await shell('whatsapp');
    if (report !== undefined) bridge.updateRuntime('a', { health: report });
    expect(compact()).toHaveAttribute('aria-disabled', 'true');
    expect(compact()).toHaveAccessibleDescription(NOT_ONCE);
    expect(compact().title).toBe(`Hide this page's own chat list\n${NOT_ONCE}`);
    await user.click(compact());
    expect(bridge.commands).toEqual([]);
  });

  it.each([
    ['a platform whose connector knows no list', 'discord', health()],
    ['a custom page', 'custom', undefined],
  ] as const)('cannot be turned on for %s, and says no list is known', async (_case, platform, report) => {
    const { bridge, user } = await shell(platform);
    if (report !== undefined) bridge.updateRuntime('a', { health: report });
    expect(compact()).toHaveAttribute('aria-disabled', 'true');
    expect(compact()).toHaveAccessibleDescription(NO_PANE);
    await user.click(compact());
    expect(bridge.commands).toEqual([]);
  });

  it('cannot be turned on while Wasl reads no chats from the page, and says its own list stays visible', async () => {
    const { bridge, user } = await shell('whatsapp');
    bridge.updateRuntime('a', { health: { ...health(1), rows: 0, chats: 0 } });
    expect(compact()).toHaveAttribute('aria-disabled', 'true');
    expect(compact()).toHaveAccessibleDescription('Wasl reads no chats from this page now: it keeps the page\'s chat list visible');
    await user.click(compact());
    expect(bridge.commands).toEqual([]);
  });

  it('stays possible to turn off when on and the list is no longer found once, saying the list shows', async () => {
    const { bridge, user } = await shell('whatsapp', { compact: true });
    bridge.updateRuntime('a', { health: health(2) });
    expect(compact()).not.toHaveAttribute('aria-disabled');
    expect(compact()).toHaveAttribute('aria-pressed', 'true');
    expect(compact()).toHaveAccessibleDescription(NOT_ONCE);
    await user.click(compact());
    expect(bridge.commands).toEqual([{ type: 'service.set', id: 'a', compact: false }]);
  });

  it('says why in Arabic', async () => {
    const { bridge } = await shell('telegram', { language: 'ar' });
    const button = screen.getByRole('button', { name: 'إخفاء قائمة الدردشات الخاصة بهذه الصفحة' });
    expect(button).toHaveAccessibleDescription('لم يُعثر على قائمة الدردشات في هذه الصفحة مرة واحدة بالضبط: يُبقيها وصل ظاهرة');
    bridge.updateRuntime('a', { health: health() });
    expect(button).toHaveAccessibleDescription('لا توجد قائمة دردشات معروفة لهذه المنصة');
  });
});

describe('the compact-view entry of the service’s menu', () => {
  const entry = () => screen.getByRole('menuitemcheckbox', { name: 'Hide the page\'s own chat list' });

  it('turns it on while the list was found once, shows it checked, and cannot turn it on otherwise', async () => {
    const { bridge, user } = await shell('whatsapp');
    await user.click(screen.getByRole('button', { name: 'More actions' }));
    expect(entry()).toHaveAttribute('aria-disabled', 'true');
    await user.click(entry());
    expect(bridge.sent('service.set')).toEqual([]);
    await user.keyboard('{Escape}');

    bridge.updateRuntime('a', { health: health(1) });
    await user.click(screen.getByRole('button', { name: 'More actions' }));
    expect(entry()).toHaveAttribute('aria-checked', 'false');
    expect(entry()).not.toHaveAttribute('aria-disabled');
    await user.click(entry());
    expect(bridge.sent('service.set')).toEqual([{ type: 'service.set', id: 'a', compact: true }]);

    bridge.push({ services: bridge.state.services.map((s) => ({ ...s, compact: true })) });
    bridge.updateRuntime('a', { health: health(0) });
    await user.click(screen.getByRole('button', { name: 'More actions' }));
    expect(entry()).toHaveAttribute('aria-checked', 'true');
    expect(entry()).not.toHaveAttribute('aria-disabled');
    await user.click(entry());
    expect(bridge.sent('service.set').at(-1)).toEqual({ type: 'service.set', id: 'a', compact: false });
  });
});

/**
 * The screen-share picker (renderer/src/features/screen-share/ScreenSharePicker.tsx), shown while main has a request
 * waiting: which service asks, screens and windows on two tabs, the arrow keys in the grid (mirrored in Arabic),
 * Enter shares, Escape and Cancel say no, the sound only where main offers it, and what it says when there is
 * nothing to pick (on macOS, the permission).
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ScreenShareRequest, ScreenSource } from '../../common/screen-share';
import { DEFAULT_SETTINGS } from '../../common/settings';
import type { AppState } from '../../common/state';
import { moveInGrid } from '../../renderer/src/features/screen-share/ScreenSharePicker';
import { appState, service } from './fake-bridge';
import { named, renderShell } from './render';

const LONG_TITLE = 'Quarterly figures for the shop — final version (do not edit) — spreadsheet with every order since January';

const SOURCES: ScreenSource[] = [
  { id: 'screen:1:0', kind: 'screen', name: 'Screen 1', thumbnail: 'data:image/jpeg;base64,AA==', icon: null },
  { id: 'screen:2:0', kind: 'screen', name: 'Screen 2', thumbnail: null, icon: null },
  ...['Notes', 'Mail', 'Calendar', 'Photos', LONG_TITLE].map((name, i): ScreenSource => ({ id: `window:${i + 10}:0`, kind: 'window', name, thumbnail: 'data:image/jpeg;base64,AA==', icon: 'data:image/png;base64,AA==' })),
];

const request = (extra: Partial<ScreenShareRequest> = {}): ScreenShareRequest => ({ requestId: 'share-1', serviceId: 'dc', sources: SOURCES, audio: false, ...extra });

async function openPicker(extra: Partial<ScreenShareRequest> = {}, state: Partial<AppState> = {}) {
  const rendered = await renderShell(appState([service('dc', 'discord', 'Discord', { callsAllowed: true })], { screenShare: request(extra), ...state }));
  const dialog = await screen.findByRole('dialog');
  return { ...rendered, dialog };
}

const selectedName = (dialog: HTMLElement) => within(dialog).getAllByRole('option', { selected: true }).map((o) => o.getAttribute('title'));

describe('the screen-share picker', () => {
  it('says which service asks, and starts on the entire screen, the first one selected and focused', async () => {
    const { dialog } = await openPicker();
    expect(screen.getByRole('dialog', { name: named('Discord wants to share your screen') })).toBe(dialog);
    expect(within(dialog).getByRole('tab', { name: 'Entire screen' })).toHaveAttribute('aria-selected', 'true');
    const grid = within(dialog).getByRole('listbox', { name: 'Entire screen' });
    expect(within(grid).getAllByRole('option').map((o) => o.getAttribute('title'))).toEqual(['Screen 1', 'Screen 2']);
    expect(selectedName(dialog)).toEqual(['Screen 1']);
    expect(document.activeElement).toBe(within(grid).getAllByRole('option')[0]);
    // A source without a picture says so.
    expect(within(grid).getAllByRole('option')[1]).toHaveTextContent('No preview');
    expect(within(dialog).queryByRole('checkbox')).toBeNull();
  });

  it('shares the selected screen with Enter, once', async () => {
    const { dialog, bridge, user } = await openPicker();
    await user.keyboard('{ArrowRight}');
    expect(selectedName(dialog)).toEqual(['Screen 2']);
    await user.keyboard('{Enter}');
    await user.keyboard('{Enter}');
    expect(bridge.sent('screenShare.answer')).toEqual([{ type: 'screenShare.answer', requestId: 'share-1', sourceId: 'screen:2:0', audio: false }]);
  });

  it('moves in the window grid by rows with Up and Down, to the ends with Home and End, and shares with the button', async () => {
    const { dialog, bridge, user } = await openPicker();
    await user.click(within(dialog).getByRole('tab', { name: 'Window' }));
    expect(selectedName(dialog)).toEqual(['Notes']);
    within(dialog).getAllByRole('option')[0]?.focus();
    await user.keyboard('{ArrowDown}');
    expect(selectedName(dialog)).toEqual(['Photos']);
    await user.keyboard('{ArrowUp}{ArrowLeft}');
    expect(selectedName(dialog)).toEqual(['Notes']);
    await user.keyboard('{End}');
    expect(selectedName(dialog)).toEqual([LONG_TITLE]);
    await user.keyboard('{Home}');
    expect(selectedName(dialog)).toEqual(['Notes']);
    await user.click(within(dialog).getByRole('option', { name: /Calendar/u }));
    await user.click(within(dialog).getByRole('button', { name: 'Share' }));
    expect(bridge.sent('screenShare.answer')).toEqual([{ type: 'screenShare.answer', requestId: 'share-1', sourceId: 'window:12:0', audio: false }]);
  });

  it('keeps a long window title whole in its tooltip and its accessible name', async () => {
    const { dialog, user } = await openPicker();
    await user.click(within(dialog).getByRole('tab', { name: 'Window' }));
    const option = within(dialog).getByRole('option', { name: LONG_TITLE });
    expect(option).toHaveAttribute('title', LONG_TITLE);
    expect(option.querySelector('.share-title')).toHaveTextContent(LONG_TITLE);
  });

  it('switches tabs with the arrow keys', async () => {
    const { dialog, user } = await openPicker();
    within(dialog).getByRole('tab', { name: 'Entire screen' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(within(dialog).getByRole('tab', { name: 'Window' })).toHaveAttribute('aria-selected', 'true');
    expect(document.activeElement).toBe(within(dialog).getByRole('tab', { name: 'Window' }));
    expect(selectedName(dialog)).toEqual(['Notes']);
  });

  it('cancels with Escape, and with Cancel', async () => {
    const escape = await openPicker();
    await escape.user.keyboard('{Escape}');
    expect(escape.bridge.sent('screenShare.answer')).toEqual([{ type: 'screenShare.answer', requestId: 'share-1', sourceId: null, audio: false }]);
    escape.unmount();

    const cancel = await openPicker();
    await cancel.user.click(within(cancel.dialog).getByRole('button', { name: 'Cancel' }));
    expect(cancel.bridge.sent('screenShare.answer')).toEqual([{ type: 'screenShare.answer', requestId: 'share-1', sourceId: null, audio: false }]);
  });

  it('closes when main answers the request (shared, timed out, or the page went away)', async () => {
    const { bridge } = await openPicker();
    bridge.push({ screenShare: null });
    expect(await screen.findByRole('navigation')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('offers the computer’s sound only where main does, and sends it only when ticked', async () => {
    const { dialog, bridge, user } = await openPicker({ audio: true });
    await user.click(within(dialog).getByRole('checkbox', { name: 'Share the computer’s sound too' }));
    await user.click(within(dialog).getByRole('button', { name: 'Share' }));
    expect(bridge.sent('screenShare.answer')).toEqual([{ type: 'screenShare.answer', requestId: 'share-1', sourceId: 'screen:1:0', audio: true }]);
  });

  it('lets the user try again when main refuses the answer', async () => {
    const { dialog, bridge, user } = await openPicker();
    bridge.respond = () => ({ ok: false, error: 'invalid' });
    const share = within(dialog).getByRole('button', { name: 'Share' });
    await user.click(share);
    expect(share).toBeEnabled();
    await user.click(share);
    expect(bridge.sent('screenShare.answer')).toHaveLength(2);
  });

  it('says when there is nothing to pick, with the permission on macOS, and cannot share then', async () => {
    const { dialog, user } = await openPicker({ sources: SOURCES.filter((s) => s.kind === 'screen') }, { os: 'darwin' });
    await user.click(within(dialog).getByRole('tab', { name: 'Window' }));
    expect(within(dialog).getByRole('status')).toHaveTextContent('No windows found.');
    expect(within(dialog).getByRole('status')).toHaveTextContent('Screen Recording permission');
    expect(within(dialog).getByRole('button', { name: 'Share' })).toBeDisabled();
  });

  it('starts on the windows when there is no screen, and says nothing of macOS elsewhere', async () => {
    const { dialog } = await openPicker({ sources: [] }, { os: 'linux' });
    expect(within(dialog).getByRole('tab', { name: 'Window' })).toHaveAttribute('aria-selected', 'true');
    expect(within(dialog).getByRole('status')).toHaveTextContent('No windows found.');
    expect(within(dialog).getByRole('status')).not.toHaveTextContent('Screen Recording');
  });

  it('mirrors Left and Right in Arabic', async () => {
    const { dialog, user } = await openPicker({}, { settings: { ...DEFAULT_SETTINGS, language: 'ar' } });
    expect(screen.getByRole('dialog', { name: named('يريد Discord مشاركة شاشتك') })).toBe(dialog);
    await user.keyboard('{ArrowLeft}');
    expect(selectedName(dialog)).toEqual(['Screen 2']);
    await user.keyboard('{ArrowRight}');
    expect(selectedName(dialog)).toEqual(['Screen 1']);
  });
});

describe('moveInGrid', () => {
  it('stays inside the grid', () => {
    expect(moveInGrid('ArrowLeft', 0, 5, false)).toBe(0);
    expect(moveInGrid('ArrowRight', 4, 5, false)).toBe(4);
    expect(moveInGrid('ArrowDown', 3, 5, false)).toBe(4);
    expect(moveInGrid('ArrowUp', 1, 5, false)).toBe(0);
    expect(moveInGrid('ArrowRight', 0, 0, false)).toBeUndefined();
    expect(moveInGrid('a', 0, 5, false)).toBeUndefined();
  });
});

/**
 * The service's zoom in its header (renderer/src/features/toolbar/ZoomButton.tsx): absent at 100 %, the level in
 * the UI's language otherwise (Arabic digits in Arabic), and one click sets the page back to actual size.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ZoomLevel } from '../../common/zoom';
import { DEFAULT_SETTINGS } from '../../common/settings';
import { appState, service } from './fake-bridge';
import { renderShell } from './render';

async function shell(zoom: ZoomLevel | undefined, language: 'en' | 'ar' = 'en') {
  const state = appState([service('a', 'whatsapp', 'Shop', zoom === undefined ? {} : { zoom })], { settings: { ...DEFAULT_SETTINGS, language } });
  return renderShell(state);
}

describe('the zoom level in the service’s header', () => {
  it('is not shown at actual size, whether the level is absent or 100 %', async () => {
    await shell(undefined);
    expect(screen.queryByRole('button', { name: /^Zoom/ })).toBeNull();
    await shell(100);
    expect(screen.queryByRole('button', { name: /^Zoom/ })).toBeNull();
  });

  it('shows the level, and one click sets the page back to actual size', async () => {
    const { bridge, user } = await shell(125);
    const button = screen.getByRole('button', { name: 'Zoom 125%: back to actual size' });
    expect(button).toHaveTextContent('125%');
    await user.click(button);
    expect(bridge.commands).toEqual([{ type: 'service.zoom', id: 'a', step: 'reset' }]);
    bridge.push({ services: bridge.state.services.map((s) => ({ ...s, zoom: 100 })) });
    expect(screen.queryByRole('button', { name: /^Zoom/ })).toBeNull();
  });

  it('says the level in Arabic, with the percent sign as Arabic writes it', async () => {
    await shell(90, 'ar');
    const shown = new Intl.NumberFormat('ar', { style: 'percent' }).format(0.9);
    const button = screen.getByRole('button', { name: `التكبير ${shown}: العودة إلى الحجم الفعلي` });
    expect(button.textContent).toBe(shown);
  });
});

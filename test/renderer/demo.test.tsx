/**
 * The demo's mark in the shell: a banner that says the data is a sample and nothing is sent, and the same in the
 * window's title, in English and Arabic; nothing of it outside the demo.
 */
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../common/settings';
import { appState, service } from './fake-bridge';
import { renderShell } from './render';

const services = [service('demo-whatsapp', 'whatsapp', 'Shop WhatsApp')];

afterEach(() => {
  document.title = 'Wasl';
});

describe('the demo banner', () => {
  it('says it is the demo, with sample data and nothing sent, and marks the window title', async () => {
    await renderShell(appState(services, { demo: true, view: 'inbox' }));
    expect(screen.getByRole('note')).toHaveTextContent('Demo — sample data, nothing is sent');
    expect(document.title).toBe('Wasl — Demo');
  });

  it('speaks Arabic in an Arabic shell', async () => {
    await renderShell(appState(services, { demo: true, view: 'inbox', settings: { ...DEFAULT_SETTINGS, language: 'ar' } }));
    expect(await screen.findByRole('note')).toHaveTextContent('عرض تجريبي — بيانات نموذجية، ولا يُرسَل شيء');
    expect(document.title).toBe('وصل — عرض تجريبي');
  });

  it('is absent outside the demo', async () => {
    await renderShell(appState(services, { view: 'inbox' }));
    expect(screen.queryByText('Demo — sample data, nothing is sent')).toBeNull();
    expect(document.title).toBe('Wasl');
  });
});

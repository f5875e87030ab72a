/**
 * followSpelling (main/core/desktop/spelling.ts): each enabled service's session gets the languages chosen for it
 * (the default from Wasl's language and the system's when none), the shell's the default ones, again when the state
 * changes them and only then; nothing on macOS.
 */
import { describe, expect, it } from 'vitest';
import type { UiLanguage } from '../../../../../common/language';
import type { ServiceConfig } from '../../../../../common/model';
import { DEFAULT_SETTINGS } from '../../../../../common/settings';
import type { HostOs } from '../../../../../common/state';
import { createAppStore, updateService } from '../../../../../main/core/app/app-store';
import { followSpelling } from '../../../../../main/core/desktop/spelling';
import { stateOf } from '../../../../fakes/state';

const service = (id: string, extra: Partial<ServiceConfig> = {}): ServiceConfig => ({
  id,
  platform: 'whatsapp',
  name: id,
  enabled: true,
  muted: false,
  callsAllowed: false,
  ...extra,
});

function setup(
  os: HostOs = 'linux',
  services: ServiceConfig[] = [service('wa'), service('tg', { spellLanguages: ['fr', 'ar'] })],
  systemLanguages: string[] = ['ar-SA', 'en-US'],
) {
  const store = createAppStore(stateOf({ services, systemLanguages, settings: { ...DEFAULT_SETTINGS, language: 'en' } }));
  const calls: [string | null, string[]][] = [];
  let language: UiLanguage = 'en';
  const stop = followSpelling({
    store,
    os,
    language: () => language,
    spelling: { setLanguages: (id, languages) => calls.push([id, [...languages]]) },
  });
  return {
    store,
    calls,
    stop,
    speak: (next: UiLanguage) => {
      language = next;
      store.setState({ settings: { ...store.getState().settings, language: next } });
    },
  };
}

describe('followSpelling', () => {
  it('gives the shell the default, each service its choice or the default, Arabic left out on Linux', () => {
    const h = setup();
    expect(h.calls).toEqual([
      [null, ['en-US']],
      ['wa', ['en-US']],
      ['tg', ['fr']],
    ]);
  });

  it('follows a new choice of a service, and that one alone', () => {
    const h = setup();
    h.calls.length = 0;
    updateService(h.store, 'wa', { spellLanguages: ['en-GB', 'de'] });
    expect(h.calls).toEqual([['wa', ['en-GB', 'de']]]);
    updateService(h.store, 'wa', { muted: true });
    expect(h.calls).toEqual([['wa', ['en-GB', 'de']]]);
  });

  it('turns checking off when nothing is chosen, or only what the system cannot check', () => {
    const h = setup();
    h.calls.length = 0;
    updateService(h.store, 'wa', { spellLanguages: [] });
    updateService(h.store, 'tg', { spellLanguages: ['ar'] });
    expect(h.calls).toEqual([
      ['wa', []],
      ['tg', []],
    ]);
  });

  it('follows Wasl’s language for the shell and the services that keep the default', () => {
    const h = setup('win32', [service('wa'), service('tg', { spellLanguages: ['tr'] })], ['fr-FR', 'de-DE']);
    expect(h.calls).toEqual([
      [null, ['en-US', 'fr', 'de']],
      ['wa', ['en-US', 'fr', 'de']],
      ['tg', ['tr']],
    ]);
    h.calls.length = 0;
    // Arabic comes first by default, which Windows cannot check: the system's languages remain.
    h.speak('ar');
    expect(h.calls).toEqual([
      [null, ['fr', 'de']],
      ['wa', ['fr', 'de']],
    ]);
  });

  it('gives nothing again when a new language changes none of what is checked', () => {
    const h = setup('win32');
    h.calls.length = 0;
    // English and Arabic either way round: Windows checks English alone.
    h.speak('ar');
    expect(h.calls).toEqual([]);
  });

  it('leaves a turned-off service alone until it is turned on', () => {
    const h = setup('linux', [service('wa', { enabled: false, spellLanguages: ['de'] })]);
    expect(h.calls).toEqual([[null, ['en-US']]]);
    updateService(h.store, 'wa', { enabled: true });
    expect(h.calls).toEqual([
      [null, ['en-US']],
      ['wa', ['de']],
    ]);
  });

  it('applies a service that comes back after its removal again', () => {
    const h = setup();
    const [wa, tg] = h.store.getState().services;
    h.store.setState({ services: tg ? [tg] : [] });
    h.calls.length = 0;
    h.store.setState({ services: wa && tg ? [wa, tg] : [] });
    expect(h.calls).toEqual([['wa', ['en-US']]]);
  });

  it('stops following when asked', () => {
    const h = setup();
    h.calls.length = 0;
    h.stop();
    updateService(h.store, 'wa', { spellLanguages: ['de'] });
    expect(h.calls).toEqual([]);
  });

  it('does nothing on macOS, where the system’s checker decides', () => {
    const h = setup('darwin');
    updateService(h.store, 'wa', { spellLanguages: ['de'] });
    h.speak('ar');
    expect(h.calls).toEqual([]);
  });
});

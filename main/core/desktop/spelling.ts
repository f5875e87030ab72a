/**
 * Keeps each enabled service's spell checker on the languages chosen for it, and the shell's (Wasl's own text
 * fields) on the default ones, as the state changes: a service turned on, its choice changed, Wasl's language
 * changed. Only what changed is applied. The choice becomes what the system can check (common/spelling.ts): on
 * macOS nothing is applied at all, since the system's own checker decides there.
 */
import type { UiLanguage } from '../../../common/language';
import { chosenSpellLanguages, defaultSpellLanguages, spellingPlan, type SpellLanguage } from '../../../common/spelling';
import type { AppState, HostOs } from '../../../common/state';
import type { AppStore } from '../app/app-store';

/** The spell checkers of the sessions: a service's (by id), or the shell's (null). */
export interface SpellingPort {
  setLanguages(serviceId: string | null, languages: readonly SpellLanguage[]): void;
}

export interface SpellingDeps {
  store: AppStore;
  os: HostOs;
  /** The language Wasl speaks now (the setting, or the system's). */
  language(): UiLanguage;
  spelling: SpellingPort;
}

/** Applies the languages now and whenever they may have changed; answers how to stop following. */
export function followSpelling(deps: SpellingDeps): () => void {
  const { store, os } = deps;
  if (os === 'darwin') return () => undefined;
  /** What each session was last given, as a list's text. */
  const applied = new Map<string | null, string>();
  const apply = (serviceId: string | null, chosen: readonly SpellLanguage[]): void => {
    const engine = spellingPlan(chosen, os).engine ?? [];
    const text = engine.join(',');
    if (applied.get(serviceId) === text) return;
    applied.set(serviceId, text);
    deps.spelling.setLanguages(serviceId, engine);
  };
  const sync = (state: AppState): void => {
    const language = deps.language();
    apply(null, defaultSpellLanguages(language, state.systemLanguages));
    const ids = new Set(state.services.map((service) => service.id));
    for (const id of applied.keys()) if (id !== null && !ids.has(id)) applied.delete(id);
    for (const service of state.services) {
      if (service.enabled) apply(service.id, chosenSpellLanguages(service.spellLanguages, language, state.systemLanguages));
    }
  };
  sync(store.getState());
  return store.subscribe((next, prev) => {
    if (next.services !== prev.services || next.settings.language !== prev.settings.language) sync(next);
  });
}

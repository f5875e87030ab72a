/**
 * SpellingPort on Electron: a service's languages go to its partition's session, the shell's to the shell's session.
 * Only the codes the session lists as available reach `setSpellCheckerLanguages` (Electron throws on any other); a
 * code it lacks, or a call it refuses, is logged and never thrown. The dictionary download address is left as
 * Chromium has it (Google's server, see common/spelling.ts): it fetches dictionaries, never anything typed.
 */
import type { SpellLanguage } from '../../common/spelling';
import type { Logger } from '../core/app/ports';
import type { SpellingPort } from '../core/desktop/spelling';
import type { SessionLike } from './api';
import { partitionOf } from './service-views';

type SpellingSession = Pick<SessionLike, 'availableSpellCheckerLanguages' | 'setSpellCheckerLanguages'>;

export interface ElectronSpellingDeps {
  session: { fromPartition(partition: string): SpellingSession };
  shellSession: SpellingSession;
  log: Logger;
}

export function electronSpelling(deps: ElectronSpellingDeps): SpellingPort {
  return {
    setLanguages(serviceId: string | null, languages: readonly SpellLanguage[]): void {
      const session = serviceId === null ? deps.shellSession : deps.session.fromPartition(partitionOf(serviceId));
      const available = new Set(session.availableSpellCheckerLanguages);
      const missing = languages.filter((language) => !available.has(language));
      if (missing.length > 0) deps.log.warn('spell checker lacks languages', { service: serviceId, missing });
      try {
        session.setSpellCheckerLanguages(languages.filter((language) => available.has(language)));
      } catch (error) {
        deps.log.error('could not set the spell checker languages', { service: serviceId, error: String(error) });
      }
    },
  };
}

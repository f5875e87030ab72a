/**
 * electronSpelling (main/electron/spelling.ts): a service's languages reach its own partition's session, the
 * shell's its session; a code the session does not list never reaches Electron (which would throw), and a refusal
 * is logged, not thrown.
 */
import { describe, expect, it } from 'vitest';
import { electronSpelling } from '../../../../main/electron/spelling';
import { createFakeElectron, FakeSession } from '../../../fakes/electron';
import { MemoryLogger } from '../../../fakes/logger';

function setup() {
  const fake = createFakeElectron();
  const shell = fake.sessionFor('');
  const log = new MemoryLogger();
  return { fake, shell, log, spelling: electronSpelling({ session: fake.session, shellSession: shell, log }) };
}

describe('electronSpelling', () => {
  it('sets a service’s languages on its own partition only', () => {
    const h = setup();
    h.spelling.setLanguages('wa', ['en-US', 'fr']);
    expect(h.fake.sessionFor('persist:svc-wa').spellCheckerLanguages).toEqual(['en-US', 'fr']);
    expect(h.shell.spellCheckerLanguages).toBeUndefined();
    expect(h.fake.sessionFor('persist:svc-tg').spellCheckerLanguages).toBeUndefined();
  });

  it('sets the shell’s languages on the shell’s session', () => {
    const h = setup();
    h.spelling.setLanguages(null, ['en-GB']);
    expect(h.shell.spellCheckerLanguages).toEqual(['en-GB']);
  });

  it('turns checking off with no language', () => {
    const h = setup();
    h.spelling.setLanguages('wa', ['en-US']);
    h.spelling.setLanguages('wa', []);
    expect(h.fake.sessionFor('persist:svc-wa').spellCheckerLanguages).toEqual([]);
  });

  it('passes only the codes the session lists, and says which it lacked', () => {
    const h = setup();
    h.spelling.setLanguages('wa', ['ar', 'en-US']);
    expect(h.fake.sessionFor('persist:svc-wa').spellCheckerLanguages).toEqual(['en-US']);
    expect(h.log.lines).toContainEqual({ level: 'warn', message: 'spell checker lacks languages', fields: { service: 'wa', missing: ['ar'] } });
  });

  it('logs a refusal instead of throwing', () => {
    const h = setup();
    const session = h.fake.sessionFor('persist:svc-wa');
    session.setSpellCheckerLanguages = () => {
      throw new Error('spell checker unavailable');
    };
    expect(() => h.spelling.setLanguages('wa', ['en-US'])).not.toThrow();
    expect(h.log.count('error', 'could not set the spell checker languages')).toBe(1);
  });

  it('is refused by Electron for a code outside its list, as the fake checks', () => {
    expect(() => new FakeSession('x').setSpellCheckerLanguages(['ar'])).toThrow(/"ar" is not a valid language code/u);
  });
});

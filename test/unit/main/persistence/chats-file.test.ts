import { describe, expect, it } from 'vitest';
import { readChats } from '../../../../main/persistence/chats-file';

const snapshot = (chats: unknown[]) => ({ loggedIn: true, unread: { direct: 1, indirect: 0 }, chats });
const layla = { id: 'a', title: 'Layla', preview: 'Is it in stock?', unread: 1 };

describe('readChats', () => {
  it('reads what it wrote, and treats an empty file as a first start', () => {
    expect(readChats({ version: 1, services: { wa1: snapshot([layla]) } })).toEqual({ doc: { version: 1, services: { wa1: snapshot([layla]) } } });
    expect(readChats({})).toEqual({ doc: { version: 1, services: {} } });
  });

  it('keeps every valid chat of a damaged file and counts what it dropped', () => {
    const { doc, problem } = readChats({
      version: 1,
      services: { wa1: snapshot([layla, { id: 'b', title: 'Omar', unread: -1 }, 'garbage']), '../x': snapshot([layla]), tg1: { chats: 'all' } },
    });
    expect(doc.services).toEqual({ wa1: snapshot([layla]) });
    expect(problem).toEqual({ kind: 'repaired', dropped: 4 });
  });

  it.each([[[]], [{ version: 2, services: {} }], [{ version: 1, services: [] }], [null]])('gives up on %j', (raw) => {
    expect(readChats(raw).problem?.kind).toBe('unusable');
  });
});

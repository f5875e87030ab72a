import { describe, expect, it } from 'vitest';
import { buildInbox } from '../../../../../common/inbox';
import type { ChatSummary, Person, ServiceConfig } from '../../../../../common/model';
import { createAppStore } from '../../../../../main/core/app/app-store';
import { linkChats, renamePerson, unlinkChat } from '../../../../../main/core/people/people';
import { PeopleController } from '../../../../../main/core/people/controller';
import { stateOf } from '../../../../fakes/state';

const ref = (serviceId: string, chatId: string) => ({ serviceId, chatId });
const ids = () => {
  let n = 0;
  return () => `n${++n}`;
};

describe('people: link, unlink, rename', () => {
  it('links chats into a new person, then merges people when a link spans them', () => {
    const newId = ids();
    let people = linkChats([], [ref('wa', 'a'), ref('ig', 'b')], newId, 'Ahmed');
    expect(people).toEqual([{ id: 'n1', displayName: 'Ahmed', chats: [ref('wa', 'a'), ref('ig', 'b')] }]);
    people = linkChats(people, [ref('tg', 'c'), ref('tg', 'd')], newId);
    people = linkChats(people, [ref('ig', 'b'), ref('tg', 'c')], newId);
    expect(people).toEqual([{ id: 'n1', displayName: 'Ahmed', chats: [ref('wa', 'a'), ref('ig', 'b'), ref('tg', 'c'), ref('tg', 'd')] }]);
  });

  it('unlinking a chat makes it a person of its own, and the rest stay linked', () => {
    const people: Person[] = [{ id: 'p1', displayName: 'Ahmed', chats: [ref('wa', 'a'), ref('ig', 'b'), ref('tg', 'c')] }];
    expect(unlinkChat(people, ref('ig', 'b'), () => 'n1')).toEqual([
      { id: 'p1', displayName: 'Ahmed', chats: [ref('wa', 'a'), ref('tg', 'c')] },
      { id: 'n1', chats: [ref('ig', 'b')], alone: true },
    ]);
  });

  it('an unlinked chat stays apart from the one it shared a phone with', () => {
    const services: ServiceConfig[] = ['wa', 'tg'].map((id) => ({ id, platform: 'whatsapp', name: id, enabled: true, muted: false, callsAllowed: false }));
    const chat = (id: string): ChatSummary => ({ id, title: id, unread: 0, phone: '+966501234567' });
    const snapshots = { wa: { loggedIn: true, unread: { direct: 0, indirect: 0 }, chats: [chat('a')] }, tg: { loggedIn: true, unread: { direct: 0, indirect: 0 }, chats: [chat('c')] } };
    expect(buildInbox({ services, snapshots, people: [] })).toHaveLength(1);
    const people = unlinkChat([], ref('tg', 'c'), () => 'n1');
    expect(buildInbox({ services, snapshots, people })).toHaveLength(2);
  });

  it('renames a person, or clears the name', () => {
    const people: Person[] = [{ id: 'p1', displayName: 'Old', chats: [ref('wa', 'a')] }];
    expect(renamePerson(people, 'p1', 'أحمد')).toEqual([{ id: 'p1', displayName: 'أحمد', chats: [ref('wa', 'a')] }]);
    expect(renamePerson(people, 'p1', null)).toEqual([{ id: 'p1', chats: [ref('wa', 'a')] }]);
    expect(renamePerson(people, 'nobody', 'x')).toBeUndefined();
  });
});

describe('PeopleController', () => {
  it('carries out link, unlink, rename and dismiss, and undoes them one by one', () => {
    const store = createAppStore(stateOf());
    const people = new PeopleController(store, ids());
    expect(people.command({ type: 'people.link', chats: [ref('wa', 'a'), ref('ig', 'b')] })).toEqual({ ok: true, id: 'n1' });
    expect(store.getState().peopleUndo).toBe('link');
    people.command({ type: 'people.rename', personId: 'n1', displayName: 'Ahmed' });
    people.command({ type: 'people.unlink', chat: ref('ig', 'b') });
    people.command({ type: 'suggestion.dismiss', a: 'chat:wa:x', b: 'chat:ig:y' });
    people.command({ type: 'suggestion.dismiss', a: 'chat:ig:y', b: 'chat:wa:x' });
    expect(store.getState().dismissedSuggestions).toEqual(['chat:ig:y|chat:wa:x']);
    expect(store.getState().people).toEqual([
      { id: 'n1', displayName: 'Ahmed', chats: [ref('wa', 'a')] },
      { id: 'n2', chats: [ref('ig', 'b')], alone: true },
    ]);

    expect(people.command({ type: 'people.undo' })).toEqual({ ok: true });
    expect(store.getState().dismissedSuggestions).toEqual([]);
    expect(store.getState().peopleUndo).toBe('unlink');
    people.command({ type: 'people.undo' });
    expect(store.getState().people).toEqual([{ id: 'n1', displayName: 'Ahmed', chats: [ref('wa', 'a'), ref('ig', 'b')] }]);
    people.command({ type: 'people.undo' });
    people.command({ type: 'people.undo' });
    expect(store.getState()).toMatchObject({ people: [], peopleUndo: null });
    expect(people.command({ type: 'people.undo' })).toEqual({ ok: false, error: 'nothing-to-undo' });
    expect(people.command({ type: 'people.rename', personId: 'gone', displayName: 'x' })).toEqual({ ok: false, error: 'not-found' });
  });
});

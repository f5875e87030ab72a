/**
 * The user's decisions about who is who, as pure changes to the list of people: link chats into one person,
 * unlink a chat (it becomes a person of its own, so an automatic merge by phone cannot pull it back), rename.
 */
import type { ChatRef, Person } from '../../../common/model';

const same = (a: ChatRef, b: ChatRef): boolean => a.serviceId === b.serviceId && a.chatId === b.chatId;
const holds = (person: Person, chat: ChatRef): boolean => person.chats.some((c) => same(c, chat));

/**
 * `chats` are one person. People they already belong to are merged into one (the first one's id and name, unless
 * a name is given).
 */
export function linkChats(people: readonly Person[], chats: readonly ChatRef[], newId: () => string, displayName?: string): Person[] {
  const involved = people.filter((p) => chats.some((c) => holds(p, c)));
  const first = involved[0];
  const merged: Person = { id: first?.id ?? newId(), chats: [] };
  const name = displayName ?? involved.find((p) => p.displayName !== undefined)?.displayName;
  if (name !== undefined) merged.displayName = name;
  for (const chat of [...involved.flatMap((p) => p.chats), ...chats]) {
    if (!merged.chats.some((c) => same(c, chat))) merged.chats.push({ serviceId: chat.serviceId, chatId: chat.chatId });
  }
  const rest = people.filter((p) => !involved.includes(p));
  const at = first ? people.indexOf(first) : people.length;
  const out = [...rest];
  out.splice(Math.min(at, out.length), 0, merged);
  return out;
}

/**
 * `chat` is not the person it was with: it leaves its person and becomes a person of its own, marked `alone` so
 * that sharing a phone number does not merge it back.
 */
export function unlinkChat(people: readonly Person[], chat: ChatRef, newId: () => string): Person[] {
  const out: Person[] = [];
  for (const person of people) {
    if (!holds(person, chat)) {
      out.push(person);
      continue;
    }
    // Even a person left with one chat stays: it keeps that chat apart from the one leaving.
    const remaining = person.chats.filter((c) => !same(c, chat));
    if (remaining.length > 0) out.push({ ...person, chats: remaining });
  }
  out.push({ id: newId(), chats: [{ serviceId: chat.serviceId, chatId: chat.chatId }], alone: true });
  return out;
}

export function renamePerson(people: readonly Person[], personId: string, displayName: string | null): Person[] | undefined {
  if (!people.some((p) => p.id === personId)) return undefined;
  return people.map((p) => {
    if (p.id !== personId) return p;
    const { displayName: _old, ...rest } = p;
    return displayName === null ? rest : { ...rest, displayName };
  });
}

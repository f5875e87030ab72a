import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInbox, type InboxInput } from '../../../common/inbox';
import { InboxIndex } from '../../../common/inbox-index';
import type { ChatSummary, InboxEntry, Person, ServiceConfig, ServiceSnapshot } from '../../../common/model';

const svc = (id: string, enabled = true): ServiceConfig => ({ id, platform: 'whatsapp', name: id, enabled, muted: false, callsAllowed: false });
const chat = (id: string, extra: Partial<ChatSummary> = {}): ChatSummary => ({ id, title: id.toUpperCase(), unread: 0, ...extra });
const snap = (chats: ChatSummary[], loggedIn = true): ServiceSnapshot => ({ loggedIn, unread: { direct: 0, indirect: 0 }, chats });
const link = (id: string, refs: string[], extra: Partial<Person> = {}): Person => ({
  id,
  chats: refs.map((ref) => {
    const [serviceId = '', chatId = ''] = ref.split('/');
    return { serviceId, chatId };
  }),
  ...extra,
});
const P = '+966501234567';
const Q = '+447700900123';

/** Entries as one line each: key, then its chats. */
const show = (entries: readonly InboxEntry[]): string[] => entries.map((e) => [e.key, ...e.chats.map((c) => `${c.serviceId}/${c.chatId}`)].join(' '));

/**
 * An InboxIndex and the input it stands for, changed together. Every change checks the index against buildInbox,
 * that entries equal to one before are that same object, and that the list is the same array when equal.
 */
class Both {
  readonly index: InboxIndex;
  private shown: readonly InboxEntry[];

  constructor(public input: InboxInput) {
    this.index = new InboxIndex(input);
    this.shown = this.check();
  }

  services(services: readonly ServiceConfig[]): this {
    this.input = { ...this.input, services };
    this.index.setServices(services);
    return this.after();
  }

  snapshot(id: string, snapshot: ServiceSnapshot | undefined): this {
    const { [id]: _old, ...rest } = this.input.snapshots;
    this.input = { ...this.input, snapshots: snapshot ? { ...rest, [id]: snapshot } : rest };
    this.index.setSnapshot(id, snapshot);
    return this.after();
  }

  /** One chat of a service changed; the others stay the same objects. */
  chat(id: string, chatId: string, patch: Partial<ChatSummary>): this {
    const current = this.input.snapshots[id] ?? snap([]);
    return this.snapshot(id, { ...current, chats: current.chats.map((c) => (c.id === chatId ? { ...c, ...patch } : c)) });
  }

  people(people: readonly Person[]): this {
    this.input = { ...this.input, people };
    this.index.setPeople(people);
    return this.after();
  }

  entries(): readonly InboxEntry[] {
    return this.shown;
  }

  private after(): this {
    const before = this.shown;
    this.shown = this.check();
    const byKey = new Map(before.map((e) => [e.key, e]));
    for (const entry of this.shown) {
      const old = byKey.get(entry.key);
      if (old && isDeepStrictEqual(old, entry)) expect(entry).toBe(old);
    }
    if (isDeepStrictEqual(before, this.shown)) expect(this.shown).toBe(before);
    return this;
  }

  private check(): readonly InboxEntry[] {
    const entries = this.index.entries();
    expect(entries).toStrictEqual(buildInbox(this.input));
    for (const entry of entries) {
      for (const c of entry.chats) {
        expect(this.index.entryOf(c.serviceId, c.chatId)).toBe(entry);
        expect(this.index.chatOf(c.serviceId, c.chatId)).toBe(this.input.snapshots[c.serviceId]?.chats.find((x) => x.id === c.chatId));
      }
    }
    return entries;
  }
}

const three = [svc('wa'), svc('ig'), svc('tg')];
const T = Date.UTC(2026, 10, 21, 9, 0);

describe('InboxIndex transitions (each checked against buildInbox)', () => {
  it.each<{ name: string; start: Partial<InboxInput> & Pick<InboxInput, 'snapshots'>; step: (b: Both) => unknown; before: string[]; after: string[] }>([
    {
      name: 'a chat gains a phone and joins the chats that have it',
      start: { snapshots: { wa: snap([chat('a', { phone: P, lastActivity: T })]), tg: snap([chat('c', { lastActivity: T - 1 })]) } },
      step: (b) => b.chat('tg', 'c', { phone: P }),
      before: ['chat:wa:a wa/a', 'chat:tg:c tg/c'],
      after: [`phone:${P} wa/a tg/c`],
    },
    {
      name: 'a chat loses its phone and leaves its group, which falls apart',
      start: { snapshots: { wa: snap([chat('a', { phone: P, lastActivity: T })]), tg: snap([chat('c', { phone: P, lastActivity: T - 1 })]) } },
      step: (b) => b.chat('wa', 'a', { phone: undefined }),
      before: [`phone:${P} wa/a tg/c`],
      after: ['chat:wa:a wa/a', 'chat:tg:c tg/c'],
    },
    {
      name: 'a chat changes number: leaves one group, joins another',
      start: {
        snapshots: {
          wa: snap([chat('a', { phone: P, lastActivity: T }), chat('b', { phone: Q, lastActivity: T - 10 })]),
          ig: snap([chat('i', { phone: P, lastActivity: T - 1 })]),
          tg: snap([chat('c', { phone: P, lastActivity: T - 2 })]),
        },
      },
      step: (b) => b.chat('tg', 'c', { phone: Q }),
      before: [`phone:${P} wa/a ig/i tg/c`, 'chat:wa:b wa/b'],
      after: [`phone:${P} wa/a ig/i`, `phone:${Q} tg/c wa/b`],
    },
    {
      name: 'a newer message moves an entry up; its chats reorder inside it',
      start: { snapshots: { wa: snap([chat('a', { phone: P, lastActivity: T - 5 }), chat('b', { lastActivity: T })]), tg: snap([chat('c', { phone: P, lastActivity: T - 9 })]) } },
      step: (b) => b.chat('tg', 'c', { lastActivity: T + 1, unread: 3, preview: 'new' }),
      before: ['chat:wa:b wa/b', `phone:${P} wa/a tg/c`],
      after: [`phone:${P} tg/c wa/a`, 'chat:wa:b wa/b'],
    },
    {
      name: 'a link is added: two chats become one person',
      start: { snapshots: { wa: snap([chat('a', { lastActivity: T })]), ig: snap([chat('b', { lastActivity: T - 1 })]), tg: snap([chat('c', { lastActivity: T - 2 })]) } },
      step: (b) => b.people([link('p1', ['ig/b', 'wa/a'], { displayName: 'Ahmed' })]),
      before: ['chat:wa:a wa/a', 'chat:ig:b ig/b', 'chat:tg:c tg/c'],
      after: ['person:p1 wa/a ig/b', 'chat:tg:c tg/c'],
    },
    {
      name: 'a link is removed: the person falls apart',
      start: { snapshots: { wa: snap([chat('a', { lastActivity: T })]), ig: snap([chat('b', { lastActivity: T - 1 })]) }, people: [link('p1', ['wa/a', 'ig/b'])] },
      step: (b) => b.people([]),
      before: ['person:p1 wa/a ig/b'],
      after: ['chat:wa:a wa/a', 'chat:ig:b ig/b'],
    },
    {
      name: 'a person pulls in the chats that share a number with one of its chats',
      start: { snapshots: { wa: snap([chat('a', { lastActivity: T })]), ig: snap([chat('b', { phone: Q, lastActivity: T - 1 })]), tg: snap([chat('c', { phone: Q, lastActivity: T - 2 })]) } },
      step: (b) => b.people([link('p1', ['wa/a', 'ig/b'])]),
      before: ['chat:wa:a wa/a', `phone:${Q} ig/b tg/c`],
      after: ['person:p1 wa/a ig/b tg/c'],
    },
    {
      name: 'a chat split off (alone) leaves the others with its number together',
      start: {
        snapshots: {
          wa: snap([chat('a', { phone: P, lastActivity: T })]),
          ig: snap([chat('b', { phone: P, lastActivity: T - 1 })]),
          tg: snap([chat('c', { phone: P, lastActivity: T - 2 })]),
        },
      },
      step: (b) => b.people([link('x', ['wa/a'], { alone: true })]),
      before: [`phone:${P} wa/a ig/b tg/c`],
      after: ['person:x wa/a', `phone:${P} ig/b tg/c`],
    },
    {
      name: 'a number held by two people goes to the one first in the sidebar; reordering hands it over',
      start: {
        snapshots: { wa: snap([chat('a', { phone: P, lastActivity: T })]), ig: snap([chat('b', { phone: P, lastActivity: T - 1 })]), tg: snap([chat('c', { phone: P, lastActivity: T - 2 })]) },
        people: [link('A', ['wa/a']), link('B', ['tg/c'])],
      },
      step: (b) => b.services([svc('tg'), svc('ig'), svc('wa')]),
      before: ['person:A wa/a ig/b', 'person:B tg/c'],
      after: ['person:A wa/a', 'person:B ig/b tg/c'],
    },
    {
      name: 'a link to a chat that is not there yet takes it when it appears',
      start: { snapshots: { wa: snap([chat('a', { lastActivity: T })]), ig: snap([]) }, people: [link('p1', ['wa/a', 'ig/later'])] },
      step: (b) => b.snapshot('ig', snap([chat('later', { lastActivity: T + 1 })])),
      before: ['person:p1 wa/a'],
      after: ['person:p1 ig/later wa/a'],
    },
    {
      name: 'a service disabled leaves the inbox, merged entries shrink',
      start: { snapshots: { wa: snap([chat('a', { phone: P, lastActivity: T })]), ig: snap([chat('b', { phone: P, lastActivity: T - 1 }), chat('d')]) } },
      step: (b) => b.services([svc('wa'), svc('ig', false), svc('tg')]),
      before: [`phone:${P} wa/a ig/b`, 'chat:ig:d ig/d'],
      after: ['chat:wa:a wa/a'],
    },
    {
      name: 'a service enabled comes back in',
      start: { services: [svc('wa'), svc('ig', false)], snapshots: { wa: snap([chat('a', { phone: P, lastActivity: T })]), ig: snap([chat('b', { phone: P, lastActivity: T + 1 })]) } },
      step: (b) => b.services([svc('wa'), svc('ig')]),
      before: ['chat:wa:a wa/a'],
      after: [`phone:${P} ig/b wa/a`],
    },
    {
      name: 'services reordered: chats without a time follow the sidebar',
      start: { snapshots: { wa: snap([chat('a'), chat('b')]), ig: snap([chat('i')]), tg: snap([chat('t', { lastActivity: T })]) } },
      step: (b) => b.services([svc('ig'), svc('tg'), svc('wa')]),
      before: ['chat:tg:t tg/t', 'chat:wa:a wa/a', 'chat:wa:b wa/b', 'chat:ig:i ig/i'],
      after: ['chat:tg:t tg/t', 'chat:ig:i ig/i', 'chat:wa:a wa/a', 'chat:wa:b wa/b'],
    },
    {
      name: 'a service added to and another removed from the list',
      start: { services: [svc('wa'), svc('ig')], snapshots: { wa: snap([chat('a')]), ig: snap([chat('b')]), tg: snap([chat('c')]) } },
      step: (b) => b.services([svc('tg'), svc('wa')]),
      before: ['chat:wa:a wa/a', 'chat:ig:b ig/b'],
      after: ['chat:tg:c tg/c', 'chat:wa:a wa/a'],
    },
    {
      name: 'a service logged out leaves the inbox',
      start: { snapshots: { wa: snap([chat('a', { phone: P })]), tg: snap([chat('c', { phone: P })]) } },
      step: (b) => b.snapshot('tg', snap([chat('c', { phone: P })], false)),
      before: [`phone:${P} wa/a tg/c`],
      after: ['chat:wa:a wa/a'],
    },
    {
      name: 'a chat removed from its page',
      start: { snapshots: { wa: snap([chat('a', { lastActivity: T }), chat('b', { lastActivity: T - 1 }), chat('c')]) }, people: [link('p', ['wa/b'])] },
      step: (b) => b.snapshot('wa', snap([chat('a', { lastActivity: T }), chat('c')])),
      before: ['chat:wa:a wa/a', 'person:p wa/b', 'chat:wa:c wa/c'],
      after: ['chat:wa:a wa/a', 'chat:wa:c wa/c'],
    },
    {
      name: 'two chats with the same time keep sidebar then page order; moving one up in its page reorders them',
      start: { snapshots: { wa: snap([chat('a', { lastActivity: T }), chat('b', { lastActivity: T }), chat('c', { lastActivity: T })]), ig: snap([chat('i', { lastActivity: T })]) } },
      step: (b) => b.snapshot('wa', snap([chat('c', { lastActivity: T }), chat('a', { lastActivity: T }), chat('b', { lastActivity: T })])),
      before: ['chat:wa:a wa/a', 'chat:wa:b wa/b', 'chat:wa:c wa/c', 'chat:ig:i ig/i'],
      after: ['chat:wa:c wa/c', 'chat:wa:a wa/a', 'chat:wa:b wa/b', 'chat:ig:i ig/i'],
    },
    {
      name: 'a person renamed changes its title only',
      start: { snapshots: { wa: snap([chat('a', { lastActivity: T })]), ig: snap([chat('b')]) }, people: [link('p', ['wa/a', 'ig/b'], { displayName: 'Old' })] },
      step: (b) => b.people([link('p', ['wa/a', 'ig/b'], { displayName: 'New' })]),
      before: ['person:p wa/a ig/b'],
      after: ['person:p wa/a ig/b'],
    },
  ])('$name', ({ start, step, before, after }) => {
    const both = new Both({ services: three, people: [], ...start });
    expect(show(both.entries())).toEqual(before);
    step(both);
    expect(show(both.entries())).toEqual(after);
  });
});

describe('InboxIndex identity', () => {
  const bigInput = (): InboxInput => ({
    services: three,
    snapshots: {
      wa: snap(Array.from({ length: 50 }, (_, i) => chat(`w${i}`, { lastActivity: T - i * 1000, phone: i % 10 === 0 ? `+96650000${1000 + i}` : undefined }))),
      tg: snap(Array.from({ length: 50 }, (_, i) => chat(`t${i}`, { lastActivity: T - i * 1000 - 500, phone: i % 10 === 0 ? `+96650000${1000 + i}` : undefined }))),
    },
    people: [link('p', ['wa/w3', 'tg/t7'], { displayName: 'Linked' })],
  });

  it('a new message recreates one entry; every other entry is the same object', () => {
    const both = new Both(bigInput());
    const before = both.entries();
    both.chat('tg', 't20', { lastActivity: T + 1, unread: 1, preview: 'hello' });
    const after = both.entries();
    expect(after).not.toBe(before);
    expect(after[0]?.key).toBe(`phone:+966500001020`);
    const fresh = after.filter((e) => !before.includes(e));
    expect(fresh.map((e) => e.key)).toEqual(['phone:+966500001020']);
    expect(both.index.entryOf('wa', 'w20')).toBe(after[0]);
  });

  it('keeps the same array when nothing the inbox shows changed', () => {
    const both = new Both(bigInput());
    const before = both.entries();
    const copy = (s: ServiceSnapshot | undefined): ServiceSnapshot => structuredClone(s ?? snap([]));
    both.snapshot('wa', copy(both.input.snapshots['wa']));
    both.chat('tg', 't3', { avatarUrl: 'https://example.com/a.png', muted: true, kind: 'direct' });
    both.snapshot('wa', { ...copy(both.input.snapshots['wa']), unread: { direct: 9, indirect: 1 }, activeChatId: 'w1' });
    both.people(structuredClone(both.input.people));
    both.services(three.map((s) => ({ ...s, name: `${s.name}!`, muted: true })));
    both.services([...three, svc('off', false)]);
    both.snapshot('unlisted', snap([chat('z', { lastActivity: T + 5 })]));
    expect(both.entries()).toBe(before);

    both.chat('tg', 't4', { unread: 1 });
    const marked = both.entries();
    expect(marked.filter((e, i) => e !== before[i]).map((e) => e.key)).toEqual(['chat:tg:t4']);
    both.chat('tg', 't4', { unread: -1 }); // marked unread counts as one: nothing to show
    expect(both.entries()).toBe(marked);
  });

  it('in strict mode, a chat that changed only what the entry does not hold (its picture) recreates its entry', () => {
    const b = chat('b', { lastActivity: T - 1 });
    const input: InboxInput = { services: three, snapshots: { wa: snap([chat('a', { lastActivity: T }), b]) }, people: [] };
    const strict = new InboxIndex(input, true);
    const loose = new InboxIndex(input);
    const [strictA, strictB] = strict.entries();
    const looseBefore = loose.entries();
    const pictured = snap([chat('a', { lastActivity: T, avatarUrl: 'https://example.com/a.png' }), b]);
    strict.setSnapshot('wa', pictured);
    loose.setSnapshot('wa', pictured);
    expect(loose.entries()).toBe(looseBefore);
    expect(strict.entries()[0]).not.toBe(strictA);
    expect(strict.entries()[0]).toEqual(strictA);
    expect(strict.entries()[1]).toBe(strictB);
    expect(strict.chatOf('wa', 'a')?.avatarUrl).toBe('https://example.com/a.png');
    expect(strict.entryByKey('chat:wa:b')).toBe(strictB);
    expect(strict.entryByKey('chat:wa:none')).toBeUndefined();
  });

  it('entryOf and chatOf answer for chats in the inbox only', () => {
    const both = new Both(bigInput());
    expect(both.index.entryOf('wa', 'w3')?.key).toBe('person:p');
    expect(both.index.chatOf('tg', 't7')?.title).toBe('T7');
    both.services([svc('wa'), svc('ig'), svc('tg', false)]);
    expect(both.index.entryOf('tg', 't7')).toBeUndefined();
    expect(both.index.chatOf('tg', 't7')).toBeUndefined();
    expect(both.index.entryOf('wa', 'nope')).toBeUndefined();
    expect(both.index.entryOf('nowhere', 'w3')).toBeUndefined();
    expect(new InboxIndex().entries()).toEqual([]);
  });

  it('an unlink recreates only the entries it splits', () => {
    const both = new Both(bigInput());
    const before = both.entries();
    both.people([link('p', ['wa/w3']), link('n', ['tg/t7'], { alone: true })]);
    const fresh = both.entries().filter((e) => !before.includes(e));
    expect(show(fresh).sort()).toEqual(['person:n tg/t7', 'person:p wa/w3']);
  });
});

describe('InboxIndex property: after any sequence of changes it equals buildInbox', () => {
  const SERVICES = ['s0', 's1', 's2', 's3'];
  const PHONES = ['+966500000001', '+966500000002', '+966500000003'];
  const CHAT_IDS = ['c0', 'c1', 'c2', 'c3', 'c4'];

  const time = fc.constantFrom(undefined, 100, 200, 300);
  const phone = fc.option(fc.constantFrom(...PHONES), { nil: undefined, freq: 2 });
  const chatArb: fc.Arbitrary<ChatSummary> = fc.record(
    {
      id: fc.constantFrom(...CHAT_IDS),
      title: fc.constantFrom('Ahmed', 'Sara', 'أحمد'),
      preview: fc.constantFrom(undefined, 'hi', 'ok'),
      lastActivity: time,
      unread: fc.constantFrom(-1, 0, 1, 2),
      phone,
    },
    { requiredKeys: ['id', 'title', 'unread'] },
  );
  const snapshotArb = fc.record({
    loggedIn: fc.oneof({ arbitrary: fc.constant(true), weight: 5 }, { arbitrary: fc.constant(false), weight: 1 }),
    chats: fc.uniqueArray(chatArb, { selector: (c) => c.id, maxLength: 5 }),
  }).map(({ loggedIn, chats }) => snap(chats, loggedIn));
  const ref = fc.record({ serviceId: fc.constantFrom(...SERVICES), chatId: fc.constantFrom(...CHAT_IDS) });
  const personArb = fc.record(
    {
      chats: fc.array(ref, { minLength: 1, maxLength: 3 }),
      displayName: fc.constantFrom(undefined, 'Ahmed', 'Boss'),
      alone: fc.constantFrom(undefined, false, true),
    },
    { requiredKeys: ['chats'] },
  );
  const peopleArb = fc.array(personArb, { maxLength: 3 }).map((list): Person[] => list.map((p, i) => ({ id: `p${i}`, ...p })));
  const enabled = fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 });
  const servicesArb = fc.tuple(fc.shuffledSubarray(SERVICES, { minLength: 1 }), fc.array(enabled, { minLength: 4, maxLength: 4 }))
    .map(([ids, enabled]) => ids.map((id, i) => svc(id, enabled[i] ?? true)));
  const service = fc.constantFrom(...SERVICES);

  type Op =
    | { type: 'snapshot'; service: string; snapshot: ServiceSnapshot | undefined }
    | { type: 'touch'; service: string; at: number; patch: Partial<ChatSummary> }
    | { type: 'move'; service: string; from: number; to: number }
    | { type: 'people'; people: Person[] }
    | { type: 'same-people' }
    | { type: 'link'; person: number; chat: { serviceId: string; chatId: string } }
    | { type: 'unlink'; person: number; at: number }
    | { type: 'services'; services: ServiceConfig[] }
    | { type: 'reorder'; order: number[] }
    | { type: 'toggle'; service: string };

  const op: fc.Arbitrary<Op> = fc.oneof(
    { arbitrary: fc.record({ type: fc.constant('snapshot' as const), service, snapshot: fc.option(snapshotArb, { nil: undefined, freq: 8 }) }), weight: 3 },
    {
      arbitrary: fc.record({
        type: fc.constant('touch' as const),
        service,
        at: fc.nat(4),
        // A key given as undefined takes the field away (a phone lost, a time unknown).
        patch: fc.record({ lastActivity: time, unread: fc.constantFrom(0, 1, 5), phone, title: fc.constantFrom('Ahmed', 'Sara') }, { requiredKeys: [] }),
      }),
      weight: 5,
    },
    { arbitrary: fc.record({ type: fc.constant('move' as const), service, from: fc.nat(4), to: fc.nat(4) }), weight: 2 },
    { arbitrary: fc.record({ type: fc.constant('people' as const), people: peopleArb }), weight: 2 },
    { arbitrary: fc.constant({ type: 'same-people' as const }), weight: 1 },
    { arbitrary: fc.record({ type: fc.constant('services' as const), services: servicesArb }), weight: 1 },
    { arbitrary: fc.record({ type: fc.constant('link' as const), person: fc.nat(3), chat: ref }), weight: 2 },
    { arbitrary: fc.record({ type: fc.constant('unlink' as const), person: fc.nat(3), at: fc.nat(2) }), weight: 1 },
    { arbitrary: fc.record({ type: fc.constant('reorder' as const), order: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4 }) }), weight: 1 },
    { arbitrary: fc.record({ type: fc.constant('toggle' as const), service }), weight: 1 },
  );

  function step(both: Both, o: Op): void {
    const current = 'service' in o ? both.input.snapshots[o.service] : undefined;
    switch (o.type) {
      case 'snapshot':
        both.snapshot(o.service, o.snapshot);
        return;
      case 'touch': {
        const target = current?.chats[o.at % Math.max(1, current.chats.length)];
        if (target) both.chat(o.service, target.id, o.patch);
        return;
      }
      case 'move': {
        if (!current || current.chats.length === 0) return;
        const chats = [...current.chats];
        const [moved] = chats.splice(o.from % chats.length, 1);
        if (moved) chats.splice(o.to % (chats.length + 1), 0, moved);
        both.snapshot(o.service, { ...current, chats });
        return;
      }
      case 'people':
        both.people(o.people);
        return;
      case 'same-people':
        both.people(structuredClone(both.input.people));
        return;
      case 'services':
        both.services(o.services);
        return;
      case 'link': {
        // The user links one more chat to a person (the same id, name and flags: a new object all the same).
        const people = both.input.people;
        const target = people[o.person % Math.max(1, people.length)];
        both.people(target ? people.map((p) => (p === target ? { ...p, chats: [...p.chats, o.chat] } : p)) : [{ id: 'linked', chats: [o.chat] }]);
        return;
      }
      case 'unlink': {
        // The user splits a chat off a person: it becomes a person of its own, `alone`.
        const people = both.input.people;
        const target = people[o.person % Math.max(1, people.length)];
        const chat = target?.chats[o.at % target.chats.length];
        if (!target || !chat) return;
        const rest = people.map((p) => (p === target ? { ...p, chats: p.chats.filter((c) => c !== chat) } : p));
        both.people([...rest, { id: `alone${people.length}`, chats: [chat], alone: true }]);
        return;
      }
      case 'reorder': {
        const list = both.input.services;
        both.services(o.order.flatMap((i) => list[i] ?? []));
        return;
      }
      case 'toggle':
        both.services(both.input.services.map((s) => (s.id === o.service ? { ...s, enabled: !s.enabled } : s)));
        return;
    }
  }

  it('1,000 random sequences of up to 60 changes (30 on average): snapshots, chats, moves, people, links, services', { timeout: 30_000 }, () => {
    const start = fc.record({
      services: servicesArb,
      snapshots: fc.dictionary(service, snapshotArb, { maxKeys: 4 }),
      people: peopleArb,
    });
    fc.assert(
      fc.property(start, fc.array(op, { minLength: 1, maxLength: 60, size: 'max' }), (input, ops) => {
        const both = new Both(input);
        for (const o of ops) step(both, o);
      }),
      { numRuns: 1_000 },
    );
  });
});

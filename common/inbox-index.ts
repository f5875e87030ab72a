/**
 * The unified inbox kept up to date change by change: always equal to `buildInbox` of the same input, but a new
 * message in one chat costs a few small steps instead of a rebuild of 20,000 entries, and it leaves every other
 * entry the same object (memoized rows skip re-rendering) and the list the same array when nothing changed.
 *
 *   const index = new InboxIndex({ services, snapshots, people });
 *   index.setSnapshot(serviceId, snapshot);   // a service's chats changed
 *   index.setServices(services);              // added, removed, enabled, disabled, reordered
 *   index.setPeople(people);                  // a link, an unlink, a rename
 *   index.entries();                          // newest first, as buildInbox
 *   index.entryOf(serviceId, chatId);         // the entry a chat is in
 *   index.chatOf(serviceId, chatId);          // the chat itself (its own title, for suggestions)
 *
 * Each setter takes the whole new value, as the shell's store holds it (a new object per change; the same object
 * is "nothing changed"), and works out what changed itself: a snapshot is compared chat by chat with the one
 * before (unchanged chats are usually the same objects, and only the fields the inbox shows count), people and
 * services likewise. Chat ids are unique within a snapshot, and service ids within the list, as main keeps them.
 *
 * How. Every chat of a live service is a slot; slots form groups (one per entry) by the rules of buildInbox:
 * - a chat belongs to the first person that lists it; a person's chats are one group;
 * - the chats sharing a phone join when they are not `alone` and belong to no person or to the number's owner,
 *   the person of the first such chat in sidebar and page order (two people never merge).
 * Those rules depend only on a chat's own person, and for a number, on its holders and their order. So a change
 * touches the groups of the chats it changes, of every holder of the numbers involved, and of the people
 * involved. Those groups come out of the sorted list (binary search), their chats are regrouped (union-find), and
 * the new groups go back in by binary search; an entry equal to the one it replaces is kept as it was.
 * Order among equals is a chat's place in the sidebar, then in its page, read live: a chat that moved relative to
 * the others of its service (outside a longest increasing run of old places), or whose service moved in the
 * sidebar, counts as changed; every other pair keeps its order, so the list stays sorted without a re-sort.
 */
import { unreadOf, type InboxInput } from './inbox';
import type { ChatRef, ChatSummary, InboxEntry, Person, ServiceConfig, ServiceSnapshot } from './model';

/** A service of the sidebar list. */
interface Service {
  readonly id: string;
  /** Its place in the list. */
  rank: number;
  enabled: boolean;
  /** Listed, enabled and logged in: its chats are in the inbox. */
  live: boolean;
  /** Its chats in the inbox, by chat id. */
  readonly slots: Map<string, Slot>;
}

/** serviceId → chatId → the person that holds the chat: the first that lists it. */
type Claims = ReadonlyMap<string, ReadonlyMap<string, Person>>;
/** Each person's chats, as the person lists them (those another person listed first left out). */
type Holdings = ReadonlyMap<Person, readonly ChatRef[]>;

/** A chat in the inbox. */
class Slot {
  /** The person that holds it (the first that lists it), if any. */
  holder: Person | undefined;
  /** Its entry; undefined only while it is being added. */
  group: Group | undefined;
  /** While groups are being formed: its union-find link, and when it is a root, the chats of its group. */
  parent: Slot = this;
  members: Slot[] | undefined;
  /** While a change is being applied: its new place in the page, if it moves. */
  next = 0;
  /** The pass that last visited it. */
  mark = 0;
  /** Taken out of the inbox. */
  gone = false;

  constructor(
    readonly service: Service,
    public chat: ChatSummary,
    /** Its place in its service's page. */
    public pos: number,
    claims: Claims,
  ) {
    this.holder = claims.get(service.id)?.get(chat.id);
  }
}

/** An entry, with its chats and where it sits among equals. */
interface Group {
  entry: InboxEntry;
  /** Its entry's lastActivity, -Infinity when it has none (they go last). */
  time: number;
  /** Its earliest chat in sidebar and page order. */
  first: Slot;
  slots: readonly Slot[];
  /** Taken out by the change being applied. */
  doomed: boolean;
}

/** One change in the making: gathered while the index is still as it was, then applied at once. */
interface Plan {
  doomed: Group[];
  added: Slot[];
  removed: Slot[];
  edited: { slot: Slot; chat: ChatSummary }[];
  /** Chats that stay but change place, each with its new place in `next`. */
  placed: Slot[];
  ranked: { service: Service; rank: number }[];
}

/** Changes that touch at most this many entries splice them in and out; bigger ones filter and merge. */
const FEW = 32;

const earlier = (a: Slot, b: Slot): number => a.service.rank - b.service.rank || a.pos - b.pos;
/** The order of chats inside an entry (buildInbox's entryOf): newest first, then sidebar and page order. */
const newest = (a: Slot, b: Slot): number => (b.chat.lastActivity ?? -Infinity) - (a.chat.lastActivity ?? -Infinity) || earlier(a, b);

/**
 * buildInbox's order: newer first; without a time, after those with one; then sidebar and page order.
 * (Two without a time: -Infinity minus -Infinity is NaN, which falls through to the order like a tie.)
 */
const precedes = (a: Group, b: Group): number => b.time - a.time || earlier(a.first, b.first);

/** Whether the inbox shows the two the same way: the fields an entry holds (chats-delta's sameChat takes all). */
const sameInInbox = (a: ChatSummary, b: ChatSummary): boolean =>
  a.title === b.title && a.preview === b.preview && a.lastActivity === b.lastActivity && unreadOf(a) === unreadOf(b) && a.phone === b.phone;

function sameEntry(a: InboxEntry, b: InboxEntry): boolean {
  if (a.key !== b.key || a.title !== b.title || a.unread !== b.unread || a.lastActivity !== b.lastActivity) return false;
  if (a.preview !== b.preview || a.personId !== b.personId || a.chats.length !== b.chats.length) return false;
  return a.chats.every((c, i) => {
    const d = b.chats[i];
    return d !== undefined && c.serviceId === d.serviceId && c.chatId === d.chatId;
  });
}

/** Indexes (into `positions`) outside one longest increasing run: what moved relative to the rest. */
function movedAmong(positions: readonly number[]): number[] {
  const tails: number[] = [];
  const before: number[] = [];
  positions.forEach((p, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((positions[tails[mid] ?? 0] ?? 0) < p) lo = mid + 1;
      else hi = mid;
    }
    before[i] = lo > 0 ? (tails[lo - 1] ?? -1) : -1;
    tails[lo] = i;
  });
  const run = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = before[i] ?? -1) run.add(i);
  return positions.flatMap((_, i) => (run.has(i) ? [] : [i]));
}

function find(slot: Slot): Slot {
  let s = slot;
  while (s.parent !== s) {
    s.parent = s.parent.parent;
    s = s.parent;
  }
  return s;
}

function union(a: Slot, b: Slot): void {
  const ra = find(a);
  const rb = find(b);
  if (ra !== rb) rb.parent = ra;
}

export class InboxIndex {
  private services: readonly ServiceConfig[] = [];
  private people: readonly Person[] = [];
  private readonly snapshots = new Map<string, ServiceSnapshot>();
  private listed = new Map<string, Service>();
  /** The chats in the inbox that have each phone number. */
  private readonly holders = new Map<string, Slot[]>();
  private claims: Claims = new Map();
  private holdings: Holdings = new Map();
  /** The entries, sorted. */
  private rows: Group[] = [];
  /** Their entries, place for place. */
  private list: InboxEntry[] = [];
  private view: readonly InboxEntry[] = [];
  private stale = false;
  private pass = 0;
  /** Entries keyed by their key, rebuilt only when asked for after a change. */
  private byKey: { view: readonly InboxEntry[]; map: Map<string, InboxEntry> } | undefined;

  /**
   * `strict`: a chat that is a new object counts as changed even when the inbox shows it the same (its picture or
   * mute changed), and an entry recomputed for a change is always a new object — for a user interface whose rows
   * also show what the entry does not hold.
   */
  constructor(input?: InboxInput, private readonly strict = false) {
    if (!input) return;
    for (const [id, snapshot] of Object.entries(input.snapshots)) this.snapshots.set(id, snapshot);
    this.setPeople(input.people);
    this.setServices(input.services);
  }

  /** The inbox, newest first: equal to `buildInbox` of the same input; the same array until an entry changes. */
  entries(): readonly InboxEntry[] {
    if (this.stale) {
      this.stale = false;
      const { list, view } = this;
      if (list.length !== view.length || list.some((e, i) => e !== view[i])) this.view = list.slice();
    }
    return this.view;
  }

  /** The entry with this key, if the inbox has one. */
  entryByKey(key: string): InboxEntry | undefined {
    const view = this.entries();
    if (this.byKey?.view !== view) this.byKey = { view, map: new Map(view.map((e) => [e.key, e])) };
    return this.byKey.map.get(key);
  }

  /** The entry a chat is in, if the inbox shows it. */
  entryOf(serviceId: string, chatId: string): InboxEntry | undefined {
    return this.slotOf(serviceId, chatId)?.group?.entry;
  }

  /** A chat the inbox shows, as its service last reported it (the titles suggestions compare, for one). */
  chatOf(serviceId: string, chatId: string): ChatSummary | undefined {
    return this.slotOf(serviceId, chatId)?.chat;
  }

  /** The sidebar list: its order, and which services are enabled. */
  setServices(services: readonly ServiceConfig[]): void {
    if (services === this.services) return;
    const plan = emptyPlan();
    const listed = new Map<string, Service>();
    const kept = services.flatMap((config) => this.listed.get(config.id) ?? []);
    const moved = new Set(movedAmong(kept.map((s) => s.rank)).map((i) => kept[i]));
    services.forEach((config, rank) => {
      const service = this.listed.get(config.id) ?? { id: config.id, rank, enabled: false, live: false, slots: new Map<string, Slot>() };
      listed.set(config.id, service);
      plan.ranked.push({ service, rank });
      service.enabled = config.enabled;
      this.planService(plan, service, moved.has(service));
    });
    for (const [id, service] of this.listed) {
      if (listed.has(id)) continue;
      service.enabled = false;
      this.planService(plan, service, false);
    }
    this.listed = listed;
    this.services = services;
    this.apply(plan);
  }

  /** One service's chats as its page shows them now (undefined: it has not reported, or was removed). */
  setSnapshot(serviceId: string, snapshot: ServiceSnapshot | undefined): void {
    if (this.snapshots.get(serviceId) === snapshot) return;
    if (snapshot) this.snapshots.set(serviceId, snapshot);
    else this.snapshots.delete(serviceId);
    const service = this.listed.get(serviceId);
    if (!service) return;
    const plan = emptyPlan();
    this.planChats(plan, service, this.chatsOf(service), false);
    this.apply(plan);
  }

  /** The user's links. A person equal to one before (id, name, `alone`) counts as the same, whatever its object. */
  setPeople(people: readonly Person[]): void {
    if (people === this.people) return;
    const previous = new Map<string, Person[]>();
    for (const person of this.holdings.keys()) {
      const same = previous.get(person.id);
      if (same) same.push(person);
      else previous.set(person.id, [person]);
    }
    const claims = new Map<string, Map<string, Person>>();
    const holdings = new Map<Person, ChatRef[]>();
    for (const given of people) {
      const same = previous.get(given.id) ?? [];
      const at = same.findIndex((p) => p.displayName === given.displayName && (p.alone ?? false) === (given.alone ?? false));
      const person = at < 0 ? given : (same.splice(at, 1)[0] ?? given);
      for (const ref of given.chats) {
        let chats = claims.get(ref.serviceId);
        if (!chats) {
          chats = new Map<string, Person>();
          claims.set(ref.serviceId, chats);
        }
        if (chats.has(ref.chatId)) continue;
        chats.set(ref.chatId, person);
        const held = holdings.get(person);
        if (held) held.push(ref);
        else holdings.set(person, [ref]);
      }
    }
    const plan = emptyPlan();
    const touched: Slot[] = [];
    const touch = (serviceId: string, chatId: string): void => {
      const slot = this.slotOf(serviceId, chatId);
      if (!slot) return;
      this.doomChat(plan, slot);
      const holder = claims.get(serviceId)?.get(chatId);
      if (holder) this.doomHolder(plan, holdings.get(holder));
      touched.push(slot);
    };
    for (const [serviceId, chats] of claims) {
      const before = this.claims.get(serviceId);
      for (const [chatId, person] of chats) if (before?.get(chatId) !== person) touch(serviceId, chatId);
    }
    for (const [serviceId, chats] of this.claims) {
      const after = claims.get(serviceId);
      for (const chatId of chats.keys()) if (!after?.has(chatId)) touch(serviceId, chatId);
    }
    for (const slot of touched) slot.holder = claims.get(slot.service.id)?.get(slot.chat.id);
    this.claims = claims;
    this.holdings = holdings;
    this.people = people;
    this.apply(plan);
  }

  /** A service's chats in the inbox: all of them while it is enabled and logged in, none otherwise. */
  private chatsOf(service: Service): readonly ChatSummary[] {
    const snapshot = this.snapshots.get(service.id);
    service.live = service.enabled && snapshot?.loggedIn === true;
    return service.live && snapshot ? snapshot.chats : [];
  }

  /** Replans a service whose liveness changed or which moved in the sidebar; the others keep their chats. */
  private planService(plan: Plan, service: Service, moved: boolean): void {
    const wasLive = service.live;
    const chats = this.chatsOf(service);
    if (moved || service.live !== wasLive) this.planChats(plan, service, chats, moved);
  }

  /** What it takes for a service to show `chats`: chats added, removed, changed, moved. */
  private planChats(plan: Plan, service: Service, chats: readonly ChatSummary[], moved: boolean): void {
    const pass = ++this.pass;
    let kept = 0;
    let last = -1;
    let inOrder = true;
    for (const [pos, chat] of chats.entries()) {
      const slot = service.slots.get(chat.id);
      if (!slot) {
        const added = new Slot(service, chat, pos, this.claims);
        plan.added.push(added);
        this.doomPhone(plan, chat.phone);
        if (added.holder) this.doomHolder(plan, this.holdings.get(added.holder));
        continue;
      }
      slot.mark = pass;
      kept += 1;
      if (slot.pos < last) inOrder = false;
      last = slot.pos;
      if (slot.pos !== pos) {
        slot.next = pos;
        plan.placed.push(slot);
      }
      if (slot.chat === chat) continue;
      if (!this.strict && sameInInbox(slot.chat, chat)) {
        slot.chat = chat;
        continue;
      }
      plan.edited.push({ slot, chat });
      this.doomChat(plan, slot);
      this.doomPhone(plan, chat.phone);
    }
    if (kept < service.slots.size) {
      for (const slot of service.slots.values()) {
        if (slot.mark === pass) continue;
        plan.removed.push(slot);
        this.doomChat(plan, slot);
      }
    }
    if (inOrder && !moved) return;
    const survivors = chats.flatMap((chat) => service.slots.get(chat.id) ?? []);
    for (const i of moved ? survivors.keys() : movedAmong(survivors.map((s) => s.pos))) {
      const slot = survivors[i];
      if (slot) this.doomChat(plan, slot);
    }
  }

  /** A chat changes: its entry, and every entry holding its number, are recomputed. */
  private doomChat(plan: Plan, slot: Slot): void {
    this.doom(plan, slot.group);
    this.doomPhone(plan, slot.chat.phone);
  }

  private doomPhone(plan: Plan, phone: string | undefined): void {
    if (phone === undefined) return;
    for (const slot of this.holders.get(phone) ?? []) this.doom(plan, slot.group);
  }

  /** A person gains or loses a chat: the entry of the chats it holds (`held`) is recomputed. */
  private doomHolder(plan: Plan, held: readonly ChatRef[] | undefined): void {
    for (const ref of held ?? []) this.doom(plan, this.slotOf(ref.serviceId, ref.chatId)?.group);
  }

  private slotOf(serviceId: string, chatId: string): Slot | undefined {
    return this.listed.get(serviceId)?.slots.get(chatId);
  }

  private doom(plan: Plan, group: Group | undefined): void {
    if (!group || group.doomed) return;
    group.doomed = true;
    plan.doomed.push(group);
  }

  private apply(plan: Plan): void {
    this.detach(plan.doomed);
    for (const { service, rank } of plan.ranked) service.rank = rank;
    for (const slot of plan.placed) slot.pos = slot.next;
    for (const slot of plan.removed) {
      slot.gone = true;
      slot.service.slots.delete(slot.chat.id);
      this.unlistPhone(slot);
    }
    for (const { slot, chat } of plan.edited) {
      this.unlistPhone(slot);
      slot.chat = chat;
      this.listPhone(slot);
    }
    for (const slot of plan.added) {
      slot.service.slots.set(slot.chat.id, slot);
      this.listPhone(slot);
    }
    const pass = ++this.pass;
    const region: Slot[] = [];
    const replaced = new Map<string, InboxEntry>();
    const visit = (slot: Slot): void => {
      if (slot.mark === pass || slot.gone) return;
      slot.mark = pass;
      region.push(slot);
    };
    for (const group of plan.doomed) {
      replaced.set(group.entry.key, group.entry);
      group.slots.forEach(visit);
    }
    plan.added.forEach(visit);
    const fresh = this.regroup(region, pass, replaced);
    this.attach(fresh);
    if (plan.doomed.length > 0 || fresh.length > 0) this.stale = true;
  }

  private listPhone(slot: Slot): void {
    const phone = slot.chat.phone;
    if (phone === undefined) return;
    const list = this.holders.get(phone);
    if (list) list.push(slot);
    else this.holders.set(phone, [slot]);
  }

  private unlistPhone(slot: Slot): void {
    const phone = slot.chat.phone;
    if (phone === undefined) return;
    const list = this.holders.get(phone) ?? [];
    const at = list.indexOf(slot);
    if (at >= 0) list.splice(at, 1);
    if (list.length === 0) this.holders.delete(phone);
  }

  /** The groups of `region` (the chats marked `pass`), by buildInbox's rules; entries equal to `replaced` kept. */
  private regroup(region: readonly Slot[], pass: number, replaced: ReadonlyMap<string, InboxEntry>): Group[] {
    const anchors = new Map<Person, Slot>();
    const phones = new Set<string>();
    for (const slot of region) {
      slot.parent = slot;
      slot.members = undefined;
      const person = slot.holder;
      if (person) {
        const anchor = anchors.get(person);
        if (anchor) union(anchor, slot);
        else anchors.set(person, slot);
      }
      if (slot.chat.phone !== undefined) phones.add(slot.chat.phone);
    }
    for (const phone of phones) {
      const holders = this.holders.get(phone) ?? [];
      let owner: Slot | undefined;
      for (const slot of holders) {
        if (slot.holder && !slot.holder.alone && (!owner || earlier(slot, owner) < 0)) owner = slot;
      }
      let anchor: Slot | undefined;
      for (const slot of holders) {
        if (slot.mark !== pass || (slot.holder !== undefined && slot.holder !== owner?.holder)) continue;
        if (anchor) union(anchor, slot);
        else anchor = slot;
      }
    }
    const roots: Slot[] = [];
    for (const slot of region) {
      const root = find(slot);
      if (root.members) root.members.push(slot);
      else {
        root.members = [slot];
        roots.push(root);
      }
    }
    return roots.map((root) => {
      const list = root.members ?? [root];
      root.members = undefined;
      return this.group(list.sort(earlier), replaced);
    });
  }

  /** The entry of one group of chats (in sidebar and page order), made as buildInbox makes it. */
  private group(list: Slot[], replaced: ReadonlyMap<string, InboxEntry>): Group {
    const first = list[0];
    if (!first) throw new Error('InboxIndex: an empty group');
    let person: Person | undefined;
    let phone: string | undefined;
    let onePhone = true;
    let unread = 0;
    for (const slot of list) {
      person ??= slot.holder;
      const p = slot.chat.phone;
      if (p !== undefined && phone !== undefined && p !== phone) onePhone = false;
      phone ??= p;
      unread += unreadOf(slot.chat);
    }
    const key = person
      ? `person:${person.id}`
      : list.length > 1 && phone !== undefined && onePhone
        ? `phone:${phone}`
        : `chat:${first.service.id}:${first.chat.id}`;
    const sorted = list.length > 1 ? [...list].sort(newest) : list;
    const top = sorted[0] ?? first;
    const chats: InboxEntry['chats'] = [];
    let preview: string | undefined;
    for (const slot of sorted) {
      chats.push({ serviceId: slot.service.id, chatId: slot.chat.id });
      preview ??= slot.chat.preview;
    }
    const made: InboxEntry = { key, title: person?.displayName ?? top.chat.title, chats, unread };
    const time = top.chat.lastActivity;
    if (time !== undefined) made.lastActivity = time;
    if (preview !== undefined) made.preview = preview;
    if (person) made.personId = person.id;
    const before = replaced.size > 0 && !this.strict ? replaced.get(key) : undefined;
    const entry = before && sameEntry(before, made) ? before : made;
    const group: Group = { entry, time: time ?? -Infinity, first, slots: list, doomed: false };
    for (const slot of list) slot.group = group;
    return group;
  }

  /** Where `group` goes in the sorted list (or is). */
  private place(group: Group): number {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const row = this.rows[mid];
      if (row && precedes(row, group) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private detach(doomed: readonly Group[]): void {
    if (doomed.length > FEW) {
      this.rows = this.rows.filter((g) => !g.doomed);
      this.list = this.rows.map((g) => g.entry);
      return;
    }
    for (const group of doomed) {
      const at = this.place(group);
      if (this.rows[at] !== group) throw new Error('InboxIndex: an entry is out of order');
      this.rows.splice(at, 1);
      this.list.splice(at, 1);
    }
  }

  private attach(fresh: Group[]): void {
    if (fresh.length <= FEW) {
      for (const group of fresh) {
        const at = this.place(group);
        this.rows.splice(at, 0, group);
        this.list.splice(at, 0, group.entry);
      }
      return;
    }
    fresh.sort(precedes);
    const rows = this.rows;
    const merged: Group[] = [];
    let i = 0;
    let j = 0;
    while (i < rows.length || j < fresh.length) {
      const a = rows[i];
      const b = fresh[j];
      if (a && (!b || precedes(a, b) < 0)) {
        merged.push(a);
        i += 1;
      } else if (b) {
        merged.push(b);
        j += 1;
      }
    }
    this.rows = merged;
    this.list = merged.map((g) => g.entry);
  }
}

function emptyPlan(): Plan {
  return { doomed: [], added: [], removed: [], edited: [], placed: [], ranked: [] };
}

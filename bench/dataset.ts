/**
 * The dataset of the inbox benchmarks: a busy shop's 20,000 chats across 10 services, about 15% of them sharing a
 * phone number with a chat on another service, a few hundred people linked by hand; the same on every run.
 */
import type { InboxInput } from '../common/inbox';
import type { ChatSummary, Person, PlatformId, ServiceConfig, ServiceSnapshot } from '../common/model';

export const SERVICES = 10;
export const CHATS_PER_SERVICE = 2_000;
const SHARED = 0.15;
export const NOW = Date.UTC(2026, 10, 21, 9, 0);

/** A small deterministic generator (mulberry32): the same dataset on every run. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const FIRST = ['Ahmed', 'Mohammed', 'Sara', 'Fatima', 'Omar', 'Layla', 'Youssef', 'Mariam', 'Karim', 'Hiba', 'أحمد', 'محمد', 'فاطمة', 'عمر', 'ليلى', 'يوسف', 'مريم', 'كريم'];
const MIDDLE = ['Ali', 'Samir', 'Nour', 'Adel', 'Rami', 'Zaid', 'Hadi', 'Jamal', 'Tarek', 'Walid', 'علي', 'سمير', 'نور', 'عادل', 'رامي', 'زيد', 'هادي', 'جمال', 'طارق', 'وليد'];
const LAST = ['Hassan', 'Khalil', 'Mansour', 'Haddad', 'Saleh', 'Nasser', 'حسن', 'خليل', 'منصور', 'حداد', 'صالح', 'ناصر'];
const PLATFORMS: PlatformId[] = ['whatsapp', 'telegram', 'messenger', 'instagram', 'google-messages', 'wechat', 'discord', 'slack', 'whatsapp', 'telegram'];

/** The dataset: every chat in each service's page order, most recent first as pages show them. */
export function dataset(): InboxInput {
  const rnd = random(20_261_121);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] ?? (list[0] as T);
  const services: ServiceConfig[] = PLATFORMS.slice(0, SERVICES).map((platform, i) => ({
    id: `svc-${i}`, platform, name: `${platform} ${i}`, enabled: true, muted: false, callsAllowed: false,
  }));
  const pages: ChatSummary[][] = services.map(() => []);
  const total = SERVICES * CHATS_PER_SERVICE;
  // Shared numbers: each is one customer on two or three services.
  let shared = 0;
  let number = 0;
  while (shared < total * SHARED) {
    const phone = `+9665${String(10_000_000 + number).padStart(8, '0')}`;
    number += 1;
    const copies = rnd() < 0.8 ? 2 : 3;
    const name = `${pick(FIRST)} ${pick(MIDDLE)} ${pick(LAST)}`;
    const at = Math.floor(rnd() * SERVICES);
    for (let k = 0; k < copies; k += 1) {
      const page = pages[(at + k * 3) % SERVICES];
      if (!page || page.length >= CHATS_PER_SERVICE) continue;
      page.push({ id: `c${page.length}`, title: name, phone, unread: 0 });
      shared += 1;
    }
  }
  pages.forEach((page, s) => {
    while (page.length < CHATS_PER_SERVICE) {
      const phone = s % 5 === 0 && rnd() < 0.6 ? `+9665${String(50_000_000 + s * CHATS_PER_SERVICE + page.length).padStart(8, '0')}` : undefined;
      page.push({ id: `c${page.length}`, title: `${pick(FIRST)} ${pick(MIDDLE)} ${pick(LAST)}`, unread: 0, ...(phone ? { phone } : {}) });
    }
    for (const chat of page) {
      if (rnd() > 0.05) chat.lastActivity = NOW - Math.floor(rnd() * 30 * 86_400_000);
      if (rnd() < 0.1) chat.unread = 1 + Math.floor(rnd() * 5);
      if (rnd() < 0.7) chat.preview = 'Is it still available?';
    }
    page.sort((a, b) => (b.lastActivity ?? 0) - (a.lastActivity ?? 0));
  });
  // People linked by hand: 300 pairs across services, 20 chats split off (alone).
  const people: Person[] = [];
  for (let i = 0; i < 300; i += 1) {
    const a = Math.floor(rnd() * SERVICES);
    const b = (a + 1 + Math.floor(rnd() * (SERVICES - 1))) % SERVICES;
    people.push({
      id: `person-${i}`,
      ...(i % 3 === 0 ? { displayName: `${pick(FIRST)} (customer)` } : {}),
      chats: [a, b].map((s) => ({ serviceId: `svc-${s}`, chatId: `c${Math.floor(rnd() * CHATS_PER_SERVICE)}` })),
    });
  }
  for (let i = 0; i < 20; i += 1) {
    people.push({ id: `alone-${i}`, alone: true, chats: [{ serviceId: `svc-${i % SERVICES}`, chatId: `c${Math.floor(rnd() * CHATS_PER_SERVICE)}` }] });
  }
  const snapshots: Record<string, ServiceSnapshot> = {};
  services.forEach((service, s) => {
    snapshots[service.id] = { loggedIn: true, unread: { direct: 0, indirect: 0 }, chats: pages[s] ?? [] };
  });
  return { services, snapshots, people };
}

/**
 * The persisted settings document: its versioned schema, the migrations between versions, and a reader that
 * salvages every valid part of a damaged document instead of discarding it.
 */
import { z } from 'zod';
import { parseCustomUrl } from '../../../common/catalog';
import { LIMITS, serviceIdSchema } from '../../../common/ipc';
import { PLATFORM_IDS, type Person, type ServiceConfig } from '../../../common/model';
import { defaultSettings, readSettings, type Settings } from '../../../common/settings';
import { salvage as salvageFields } from '../../../common/settings/derive';
import { defaultPackChoices, readPackChoices, readPackReads, type PackChoices, type PackReads } from '../../../common/settings/packs';
import { serviceOptional, serviceSwitches } from '../../../common/settings/service';
import type { FieldDef } from '../../../common/shop/fields';
import { DEFAULT_LABELS, type Customer, type Label, type QuickReply } from '../../../common/shop/model';
import type { Product } from '../../../common/shop/products';
import { DEFAULT_SHOP_DATA, type AppState, type View } from '../../../common/state';
import { storedPasswordSchema, type StoredPassword } from '../lock/password';
import { readShopRecords } from './shop-records';

type RawDoc = Record<string, unknown>;

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface PersistedDoc {
  version: number;
  services: ServiceConfig[];
  activeServiceId: string | null;
  view: View;
  settings: Settings;
  people: Person[];
  dismissedSuggestions: string[];
  quickReplies: QuickReply[];
  labels: Label[];
  customers: Record<string, Customer>;
  /** The shop's products; a file from before them has none. */
  products: Product[];
  /** The shop's customer fields (common/shop/fields.ts); absent from a file written before them: none. */
  customerFields: FieldDef[];
  /** Connector packs: the user's pin of the built-in pack, and the platforms that went back to an earlier pack. */
  packs: PackChoices;
  /** How well each pack read each platform (main/core/packs/health.ts), the evidence a rollback weighs. */
  packReads: PackReads;
  window: WindowState | null;
  /**
   * The app-lock password's hash (never part of the state the shell gets); absent when none is set, `damaged`
   * when the file held one that could not be read (Wasl then does not lock, and says so).
   */
  lock?: StoredPassword | 'damaged';
  /**
   * Services the user removed whose partition folders (signed-in sessions) are still on disk: deleted at the next
   * start that read this document cleanly, then taken off the list. Nothing else ever deletes a partition.
   */
  pendingDeletions: string[];
  /**
   * What a later Wasl wrote that this one does not understand, written back untouched so that going back to the
   * later version finds it: services of platforms this build does not know (kept on disk in `services`, after
   * the known ones), and top-level keys it has no field for.
   */
  foreign: { services: RawDoc[]; keys: RawDoc };
}

/**
 * `MIGRATIONS[i]` turns a version `i + 1` document into version `i + 2`. Add one (never edit an old one) with
 * every change of the document's shape; CURRENT_VERSION follows.
 */
export const MIGRATIONS: readonly ((doc: RawDoc) => RawDoc)[] = [
  // 1 → 2: the unified inbox. People the user linked, suggestions dismissed, and which view was in front (version
  // 1 only knew services, so it showed one).
  (doc) => ({ ...doc, version: 2, view: 'service', people: [], dismissedSuggestions: [] }),
  // 2 → 3: the shop-owner toolkit. WhatsApp Business's default labels to start with; the shop's settings come
  // from the defaults.
  (doc) => ({ ...doc, version: 3, quickReplies: [], labels: DEFAULT_LABELS, customers: {} }),
  // 3 → 4: connector packs. Nothing pinned, nothing rolled back, nothing read yet.
  (doc) => ({ ...doc, version: 4, packs: { pinBuiltIn: false, rolledBack: [] }, packReads: {} }),
  // 4 → 5: fields inside records and groups a version-4 Wasl would drop on its next save (quick replies' trigger
  // phrases, customers' field values, the shop's greeting and away texts, special hours, zoom, proxy, digits,
  // calendar, downloads, power). Nothing to convert; the new number makes an older Wasl see a newer file and keep
  // a copy of it (settings-newer) instead of losing them silently.
  (doc) => ({ ...doc, version: 5 }),
];

export const CURRENT_VERSION = MIGRATIONS.length + 1;

export function defaultDocument(): PersistedDoc {
  return {
    version: CURRENT_VERSION,
    services: [],
    activeServiceId: null,
    view: 'inbox',
    settings: defaultSettings(),
    people: [],
    dismissedSuggestions: [],
    ...DEFAULT_SHOP_DATA,
    labels: [...DEFAULT_SHOP_DATA.labels],
    packs: defaultPackChoices(),
    packReads: {},
    window: null,
    pendingDeletions: [],
    foreign: { services: [], keys: {} },
  };
}

/** A service as the file keeps it: its identity and switches must be valid, or it is dropped whole. */
const serviceSchema = z.object({
  id: serviceIdSchema,
  platform: z.enum(PLATFORM_IDS),
  name: z.string().trim().min(1).max(LIMITS.serviceName),
  url: z.string().max(LIMITS.urlChars).optional(),
  ...serviceSwitches.shape,
});

const windowSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
  maximized: z.boolean(),
});

const personSchema = z.object({
  id: z.string().min(1).max(LIMITS.idChars),
  displayName: z.string().trim().min(1).max(LIMITS.serviceName * 2).optional(),
  chats: z.array(z.object({ serviceId: serviceIdSchema, chatId: z.string().min(1).max(LIMITS.idChars) })).max(200),
  alone: z.boolean().optional(),
});

export type ReadProblem =
  /** Nothing usable: the document is not an object, or a migration failed. Defaults are used. */
  | { kind: 'unusable'; reason: string }
  /** Some parts were invalid and dropped (`dropped` counts them); the rest was kept. */
  | { kind: 'repaired'; dropped: number }
  /** The document comes from a newer Wasl: read as far as this version understands it. */
  | { kind: 'newer'; version: number };

export interface ReadResult {
  doc: PersistedDoc;
  problem?: ReadProblem;
  /** The document was migrated from this older version. */
  migratedFrom?: number;
}

function isRecord(value: unknown): value is RawDoc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads whatever the settings file held. An empty object is a first start: defaults, no problem. */
export function readDocument(raw: unknown, migrations: readonly ((doc: RawDoc) => RawDoc)[] = MIGRATIONS): ReadResult {
  const current = migrations.length + 1;
  const fresh = (): PersistedDoc => ({ ...defaultDocument(), version: current });
  if (!isRecord(raw)) return { doc: fresh(), problem: { kind: 'unusable', reason: 'not an object' } };
  if (Object.keys(raw).length === 0) return { doc: fresh() };
  const version = raw['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { doc: fresh(), problem: { kind: 'unusable', reason: `unknown version ${String(version)}` } };
  }
  let migrated = raw;
  try {
    for (let v = version; v < current; v += 1) {
      const step = migrations[v - 1];
      if (!step) throw new Error(`no migration from version ${v}`);
      migrated = step(migrated);
    }
  } catch (error) {
    return { doc: fresh(), problem: { kind: 'unusable', reason: `migration failed: ${String(error)}` } };
  }
  const { doc, dropped } = salvage(migrated, current, version);
  if (version > current) return { doc, problem: { kind: 'newer', version } };
  const result: ReadResult = dropped > 0 ? { doc, problem: { kind: 'repaired', dropped } } : { doc };
  if (version < current) result.migratedFrom = version;
  return result;
}

/** The valid parts of a document migrated to `current` from `version`. */
function salvage(raw: RawDoc, current: number, version: number): { doc: PersistedDoc; dropped: number } {
  const doc: PersistedDoc = { ...defaultDocument(), version: current };
  let dropped = 0;

  const services = Array.isArray(raw['services']) ? raw['services'] : [];
  if (raw['services'] !== undefined && !Array.isArray(raw['services'])) dropped += 1;
  const seen = new Set<string>();
  for (const item of services) {
    if (isForeignService(item) && !seen.has(item['id'] as string)) {
      seen.add(item['id'] as string);
      doc.foreign.services.push(item);
      continue;
    }
    const parsed = serviceSchema.safeParse(item);
    const service = parsed.success ? toService(parsed.data) : undefined;
    if (!service || seen.has(service.id)) {
      dropped += 1;
      continue;
    }
    seen.add(service.id);
    // Its power, spelling and view choices are salvaged one by one: a bad one falls back to the default, the service stays.
    dropped += salvageFields(serviceOptional.shape, item, service);
    doc.services.push(service);
  }

  const active = raw['activeServiceId'];
  const known = new Set(doc.services.map((service) => service.id));
  doc.activeServiceId = typeof active === 'string' && known.has(active) ? active : (doc.services[0]?.id ?? null);

  const pending = Array.isArray(raw['pendingDeletions']) ? raw['pendingDeletions'] : [];
  if (raw['pendingDeletions'] !== undefined && !Array.isArray(raw['pendingDeletions'])) dropped += 1;
  for (const id of pending) {
    // A removed service that came back (a restored backup) keeps its data.
    if (serviceIdSchema.safeParse(id).success && !seen.has(id as string) && !doc.pendingDeletions.includes(id as string)) doc.pendingDeletions.push(id as string);
    else if (!seen.has(id as string)) dropped += 1;
  }
  // Keys an older document has and this version does not are leftovers of its migrations, not a later Wasl's.
  if (version >= current) for (const [key, value] of Object.entries(raw)) if (!KNOWN_KEYS.has(key)) doc.foreign.keys[key] = value;

  const settings = readSettings(raw['settings']);
  doc.settings = settings.settings;
  dropped += settings.dropped;

  if (raw['view'] === 'inbox' || raw['view'] === 'service') doc.view = raw['view'];
  else if (raw['view'] !== undefined) dropped += 1;

  const people = Array.isArray(raw['people']) ? raw['people'] : [];
  if (raw['people'] !== undefined && !Array.isArray(raw['people'])) dropped += 1;
  const personIds = new Set<string>();
  for (const item of people) {
    const parsed = personSchema.safeParse(item);
    if (!parsed.success || personIds.has(parsed.data.id)) {
      dropped += 1;
      continue;
    }
    personIds.add(parsed.data.id);
    const person: Person = { id: parsed.data.id, chats: parsed.data.chats };
    if (parsed.data.displayName !== undefined) person.displayName = parsed.data.displayName;
    if (parsed.data.alone === true) person.alone = true;
    doc.people.push(person);
  }
  const dismissed = Array.isArray(raw['dismissedSuggestions']) ? raw['dismissedSuggestions'] : [];
  if (raw['dismissedSuggestions'] !== undefined && !Array.isArray(raw['dismissedSuggestions'])) dropped += 1;
  for (const key of dismissed) {
    if (typeof key === 'string' && key.length <= LIMITS.idChars * 4 && key.includes('|')) doc.dismissedSuggestions.push(key);
    else dropped += 1;
  }

  const shop = readShopRecords(raw);
  doc.quickReplies = shop.quickReplies;
  doc.labels = shop.labels;
  doc.customers = shop.customers;
  doc.products = shop.products;
  doc.customerFields = shop.customerFields;
  dropped += shop.dropped;

  const packs = readPackChoices(raw['packs']);
  doc.packs = packs.choices;
  const reads = readPackReads(raw['packReads']);
  doc.packReads = reads.reads;
  dropped += packs.dropped + reads.dropped;

  if (raw['lock'] !== undefined) {
    // A damaged password never locks the user out: no lock, and a notice (main/core/lock.ts).
    const parsed = storedPasswordSchema.safeParse(raw['lock']);
    doc.lock = parsed.success ? parsed.data : 'damaged';
    if (!parsed.success) dropped += 1;
  }

  if (raw['window'] !== undefined && raw['window'] !== null) {
    const parsed = windowSchema.safeParse(raw['window']);
    if (parsed.success) doc.window = stripUndefined(parsed.data);
    else dropped += 1;
  }
  return { doc, dropped };
}

/** The document's keys this version reads; any other top-level key was written by a later Wasl. */
const KNOWN_KEYS: ReadonlySet<string> = new Set([
  'version',
  'services',
  'activeServiceId',
  'view',
  'settings',
  'people',
  'dismissedSuggestions',
  'quickReplies',
  'labels',
  'customers',
  'products',
  'customerFields',
  'packs',
  'packReads',
  'window',
  'lock',
  'pendingDeletions',
] satisfies (keyof PersistedDoc)[]);

/**
 * A service of a platform this build does not know (a later Wasl added it): a well-formed id and a platform name
 * that is not one of ours. It is kept as it is, never counted as damage, and its partition is never touched.
 */
function isForeignService(item: unknown): item is RawDoc {
  if (!isRecord(item) || !serviceIdSchema.safeParse(item['id']).success) return false;
  const platform = item['platform'];
  return typeof platform === 'string' && /^[a-z][a-z0-9-]{0,39}$/u.test(platform) && !(PLATFORM_IDS as readonly string[]).includes(platform);
}

/**
 * The document as it is written to disk: what a later Wasl wrote and this one does not understand goes back
 * where that version keeps it (its services after ours, its keys beside ours).
 */
export function toDisk(doc: PersistedDoc): RawDoc {
  const { foreign, ...known } = doc;
  return { ...foreign.keys, ...known, services: [...doc.services, ...foreign.services] };
}

function toService(data: z.infer<typeof serviceSchema>): ServiceConfig | undefined {
  const { url: rawUrl, ...service } = data;
  if (data.platform !== 'custom') return service;
  const url = parseCustomUrl(rawUrl ?? '');
  return url.ok ? { ...service, url: url.url } : undefined;
}

function stripUndefined(window: z.infer<typeof windowSchema>): WindowState {
  const state: WindowState = { width: window.width, height: window.height, maximized: window.maximized };
  if (window.x !== undefined) state.x = window.x;
  if (window.y !== undefined) state.y = window.y;
  return state;
}

/** The parts of the state the settings file keeps. */
export const PERSISTED = [
  'services',
  'activeServiceId',
  'view',
  'settings',
  'people',
  'dismissedSuggestions',
  'quickReplies',
  'labels',
  'customers',
  'products',
  'customerFields',
] as const satisfies readonly (keyof AppState & keyof PersistedDoc)[];

type Persisted = Pick<AppState, (typeof PERSISTED)[number]>;

/** The parts of the state the settings file keeps and a backup carries (all of PersistedDoc but its version, DiskOnly and the packs). */
export function pickPersisted(state: AppState): Persisted {
  const { services, activeServiceId, view, settings, people, dismissedSuggestions, quickReplies, labels, customers, products, customerFields } = state;
  return { services, activeServiceId, view, settings, people, dismissedSuggestions, quickReplies, labels, customers, products, customerFields };
}

/**
 * What the settings file keeps of AppState.packs: the user's pin and the rollbacks. The rest (the downloaded pack,
 * the last refusal and check) is found again at start. Not in a backup: a rollback is this computer's evidence.
 */
export function pickPackChoices(state: AppState): PackChoices {
  return { pinBuiltIn: state.packs.pinBuiltIn, rolledBack: state.packs.rolledBack };
}

/** Whether the part of AppState.packs the settings file keeps changed (a feed check alone writes nothing). */
export function packChoicesChanged(next: AppState, prev: AppState): boolean {
  return next.packs.pinBuiltIn !== prev.packs.pinBuiltIn || next.packs.rolledBack !== prev.packs.rolledBack;
}

/**
 * The application state main owns and the shell renders from a replica. Pure types and helpers.
 */
import type { DownloadRecord } from './downloads';
import type { LockStatus } from './lock';
import type { ConnectorHealth, NotificationRecord, Person, Refusal, ServiceConfig } from './model';
import type { PacksState } from './packs';
import type { ScreenShareRequest } from './screen-share';
import type { ProxyVaultState } from './proxy';
import type { Settings } from './settings';
import type { FieldDef } from './shop/fields';
import { DEFAULT_LABELS, type Customer, type Label, type QuickReply, type TriageStep } from './shop/model';
import type { Product } from './shop/products';

/** The settings' types, each derived from its schema in common/settings. */
export type { LanguageSetting, NotificationSettings, QuietHours, Settings, ThemeSetting } from './settings';

/**
 * Where a service view stands:
 * - `off`: disabled by the user, no view exists.
 * - `idle`: enabled but not loaded yet.
 * - `loading`, `ready`: the page is loading or has loaded.
 * - `logged-out`: the page shows its sign-in or QR screen.
 * - `crashed`, `unresponsive`: the page's process died or hung; a reload is scheduled (`retryAt`).
 * - `offline`: the page failed to load (network); a reload is scheduled.
 * - `failed`: it crashed again and again; Wasl stopped retrying until the user asks.
 * - `asleep`: unloaded to save memory (not started yet at launch, or idle); its last chats stay in the inbox.
 */
export type ServiceStatus =
  | 'off'
  | 'idle'
  | 'loading'
  | 'ready'
  | 'logged-out'
  | 'crashed'
  | 'unresponsive'
  | 'offline'
  | 'failed'
  | 'asleep';

export interface ServiceRuntime {
  status: ServiceStatus;
  /** Unread count shown on the badge: the connector's when it reports, the page title's `(N)` otherwise. */
  unread: number;
  /** Unread count parsed from the page title, kept separately to detect a connector that stopped working. */
  titleUnread: number;
  /** epoch ms of the next automatic reload, while one is scheduled. */
  retryAt?: number;
  /** Failures in a row (crash, hang, failed load); reset once the page stays up. */
  failures: number;
  /** Network or crash reason of the last failure, for the error screen. */
  lastError?: string;
  /** The connector has reported at least once (its unread count then wins over the title's). */
  connected: boolean;
  /** The connector's hooks find nothing while the title counts unread messages: the platform changed its page. */
  degraded: boolean;
  /** Signed out for good: the platform refuses this account web sign-in (WeChat's error 1203, Google's "not secure"). */
  refusal?: Refusal;
  /** How well the connector reads the page, as it last said (absent until it has). */
  health?: ConnectorHealth;
  /** epoch ms the connector last reported (the age of the chats the inbox shows while it sleeps). */
  lastUpdate?: number;
  /** epoch ms it went to sleep; absent when it was not started at all this session. */
  asleepSince?: number;
  /** Awake for a scheduled check, to sleep again once the page has reported. */
  checking?: boolean;
}

/** A message for the user that stays until dismissed. */
export type Notice =
  | { id: string; at: number; kind: 'settings-reset'; backupPath: string; reason: string }
  /** The settings file could not be used; the last good copy, taken at `copyAt`, was. */
  | { id: string; at: number; kind: 'settings-restored'; backupPath: string; copyAt: number }
  /** `recovered`: damaged parts the last good copy gave back. */
  | { id: string; at: number; kind: 'settings-repaired'; backupPath: string; dropped: number; recovered?: number }
  /** A later Wasl (`version`) wrote the settings file: what this one does not understand is kept as it is. */
  | { id: string; at: number; kind: 'settings-newer'; backupPath: string; version: number }
  | { id: string; at: number; kind: 'settings-not-saved' }
  | { id: string; at: number; kind: 'notifications-reset'; backupPath: string }
  | { id: string; at: number; kind: 'activity-reset'; backupPath: string }
  /** The downloads list's file could not be read: the list starts empty, the old file kept at `backupPath`. */
  | { id: string; at: number; kind: 'downloads-reset'; backupPath: string }
  | { id: string; at: number; kind: 'storage-not-cleared'; serviceName: string }
  /** The service's page captured the screen without Wasl's picker (the legacy desktop getUserMedia): it was stopped. */
  | { id: string; at: number; kind: 'capture-stopped'; serviceName: string }
  /** The saved app-lock password could not be read: Wasl is not locked until a new one is set. */
  | { id: string; at: number; kind: 'lock-removed' };

export type HostOs = 'darwin' | 'win32' | 'linux';

/** What the last undoable change to shop data was: a deletion, an import, a restore, or a triage step. */
export type ShopUndo = 'reply-deleted' | 'replies-imported' | 'label-deleted' | 'field-deleted' | 'backup-restored' | 'product-deleted' | TriageStep;

/** The shop data a new profile starts with. */
export const DEFAULT_SHOP_DATA: Pick<AppState, 'quickReplies' | 'labels' | 'customers' | 'products' | 'customerFields'> = {
  quickReplies: [],
  labels: [...DEFAULT_LABELS],
  customers: {},
  products: [],
  customerFields: [],
};

/**
 * Wasl's own updates (main/core/updates.ts): `idle` (up to date as of `checkedAt`, or not checked yet),
 * `checking`, `downloading` (`version`, `percent`), `ready` (`version` downloaded, installed on restart), `failed`
 * (the last check or download failed; Wasl tries again later). `dismissed`: the user put the restart off.
 */
export interface UpdateState {
  phase: 'idle' | 'checking' | 'downloading' | 'ready' | 'failed';
  /** Failed: the update downloaded but was refused, as its signature did not check out (Linux); absent: the check or download failed. */
  reason?: 'unverified';
  version?: string;
  percent?: number;
  checkedAt?: number;
  dismissed?: boolean;
}

/** What fills the window: the unified inbox, or the active service's own page. */
export type View = 'inbox' | 'service';

export interface AppState {
  services: ServiceConfig[];
  activeServiceId: string | null;
  view: View;
  runtime: Record<string, ServiceRuntime>;
  settings: Settings;
  /** Chats the user linked as one person (and chats split off to stay apart). */
  people: Person[];
  /** Suggested links the user said no to, as `suggestionKey(a, b)`. */
  dismissedSuggestions: string[];
  /** Whether the last change to people or suggestions can be undone, and what it was. */
  peopleUndo: 'link' | 'unlink' | 'rename' | 'dismiss' | null;
  /** The notification tray, newest last. */
  notifications: NotificationRecord[];
  quickReplies: QuickReply[];
  labels: Label[];
  /** What the shop keeps about each customer, by inbox entry key (see common/shop/customers.ts). */
  customers: Record<string, Customer>;
  /** The shop's products (common/shop/products.ts), in the order the user put them. */
  products: Product[];
  /** The fields the shop records about customers, in the order the card shows them (common/shop/fields.ts). */
  customerFields: FieldDef[];
  /** Whether the last deletion, import, restore or triage step of shop data can be undone, and what it was. */
  shopUndo: ShopUndo | null;
  notices: Notice[];
  os: HostOs;
  /** The system's preferred languages, most preferred first: services check spelling in them by default (common/spelling.ts). */
  systemLanguages: string[];
  /** An installed build; false while developing, where Wasl neither updates nor registers itself to start at login. */
  packaged: boolean;
  /** Started with `npm run demo`: sample services and shop on a profile of their own, nothing sent anywhere. */
  demo: boolean;
  update: UpdateState;
  /** Connector packs (common/packs.ts): which is in use, the user's pin, rollbacks, the last refusal and check. */
  packs: PacksState;
  /** The app lock (common/lock.ts); absent: no password is set. Its hash stays in main. */
  lock?: LockStatus;
  /** The show/hide key (common/shortcuts.ts `show-hide`, as a combo) the system refused Wasl: another app holds it. */
  globalKeyRefused?: string;
  /** The downloads list (common/downloads.ts), newest first; absent until main has one. */
  downloads?: DownloadRecord[];
  /** Where the services' proxy passwords are kept and which services have one (common/proxy.ts); never a password. */
  proxyVault?: ProxyVaultState;
  /** A page's request to share the screen, waiting for the user's choice in the picker (main/core/screen-share). */
  screenShare?: ScreenShareRequest | null;
  /** The find in the page of the service in front (main/core/find/find.ts); absent or null: none. */
  find?: FindState | null;
}

/** A find in a service's page: the text searched and what the page last answered for it. */
export interface FindState {
  serviceId: string;
  text: string;
  /** How many matches the page has; 0 while none (or no answer yet, `pending`). */
  matches: number;
  /** Which of them is selected, from 1; 0 when none is. */
  active: number;
  /** The page has not answered this text yet. */
  pending: boolean;
}

/** What main pushes after a change: the top-level keys that changed, each replaced whole. */
export type StatePatch = Partial<AppState>;

export function applyPatch(state: AppState, patch: StatePatch): AppState {
  return { ...state, ...patch };
}

/** The key of a suggested link between two inbox entries, the same whichever comes first. */
export function suggestionKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** The top-level keys whose values differ by identity: main's store replaces what it changes. */
export function diffState(before: AppState, after: AppState): StatePatch | undefined {
  const patch: StatePatch = {};
  let changed = false;
  for (const key of Object.keys(after) as (keyof AppState)[]) {
    if (before[key] !== after[key]) {
      Object.assign(patch, { [key]: after[key] });
      changed = true;
    }
  }
  return changed ? patch : undefined;
}

export function initialRuntime(enabled: boolean): ServiceRuntime {
  return { status: enabled ? 'idle' : 'off', unread: 0, titleUnread: 0, failures: 0, connected: false, degraded: false };
}

/** Statuses in which the service's own page is shown; in the others the shell shows a panel in its place. */
const PAGE_SHOWN: ReadonlySet<ServiceStatus> = new Set(['idle', 'loading', 'ready', 'logged-out']);

/** The service whose view is in front, if any: the active one, enabled, with a page worth showing, Wasl unlocked. */
export function visibleServiceId(state: Pick<AppState, 'services' | 'runtime' | 'activeServiceId' | 'view' | 'lock'>): string | null {
  const id = state.activeServiceId;
  // Locked, no service shows: only the lock screen does.
  if (id === null || state.view !== 'service' || state.lock?.locked === true) return null;
  const service = state.services.find((s) => s.id === id);
  const status = state.runtime[id]?.status;
  if (!service?.enabled || status === undefined || !PAGE_SHOWN.has(status)) return null;
  return id;
}

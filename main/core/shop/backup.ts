/**
 * The files Wasl writes for the user and reads back: a backup of all its data (the settings document, without
 * the window's placement), and a library of quick replies. A backup is read with the settings document's own
 * reader, so an older backup is migrated like an older settings file; but where the settings file is salvaged
 * part by part, a backup with an invalid part is refused whole: restoring changes nothing then. A replies file
 * is version 1 while no reply has trigger phrases (every Wasl reads it) and version 2 with them, so an older Wasl
 * says it was made by a newer one rather than that it is damaged.
 */
import { z } from 'zod';
import { LIMITS, shopSchemas } from '../../../common/ipc';
import type { QuickReply } from '../../../common/shop/model';
import { CURRENT_VERSION, readDocument, type PersistedDoc } from '../settings/document';

const APP = 'wasl';

/**
 * The user's data a backup carries: not the window, the lock's hash, what only this profile's disk needs, or the
 * connector pack choices (a rollback is this computer's evidence about the packs it has).
 */
export type BackupData = Omit<PersistedDoc, 'version' | 'window' | 'lock' | 'pendingDeletions' | 'packs' | 'packReads' | 'foreign'>;

export type FileRefusal =
  /** Not JSON at all. */
  | { reason: 'not-json' }
  /** JSON, but not a file of this kind Wasl wrote. */
  | { reason: 'wrong-kind' }
  /** Written by a newer Wasl. */
  | { reason: 'newer'; version: number }
  /** Some part is invalid (`detail` says which, for the log). */
  | { reason: 'invalid'; detail: string };

export type FileRead<T> = { ok: true; data: T } | ({ ok: false } & FileRefusal);

export function writeBackup(data: BackupData, now: number): string {
  return `${JSON.stringify({ app: APP, kind: 'backup', exportedAt: new Date(now).toISOString(), version: CURRENT_VERSION, ...data }, null, 2)}\n`;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\ufeff/u, '')) as unknown };
  } catch {
    return { ok: false };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readBackup(text: string): FileRead<BackupData> {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, reason: 'not-json' };
  const raw = json.value;
  if (!isRecord(raw) || raw['app'] !== APP || raw['kind'] !== 'backup') return { ok: false, reason: 'wrong-kind' };
  const { app: _app, kind: _kind, exportedAt: _exportedAt, ...doc } = raw;
  // The settings reader takes an empty document for a first start; a backup without its version is damaged.
  if (typeof doc['version'] !== 'number') return { ok: false, reason: 'invalid', detail: 'no version' };
  const read = readDocument(doc);
  const problem = read.problem;
  if (problem?.kind === 'newer') return { ok: false, reason: 'newer', version: problem.version };
  if (problem?.kind === 'unusable') return { ok: false, reason: 'invalid', detail: problem.reason };
  if (problem?.kind === 'repaired') return { ok: false, reason: 'invalid', detail: `${problem.dropped} invalid part(s)` };
  // A backup of this version names only platforms this version knows.
  if (read.doc.foreign.services.length > 0) return { ok: false, reason: 'invalid', detail: 'a service of an unknown platform' };
  // Labels a customer names but the backup lacks were dropped silently by the reader: that is damage too.
  const labelIds = new Set(read.doc.labels.map((l) => l.id));
  const rawCustomers = isRecord(doc['customers']) ? doc['customers'] : {};
  for (const value of Object.values(rawCustomers)) {
    const labels = isRecord(value) && Array.isArray(value['labels']) ? (value['labels'] as unknown[]) : [];
    if (labels.some((id) => typeof id !== 'string' || !labelIds.has(id))) return { ok: false, reason: 'invalid', detail: 'a customer has a label the backup lacks' };
  }
  // So are values of customer fields the backup does not define.
  const fieldIds = new Set(read.doc.customerFields.map((f) => f.id));
  for (const value of Object.values(rawCustomers)) {
    const fields = isRecord(value) && isRecord(value['fields']) ? Object.keys(value['fields']) : [];
    if (fields.some((id) => !fieldIds.has(id))) return { ok: false, reason: 'invalid', detail: 'a customer has a value of a field the backup lacks' };
  }
  const { version: _version, window: _window, lock: _lock, pendingDeletions: _pending, packs: _packs, packReads: _reads, foreign: _foreign, ...data } = read.doc;
  return { ok: true, data };
}

/** The newest replies file version: 2 carries trigger phrases. */
const REPLIES_VERSION = 2;

const repliesFileSchema = z.strictObject({
  app: z.literal(APP),
  kind: z.literal('quick-replies'),
  version: z.union([z.literal(1), z.literal(REPLIES_VERSION)]),
  replies: z
    .array(z.strictObject({ name: shopSchemas.replyName, body: shopSchemas.replyBody, triggers: shopSchemas.triggers.optional() }))
    .max(LIMITS.quickReplies),
});

export function writeReplies(replies: readonly QuickReply[]): string {
  const triggered = replies.some((r) => (r.triggers ?? []).length > 0);
  const file: z.input<typeof repliesFileSchema> = {
    app: APP,
    kind: 'quick-replies',
    version: triggered ? REPLIES_VERSION : 1,
    replies: replies.map((r) => ((r.triggers ?? []).length > 0 ? { name: r.name, body: r.body, triggers: r.triggers } : { name: r.name, body: r.body })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function readReplies(text: string): FileRead<Pick<QuickReply, 'name' | 'body' | 'triggers'>[]> {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, reason: 'not-json' };
  const raw = json.value;
  if (!isRecord(raw) || raw['app'] !== APP || raw['kind'] !== 'quick-replies') return { ok: false, reason: 'wrong-kind' };
  if (typeof raw['version'] === 'number' && raw['version'] > REPLIES_VERSION) return { ok: false, reason: 'newer', version: raw['version'] };
  const parsed = repliesFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid', detail: parsed.error.issues[0]?.message ?? 'invalid' };
  return { ok: true, data: parsed.data.replies.map((r) => (r.triggers === undefined ? { name: r.name, body: r.body } : { name: r.name, body: r.body, triggers: r.triggers })) };
}

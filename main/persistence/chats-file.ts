/**
 * Each service's last-known chats, kept across restarts in their own file (chats.json), so the inbox is full at
 * start before the services have woken, and chats a virtualised list no longer renders stay in it. Written a few
 * seconds after they change (chat lists change often), and at once on quit. With private mode on, no preview is
 * written. A file that cannot be read is kept aside and the inbox fills again as the services report.
 */
import { z } from 'zod';
import { chatSchema, serviceIdSchema } from '../../common/ipc';
import type { ChatSummary, ServiceSnapshot } from '../../common/model';
import type { Clock, Logger, TimerHandle } from '../core/app/ports';
import type { ReadProblem } from '../core/settings/document';
import { openJsonFile, type KeyValueFileFactory } from './settings-file';

export const CHATS_NAME = 'chats';
const VERSION = 1;
/** Chat lists change with every message: written at most this often. */
export const CHATS_SAVE_DELAY_MS = 5_000;
/** No service keeps more chats than this on disk. */
const MAX_CHATS_PER_SERVICE = 5_000;

type Snapshots = Record<string, ServiceSnapshot>;

interface ChatsDoc {
  version: number;
  services: Snapshots;
}

const snapshotSchema = z.object({
  loggedIn: z.boolean(),
  unread: z.object({ direct: z.number().int().min(0), indirect: z.number().int().min(0) }),
  chats: z.array(z.unknown()).max(MAX_CHATS_PER_SERVICE),
});

export function readChats(raw: unknown): { doc: ChatsDoc; problem?: ReadProblem } {
  const doc: ChatsDoc = { version: VERSION, services: {} };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { doc, problem: { kind: 'unusable', reason: 'not an object' } };
  const fields = raw as Record<string, unknown>;
  if (Object.keys(fields).length === 0) return { doc };
  const services = fields['services'];
  if (fields['version'] !== VERSION || typeof services !== 'object' || services === null || Array.isArray(services)) {
    return { doc, problem: { kind: 'unusable', reason: `unknown version ${String(fields['version'])}` } };
  }
  let dropped = 0;
  for (const [id, value] of Object.entries(services)) {
    const snapshot = snapshotSchema.safeParse(value);
    if (!serviceIdSchema.safeParse(id).success || !snapshot.success) {
      dropped += 1;
      continue;
    }
    const chats: ChatSummary[] = [];
    for (const item of snapshot.data.chats) {
      const chat = chatSchema.safeParse(item);
      if (chat.success) chats.push(chat.data);
      else dropped += 1;
    }
    doc.services[id] = { loggedIn: snapshot.data.loggedIn, unread: snapshot.data.unread, chats };
  }
  return dropped > 0 ? { doc, problem: { kind: 'repaired', dropped } } : { doc };
}

export interface ChatsFile {
  snapshots: Snapshots;
  /** Writes these snapshots (without previews when `private`); false when the disk refused. */
  save(snapshots: Snapshots, privately: boolean): boolean;
}

export function openChats(dir: string, factory: KeyValueFileFactory, clock: Clock, log: Logger): ChatsFile {
  const opened = openJsonFile({ dir, name: CHATS_NAME, factory, clock, log, read: readChats });
  return {
    snapshots: opened.doc.services,
    save: (snapshots, privately) => {
      const services: Snapshots = {};
      for (const [id, snapshot] of Object.entries(snapshots)) {
        // What the page shows now: the active chat is not worth keeping across a restart.
        const chats = snapshot.chats.slice(0, MAX_CHATS_PER_SERVICE).map((chat) => (privately ? withoutPreview(chat) : chat));
        services[id] = { loggedIn: snapshot.loggedIn, unread: snapshot.unread, chats };
      }
      return opened.save({ version: VERSION, services });
    },
  };
}

function withoutPreview(chat: ChatSummary): ChatSummary {
  if (chat.preview === undefined) return chat;
  const { preview: _preview, ...rest } = chat;
  return rest;
}

/**
 * Writes the chats a while after they change (once for a burst). Returns `changed` (call it on every change) and
 * `flush` (on quit).
 */
export function keepChats(read: () => Snapshots, save: (snapshots: Snapshots) => boolean, clock: Clock): { changed(): void; flush(): void } {
  let timer: TimerHandle | undefined;
  const write = (): void => {
    timer = undefined;
    save(read());
  };
  return {
    changed: () => {
      timer ??= clock.setTimeout(write, CHATS_SAVE_DELAY_MS);
    },
    flush: () => {
      if (timer === undefined) return;
      clock.clearTimeout(timer);
      write();
    },
  };
}

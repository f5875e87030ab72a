/**
 * The downloads list (main/core/downloads/): what Wasl keeps of each file a service's page downloaded, as main's
 * state holds it, downloads.json keeps it and the shell's downloads panel shows it. Pure types, the record's
 * schema and the rules the panel and main share (what is finished, what may be opened).
 */
import { z } from 'zod';
import { serviceIdSchema } from './ipc';

/**
 * Where a download stands: `progressing` (bytes arriving), `paused`, `completed` (the file is saved), `cancelled`
 * (by the user, here or in the save dialog), `interrupted` (failed, or Wasl quit before it was done).
 */
export const DOWNLOAD_STATES = ['progressing', 'paused', 'completed', 'cancelled', 'interrupted'] as const;
export type DownloadState = (typeof DOWNLOAD_STATES)[number];

/** How many downloads the list keeps: past that, the oldest finished ones go first. */
export const MAX_DOWNLOADS = 200;
/** A file name or path as Wasl keeps it. */
const MAX_PATH_CHARS = 4_096;

const time = z.number().int().min(0);
const bytes = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const downloadRecordSchema = z.strictObject({
  id: z.string().min(1).max(64),
  serviceId: serviceIdSchema,
  /** The name shown: the saved file's, or the one the page suggested until a place to save is known. */
  fileName: z.string().min(1).max(MAX_PATH_CHARS),
  /** The origin the file came from (`https://web.whatsapp.com`), never its full address (tokens live there). */
  origin: z.string().max(MAX_PATH_CHARS),
  /** Where it is saved; empty while the save dialog is open. */
  savePath: z.string().max(MAX_PATH_CHARS),
  receivedBytes: bytes,
  /** 0: the size is unknown. */
  totalBytes: bytes,
  state: z.enum(DOWNLOAD_STATES),
  startedAt: time,
  endedAt: time.optional(),
  /** Opening it found no file there: it was moved or deleted since. */
  missing: z.boolean().optional(),
});
export type DownloadRecord = z.infer<typeof downloadRecordSchema>;

/** Still under way: it can be cancelled, it is not cleared with the finished ones. */
export function isActive(record: Pick<DownloadRecord, 'state'>): boolean {
  return record.state === 'progressing' || record.state === 'paused';
}

/** Only a completed download's file can be opened or shown in its folder. */
export function canOpen(record: Pick<DownloadRecord, 'state'>): boolean {
  return record.state === 'completed';
}

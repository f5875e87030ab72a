/**
 * The profile folder. At start: the settings, the notification history, the last-known chats and the shop's
 * activity, each file opened (and repaired or reset when it must be), what the user must be told about them, and
 * the signed-in sessions of removed services deleted — only when the settings were read as written. While Wasl
 * runs: each file written a while after what it holds changes, and all of them at once on quit.
 */
import type { ServiceSnapshot } from '../../common/model';
import type { Notice } from '../../common/state';
import type { AppStore } from '../core/app/app-store';
import type { Clock, Logger } from '../core/app/ports';
import { ActivityTracker } from '../core/chats/activity';
import { CURRENT_VERSION, type PersistedDoc } from '../core/settings/document';
import { openActivity, type ActivityFile } from './activity-file';
import { keepChats, openChats, type ChatsFile } from './chats-file';
import { keepHistory, openHistory, type History } from './history';
import { deletePendingPartitions } from './partitions';
import { Persister, type DiskOnly } from './persister';
import { openSettings, type KeyValueFileFactory, type OpenedSettings } from './settings-file';

export interface Profile {
  settings: OpenedSettings;
  doc: PersistedDoc;
  history: History;
  chats: ChatsFile;
  activity: ActivityFile;
  /** What the user must hear about the files, for the shell's notices. */
  notices: Notice[];
  /** The services whose partitions were deleted now (the settings stop listing them as pending). */
  deletedPartitions: string[];
}

export function openProfile(dir: string, factory: KeyValueFileFactory, clock: Clock, log: Logger, newId: () => string): Profile {
  const settings = openSettings(dir, factory, clock, log, newId);
  const { doc } = settings;
  // Only a file read as it was written says which signed-in sessions the user removed; after any repair, nothing is deleted.
  const deletedPartitions = settings.clean ? deletePendingPartitions(dir, doc.pendingDeletions, doc.services.map((s) => s.id), log) : [];
  const history = openHistory(dir, factory, clock, log);
  const chats = openChats(dir, factory, clock, log);
  const activity = openActivity(dir, factory, clock, log);
  const notices = [...settings.notices, ...history.notices(newId), ...activity.notices(newId)];
  return { settings, doc, history, chats, activity, notices, deletedPartitions };
}

/** What of the document read at start stays on disk only (the password's hash when one could be read). */
function diskOnly(doc: PersistedDoc): DiskOnly {
  return {
    window: doc.window,
    pendingDeletions: doc.pendingDeletions,
    packReads: doc.packReads,
    foreign: doc.foreign,
    ...(typeof doc.lock === 'object' ? { lock: doc.lock } : {}),
  };
}

export interface KeptProfile {
  /** The settings file's writer; also of what only the disk holds (the window's place, the password's hash). */
  persister: Persister;
  /** The shop's activity, kept in its file. */
  tracker: ActivityTracker;
  /** Some service's chats changed: they are written a while later. */
  chatsChanged(): void;
  /** Writes everything still pending now (on quit). */
  flush(): void;
}

/** Keeps the profile's files up to date with the store, the shop's activity and every service's chats (`chats`). */
export function keepProfile(profile: Profile, store: AppStore, clock: Clock, newId: () => string, chats: () => Record<string, ServiceSnapshot>): KeptProfile {
  const tracker = new ActivityTracker({ initial: profile.activity.doc, clock, save: profile.activity.save });
  const stopHistory = keepHistory(store, profile.history.save, clock);
  // The app-lock password's hash is saved with the settings but never enters the state the shell gets.
  const persister = new Persister(store, profile.settings.save, clock, newId, CURRENT_VERSION, diskOnly(profile.doc));
  persister.deleted(profile.deletedPartitions);
  const keptChats = keepChats(chats, (snapshots) => profile.chats.save(snapshots, store.getState().settings.notifications.privateMode), clock);
  return {
    persister,
    tracker,
    chatsChanged: () => keptChats.changed(),
    flush: () => {
      persister.flush();
      keptChats.flush();
      stopHistory();
      tracker.flush();
    },
  };
}

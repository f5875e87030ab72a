/** Chats, snapshots and deltas for inbox tests, as a service's connector reports them through main. */
import type { ChatsDelta } from '../../common/ipc';
import type { ChatSummary, ServiceSnapshot } from '../../common/model';
import type { AppState } from '../../common/state';
import { appState } from './fake-bridge';

/** Saturday 21 November 2026, 14:20 local time. */
export const NOW = new Date(2026, 10, 21, 14, 20).getTime();
export const MINUTE = 60_000;

export function chat(id: string, title: string, extra: Partial<ChatSummary> = {}): ChatSummary {
  return { id, title, unread: 0, ...extra };
}

export function snapshot(chats: ChatSummary[], extra: Partial<ServiceSnapshot> = {}): ServiceSnapshot {
  const unread = chats.reduce((n, c) => n + Math.max(0, c.unread), 0);
  return { loggedIn: true, unread: { direct: unread, indirect: 0 }, chats, ...extra };
}

/** A delta that adds or replaces these chats. */
export function upsert(chats: ChatSummary[], extra: Partial<ChatsDelta> = {}): ChatsDelta {
  return { reset: false, loggedIn: true, unread: { direct: 0, indirect: 0 }, upsert: chats, remove: [], ...extra };
}

/** The app state of appState() with the inbox in front. */
export function inboxState(...args: Parameters<typeof appState>): AppState {
  const [services, extra] = args;
  return appState(services, { view: 'inbox', ...extra });
}

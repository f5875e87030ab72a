/** Renders the whole shell against a fake bridge and waits until it has hydrated. */
import { render, screen, type Matcher, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ServiceSnapshot } from '../../common/model';
import type { AppState } from '../../common/state';
import { App } from '../../renderer/src/App';
import { FakeBridge } from './fake-bridge';

export interface Rendered extends RenderResult {
  bridge: FakeBridge;
  user: UserEvent;
}

/** `chats`: every service's chats as main holds them at start (what `hydrateChats` answers). */
export async function renderShell(state: AppState, chats: Record<string, ServiceSnapshot> = {}): Promise<Rendered> {
  const bridge = new FakeBridge(state);
  bridge.chats = chats;
  const user = userEvent.setup();
  const result = render(<App bridge={bridge} />);
  await screen.findByRole('navigation');
  return { ...result, bridge, user };
}

/** Text without the bidi isolates the shell puts around user-provided names. */
export function plain(text: string | null): string {
  return (text ?? '').replace(/[\u2066-\u2069]/gu, '');
}

/** Matches an element whose own text, isolates removed, is exactly `text`. */
export function plainText(text: string): Matcher {
  return (_content, element) => element !== null && plain(element.textContent) === text && [...element.children].every((c) => plain(c.textContent) !== text);
}

/** An accessible-name matcher that ignores the bidi isolates around names. */
export function named(name: string): (accessibleName: string) => boolean {
  return (accessibleName) => plain(accessibleName) === name;
}

/** The `index`-th item, failing the test when there is none. */
export function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`expected an item at ${index}, got ${items.length} items`);
  return item;
}

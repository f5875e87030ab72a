/**
 * What a connector must read back from a fixture, computed from the fixture's own dataset: the page shows it one
 * way (marks around names, a clock time or a weekday), the reader must report it the clean way.
 */
import type { ChatSummary, ServiceSnapshot } from '../../../common/model';
import type { FixtureChat } from '../../fixtures/platforms/lib/dataset.js';

const DAY = 86_400_000;

/** The time a chat list shows for `time` (a clock today, a weekday this week, a date before), read back. */
export function shownTime(time: number, now: number): number {
  const today = Math.floor(now / DAY) * DAY;
  if (time >= today) return Math.floor(time / 60_000) * 60_000;
  return Math.floor(time / DAY) * DAY;
}

/** Sums unread messages the way every reader must: muted chats count as indirect, a chat marked unread as one. */
export function totals(chats: readonly ChatSummary[]): ServiceSnapshot['unread'] {
  let direct = 0;
  let indirect = 0;
  for (const chat of chats) {
    const count = chat.unread < 0 ? 1 : chat.unread;
    if (chat.muted) indirect += count;
    else direct += count;
  }
  return { direct, indirect };
}

export function visible(chats: readonly FixtureChat[]): FixtureChat[] {
  return chats.filter((c) => !c.archived);
}

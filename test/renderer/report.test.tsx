/**
 * The shop report tab against a fake main: the period asked for, bars as tall as their numbers and stacked, the
 * conversations/messages switch, the table's numbers and durations, right-to-left, and the loading, empty and
 * error states.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../common/settings';
import type { DailyStats, DayStats, Report } from '../../common/shop/stats';
import { appState, service, type FakeBridge } from './fake-bridge';
import { renderShell, type Rendered } from './render';

/** Saturday 21 November 2026, 14:20 local time. */
const NOW = new Date(2026, 10, 21, 14, 20).getTime();
const MIN = 60_000;

const day = (conversations: number, messagesIn: number, messagesOut: number, replies: number[] = []): DayStats => ({
  chats: Array.from({ length: conversations }, (_, i) => `s:${i}`),
  messagesIn,
  messagesOut,
  replies,
});

/** Today and yesterday on WhatsApp and Instagram, and one Telegram day three weeks ago. */
const DAILY: DailyStats = {
  '2026-11-21': { whatsapp: day(8, 30, 10, [1 * MIN, 3 * MIN]), instagram: day(2, 6, 4, [10 * MIN]) },
  '2026-11-20': { whatsapp: day(4, 12, 18, [5 * MIN]), instagram: day(1, 3, 0) },
  '2026-10-31': { telegram: day(3, 9, 0) },
};

const state = (language: 'en' | 'ar' = 'en') =>
  appState([service('a', 'whatsapp', 'WhatsApp'), service('b', 'instagram', 'Instagram')], { settings: { ...DEFAULT_SETTINGS, language } });

async function openReport(daily: DailyStats, language: 'en' | 'ar' = 'en', prepare?: (bridge: FakeBridge) => void): Promise<Rendered> {
  const rendered = await renderShell(state(language));
  rendered.bridge.daily = daily;
  prepare?.(rendered.bridge);
  rendered.bridge.action('open-report');
  return rendered;
}

const midnight = (daysAgo: number) => new Date(2026, 10, 21 - daysAgo).getTime();

function bar(platform: string, dayKey: string): SVGRectElement {
  const rect = document.querySelector<SVGRectElement>(`rect[data-platform="${platform}"][data-day="${dayKey}"]`);
  if (rect === null) throw new Error(`no ${platform} bar on ${dayKey}`);
  return rect;
}
const num = (rect: SVGRectElement, attribute: 'x' | 'y' | 'height') => Number(rect.getAttribute(attribute));

function row(name: string): string[] {
  const header = screen.getByRole('rowheader', { name });
  const cells = within(header.closest('tr') ?? header).getAllByRole('cell');
  return cells.map((cell) => cell.textContent);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the report tab', () => {
  it('asks main for the chosen period, from the first day’s midnight to now', async () => {
    const { bridge, user } = await openReport(DAILY);
    await screen.findByRole('img');
    expect(screen.getByRole('radio', { name: 'Last 30 days' })).toBeChecked();
    expect(bridge.reports).toEqual([{ from: midnight(29), to: NOW }]);

    await user.click(screen.getByRole('radio', { name: 'Last 7 days' }));
    await waitFor(() => expect(bridge.reports.at(-1)).toEqual({ from: midnight(6), to: NOW }));
    // The Telegram day is three weeks old: outside the week.
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: 'Telegram' })).toBeNull());
    expect(document.querySelectorAll('rect[data-day]').length).toBe(4);

    await user.click(screen.getByRole('radio', { name: 'Last 90 days' }));
    await waitFor(() => expect(bridge.reports.at(-1)).toEqual({ from: midnight(89), to: NOW }));
    expect(await screen.findByRole('rowheader', { name: 'Telegram' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(/^Report for .*: conversations 18, messages 92\.$/u);
  });

  it('draws each day’s bar as tall as its number, platforms stacked, and switches to messages', async () => {
    const { user } = await openReport(DAILY);
    const chart = await screen.findByRole('img');
    expect(chart.getAttribute('aria-label')).toMatch(/^Conversations per day by platform, .*: 18 in all \(WhatsApp 12, Instagram 3, Telegram 3\)\. Busiest day: Sat, Nov 21, with 10\.$/u);

    // Conversations: WhatsApp 8 today and 4 yesterday; Instagram 2 on top of WhatsApp today.
    const today = bar('whatsapp', '2026-11-21');
    expect(num(today, 'height') / num(bar('whatsapp', '2026-11-20'), 'height')).toBeCloseTo(2, 5);
    expect(num(bar('instagram', '2026-11-21'), 'height') / num(today, 'height')).toBeCloseTo(2 / 8, 5);
    expect(num(bar('instagram', '2026-11-21'), 'y') + num(bar('instagram', '2026-11-21'), 'height')).toBeCloseTo(num(today, 'y'), 5);
    // Time flows left to right: today is the last bar.
    expect(num(today, 'x')).toBeGreaterThan(num(bar('whatsapp', '2026-11-20'), 'x'));

    await user.click(screen.getByRole('radio', { name: 'Messages' }));
    // Messages: WhatsApp 40 today and 30 yesterday.
    expect(num(bar('whatsapp', '2026-11-21'), 'height') / num(bar('whatsapp', '2026-11-20'), 'height')).toBeCloseTo(40 / 30, 5);
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/^Messages per day by platform, .*: 92 in all \(WhatsApp 70, Instagram 13, Telegram 9\)\. Busiest day: Sat, Nov 21, with 50\.$/u);
    expect(screen.getByRole('list', { name: 'Platforms' })).toHaveTextContent('WhatsApp70Instagram13Telegram9');
  });

  it('lists every platform’s numbers and the median time to first reply, and the totals', async () => {
    await openReport(DAILY);
    await screen.findByRole('table');
    // WhatsApp answered in 1, 3 and 5 minutes: the median is 3 min. Instagram once, in 10 min.
    expect(row('WhatsApp')).toEqual(['12', '42', '28', '3 min']);
    expect(row('Instagram')).toEqual(['3', '9', '4', '10 min']);
    expect(row('Telegram')).toEqual(['3', '9', '0', '—No replies yet']);
    // Over all four replies (1, 3, 5, 10 min) the median is 4 min.
    expect(row('Total')).toEqual(['18', '60', '32', '4 min']);
    const totals = screen.getByText('Median time to first reply', { selector: 'dt' }).closest('div');
    expect(totals).toHaveTextContent('Median time to first reply4 min');
  });

  it('says long reply times in hours and minutes, and numbers in thousands', async () => {
    await openReport({ '2026-11-21': { whatsapp: day(1_250, 4_100, 900, [80 * MIN, 100 * MIN, 200 * MIN]) } });
    await screen.findByRole('table');
    expect(row('WhatsApp')).toEqual(['1,250', '4,100', '900', '1 hr, 40 min']);
    expect(screen.getByText('Messages', { selector: 'dt' }).closest('div')).toHaveTextContent('Messages5,000');
  });

  it('shows nothing to chart when the period had no activity', async () => {
    await openReport({});
    expect(await screen.findByText('No conversations in this period')).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent(/no conversations in this period\.$/u);
  });

  it('says it is loading until main answers', async () => {
    let answer: (report: Report) => void = () => undefined;
    await openReport(DAILY, 'en', (bridge) => {
      vi.spyOn(bridge, 'report').mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    });
    expect(await screen.findByText('Loading the report…')).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
    answer({ days: ['2026-11-21'], platforms: [], conversations: 0, messages: 0 });
    expect(await screen.findByText('No conversations in this period')).toBeInTheDocument();
    expect(screen.queryByText('Loading the report…')).toBeNull();
  });

  it('says when the report could not be loaded, and tries again', async () => {
    const { bridge, user } = await openReport(DAILY, 'en', (b) => {
      vi.spyOn(b, 'report').mockRejectedValueOnce(new Error('main is gone'));
    });
    expect(await screen.findByText("The report couldn't be loaded.", { selector: 'p' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent("The report couldn't be loaded.");
    expect(screen.queryByRole('img')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('img')).toBeInTheDocument();
    // The refused question went to the spy; the retry asked main for the same month again.
    expect(bridge.reports).toEqual([{ from: midnight(29), to: NOW }]);
  });

  it('runs right to left in Arabic, with the locale’s numbers, dates and units', async () => {
    await openReport(DAILY, 'ar');
    const chart = await screen.findByRole('img');
    expect(chart).toHaveAttribute('direction', 'rtl');
    // The newest day is on the left.
    expect(num(bar('whatsapp', '2026-11-21'), 'x')).toBeLessThan(num(bar('whatsapp', '2026-11-20'), 'x'));
    const ar = new Intl.NumberFormat('ar');
    expect(screen.getByRole('radio', { name: `آخر ${ar.format(30)} يومًا` })).toBeChecked();
    expect(screen.getByRole('radio', { name: `آخر ${ar.format(7)} أيام` })).not.toBeChecked();
    const minutes = new Intl.NumberFormat('ar', { style: 'unit', unit: 'minute', unitDisplay: 'short' });
    expect(row('WhatsApp')).toEqual([ar.format(12), ar.format(42), ar.format(28), minutes.format(3)]);
    expect(chart.getAttribute('aria-label')).toMatch(/^المحادثات يوميًا حسب المنصة، .*نوفمبر/u);
  });
});

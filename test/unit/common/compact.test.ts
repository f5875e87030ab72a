/**
 * Compact view's rule (common/compact.ts): a page's own chat list is hidden only while compact view is on, the
 * pane was found exactly once and Wasl reads the page's chats; and the health report's pane count as main's border
 * parses it.
 */
import { describe, expect, it } from 'vitest';
import { compactAvailability, MAX_PANE_MATCHES, PANE_ATTRIBUTE, PANE_CSS, paneHidden, type CompactChoice } from '../../../common/compact';
import { serviceUpdateSchema } from '../../../common/ipc';
import type { ConnectorHealth } from '../../../common/model';

const health = (listPane?: number): ConnectorHealth => {
  const report: ConnectorHealth = { rows: 10, chats: 10, badges: 0, titleUnread: null, missing: [], lastGoodRead: 1 };
  if (listPane !== undefined) report.listPane = listPane;
  return report;
};
const whatsapp = (choice: Partial<CompactChoice> = {}): CompactChoice => ({ platform: 'whatsapp', enabled: true, compact: true, ...choice });

describe('compact view’s rule', () => {
  it('hides the pane when compact view is on and the pane was found exactly once', () => {
    expect(paneHidden(whatsapp(), health(1))).toBe(true);
    expect(compactAvailability('whatsapp', health(1))).toBe('available');
  });

  it.each([
    ['found nowhere', 0],
    ['found twice', 2],
    ['found more often than counted', MAX_PANE_MATCHES],
  ])('keeps the pane visible when it was %s', (_case, count) => {
    expect(paneHidden(whatsapp(), health(count))).toBe(false);
    expect(compactAvailability('whatsapp', health(count))).toBe('not-once');
  });

  it('keeps the pane visible when compact view is off, or was never chosen, or the service is off', () => {
    expect(paneHidden(whatsapp({ compact: false }), health(1))).toBe(false);
    const { compact: _never, ...unset } = whatsapp();
    expect(paneHidden(unset, health(1))).toBe(false);
    expect(paneHidden(whatsapp({ enabled: false }), health(1))).toBe(false);
  });

  it('keeps the pane visible until the page has reported, and says it was not found exactly once', () => {
    expect(paneHidden(whatsapp(), undefined)).toBe(false);
    expect(compactAvailability('whatsapp', undefined)).toBe('not-once');
  });

  it('keeps the pane visible while Wasl reads no chats from the page: its own list is then the only one up to date', () => {
    const unread = { ...health(1), rows: 0, chats: 0 };
    expect(paneHidden(whatsapp(), unread)).toBe(false);
    expect(compactAvailability('whatsapp', unread)).toBe('not-read');
  });

  it('says there is no known pane when the connector reports none, and for a custom page', () => {
    expect(compactAvailability('discord', health())).toBe('no-pane');
    expect(paneHidden(whatsapp({ platform: 'discord' }), health())).toBe(false);
    expect(compactAvailability('custom', undefined)).toBe('no-pane');
    // A custom page is read by its title only: even a report naming one pane does not make it hideable.
    expect(paneHidden(whatsapp({ platform: 'custom' }), health(1))).toBe(false);
  });

  it('hides by the attribute the agent marks the one pane with, above the page’s own important rules', () => {
    expect(PANE_CSS.startsWith(`[${PANE_ATTRIBUTE}] {`)).toBe(true);
    const declarations = PANE_CSS.slice(PANE_CSS.indexOf('{') + 1, PANE_CSS.lastIndexOf('}')).split(';').map((d) => d.trim()).filter((d) => d !== '');
    expect(declarations.filter((d) => !d.endsWith('!important'))).toEqual([]);
    expect(declarations).toEqual(expect.arrayContaining(['visibility: hidden !important', 'pointer-events: none !important', 'position: fixed !important']));
  });
});

describe('the pane count in a health report', () => {
  const update = (listPane: unknown) => ({
    seq: 0,
    reset: true,
    loggedIn: true,
    unread: { direct: 0, indirect: 0 },
    upsert: [],
    remove: [],
    health: { ...health(), listPane },
  });

  it.each([0, 1, 2, MAX_PANE_MATCHES])('takes a count of %s', (count) => {
    expect(serviceUpdateSchema.parse(update(count)).health?.listPane).toBe(count);
  });

  it('takes a report without one: the connector knows no pane', () => {
    const { listPane: _none, ...withoutPane } = update(1).health;
    expect(serviceUpdateSchema.parse({ ...update(1), health: withoutPane }).health).not.toHaveProperty('listPane');
  });

  it.each([
    ['above the limit', MAX_PANE_MATCHES + 1],
    ['negative', -1],
    ['a fraction', 0.5],
    ['not a number', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY],
    ['a string', '1'],
    ['true', true],
    ['null', null],
    ['an object', { valueOf: () => 1 }],
  ])('refuses a count that is %s', (_case, count) => {
    expect(serviceUpdateSchema.safeParse(update(count)).success).toBe(false);
  });
});

/**
 * The power policy as a pure decision: a service's own settings, business hours with customers, a waiting
 * customer, memory pressure (least recently used first, never the one in front), and the open-hours mode by the
 * computer's memory.
 */
import { describe, expect, it } from 'vitest';
import type { ChatSummary, ServiceConfig } from '../../../common/model';
import {
  AWAKE_MIN_TOTAL_KIB, CUSTOMER_CHECK_MS, CUSTOMER_RECENT_MS, customerDemand, DEFAULT_CHECK_EVERY_MIN, effectivePolicy, LOW_MEMORY_FREE_KIB, memoryShed,
  powerPolicy, resolveOpenHoursMode, type MemoryCandidate, type PowerContext,
} from '../../../common/power';
import { defaultSettings } from '../../../common/settings';
import type { Customer } from '../../../common/shop/model';

const MIN = 60_000;
const MIB = 1024;
const service = (extra: Partial<ServiceConfig> = {}): Pick<ServiceConfig, 'platform' | 'alwaysOn' | 'sleepAfterMin' | 'checkEveryMin'> => ({ platform: 'whatsapp', ...extra });
const context = (extra: Partial<PowerContext> = {}): PowerContext => ({ open: false, customerRecent: false, waiting: false, openHoursMode: 'awake', shed: false, ...extra });

describe('effectivePolicy', () => {
  it("is the service's own policy outside hours, without customers, and when hours are unset", () => {
    expect(effectivePolicy(service(), context())).toEqual({ policy: powerPolicy(service()), reason: 'default' });
    expect(effectivePolicy(service(), context({ open: true }))).toEqual({ policy: powerPolicy(service()), reason: 'default' });
    expect(effectivePolicy(service(), context({ customerRecent: true }))).toEqual({ policy: powerPolicy(service()), reason: 'default' });
  });

  it('keeps a customer service awake in open hours, or checks it every 2 minutes in check mode', () => {
    expect(effectivePolicy(service(), context({ open: true, customerRecent: true }))).toEqual({
      policy: { alwaysOn: false, sleepAfterMs: null, checkEveryMs: CUSTOMER_CHECK_MS },
      reason: 'open-hours',
    });
    expect(effectivePolicy(service(), context({ open: true, customerRecent: true, openHoursMode: 'check' }))).toEqual({
      policy: { alwaysOn: false, sleepAfterMs: 30 * MIN, checkEveryMs: CUSTOMER_CHECK_MS },
      reason: 'open-hours',
    });
  });

  it('checks at least every 2 minutes while a customer waits, keeping a shorter choice of the user', () => {
    expect(effectivePolicy(service(), context({ waiting: true }))).toEqual({ policy: { alwaysOn: false, sleepAfterMs: 30 * MIN, checkEveryMs: CUSTOMER_CHECK_MS }, reason: 'customer-waiting' });
    // "Only when opened" (0) checks anyway while a customer waits.
    expect(effectivePolicy(service({ checkEveryMin: 0 }), context({ waiting: true })).policy.checkEveryMs).toBe(CUSTOMER_CHECK_MS);
    expect(CUSTOMER_CHECK_MS).toBeLessThan(DEFAULT_CHECK_EVERY_MIN * MIN);
  });

  it('sleeps a service at once for memory, whatever the hours, still checking for a waiting customer', () => {
    const shed = effectivePolicy(service(), context({ open: true, customerRecent: true, waiting: true, shed: true }));
    expect(shed).toEqual({ policy: { alwaysOn: false, sleepAfterMs: 0, checkEveryMs: CUSTOMER_CHECK_MS }, reason: 'memory-budget' });
    expect(effectivePolicy(service(), context({ shed: true })).policy.checkEveryMs).toBe(DEFAULT_CHECK_EVERY_MIN * MIN);
  });

  it('leaves a service the user keeps always on as it is', () => {
    expect(effectivePolicy(service({ alwaysOn: true }), context({ shed: true, waiting: true }))).toEqual({ policy: powerPolicy(service({ alwaysOn: true })), reason: 'default' });
  });
});

describe('resolveOpenHoursMode', () => {
  it("stays awake on 8 GiB or more and checks below, unless the user chose; a new profile's setting is 'auto'", () => {
    expect(defaultSettings().power).toEqual({ openHours: 'auto', budgetMB: 0 });
    expect(resolveOpenHoursMode('auto', AWAKE_MIN_TOTAL_KIB)).toBe('awake');
    expect(resolveOpenHoursMode('auto', 16 * 1024 * MIB)).toBe('awake');
    expect(resolveOpenHoursMode('auto', AWAKE_MIN_TOTAL_KIB - 1)).toBe('check');
    expect(resolveOpenHoursMode('auto', 4 * 1024 * MIB)).toBe('check');
    expect(resolveOpenHoursMode('auto', undefined)).toBe('check');
    expect(resolveOpenHoursMode('check', 64 * 1024 * MIB)).toBe('check');
    expect(resolveOpenHoursMode('awake', 2 * 1024 * MIB)).toBe('awake');
  });
});

describe('customerDemand', () => {
  const NOW = Date.UTC(2026, 10, 21, 12);
  const chat = (id: string, extra: Partial<ChatSummary>): ChatSummary => ({ id, title: id, unread: 0, ...extra });
  const done = (statusAt: number): Customer => ({ labels: [], note: '', status: 'done', statusAt, priority: false });

  it('counts a direct chat where a customer wrote in the last 14 days, never a group or a channel', () => {
    expect(customerDemand('s', [chat('a', { activity: { first: 0, lastIn: NOW - CUSTOMER_RECENT_MS } })], {}, [], NOW)).toEqual({ customerRecent: true, waiting: false });
    expect(customerDemand('s', [chat('a', { activity: { first: 0, lastIn: NOW - CUSTOMER_RECENT_MS - 1 } })], {}, [], NOW).customerRecent).toBe(false);
    // The shop's recent answer keeps the conversation recent.
    expect(customerDemand('s', [chat('a', { activity: { first: 0, lastIn: NOW - 20 * 86_400_000, lastOut: NOW - MIN } })], {}, [], NOW).customerRecent).toBe(true);
    expect(customerDemand('s', [chat('g', { kind: 'group', activity: { first: 0, lastIn: NOW, waitingSince: NOW } })], {}, [], NOW)).toEqual({ customerRecent: false, waiting: false });
    expect(customerDemand('s', [chat('c', { kind: 'channel', activity: { first: 0, lastIn: NOW } })], {}, [], NOW).customerRecent).toBe(false);
    expect(customerDemand('s', [chat('x', {})], {}, [], NOW)).toEqual({ customerRecent: false, waiting: false });
  });

  it('has a customer waiting until answered, or until the user sets the conversation done (a new message reopens it)', () => {
    const waiting = chat('a', { activity: { first: 0, lastIn: NOW - 5 * MIN, waitingSince: NOW - 5 * MIN } });
    expect(customerDemand('s', [waiting], {}, [], NOW).waiting).toBe(true);
    expect(customerDemand('s', [waiting], { 'chat:s:a': done(NOW - MIN) }, [], NOW).waiting).toBe(false);
    expect(customerDemand('s', [waiting], { 'chat:s:a': done(NOW - 10 * MIN) }, [], NOW).waiting).toBe(true);
    // Saved under the phone number, as merged inbox entries are.
    expect(customerDemand('s', [{ ...waiting, phone: '+966500000001' }], { 'phone:+966500000001': done(NOW) }, [], NOW).waiting).toBe(false);
    // Saved under the person the chat is linked to.
    expect(customerDemand('s', [waiting], { 'person:p1': done(NOW) }, [{ id: 'p1', displayName: 'Amal', chats: [{ serviceId: 's', chatId: 'a' }] }], NOW).waiting).toBe(false);
    // Answered: the activity has no waitingSince.
    expect(customerDemand('s', [chat('a', { activity: { first: 0, lastIn: NOW - 5 * MIN, lastOut: NOW - MIN } })], {}, [], NOW).waiting).toBe(false);
  });
});

describe('memoryShed', () => {
  const c = (id: string, memoryMiB: number, lastUsed: number, extra: Partial<MemoryCandidate> = {}): MemoryCandidate => ({ id, awake: true, memoryKiB: memoryMiB * MIB, lastUsed, eligible: true, ...extra });

  it('sleeps nothing without a budget and with enough free memory', () => {
    expect(memoryShed([c('a', 900, 1), c('b', 900, 2)], { budgetKiB: null, freeKiB: 4096 * MIB }, new Set())).toEqual(new Set());
  });

  it('sleeps the least recently used first until the awake services fit the budget with room for one check', () => {
    const candidates = [c('front', 500, 100, { eligible: false }), c('old', 300, 1), c('older', 300, 0), c('recent', 300, 50)];
    // 1400 awake + 300 for a check over 1200: 500 to free, two services.
    expect(memoryShed(candidates, { budgetKiB: 1200 * MIB, freeKiB: undefined }, new Set())).toEqual(new Set(['older', 'old']));
    // Fits: nothing sleeps.
    expect(memoryShed(candidates, { budgetKiB: 1700 * MIB, freeKiB: undefined }, new Set())).toEqual(new Set());
  });

  it('never sleeps the one in front nor one always on, even over budget', () => {
    const candidates = [c('front', 2000, 100, { eligible: false }), c('always', 800, 0, { eligible: false }), c('b', 100, 50)];
    expect(memoryShed(candidates, { budgetKiB: 500 * MIB, freeKiB: undefined }, new Set())).toEqual(new Set(['b']));
  });

  it('sleeps the least recently used when free system memory is low, as much as is missing', () => {
    const candidates = [c('a', 200, 10), c('b', 200, 5), c('c', 200, 20)];
    expect(memoryShed(candidates, { budgetKiB: null, freeKiB: LOW_MEMORY_FREE_KIB - 100 * MIB }, new Set())).toEqual(new Set(['b']));
    expect(memoryShed(candidates, { budgetKiB: null, freeKiB: LOW_MEMORY_FREE_KIB - 300 * MIB }, new Set())).toEqual(new Set(['b', 'a']));
  });

  it('keeps those asleep for memory asleep until they fit again, the most recently used woken first', () => {
    const asleep = (id: string, mib: number, lastUsed: number) => c(id, mib, lastUsed, { awake: false });
    const held = new Set(['x', 'y']);
    const candidates = [c('front', 400, 100, { eligible: false }), asleep('x', 300, 10), asleep('y', 300, 20)];
    // 400 + 300 room for a check = 700: one more fits a budget of 1000, the most recent (y); two fit 1300.
    expect(memoryShed(candidates, { budgetKiB: 1000 * MIB, freeKiB: undefined }, held)).toEqual(new Set(['x']));
    expect(memoryShed(candidates, { budgetKiB: 1300 * MIB, freeKiB: undefined }, held)).toEqual(new Set());
    // Memory low: none wakes; free memory for one over the threshold: the most recent; no pressure at all: all do.
    expect(memoryShed(candidates, { budgetKiB: null, freeKiB: LOW_MEMORY_FREE_KIB - 1 }, held)).toEqual(held);
    expect(memoryShed(candidates, { budgetKiB: null, freeKiB: LOW_MEMORY_FREE_KIB + 400 * MIB }, held)).toEqual(new Set(['x']));
    expect(memoryShed(candidates, { budgetKiB: null, freeKiB: undefined }, held)).toEqual(new Set());
  });
});

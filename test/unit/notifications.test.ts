import { beforeEach, describe, expect, it } from 'vitest';
import type { ServiceNotice } from '../../common/ipc';
import type { ServiceConfig } from '../../common/model';
import { DEFAULT_SETTINGS, initialRuntime } from '../../common/state';
import { createAppStore, type AppStore } from '../../main/core/app-store';
import { COALESCE_MS, KEEP, NotificationCenter, PER_SERVICE_BURST } from '../../main/core/notifications';
import { coalescedText } from '../../main/i18n';
import { ManualClock } from '../fakes/clock';
import { MemoryLogger } from '../fakes/logger';

const svc = (id: string, extra: Partial<ServiceConfig> = {}): ServiceConfig => ({
  id, platform: 'whatsapp', name: `Shop ${id}`, enabled: true, muted: false, callsAllowed: false, ...extra,
});
const notice = (n: number, chatId?: string): ServiceNotice => ({
  id: `p${n}`, title: `Customer ${n}`, body: `Message ${n}`, derived: false, ...(chatId ? { chatId } : {}),
});

describe('NotificationCenter', () => {
  let clock: ManualClock;
  let store: AppStore;
  let shown: { title: string; body?: string; silent: boolean; click: () => void }[];
  let revealed: string[];
  let clicks: { serviceId: string; id: string; chatId?: string }[];
  let center: NotificationCenter;

  beforeEach(() => {
    clock = new ManualClock();
    store = createAppStore({
      services: [svc('a'), svc('b'), svc('m', { muted: true }), svc('off', { enabled: false })],
      activeServiceId: 'a',
      runtime: { a: initialRuntime(true), b: initialRuntime(true), m: initialRuntime(true), off: initialRuntime(false) },
      settings: DEFAULT_SETTINGS,
      notices: [],
      os: 'linux',
    });
    shown = [];
    revealed = [];
    clicks = [];
    let ids = 0;
    center = new NotificationCenter({
      store,
      notifier: { show: (n, click) => shown.push({ ...n, click }) },
      clock,
      log: new MemoryLogger(),
      newId: () => `r${++ids}`,
      reveal: (id) => revealed.push(id),
      click: (serviceId, n) => clicks.push({ serviceId, ...n }),
      coalescedText: (count) => coalescedText('en', count),
    });
  });

  it('shows a page notification and, on click, brings the service forward and hands the click to its page', () => {
    center.receive('a', notice(1, '9665@c.us'));
    expect(shown.map(({ click: _c, ...n }) => n)).toEqual([{ title: 'Customer 1', body: 'Message 1', silent: false }]);
    shown[0]?.click();
    expect(revealed).toEqual(['a']);
    expect(clicks).toEqual([{ serviceId: 'a', id: 'p1', chatId: '9665@c.us' }]);
    expect(center.history).toEqual([{ id: 'r1', serviceId: 'a', chatId: '9665@c.us', title: 'Customer 1', body: 'Message 1', at: clock.now(), read: false }]);
  });

  it('keeps but does not show notifications of a muted service, and ignores a turned-off or unknown one', () => {
    center.receive('m', notice(1));
    center.receive('off', notice(2));
    center.receive('nope', notice(3));
    expect(shown).toEqual([]);
    expect(center.history.map((r) => r.serviceId)).toEqual(['m']);
  });

  it('coalesces a flood from one service into one notification, without holding back another service', () => {
    for (let i = 0; i < 50; i += 1) center.receive('a', notice(i));
    center.receive('b', notice(100));
    expect(shown.map((n) => n.title)).toEqual(['Customer 0', 'Customer 1', 'Customer 2', 'Customer 100']);
    expect(PER_SERVICE_BURST).toBe(3);
    clock.advance(COALESCE_MS);
    expect(shown.at(-1)).toMatchObject({ title: 'Shop a', body: '47 more new messages', silent: true });
    shown.at(-1)?.click();
    expect(revealed).toEqual(['a']);
    center.receive('a', notice(200));
    expect(shown.at(-1)?.title).toBe('Customer 200');
    expect(center.history).toHaveLength(52);
  });

  it('keeps the last notifications only', () => {
    for (let i = 0; i < KEEP + 20; i += 1) {
      center.receive('m', notice(i));
    }
    expect(center.history).toHaveLength(KEEP);
    expect(center.history[0]?.title).toBe('Customer 20');
  });
});

describe('coalescedText', () => {
  it('counts in English and in Arabic with its plural forms', () => {
    expect([1, 2, 47].map((n) => coalescedText('en', n))).toEqual(['1 more new message', '2 more new messages', '47 more new messages']);
    // Digits as the platform's Intl writes Arabic numbers (Arabic-Indic or Latin, depending on its CLDR data).
    const n = (value: number) => new Intl.NumberFormat('ar').format(value);
    expect([1, 2, 3, 11, 100].map((value) => coalescedText('ar', value))).toEqual([
      'رسالة جديدة أخرى',
      'رسالتان جديدتان أخريان',
      `${n(3)} رسائل جديدة أخرى`,
      `${n(11)} رسالة جديدة أخرى`,
      `${n(100)} رسالة جديدة أخرى`,
    ]);
  });
});

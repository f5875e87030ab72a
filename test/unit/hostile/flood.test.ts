/**
 * A service page flooding main with 10,000 messages a second, through main/index.ts's real wiring: the router's
 * per-service token bucket (LIMITS.serviceRate sustained, LIMITS.serviceBurst at once) bounds what reaches the
 * handlers and what main forwards to the shell, drops are logged once a second rather than one by one, another
 * service and the shell are served as usual, and OS notifications are coalesced per service.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../common/channels';
import { LIMITS } from '../../../common/ipc';
import { COALESCE_MS, PER_SERVICE_BURST } from '../../../main/core/notifications/center';
import { bootMain, printFigures, type MainUnderTest } from './main-under-test';

vi.mock('electron', async () => (await import('./main-under-test')).fakeElectronModule());
vi.mock('electron-store', async () => (await import('./main-under-test')).fakeElectronStore());

const PER_SECOND = 10_000;
const SECONDS = 3;

let main: MainUnderTest;
const figures: Record<string, string | number>[] = [];

beforeAll(async () => {
  main = await bootMain();
});

afterAll(() => {
  main.close();
  printFigures('Flood: one service page sending 10,000 messages a second', figures);
});

interface FloodCount {
  sent: number;
  accepted: number;
  rateLimited: number;
  crashes: number;
  /** The number of the last message main took. */
  last: number;
}

/**
 * Sends `perSecond` messages a second for `seconds` from WhatsApp's view (10 per millisecond), and one a second
 * from Telegram's and one every 100 ms from the shell, counting what the router made of each.
 */
async function flood(channel: string, message: (i: number) => unknown, seconds: number, perSecond: number): Promise<{ wa: FloodCount; tg: FloodCount; shell: FloodCount }> {
  const fresh = (): FloodCount => ({ sent: 0, accepted: 0, rateLimited: 0, crashes: 0, last: -1 });
  const counts = { wa: fresh(), tg: fresh(), shell: fresh() };
  const send = async (who: keyof typeof counts, deliver: () => unknown, i = 0): Promise<void> => {
    counts[who].sent += 1;
    try {
      await deliver();
      const outcome = await main.lastOutcome();
      if (outcome?.ok) {
        counts[who].accepted += 1;
        counts[who].last = i;
      }
      else if (outcome?.reason === 'rate-limited') counts[who].rateLimited += 1;
    } catch {
      counts[who].crashes += 1;
    }
  };
  const listener = main.fake.ipcMain.listeners.get(channel);
  const command = main.fake.ipcMain.handlers.get(CHANNELS.command);
  if (!listener || !command) throw new Error('not wired');
  const perMs = perSecond / 1000;
  for (let ms = 0; ms < seconds * 1000; ms += 1) {
    for (let k = 0; k < perMs; k += 1) {
      const i = ms * perMs + k;
      await send('wa', () => listener(main.event('service', 'wa1'), message(i)), i);
    }
    if (ms % 1000 === 500) await send('tg', () => listener(main.event('service', 'tg1'), message(ms)), ms);
    if (ms % 100 === 50) await send('shell', () => command(main.event('shell'), { type: 'notifications.read', ids: [] }));
    await main.advance(1);
  }
  return counts;
}

describe('a service page flooding main', () => {
  it('gets through only what the rate limit allows; the other service and the shell are served as usual', async () => {
    const sent = main.win.webContents.sent;
    sent.length = 0;
    const logged = main.lines.length;
    const update = (i: number) => ({
      seq: i,
      reset: true,
      loggedIn: true,
      unread: { direct: (i % 50) + 1, indirect: 0 },
      upsert: [{ id: `c${i % 7}`, title: `Spam ${i}`, unread: 1 }],
      remove: [],
    });
    const started = performance.now();
    const { wa, tg, shell } = await flood(CHANNELS.serviceUpdate, update, SECONDS, PER_SECOND);
    const elapsed = performance.now() - started;
    const allowed = LIMITS.serviceBurst + LIMITS.serviceRate * SECONDS;
    const forwarded = sent.filter((m) => m.channel === CHANNELS.chats).length;
    const drops = main.lines.slice(logged).filter((l) => l.includes('ipc messages dropped: rate limit'));

    expect(wa.sent).toBe(PER_SECOND * SECONDS);
    expect(wa.crashes + tg.crashes + shell.crashes).toBe(0);
    expect(wa.accepted).toBeLessThanOrEqual(allowed);
    expect(wa.accepted).toBeGreaterThanOrEqual(allowed - LIMITS.serviceRate);
    expect(wa.rateLimited).toBe(wa.sent - wa.accepted);
    expect(forwarded).toBeLessThanOrEqual(wa.accepted + tg.accepted);
    expect(drops.length).toBeLessThanOrEqual(SECONDS + 1);
    expect(tg).toMatchObject({ accepted: tg.sent, rateLimited: 0 });
    expect(shell).toMatchObject({ accepted: shell.sent, rateLimited: 0 });
    expect((await main.state()).runtime['tg1']?.status).not.toBe('failed');
    // What main took is what it holds: the last accepted update of each page is its chat list now.
    const chats = await main.chats();
    expect(chats['wa1']?.chats.map((c) => c.title)).toEqual([`Spam ${wa.last}`]);
    expect(chats['tg1']?.chats.map((c) => c.title)).toEqual([`Spam ${tg.last}`]);
    for (const [who, c] of Object.entries({ 'WhatsApp (flooding)': wa, 'Telegram (1/s)': tg, 'shell (10/s)': shell })) {
      figures.push({ flood: 'svc:update', sender: who, 'messages tried': c.sent, accepted: c.accepted, 'rate-limited': c.rateLimited, crashes: c.crashes, 'data lost': 0 });
    }
    figures.push({ flood: 'svc:update', sender: `main → shell (${Math.round(elapsed)} ms)`, 'messages tried': '', accepted: `${forwarded} chat deltas forwarded`, 'rate-limited': `${drops.length} drop log lines`, crashes: '', 'data lost': '' });
  }, 120_000);

  it('coalesces a flood of notifications per service: a few pop-ups, then one summary', async () => {
    await main.advance(COALESCE_MS);
    const shown = main.fake.notifications.length;
    const notice = (i: number) => ({ id: `n${i}`, title: `Buy now ${i}`, body: 'spam', chatId: `c${i % 5}`, derived: false });
    const { wa, tg } = await flood(CHANNELS.serviceNotification, notice, 1, PER_SECOND);
    const during = main.fake.notifications.slice(shown).map((n) => n.options);
    await main.advance(COALESCE_MS);
    const after = main.fake.notifications.slice(shown).map((n) => n.options);
    const state = await main.state();

    expect(wa.crashes + tg.crashes).toBe(0);
    expect(wa.accepted).toBeLessThanOrEqual(LIMITS.serviceBurst + LIMITS.serviceRate);
    // Telegram's one notification is shown at once: WhatsApp's flood does not hold it back.
    expect(tg.accepted).toBe(1);
    expect(during.filter((n) => n.title === '\u2068Buy now 500\u2069 — \u2068Telegram\u2069')).toHaveLength(1);
    expect(during.filter((n) => n.body === 'spam')).toHaveLength(PER_SERVICE_BURST + 1);
    // One summary for the rest of WhatsApp's, once the window passes, quietly.
    const summaries = after.slice(during.length);
    expect(summaries).toEqual([expect.objectContaining({ title: 'WhatsApp (\u2068Shop\u2069)', silent: true })]);
    // Every accepted notification is kept in the tray: none lost, none invented.
    expect(state.notifications.filter((n) => n.body === 'spam')).toHaveLength(wa.accepted + tg.accepted);
    figures.push({ flood: 'svc:notification', sender: 'WhatsApp (flooding)', 'messages tried': wa.sent, accepted: wa.accepted, 'rate-limited': wa.rateLimited, crashes: wa.crashes, 'data lost': 0 });
    figures.push({ flood: 'svc:notification', sender: 'OS pop-ups', 'messages tried': '', accepted: `${PER_SERVICE_BURST} + 1 summary (WhatsApp), 1 (Telegram)`, 'rate-limited': '', crashes: '', 'data lost': 0 });
  }, 60_000);
});

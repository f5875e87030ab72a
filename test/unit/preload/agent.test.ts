// @vitest-environment jsdom
/**
 * The agent's own decisions, with connectors written for the test: when a read's list is partial, what totals a
 * partial read reports, when the connector's health is sent again, and which element it marks as the page's own
 * chat-list pane. (The connectors themselves are tested in
 * Chromium against the platform fixtures, test/browser/connectors.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_PANE_MATCHES, PANE_ATTRIBUTE } from '../../../common/compact';
import type { ServiceUpdate } from '../../../common/ipc';
import type { ChatSummary, ServiceSnapshot } from '../../../common/model';
import { startAgent, type Agent } from '../../../preload/agent';
import type { Connector } from '../../../preload/connectors/types';

const chat = (id: string, extra: Partial<ChatSummary> = {}): ChatSummary => ({ id, title: id, unread: 0, ...extra });
const snap = (chats: ChatSummary[], direct = 0, indirect = 0): ServiceSnapshot => ({ loggedIn: true, unread: { direct, indirect }, chats });
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

let agent: Agent | undefined;
afterEach(() => {
  agent?.stop();
  agent = undefined;
});

/** An agent on this document for `connector`, reading only when the test flushes it. */
function run(connector: Connector, packVersion?: string): ServiceUpdate[] {
  const updates: ServiceUpdate[] = [];
  const options = { win: window, connector, send: (update: ServiceUpdate) => updates.push(update), notify: () => undefined, minIntervalMs: 60_000 };
  agent = startAgent(packVersion === undefined ? options : { ...options, packVersion });
  return updates;
}

describe('the agent', () => {
  it('asks whether a list is partial after the read, for a connector whose answer depends on where the read found its chats', async () => {
    // WhatsApp: its database holds every chat; only when it falls back to the rendered list is the list partial.
    let source: 'none' | 'db' = 'none';
    let chats = [chat('a'), chat('b')];
    const updates = run({
      platform: 'whatsapp',
      read: () => {
        source = 'db';
        return Promise.resolve(snap(chats));
      },
      partialList: () => source !== 'db',
    });
    await agent?.flush();
    expect(updates).toHaveLength(1);
    expect(updates[0]).not.toHaveProperty('partial');
    // Nothing changed: nothing is sent.
    await agent?.flush();
    expect(updates).toHaveLength(1);
    // A change is sent with what changed, and nothing else.
    chats = [chat('b', { unread: 1 }), chat('a')];
    await agent?.flush();
    expect(updates).toHaveLength(2);
    expect(updates[1]).toMatchObject({ seq: 1, reset: false, upsert: [chat('b', { unread: 1 })], remove: [], unread: { direct: 0 } });
  });

  it('keeps a whole read’s chats when the next read is partial: they were not deleted, the reader lost its better source', async () => {
    let source: 'db' | 'list' = 'db';
    const all = [chat('a'), chat('b'), chat('c'), chat('d'), chat('e'), chat('f')];
    let shown = all;
    const updates = run({ platform: 'whatsapp', read: () => Promise.resolve(snap(shown)), partialList: () => source !== 'db' });
    await agent?.flush();
    source = 'list';
    shown = [all[0] ?? chat('a'), chat('b', { unread: 2 })];
    await agent?.flush();
    expect(updates[1]).toMatchObject({ partial: true, upsert: [chat('b', { unread: 2 })], remove: [] });
  });

  it('reports a partial read with the connector’s own totals, which count what its rows do not show', async () => {
    // Discord: the rail's badges count mentions in servers whose channels are not on the page.
    let read = snap([chat('@me/1', { unread: 2 }), chat('@me/2')], 2 + 15);
    const updates = run({ platform: 'discord', read: () => Promise.resolve(read), partialList: () => true });
    await agent?.flush();
    expect(updates[0]).toMatchObject({ partial: true, unread: { direct: 17, indirect: 0 } });
    // The list scrolls: a row leaves it and is kept, and the totals stay the connector's.
    read = snap([chat('@me/2'), chat('@me/3')], 15);
    await agent?.flush();
    expect(updates[1]).toMatchObject({ upsert: [chat('@me/3')], remove: [], unread: { direct: 15, indirect: 0 } });
  });

  it('removes a chat of a partial list whose row another took in place at an end of the list, and keeps one that scrolled out', async () => {
    // Instagram keys its threads by title: a renamed thread is a new chat in the old one's place, most often at the
    // top (the rename is the thread's newest event). A scroll brings new rows in at the other end.
    const ids = (list: string[]): ChatSummary[] => list.map((id) => chat(id));
    let shown = ids(['x', 'a', 'b', 'c']);
    const updates = run({ platform: 'instagram', read: () => Promise.resolve(snap(shown)), partialList: () => true });
    await agent?.flush();
    shown = ids(['y', 'a', 'b', 'c']);
    await agent?.flush();
    expect(updates[1]).toMatchObject({ upsert: [chat('y')], remove: ['x'] });
    shown = ids(['y', 'a', 'b', 'z']);
    await agent?.flush();
    expect(updates[2]).toMatchObject({ upsert: [chat('z')], remove: ['c'] });
    // Scrolled down by one, then back up by two: the rows that left at either end are kept.
    shown = ids(['a', 'b', 'z', 'd']);
    await agent?.flush();
    expect(updates[3]).toMatchObject({ upsert: [chat('d')], remove: [] });
    shown = ids(['e', 'y', 'a', 'b']);
    await agent?.flush();
    expect(updates[4]).toMatchObject({ upsert: [chat('e')], remove: [] });
  });

  it('sends the health again when what it says changed, not because another read went well', async () => {
    document.body.innerHTML = '<ul><li class="row">a</li><li class="row">b</li></ul>';
    let chats = [chat('a'), chat('b')];
    const updates = run({
      platform: 'telegram',
      read: () => Promise.resolve(snap(chats)),
      partialList: () => false,
      hooks: { rows: (doc) => doc.querySelectorAll('.row').length },
    });
    await agent?.flush();
    const health = updates[0]?.health;
    expect(health).toMatchObject({ rows: 2, chats: 2, badges: 0, missing: [] });
    const firstGood = health?.lastGoodRead ?? 0;
    await tick();
    await agent?.flush();
    expect(updates).toHaveLength(1);
    await tick();
    chats = [chat('a', { unread: 1 }), chat('b')];
    await agent?.flush();
    expect(updates[1]).toMatchObject({ upsert: [chat('a', { unread: 1 })], health: { badges: 1 } });
    const secondGood = updates[1]?.health?.lastGoodRead ?? 0;
    expect(secondGood).toBeGreaterThan(firstGood);
    await tick();
    chats = [chat('a', { unread: 1, preview: 'hello' }), chat('b')];
    await agent?.flush();
    expect(updates[2]?.upsert).toEqual([chat('a', { unread: 1, preview: 'hello' })]);
    expect(updates[2]).not.toHaveProperty('health');
    // The page changed under the reader: the health says so, with the time of the last read that found chats.
    await tick();
    document.body.innerHTML = '';
    chats = [];
    await agent?.flush();
    const lost = updates[3]?.health;
    expect(lost).toMatchObject({ rows: 0, chats: 0, missing: ['rows'] });
    expect(lost?.lastGoodRead).toBeGreaterThan(secondGood);
    expect(lost?.lastGoodRead).toBeLessThan(Date.now());
  });

  it('names in its health the connector pack it reads with, so main knows how well each pack reads', async () => {
    document.body.innerHTML = '<ul><li class="row">a</li></ul>';
    const connector: Connector = { platform: 'telegram', read: () => Promise.resolve(snap([chat('a')])), partialList: () => false, hooks: { rows: (doc) => doc.querySelectorAll('.row').length } };
    const fromPack = run(connector, '1.2.0');
    await agent?.flush();
    expect(fromPack[0]?.health).toMatchObject({ rows: 1, chats: 1, packVersion: '1.2.0' });
    agent?.stop();
    const unnamed = run(connector);
    await agent?.flush();
    expect(unnamed[0]?.health).toMatchObject({ rows: 1, chats: 1 });
    expect(unnamed[0]?.health).not.toHaveProperty('packVersion');
  });

  describe('the page’s own chat-list pane', () => {
    const marked = (): Element[] => [...document.querySelectorAll(`[${PANE_ATTRIBUTE}]`)];
    /** A connector reading one chat, whose pane hook answers what `pane` returns now. */
    function withPane(pane: (doc: Document) => unknown): ServiceUpdate[] {
      const connector = { platform: 'whatsapp', read: () => Promise.resolve(snap([chat('a')])), partialList: () => false, listPane: pane } as Connector;
      return run(connector);
    }

    it('marks the one pane its hook finds and counts it in the health; two, or none, are counted and never marked', async () => {
      document.body.innerHTML = '<div id="side"></div><div id="side2"></div><div id="main"></div>';
      const side = document.getElementById('side');
      const other = document.getElementById('side2');
      let found: (Element | null)[] = [side];
      const updates = withPane(() => found);
      await agent?.flush();
      expect(updates.at(-1)?.health?.listPane).toBe(1);
      expect(marked()).toEqual([side]);
      found = [side, other];
      await agent?.flush();
      expect(updates.at(-1)?.health?.listPane).toBe(2);
      expect(marked()).toEqual([]);
      found = [other];
      await agent?.flush();
      expect(updates.at(-1)?.health?.listPane).toBe(1);
      expect(marked()).toEqual([other]);
      found = [];
      await agent?.flush();
      expect(updates.at(-1)?.health?.listPane).toBe(0);
      expect(marked()).toEqual([]);
    });

    it('takes the mark off any other element that carries it, so only the one pane found is ever hidden', async () => {
      document.body.innerHTML = `<div id="pane"></div><div id="copy" ${PANE_ATTRIBUTE}=""></div>`;
      const pane = document.getElementById('pane');
      withPane(() => [pane]);
      await agent?.flush();
      expect(marked()).toEqual([pane]);
    });

    it('never takes the page’s root, head or body, or an element not in the page, for the pane, and counts one found twice once', async () => {
      document.body.innerHTML = '<div id="pane"></div>';
      const pane = document.getElementById('pane');
      const detached = document.createElement('div');
      const updates = withPane(() => [document.documentElement, document.body, document.head, detached, 'div', 7, null, pane, pane]);
      await agent?.flush();
      expect(updates.at(-1)?.health?.listPane).toBe(1);
      expect(marked()).toEqual([pane]);
    });

    it('counts at most the report’s limit, and marks nothing', async () => {
      document.body.innerHTML = '<div class="p"></div>'.repeat(MAX_PANE_MATCHES + 5);
      const updates = withPane((doc) => [...doc.querySelectorAll('.p')]);
      await agent?.flush();
      expect(updates.at(-1)?.health?.listPane).toBe(MAX_PANE_MATCHES);
      expect(marked()).toEqual([]);
    });

    it.each([
      ['throws', () => {
        throw new Error('changed page');
      }],
      ['answers no list', () => 'side'],
    ])('counts no pane, and marks none, when its hook %s', async (_case, pane) => {
      document.body.innerHTML = `<div id="pane" ${PANE_ATTRIBUTE}=""></div>`;
      const updates = withPane(pane);
      await agent?.flush();
      expect(updates.at(-1)?.health?.listPane).toBe(0);
      expect(marked()).toEqual([]);
    });

    it('says nothing of a pane when the connector knows none, and marks nothing', async () => {
      document.body.innerHTML = `<div id="pane"></div>`;
      const updates = run({ platform: 'discord', read: () => Promise.resolve(snap([chat('a')])), partialList: () => false });
      await agent?.flush();
      expect(updates[0]?.health).toBeDefined();
      expect(updates[0]?.health).not.toHaveProperty('listPane');
      expect(marked()).toEqual([]);
    });

    it('takes its mark off when it stops', async () => {
      document.body.innerHTML = '<div id="pane"></div>';
      const pane = document.getElementById('pane');
      withPane(() => [pane]);
      await agent?.flush();
      expect(marked()).toEqual([pane]);
      agent?.stop();
      expect(marked()).toEqual([]);
    });
  });

  describe('typing into a chat being opened', () => {
    /**
     * A connector whose chats open when the test says, each with its own message box; `typed()` is what each box
     * holds, and `focused()` the chat whose box has the focus.
     */
    function opener() {
      let open = 'before';
      document.body.innerHTML = ['before', 'omar', 'gone'].map((id) => `<textarea data-chat="${id}"></textarea>`).join('');
      const boxes = [...document.querySelectorAll('textarea')];
      const typed = () => boxes.filter((box) => box.value !== '').map((box) => `${box.dataset['chat'] ?? ''}: ${box.value}`);
      const focused = () => (document.activeElement instanceof HTMLTextAreaElement ? document.activeElement.dataset['chat'] : undefined);
      const pending: { chatId: string; finish: (ok: boolean) => void }[] = [];
      const connector: Connector = {
        platform: 'telegram',
        read: () => Promise.resolve(snap([])),
        openChat: (_win, chatId) =>
          new Promise<boolean>((resolve) => {
            pending.push({
              chatId,
              finish: (ok) => {
                if (ok) open = chatId;
                resolve(ok);
              },
            });
          }),
        composer: () => Promise.resolve(boxes.find((box) => box.dataset['chat'] === open)),
      };
      return { connector, typed, focused, pending };
    }

    it('types only once the chat asked for is open, never into the chat open before', async () => {
      const page = opener();
      run(page.connector);
      void agent?.openChat('omar');
      const typing = agent?.insertText('Yes, tomorrow');
      await tick();
      expect(page.typed()).toEqual([]);
      page.pending[0]?.finish(true);
      expect(await typing).toBe(true);
      expect(page.typed()).toEqual(['omar: Yes, tomorrow']);
    });

    it('types nothing when the chat could not be opened', async () => {
      const page = opener();
      run(page.connector);
      void agent?.openChat('gone');
      const typing = agent?.insertText('Yes');
      page.pending[0]?.finish(false);
      expect(await typing).toBe(false);
      expect(page.typed()).toEqual([]);
      // A quick reply later, with no chat being opened, goes into the open chat as before.
      expect(await agent?.insertText('Hello')).toBe(true);
      expect(page.typed()).toEqual(['before: Hello']);
    });

    it("puts the caret in the composer of the chat a notification click opened, and nowhere when it could not open", async () => {
      const page = opener();
      run(page.connector);
      const clicked = agent?.clickNotice('w1', 'omar');
      await tick();
      expect(page.focused()).toBeUndefined();
      page.pending[0]?.finish(true);
      expect(await clicked).toBe(true);
      expect(page.focused()).toBe('omar');
      (document.activeElement as HTMLElement | null)?.blur();
      const failed = agent?.clickNotice('w2', 'gone');
      await tick();
      page.pending[1]?.finish(false);
      expect(await failed).toBe(false);
      expect(page.focused()).toBeUndefined();
      expect(page.typed()).toEqual([]);
    });
  });
});

// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChatSummary } from '../../../common/model';
import type { RowReader } from '../../../preload/connectors/types';
import { RowTracker } from '../../../preload/row-tracker';

/** Rows that only match inside their list, as Telegram A's (".chat-list .Chat"). */
const reader: RowReader = {
  selector: '.list .row',
  read: (row) => ({ id: row.getAttribute('data-id') ?? '', title: row.textContent, unread: 0 }),
};

function setup(count: number) {
  document.body.innerHTML = '<div class="list"></div>';
  const list = document.querySelector('.list') as HTMLElement;
  for (let i = 0; i < count; i += 1) list.insertAdjacentHTML('beforeend', `<div class="row" data-id="c${i}">Chat ${i}</div>`);
  const reads: string[] = [];
  const tracker = new RowTracker(reader, (row) => {
    reads.push(row.getAttribute('data-id') ?? '?');
    return reader.read(row, 0);
  });
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((batch) => records.push(...batch));
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  /** Hands the mutations so far to the tracker, then reads. */
  const read = (): ChatSummary[] => {
    records.push(...observer.takeRecords());
    tracker.note(records.splice(0));
    reads.length = 0;
    return tracker.chats(document);
  };
  return { list, tracker, reads, read };
}

describe('RowTracker', () => {
  let t: ReturnType<typeof setup>;
  beforeEach(() => {
    t = setup(50);
  });

  it('scans once, then reads only the row whose text changed', () => {
    expect(t.read().map((c) => c.id)).toHaveLength(50);
    const row = t.list.children[7] as HTMLElement;
    (row.firstChild as Text).data = 'Chat 7 — new message';
    const chats = t.read();
    expect(t.reads).toEqual(['c7']);
    expect(chats.find((c) => c.id === 'c7')?.title).toBe('Chat 7 — new message');
    expect(t.read()).toHaveLength(50);
    expect(t.reads).toEqual([]);
  });

  it('follows a row replaced by a new element and moved to the top, dropping the detached one', () => {
    t.read();
    const old = t.list.children[20] as HTMLElement;
    const fresh = document.createElement('div');
    fresh.className = 'row';
    fresh.dataset['id'] = 'c20';
    fresh.textContent = 'Chat 20 — moved';
    old.replaceWith(fresh);
    t.list.prepend(fresh);
    const chats = t.read();
    expect(t.reads).toEqual(['c20']);
    expect(chats.filter((c) => c.id === 'c20').map((c) => c.title)).toEqual(['Chat 20 — moved']);
    expect(chats).toHaveLength(50);
  });

  it('notices rows added and removed, inside added or removed containers too', () => {
    t.read();
    t.list.children[3]?.remove();
    const group = document.createElement('section');
    group.innerHTML = '<div class="row" data-id="n1">New 1</div><div class="row" data-id="n2">New 2</div>';
    t.list.append(group);
    const ids = t.read().map((c) => c.id);
    expect(ids).not.toContain('c3');
    expect(ids).toEqual(expect.arrayContaining(['n1', 'n2']));
    expect(t.reads.sort()).toEqual(['c3', 'n1', 'n2'].filter((id) => id !== 'c3').sort());
    group.remove();
    expect(t.read().map((c) => c.id)).not.toContain('n1');
  });

  it('an attribute that makes an element stop being a row removes it', () => {
    t.read();
    (t.list.children[5] as HTMLElement).className = 'ad';
    expect(t.read().map((c) => c.id)).not.toContain('c5');
  });

  it('after a reset, scans the page: rows that appeared meanwhile are found', () => {
    t.read();
    t.tracker.reset();
    t.list.insertAdjacentHTML('afterbegin', '<div class="row" data-id="late">Late</div>');
    const ids = t.read().map((c) => c.id);
    expect(t.reads).toHaveLength(51);
    expect(ids[0]).toBe('late');
  });

  it('a change to more rows than it follows one by one (a re-render) makes it scan in page order', () => {
    const big = setup(700);
    big.read();
    for (const row of [...big.list.children].reverse()) big.list.append(row);
    const ids = big.read().map((c) => c.id);
    expect(ids[0]).toBe('c699');
    expect(big.reads).toHaveLength(700);
  });
});

import { describe, expect, it } from 'vitest';
import type { InboxEntry } from '../../../common/model';
import { suggestionKey } from '../../../common/state';
import { CROWDED, suggestLinks, type ChatTitleOf } from '../../../common/suggestions';

/** An entry with its chats as "service/chat"; each chat's own title is the entry's unless `titles` says otherwise. */
interface Spec {
  key: string;
  title: string;
  chats: string[];
  personId?: string;
  titles?: Record<string, string>;
}

function inbox(specs: Spec[]): { entries: InboxEntry[]; chatOf: ChatTitleOf } {
  const titles = new Map<string, string>();
  const entries = specs.map((spec): InboxEntry => {
    const chats = spec.chats.map((ref) => {
      const [serviceId = '', chatId = ''] = ref.split('/');
      titles.set(ref, spec.titles?.[ref] ?? spec.title);
      return { serviceId, chatId };
    });
    return { key: spec.key, title: spec.title, chats, unread: 0, ...(spec.personId ? { personId: spec.personId } : {}) };
  });
  const chatOf: ChatTitleOf = (ref) => {
    const title = titles.get(`${ref.serviceId}/${ref.chatId}`);
    return title === undefined ? undefined : { title };
  };
  return { entries, chatOf };
}

const pairs = (specs: Spec[], dismissed: string[] = [], limit?: number): string[][] => {
  const { entries, chatOf } = inbox(specs);
  return suggestLinks(entries, chatOf, dismissed, limit).map((s) => [s.a.key, s.b.key]);
};

describe('suggestLinks', () => {
  it.each<{ name: string; specs: Spec[]; expected: string[][] }>([
    {
      name: 'Latin names that differ by case and accents',
      specs: [{ key: 'a', title: 'Ahmed Hassan', chats: ['wa/1'] }, { key: 'b', title: 'AHMED  hassan', chats: ['ig/2'] }, { key: 'c', title: 'Âhmed Hassan', chats: ['tg/3'] }],
      expected: [['a', 'b'], ['a', 'c'], ['b', 'c']],
    },
    {
      name: 'Arabic spellings of one name: hamza forms, diacritics, tatweel, ta marbuta',
      specs: [
        { key: 'a', title: 'أحمد', chats: ['wa/1'] },
        { key: 'b', title: 'احـــمد', chats: ['tg/2'] },
        { key: 'c', title: 'فاطمة', chats: ['wa/3'] },
        { key: 'd', title: 'فَاطِمه', chats: ['ig/4'] },
      ],
      expected: [['a', 'b'], ['c', 'd']],
    },
    {
      name: 'the same name across scripts: Ahmed on WhatsApp and أحمد on Instagram',
      specs: [
        { key: 'a', title: 'Ahmed Hassan', chats: ['wa/1'] },
        { key: 'b', title: 'أحمد حسن', chats: ['ig/2'] },
        { key: 'c', title: 'Mohammed', chats: ['wa/3'] },
        { key: 'd', title: 'مُحَمَّد', chats: ['tg/4'] },
        { key: 'e', title: 'Khaled', chats: ['wa/5'] },
        { key: 'f', title: 'خليل', chats: ['ig/6'] },
      ],
      expected: [['a', 'b'], ['c', 'd']],
    },
    {
      name: 'not across scripts on two consonants or fewer (Sara / سارة would mostly be noise)',
      specs: [{ key: 'a', title: 'Sara', chats: ['wa/1'] }, { key: 'b', title: 'سارة', chats: ['ig/2'] }],
      expected: [],
    },
    {
      name: "a chat's own title counts, not only the entry's (a person renamed by the user)",
      specs: [
        { key: 'person:p', title: 'Best customer', chats: ['wa/1', 'ig/1'], personId: 'p', titles: { 'ig/1': 'sara.k', 'wa/1': 'Sara Khalil' } },
        { key: 'c', title: 'sara khalil', chats: ['tg/9'] },
      ],
      expected: [['person:p', 'c']],
    },
    {
      name: 'a person and a chat that is not one yet',
      specs: [{ key: 'person:p', title: 'Omar', chats: ['wa/1'], personId: 'p' }, { key: 'b', title: 'omar', chats: ['ig/2'] }],
      expected: [['person:p', 'b']],
    },
    {
      name: 'not on the same service: two contacts of one account are two people',
      specs: [{ key: 'a', title: 'Ahmed', chats: ['wa/1'] }, { key: 'b', title: 'ahmed', chats: ['wa/2'] }],
      expected: [],
    },
    {
      name: 'not when the two share a service (a merged entry already has a chat there)',
      specs: [{ key: 'phone:+966500000001', title: 'Ahmed', chats: ['wa/1', 'ig/1'] }, { key: 'b', title: 'Ahmed', chats: ['ig/2'] }],
      expected: [],
    },
    {
      name: 'not two people: the user keeps them apart',
      specs: [{ key: 'person:p', title: 'Ahmed', chats: ['wa/1'], personId: 'p' }, { key: 'person:q', title: 'Ahmed', chats: ['ig/2'], personId: 'q' }],
      expected: [],
    },
    {
      name: 'not chats already merged into one entry',
      specs: [{ key: 'phone:+966500000001', title: 'Ahmed', chats: ['wa/1', 'ig/1'], titles: { 'ig/1': 'ahmed' } }],
      expected: [],
    },
    {
      name: 'not names too generic to tell anyone: short, digits, a phone number, punctuation',
      specs: [
        { key: 'a', title: 'Al', chats: ['wa/1'] },
        { key: 'b', title: 'AL', chats: ['ig/1'] },
        { key: 'c', title: '+966 50 123 4567', chats: ['wa/2'] },
        { key: 'd', title: '+966501234567', chats: ['tg/2'] },
        { key: 'e', title: '١٢٣٤٥', chats: ['wa/3'] },
        { key: 'f', title: '12345', chats: ['ig/3'] },
        { key: 'g', title: 'A. B.', chats: ['wa/4'] },
        { key: 'h', title: 'a b', chats: ['ig/4'] },
        { key: 'i', title: '😀😀😀', chats: ['wa/5'] },
        { key: 'j', title: '', chats: ['ig/5'] },
      ],
      expected: [],
    },
    {
      name: 'a three-letter Arabic name is a name',
      specs: [{ key: 'a', title: 'علي', chats: ['wa/1'] }, { key: 'b', title: 'عليّ', chats: ['ig/1'] }],
      expected: [['a', 'b']],
    },
    {
      name: `not a name held by more than ${CROWDED} entries`,
      specs: Array.from({ length: CROWDED + 1 }, (_, i) => ({ key: `m${i}`, title: 'Deleted Account', chats: [`s${i}/1`] })),
      expected: [],
    },
    {
      name: 'spellings of one name are suggested (Ahmed/Ahmad), a different name is not (محمد)',
      specs: [{ key: 'a', title: 'Ahmed', chats: ['wa/1'] }, { key: 'b', title: 'Ahmad', chats: ['ig/1'] }, { key: 'c', title: 'محمد', chats: ['tg/1'] }],
      expected: [['a', 'b']],
    },
  ])('$name', ({ specs, expected }) => {
    expect(pairs(specs)).toEqual(expected);
  });

  it('leaves out what the user dismissed, whichever way round it was stored', () => {
    const specs: Spec[] = [{ key: 'a', title: 'Ahmed', chats: ['wa/1'] }, { key: 'b', title: 'ahmed', chats: ['ig/1'] }, { key: 'c', title: 'AHMED', chats: ['tg/1'] }];
    expect(pairs(specs, [suggestionKey('b', 'a')])).toEqual([['a', 'c'], ['b', 'c']]);
    expect(pairs(specs, [suggestionKey('a', 'b'), suggestionKey('c', 'a'), suggestionKey('b', 'c')])).toEqual([]);
  });

  it('ranks by the newer entry, then the older one, and stops at the limit', () => {
    const specs: Spec[] = [
      { key: 'new-sara', title: 'Sara', chats: ['wa/1'] },
      { key: 'new-omar', title: 'Omar', chats: ['wa/2'] },
      { key: 'omar', title: 'omar', chats: ['ig/2'] },
      { key: 'sara', title: 'sara', chats: ['tg/1'] },
      { key: 'old-sara', title: 'SARA', chats: ['ig/1'] },
    ];
    expect(pairs(specs)).toEqual([['new-sara', 'sara'], ['new-sara', 'old-sara'], ['new-omar', 'omar'], ['sara', 'old-sara']]);
    expect(pairs(specs, [], 2)).toEqual([['new-sara', 'sara'], ['new-sara', 'old-sara']]);
  });

  it('gives each pair once, with its entries and its dismissal key', () => {
    const { entries, chatOf } = inbox([
      { key: 'a', title: 'Sara Khalil', chats: ['wa/1', 'wa/2'], titles: { 'wa/2': 'Sara' } },
      { key: 'b', title: 'sara khalil', chats: ['ig/1', 'ig/2'], titles: { 'ig/2': 'SARA' } },
    ]);
    const suggestions = suggestLinks(entries, chatOf, []);
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]?.a).toBe(entries[0]);
    expect(suggestions[0]?.b).toBe(entries[1]);
    expect(suggestions[0]?.key).toBe(suggestionKey('a', 'b'));
  });
});

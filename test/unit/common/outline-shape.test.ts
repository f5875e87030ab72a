/**
 * Shapes (common/outline-shape.ts): what a page outline keeps of texts, identifiers, URLs and attribute values;
 * the outline's text form and the parser main reads outlines with (common/outline.ts, outline-schema.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTLINE_FORMAT, outlineText, type PageOutline } from '../../../common/outline';
import { parseOutline } from '../../../common/outline-schema';
import { TEXT_SHAPE, attributeKind, codeWords, shapeAttribute, shapeDocumentUrl, shapeIdentifiers, shapeToken, shapeUrl, textShape } from '../../../common/outline-shape';

const BASE = 'https://www.facebook.com/messages/';

/** Strings made of what pages hold: Arabic, Latin, digits of three systems, emoji and their joiners, marks and controls. */
const SAMPLE = Array.from('aZéأحمدة١٢۳09 \u00a0\u202f\u200b\u200d\u200f\u2068\ufe0f\u064b\u0301\n\t:#()+-–،؟{}ⓐ𝓐').concat(['🙂', '👨‍👩‍👧', '👋🏽', '🇸🇦', '\ud800', '\u0000']);
const pageString = (maxLength: number): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof(fc.constantFrom(...SAMPLE), fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp))), { maxLength })
    .map((chars) => chars.join(''));

describe('text shapes', () => {
  it.each([
    ['Ahmed Hassan', 'Latn5 sp Latn6'],
    ['أحمد حسن', 'Arab4 sp Arab3'],
    ['Fatima Al-Zahra', 'Latn6 sp Latn2 - Latn5'],
    ['José Müller', 'Latn4 sp Latn6'],
    ['Zoë Ørsted', 'Latn3 sp Latn6'],
    ['Hiba & Sons', 'Latn4 sp & sp Latn4'],
    ['09:30', 'd2 : d2'],
    ['21.11.26', 'd2 . d2 . d2'],
    ['(3) WhatsApp', '( d ) sp Latn8'],
    ['Order #1042 – 2 items', 'Latn5 sp #d4 sp – sp d sp Latn5'.replace('#d4', '# d4')],
    ['الطلب رقم ١٠٤٢', 'Arab5 sp Arab3 sp ad4'],
    ['۱۲۳', 'pd3'],
    ['هل الفستان الأزرق متوفر؟', 'Arab2 sp Arab7 sp Arab6 sp Arab5 ؟'],
    ['شكراً جزيلاً 🌹', 'Arab4 m sp Arab5 m sp e'],
    ['Thanks! 🙏', 'Latn6 ! sp e'],
    ['تم الدفع ✅', 'Arab2 sp Arab5 sp e'],
    ['Karim 🌟 Mansour', 'Latn5 sp e sp Latn7'],
    ['Family 👨‍👩‍👧', 'Latn6 sp e3'],
    ['👋🏽', 'e'],
    ['🇸🇦', 'e2'],
    ['\u2068Karim\u2069', 'U+2068 Latn5 U+2069'],
    ['  Ali\u200f ', 'sp2 Latn3 U+200F sp'],
    ['9:30\u202fAM', 'd : d2 U+202F Latn2'],
    ['1\u00a0234', 'd U+00A0 d3'],
    ['\u200b\u200b\u200b', 'U+200Bx3'],
    ['\u0000\u0007ctrl\ud800 lone', 'U+0000 U+0007 Latn4 U+D800 sp Latn4'],
    ['line\nbreak\ttab', 'Latn4 nl Latn5 tab Latn3'],
    ['Москва', 'Cyrl6'],
    ['为了你的帐号安全', 'Hani8'],
    ['ⓐⓗⓜⓔⓓ', 's5'],
    ['𝓐𝓱𝓶𝓮𝓭', 'Zyyy5'],
    ['{x}', 'p Latn p'],
    ['\uE000\uE001', 'pua2'],
    ['', ''],
  ])('%j → %s', (text, shape) => {
    expect(textShape(text)).toBe(shape);
  });

  it('phone numbers in several forms keep their layout, never their digits', () => {
    expect(textShape('+966 50 123 4567')).toBe('+ d3 sp d2 sp d3 sp d4');
    expect(textShape('+966501234567')).toBe('+ d12');
    expect(textShape('٠٥٠١٢٣٤٥٦٧')).toBe('ad10');
    expect(textShape('(415) 555-0134')).toBe('( d3 ) sp d3 - d4');
    expect(textShape('00201012345678')).toBe('d14');
    expect(textShape('ahmed.hassan@example.com')).toBe('Latn5 . Latn6 @ Latn7 . Latn3');
  });

  it('writes at most maxTokens tokens, then how many code points are left', () => {
    expect(textShape('a b c d e', 4)).toBe('Latn sp Latn sp rest5');
    expect(textShape('ن'.repeat(200_000))).toBe('Arab200000');
    const long = 'Is the blue dress still available? I would like two of them, please.';
    expect(textShape(long)).toBe('Latn2 sp Latn3 sp Latn4 sp Latn5 sp Latn5 sp Latn9 ? sp Latn sp Latn5 rest26');
    expect(textShape('🙂'.repeat(3) + 'x'.repeat(5), 1)).toBe('e3 rest5');
  });

  it('always matches the grammar main checks', () => {
    fc.assert(fc.property(pageString(80), (s) => TEXT_SHAPE.test(textShape(s))));
    expect(TEXT_SHAPE.test('Ahmed')).toBe(false);
    expect(TEXT_SHAPE.test('Latn5 sp 966')).toBe(false);
  });
});

describe('identifiers', () => {
  it.each([
    ['chatlist-chat', 'chatlist-chat'],
    ['p-channel_sidebar__channel--unread', 'p-channel_sidebar__channel--unread'],
    ['badge-22', 'badge-22'],
    ['uid_32', 'uid_32'],
    ['h1', 'h1'],
    ['chat-100037', 'chat-{d6}'],
    ['user-971501234567', 'user-{d12}'],
    ['name_3f2a1b', 'name_{hex6}'],
    ['_a1b2c3d4e5f6a7b8-channel', '_{hex16}-channel'],
    ['T0WASL42AB', '{alnum10}'],
    ['D0W100000', '{alnum9}'],
    ['private-channels-uid_32___100037', 'private-channels-uid_32___{d6}'],
    ['متجر', '{Arab4}'],
    ['user-josé', 'user-{Latn4}'],
    ['icon-🙂', 'icon-{e}'],
    ['x'.repeat(200), '{Latn200}'],
    ['a{b}', '{Latn p Latn p}'],
    ['mws-conversation-list-item', 'mws-conversation-list-item'],
  ])('%s → %s', (token, shape) => {
    expect(shapeToken(token)).toBe(shape);
  });

  it('splits class lists and shapes a huge one whole', () => {
    expect(shapeIdentifiers('  row chat-123456\tactive ')).toEqual(['row', 'chat-{d6}', 'active']);
    expect(shapeIdentifiers('a '.repeat(3000))).toEqual(['{Latn sp Latn sp Latn sp Latn sp Latn sp Latn sp Latn sp Latn sp rest5984}']);
  });
});

describe('URLs', () => {
  it.each([
    ['/messages/t/100037/', '/messages/t/{d6}/'],
    ['/messages/e2ee/t/123456789012345/', '/messages/e2ee/t/{d15}/'],
    ['https://www.facebook.com/ahmed.hassan', '/{Latn5 . Latn6}'],
    ['/channels/@me/1190834471035912192', '/channels/@me/{d19}'],
    ['/web/conversations/100037', '/web/conversations/{d6}'],
    ['/send?phone=966501234567', '/send?phone={d12}'],
    ['/cgi-bin/mmwebwx-bin/webwxgeticon?seq=100000&username=%40abc&skey=%40crypt_5f1c7a3e', '/cgi-bin/mmwebwx-bin/webwxgeticon?seq={d6}&username={@ Latn3}&skey={@ Latn5 _ d Latn d Latn d Latn d Latn}'],
    ['/x?flag=true&empty=', '/x?flag=true&empty='],
    ['/Xy/abc', '/{Latn2}/{Latn3}'],
    ['#-100100037', '#{- d9}'],
    ['#@ahmed_hassan', '#{@ Latn5 _ Latn6}'],
    ['https://pc.weixin.qq.com', 'https://{Latn2 . Latn6 . Latn2 . Latn3}/'],
    ['tel:+966501234567', 'tel:{+ d12}'],
    ['mailto:ahmed@example.com', 'mailto:{Latn5 @ Latn7 . Latn3}'],
    ['javascript:;', 'javascript:{;}'],
    ['/%D8%A3%D8%AD%D9%85%D8%AF/', '/{Arab4}/'],
    ['http://[', '{Latn4 ://[}'],
  ])('%s → %s', (href, shape) => {
    expect(shapeUrl(href, BASE)).toBe(shape);
  });

  it("keeps the page's own origin and shapes the rest", () => {
    expect(shapeDocumentUrl('https://app.slack.com/client/T0WASL42AB/D0W100000')).toBe('https://app.slack.com/client/{Latn d Latn4 d2 Latn2}/{Latn d Latn d6}');
    expect(shapeDocumentUrl('https://web.telegram.org/k/#-100100037')).toBe('https://web.telegram.org/k/#{- d9}');
    expect(shapeDocumentUrl('about:blank')).toBe('about:{Latn5}');
  });
});

describe('attribute values', () => {
  const vocabulary = new Set(['channel', 'sidebar', 'name', 'virtual', 'list', 'item', 'message', 'input']);
  const kept = (name: string, value: string): string => shapeAttribute(name, value, { base: BASE, vocabulary });

  it('keeps keywords, small numbers and test hooks; shapes labels, titles, ids and names', () => {
    expect(kept('role', 'listitem')).toBe('listitem');
    expect(kept('role', 'Ahmed 1234')).toBe('{Latn5 sp d4}');
    expect(kept('aria-selected', 'true')).toBe('true');
    expect(kept('dir', 'auto')).toBe('auto');
    expect(kept('type', 'text/javascript')).toBe('text/javascript');
    expect(kept('tabindex', '-1')).toBe('-1');
    expect(kept('aria-setsize', '592')).toBe('592');
    expect(kept('aria-posinset', '100037')).toBe('{d6}');
    expect(kept('data-testid', 'virtualList-item')).toBe('virtualList-item');
    expect(kept('data-qa-channel-sidebar-channel-id', 'D0W100000')).toBe('{alnum9}');
    expect(kept('data-qa-channel-sidebar-channel-type', 'im')).toBe('im');
    expect(kept('data-e2e-is-unread', 'true')).toBe('true');
    expect(kept('aria-labelledby', 'mount_0_0_Ab row-1234567')).toBe('mount_0_0_Ab row-{d7}');
    expect(kept('aria-label', '3 unread messages')).toBe('{d sp Latn6 sp Latn8}');
    expect(kept('title', 'يوسف إبراهيم')).toBe('{Arab4 sp Arab7}');
    expect(kept('alt', 'Ahmed Hassan')).toBe('{Latn5 sp Latn6}');
    expect(kept('data-peer-id', '-100100037')).toBe('{- d9}');
    expect(kept('data-username', '@7f3a9c2b1e')).toBe('{@ d Latn d Latn d Latn d Latn d Latn}');
    expect(kept('data-dnd-name', 'Offers channel')).toBe('{Latn6 sp Latn7}');
    expect(kept('placeholder', '')).toBe('');
    expect(kept('style', 'background-image: url("https://x/ahmed;b"); height: 24px')).toBe('background-image; height');
    expect(kept('href', '/t/100037/')).toBe('/t/{d6}/');
    expect(shapeAttribute('href', '#icon-muted', { base: BASE, spriteRef: true })).toBe('#icon-muted');
    expect(shapeAttribute('href', '#icon-muted', { base: BASE })).toBe('#{Latn4 - Latn5}');
  });

  it("keeps in test hooks only the words the page's code uses: hooks built from a row's name lose the name", () => {
    expect(kept('data-qa', 'channel-sidebar-channel')).toBe('channel-sidebar-channel');
    expect(kept('data-qa', 'message_input')).toBe('message_input');
    expect(kept('data-qa', 'channel_sidebar_name_ahmed-hassan')).toBe('channel_sidebar_name_{Latn5}-{Latn6}');
    expect(kept('data-qa', 'channel_sidebar_name_josé-müller')).toBe('channel_sidebar_name_{Latn4}-{Latn6}');
    expect(kept('data-qa', 'channel_sidebar_name_offers-channel-146')).toBe('channel_sidebar_name_{Latn6}-channel-{d3}');
    expect(kept('data-qa', 'list-item-12')).toBe('list-item-{d2}');
    expect(kept('data-qa', 'channel_sidebar_name_offers channel 16')).toBe('channel_sidebar_name_{Latn6} channel {d2}');
    expect(kept('data-testid', 'conversation-201055512345')).toBe('{Latn12}-{d12}');
    expect(kept('data-icon', 'new-chat-outline')).toBe('new-chat-outline');
    expect(codeWords('p-channel_sidebar__channelName--unreadID2')).toEqual(['p', 'channel', 'sidebar', 'channel', 'name', 'unread', 'id']);
  });

  it('sorts every attribute into one policy', () => {
    expect(['style', 'role', 'width', 'src', 'id', 'data-qa-x', 'data-slate-node', 'aria-label', 'data-peer-id'].map(attributeKind)).toEqual([
      'style', 'keyword', 'number', 'url', 'token', 'hook', 'token', 'text', 'text',
    ]);
  });
});

describe('the outline format', () => {
  const outline: PageOutline = {
    format: OUTLINE_FORMAT,
    wasl: '0.1.0',
    platform: 'telegram',
    savedAt: '2026-11-21T09:30:00.000Z',
    url: 'https://web.telegram.org/k/',
    limits: { nodes: 10, depth: 5, chars: 10_000, textTokens: 16 },
    stats: { elements: 3, texts: 1, shadowRoots: 0, frames: 0, textsShortened: 0 },
    omitted: { depth: 0, nodes: 2, size: 0 },
    complete: false,
    root: {
      tag: 'html',
      children: [{ tag: 'body', children: [{ tag: 'a', attrs: [['data-peer-id', '{d6}'], ['href', '#{d6}']], classes: ['row', 'chatlist-chat'], flags: ['tiny'], children: [{ text: 'Latn5 sp Latn6' }] }], cut: { reason: 'nodes', omitted: 2 } }],
    },
  };

  it('reads back what it wrote, and refuses texts that are not shapes', () => {
    expect(parseOutline(JSON.stringify(outline))).toEqual(outline);
    const leaky = JSON.parse(JSON.stringify(outline).replace('Latn5 sp Latn6', 'Ahmed Hassan')) as unknown;
    expect(() => parseOutline(JSON.stringify(leaky))).toThrow();
    expect(() => parseOutline(JSON.stringify({ ...outline, extra: 1 }))).toThrow();
    expect(() => parseOutline('x'.repeat(3_000_000))).toThrow(/at most/);
  });

  it('has a text form, one node a line', () => {
    expect(outlineText(outline).split('\n').slice(5)).toEqual([
      'html',
      '  body',
      '    a.row.chatlist-chat[data-peer-id={d6}][href=#{d6}] !tiny',
      '      "Latn5 sp Latn6"',
      '    … 2 more (node limit)',
      '',
    ]);
  });
});

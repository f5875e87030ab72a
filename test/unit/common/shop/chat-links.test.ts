import { describe, expect, it } from 'vitest';
import { buildChatLink, isChatLink, MAX_LINK_LENGTH, type ChatLinkInput } from '../../../../common/shop/chat-links';

const link = (input: ChatLinkInput) => {
  const result = buildChatLink(input);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result;
};

describe('WhatsApp links', () => {
  it.each([
    ['+966 50 123 4567', null, '966501234567'],
    ['00966501234567', null, '966501234567'],
    ['+٩٦٦ ٥٠ ١٢٣ ٤٥٦٧', null, '966501234567'],
    ['\u200e+20 10 1234 5678\u200f', null, '201012345678'],
    ['050 123 4567', 'SA', '966501234567'],
    ['(202) 555-0143', 'US', '12025550143'],
    ['https://wa.me/966501234567', null, '966501234567'],
  ])('%s (local numbers from %s) links to wa.me/%s', (account, region, digits) => {
    expect(link({ platform: 'whatsapp', account, region })).toEqual({ ok: true, target: digits, link: `https://wa.me/${digits}` });
  });

  it.each([
    ['', null, 'empty'],
    ['   ', 'SA', 'empty'],
    ['050 123 4567', null, 'no-region'],
    ['050 123 4567', undefined, 'no-region'],
    ['+966 50 123', null, 'invalid-number'],
    ['+999 1234 5678', null, 'invalid-number'],
    ['call me', 'SA', 'invalid-number'],
    ['+966 50 123 4567 ext', null, 'invalid-number'],
    ['12345', 'EG', 'invalid-number'],
  ])('%j (region %s) is refused: %s', (account, region, reason) => {
    expect(buildChatLink({ platform: 'whatsapp', account, region })).toEqual({ ok: false, reason });
  });

  it.each([
    'مرحبا، أريد أن أطلب كيكة الشوكولاتة 🎂',
    'Order #12 & 13: 2 × كيك\nDelivery? 100%',
    'a+b=c ?text=x / \\ "quoted" \'single\'',
    'سلام 👋🏽 family: 👨‍👩‍👧',
  ])('the message %j survives the round trip', (message) => {
    const url = new URL(link({ platform: 'whatsapp', account: '+966501234567', message }).link);
    expect(url.origin + url.pathname).toBe('https://wa.me/966501234567');
    expect(url.searchParams.get('text')).toBe(message);
    expect([...url.searchParams.keys()]).toEqual(['text']);
    expect(url.href).toMatch(/^[\x21-\x7e]+$/u);
  });

  it('encodes as UTF-8 percent escapes, spaces as %20, and leaves no raw & or # in the link', () => {
    const result = link({ platform: 'whatsapp', account: '+966501234567', message: 'مرحبا & #1\nok' });
    expect(result.link).toBe('https://wa.me/966501234567?text=%D9%85%D8%B1%D8%AD%D8%A8%D8%A7%20%26%20%231%0Aok');
  });

  it('puts no text parameter for an empty or blank message', () => {
    expect(link({ platform: 'whatsapp', account: '+966501234567', message: '' }).link).toBe('https://wa.me/966501234567');
    expect(link({ platform: 'whatsapp', account: '+966501234567', message: ' \n ' }).link).toBe('https://wa.me/966501234567');
  });

  it('drops a lone surrogate rather than failing to encode the message', () => {
    const url = new URL(link({ platform: 'whatsapp', account: '+966501234567', message: 'hi \ud83d there' }).link);
    expect(url.searchParams.get('text')).toBe('hi  there');
  });

  it(`refuses a message that makes the link longer than ${MAX_LINK_LENGTH} characters, counted encoded`, () => {
    // "https://wa.me/966501234567?text=" is 32 characters; each Arabic letter is 6 once encoded.
    const fits = 'ب'.repeat(Math.floor((MAX_LINK_LENGTH - 32) / 6));
    expect(link({ platform: 'whatsapp', account: '+966501234567', message: fits }).link.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
    expect(buildChatLink({ platform: 'whatsapp', account: '+966501234567', message: `${fits}ب` })).toEqual({ ok: false, reason: 'message-too-long' });
    expect(buildChatLink({ platform: 'telegram', account: 'sweet_shop', message: 'x'.repeat(MAX_LINK_LENGTH) })).toEqual({ ok: false, reason: 'message-too-long' });
  });
});

describe('Telegram links', () => {
  it.each([
    ['sweet_shop', 'sweet_shop'],
    ['@SweetShop5', 'SweetShop5'],
    ['https://t.me/sweet_shop', 'sweet_shop'],
    ['t.me/sweet_shop/', 'sweet_shop'],
    ['a'.repeat(32), 'a'.repeat(32)],
  ])('%s links to t.me/%s', (account, name) => {
    expect(link({ platform: 'telegram', account })).toEqual({ ok: true, target: name, link: `https://t.me/${name}` });
  });

  it('takes a username that only starts like a reserved path', () => {
    expect(link({ platform: 'telegram', account: 'share_shop' }).link).toBe('https://t.me/share_shop');
    expect(link({ platform: 'telegram', account: 'proxyshop' }).link).toBe('https://t.me/proxyshop');
  });

  it('pre-fills Arabic text', () => {
    const url = new URL(link({ platform: 'telegram', account: 'sweet_shop', message: 'هل الطلب جاهز؟ #5' }).link);
    expect(url.pathname).toBe('/sweet_shop');
    expect(url.searchParams.get('text')).toBe('هل الطلب جاهز؟ #5');
  });

  it.each([
    ['', 'empty'],
    ['@', 'empty'],
    ['shop', 'length'],
    ['a'.repeat(33), 'length'],
    ['sweet shop', 'characters'],
    ['حلويات_الشام', 'characters'],
    ['sweet-shop', 'characters'],
    ['5sweetshop', 'edges'],
    ['_sweetshop', 'edges'],
    ['sweetshop_', 'edges'],
    // Telegram's paths for other links (core.telegram.org/api/links), whatever their case.
    ['share', 'reserved'],
    ['JoinChat', 'reserved'],
    ['addlist', 'reserved'],
    ['proxy', 'reserved'],
  ])('%j is refused: %s', (account, reason) => {
    expect(buildChatLink({ platform: 'telegram', account })).toEqual({ ok: false, reason });
  });
});

describe('Instagram and Messenger links', () => {
  it.each([
    ['instagram', 'sweet.shop_', 'https://ig.me/m/sweet.shop_'],
    ['instagram', '@sweet.shop', 'https://ig.me/m/sweet.shop'],
    ['instagram', 'https://www.instagram.com/sweet.shop/', 'https://ig.me/m/sweet.shop'],
    ['messenger', 'SweetShop.Riyadh', 'https://m.me/SweetShop.Riyadh'],
    ['messenger', '100064123456789', 'https://m.me/100064123456789'],
    ['messenger', 'https://www.facebook.com/SweetShop.Riyadh', 'https://m.me/SweetShop.Riyadh'],
  ] as const)('%s %s links to %s', (platform, account, expected) => {
    expect(link({ platform, account }).link).toBe(expected);
  });

  it('carry no message: neither link format documents one', () => {
    expect(link({ platform: 'instagram', account: 'sweet.shop', message: 'مرحبا' }).link).toBe('https://ig.me/m/sweet.shop');
    expect(link({ platform: 'messenger', account: 'SweetShop', message: 'x'.repeat(MAX_LINK_LENGTH + 1) }).link).toBe('https://m.me/SweetShop');
  });

  it.each([
    ['instagram', '', 'empty'],
    ['instagram', 'sweet shop', 'characters'],
    ['instagram', 'حلويات', 'characters'],
    ['instagram', 'a'.repeat(31), 'length'],
    ['messenger', '', 'empty'],
    ['messenger', 'sweet_shop', 'characters'],
    ['messenger', 'shop', 'length'],
  ] as const)('%s %j is refused: %s', (platform, account, reason) => {
    expect(buildChatLink({ platform, account })).toEqual({ ok: false, reason });
  });
});

describe('isChatLink', () => {
  it('accepts every link buildChatLink makes', () => {
    const inputs: ChatLinkInput[] = [
      { platform: 'whatsapp', account: '+966501234567', message: "مرحبا & #1 (ok)! it's ~*" },
      { platform: 'whatsapp', account: '+966501234567' },
      { platform: 'telegram', account: 'sweet_shop', message: 'هل الطلب جاهز؟' },
      { platform: 'instagram', account: 'sweet.shop' },
      { platform: 'messenger', account: '100064123456789' },
      { platform: 'messenger', account: 'SweetShop.Riyadh' },
    ];
    for (const input of inputs) expect(isChatLink(link(input).link)).toBe(true);
  });

  it.each([
    'http://wa.me/966501234567',
    'https://wa.me/966501234567?text=a b',
    'https://wa.me/966501234567?text=%D9%85&phone=1',
    'https://wa.me/966501234567#x',
    'https://wa.me.evil.example/966501234567',
    'https://t.me/joinchat/abc',
    'https://t.me/sweet_shop?start=x',
    'https://ig.me/m/sweet.shop?text=hi',
    'https://m.me/sweet_shop',
    'javascript:alert(1)',
    `https://wa.me/966501234567?text=${'x'.repeat(MAX_LINK_LENGTH)}`,
  ])('refuses %s', (text) => {
    expect(isChatLink(text)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { BOM, csvCell, toCsv } from '../../common/shop/csv';
import { isAway, isOpen, nextChange, nextOpening, parseClock, weeklyHours, type WeeklyHours } from '../../common/shop/hours';
import type { DayHours } from '../../common/shop/model';
import { fillTemplate, firstName, variablesIn } from '../../common/shop/templates';
import { chatCustomerKeys, effectiveStatus, entryCustomerKeys, resolveCustomer } from '../../common/shop/customers';
import type { Customer } from '../../common/shop/model';

describe('CSV for spreadsheets', () => {
  it.each([
    ['Ahmed', 'Ahmed'],
    ['أحمد حسن', 'أحمد حسن'],
    ['Hiba, Sons', '"Hiba, Sons"'],
    ['He said "hi"', '"He said ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+966501234567', "'+966501234567"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('keeps numbers as numbers, and empty values empty', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
  });

  it('writes UTF-8 with a byte-order mark and CRLF lines', () => {
    const csv = toCsv(['Name', 'Phones'], [['فاطمة', '+966501234567; +201001234567'], ['Zoë', '']]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe(`${BOM}Name,Phones\r\nفاطمة,'+966501234567; +201001234567\r\nZoë,\r\n`);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});

describe('business hours', () => {
  // Sunday–Thursday 09:00–13:00 and 16:00–22:00, Friday closed, Saturday 18:00–02:00 (past midnight).
  const week: WeeklyHours = [
    [{ from: 540, to: 780 }, { from: 960, to: 1320 }],
    [{ from: 540, to: 780 }, { from: 960, to: 1320 }],
    [{ from: 540, to: 780 }, { from: 960, to: 1320 }],
    [{ from: 540, to: 780 }, { from: 960, to: 1320 }],
    [{ from: 540, to: 780 }, { from: 960, to: 1320 }],
    [],
    [{ from: 1080, to: 120 }],
  ];
  // 22 November 2026 is a Sunday.
  const at = (day: number, h: number, m = 0) => new Date(2026, 10, 22 + day, h, m);

  it.each([
    [at(0, 8, 59), false],
    [at(0, 9, 0), true],
    [at(0, 12, 59), true],
    [at(0, 13, 0), false],
    [at(0, 16, 0), true],
    [at(0, 21, 59), true],
    [at(0, 22, 0), false],
    [at(5, 12, 0), false],
    [at(6, 17, 59), false],
    [at(6, 18, 0), true],
    [at(6, 23, 59), true],
    [at(7, 1, 59), true],
    [at(7, 2, 0), false],
  ])('%s → open %s', (now, open) => {
    expect(isOpen(week, now)).toBe(open);
  });

  it('finds the next opening, across closed days and past midnight', () => {
    expect(nextOpening(week, at(0, 13, 30))).toEqual(at(0, 16, 0));
    expect(nextOpening(week, at(0, 22, 30))).toEqual(at(1, 9, 0));
    expect(nextOpening(week, at(4, 23, 0))).toEqual(at(6, 18, 0));
    expect(nextOpening(week, at(0, 10, 0))).toEqual(at(0, 10, 0));
    expect(nextOpening([[], [], [], [], [], [], []], at(0, 10, 0))).toBeUndefined();
  });

  it('reads clock times', () => {
    expect(parseClock('09:30')).toBe(570);
    expect(parseClock('23:59')).toBe(1439);
    expect(parseClock('24:00')).toBeUndefined();
    expect(parseClock('9:30')).toBeUndefined();
  });
});

describe('business hours from the settings', () => {
  const day = (open: boolean, from = '09:00', to = '21:00'): DayHours => ({ open, from, to });
  // Sunday first: closed Friday (5), Saturday past midnight, Monday all day.
  const settings = [day(true), day(true, '00:00', '00:00'), day(true), day(true), day(true), day(false), day(true, '18:00', '02:00')];
  const at = (d: number, h: number, m = 0) => new Date(2026, 10, 22 + d, h, m);

  it('turns each open day into one span; the same time twice is all day; a closed day has none', () => {
    expect(weeklyHours(settings)).toEqual([
      [{ from: 540, to: 1260 }],
      [{ from: 0, to: 1440 }],
      [{ from: 540, to: 1260 }],
      [{ from: 540, to: 1260 }],
      [{ from: 540, to: 1260 }],
      [],
      [{ from: 1080, to: 120 }],
    ]);
    expect(weeklyHours([day(true, '9:00', '21:00')])[0]).toEqual([]);
  });

  it('is away only when hours are set and the shop is closed', () => {
    expect(isAway({ hoursEnabled: true, hours: settings }, at(0, 8, 59))).toBe(true);
    expect(isAway({ hoursEnabled: true, hours: settings }, at(0, 9, 0))).toBe(false);
    expect(isAway({ hoursEnabled: false, hours: settings }, at(0, 3, 0))).toBe(false);
    expect(isAway({ hoursEnabled: true, hours: settings }, at(1, 3, 0))).toBe(false);
    expect(isAway({ hoursEnabled: true, hours: settings }, at(5, 12, 0))).toBe(true);
  });

  it('finds the next opening or closing, across a closed day and past midnight', () => {
    const hours = weeklyHours(settings);
    expect(nextChange(hours, at(0, 8, 0))).toEqual(at(0, 9, 0));
    expect(nextChange(hours, at(0, 9, 0))).toEqual(at(0, 21, 0));
    // Sunday 21:00 closes; Monday is open all day from midnight.
    expect(nextChange(hours, at(0, 22, 0))).toEqual(at(1, 0, 0));
    expect(nextChange(hours, at(1, 12, 0))).toEqual(at(1, 24, 0));
    // Thursday closes at 21:00; Friday is closed; Saturday opens at 18:00 and closes at 02:00 on Sunday.
    expect(nextChange(hours, at(4, 21, 30))).toEqual(at(6, 18, 0));
    expect(nextChange(hours, at(6, 23, 0))).toEqual(at(7, 2, 0));
    expect(nextChange(weeklyHours(Array.from({ length: 7 }, () => day(false))), at(0, 12, 0))).toBeUndefined();
  });

  it('reads the hours in the local time zone', () => {
    const realTz = process.env['TZ'];
    try {
      // Sunday 06:30 in London is 09:30 in Riyadh: open there, not yet here.
      const instant = new Date(Date.UTC(2026, 10, 22, 6, 30));
      process.env['TZ'] = 'Asia/Riyadh';
      expect(isAway({ hoursEnabled: true, hours: settings }, instant)).toBe(false);
      process.env['TZ'] = 'Europe/London';
      expect(isAway({ hoursEnabled: true, hours: settings }, instant)).toBe(true);
    } finally {
      if (realTz === undefined) delete process.env['TZ'];
      else process.env['TZ'] = realTz;
    }
  });
});

describe('quick reply variables', () => {
  it.each([
    ['Hello {name}, thanks for your order!', { name: 'Ahmed Hassan' }, 'Hello Ahmed Hassan, thanks for your order!'],
    ['Hi {first_name} 👋', { name: '  Ahmed Hassan ' }, 'Hi Ahmed 👋'],
    ['أهلاً {first_name}، طلبك جاهز في {shop}', { name: 'فاطمة الزهراء', shop: 'متجر هبة' }, 'أهلاً فاطمة، طلبك جاهز في متجر هبة'],
    ['Hello {name}, welcome', {}, 'Hello, welcome'],
    ['{name}', {}, ''],
    ['Thanks from {shop}!', { shop: ' ' }, 'Thanks from!'],
    ['Keep {price} and {{name}} as written', { name: 'Zoë' }, 'Keep {price} and {Zoë} as written'],
    ['{first_name}', { name: '🌸 Hiba' }, 'Hiba'],
    ['{NAME} stays', { name: 'x' }, '{NAME} stays'],
  ])('%j with %j → %j', (body, values, expected) => {
    expect(fillTemplate(body, values)).toBe(expected);
  });

  it('takes the first word that has a letter or digit', () => {
    expect(firstName('Dr. Ahmed')).toBe('Dr.');
    expect(firstName('— ✨ Sara')).toBe('Sara');
    expect(firstName('')).toBe('');
  });

  it('lists the variables a body uses, once each, in order', () => {
    expect(variablesIn('{shop}: hi {first_name}, {shop} again, {name}')).toEqual(['shop', 'first_name', 'name']);
    expect(variablesIn('no variables {here}')).toEqual([]);
  });
});

describe('customer records across merges', () => {
  const record = (parts: Partial<Customer>): Customer => ({ labels: [], note: '', status: 'open', statusAt: 0, priority: false, ...parts });
  const wa = { serviceId: 'wa', chatId: '966501234567@c.us' };
  const ig = { serviceId: 'ig', chatId: 'ahmed.h' };

  it('looks under the entry, then its phone numbers, then its chats', () => {
    expect(entryCustomerKeys({ key: 'person:p1', chats: [wa, ig] }, ['+966501234567'])).toEqual([
      'person:p1',
      'phone:+966501234567',
      'chat:wa:966501234567@c.us',
      'chat:ig:ahmed.h',
    ]);
    expect(entryCustomerKeys({ key: 'chat:ig:ahmed.h', chats: [ig] }, [])).toEqual(['chat:ig:ahmed.h']);
  });

  it('uses the entry’s own record as it is, or merges those it was made from', () => {
    const customers = {
      'chat:wa:966501234567@c.us': record({ labels: ['paid', 'vip'], note: 'Wholesale', status: 'done', statusAt: 10, reminder: { at: 500, setAt: 1, chat: wa, title: 'Ahmed' } }),
      'chat:ig:ahmed.h': record({ labels: ['vip', 'new'], note: 'Prefers Instagram', status: 'awaiting-customer', statusAt: 20, priority: true, reminder: { at: 300, setAt: 2, chat: ig, title: 'ahmed.h' } }),
    };
    const keys = entryCustomerKeys({ key: 'person:p1', chats: [wa, ig] }, []);
    expect(resolveCustomer(customers, keys)).toEqual(
      record({ labels: ['paid', 'vip', 'new'], note: 'Wholesale\n\nPrefers Instagram', status: 'awaiting-customer', statusAt: 20, priority: true, reminder: { at: 300, setAt: 2, chat: ig, title: 'ahmed.h' } }),
    );
    const own = record({ note: 'Merged and edited' });
    expect(resolveCustomer({ ...customers, 'person:p1': own }, keys)).toBe(own);
    expect(resolveCustomer(customers, ['chat:x:y'])).toBeUndefined();
    expect(resolveCustomer(customers, ['person:p1', 'chat:ig:ahmed.h'])).toBe(customers['chat:ig:ahmed.h']);
  });

  it('ignores keys that only exist on the prototype', () => {
    expect(resolveCustomer({}, ['constructor', 'toString', '__proto__'])).toBeUndefined();
  });

  it('finds a chat’s record keys from main’s side: its person, its phone, the chat', () => {
    const people = [{ id: 'p1', chats: [wa, ig] }];
    expect(chatCustomerKeys(ig, undefined, people)).toEqual(['person:p1', 'chat:ig:ahmed.h', 'chat:wa:966501234567@c.us']);
    expect(chatCustomerKeys({ serviceId: 'tg', chatId: '777' }, '+966501234567', people)).toEqual(['phone:+966501234567', 'chat:tg:777']);
  });

  it('reopens done and awaiting conversations when the customer wrote after', () => {
    expect(effectiveStatus(undefined, 5)).toBe('open');
    expect(effectiveStatus(record({ status: 'done', statusAt: 100 }), 99)).toBe('done');
    expect(effectiveStatus(record({ status: 'done', statusAt: 100 }), 100)).toBe('done');
    expect(effectiveStatus(record({ status: 'done', statusAt: 100 }), 101)).toBe('open');
    expect(effectiveStatus(record({ status: 'awaiting-customer', statusAt: 100 }), 150)).toBe('open');
    expect(effectiveStatus(record({ status: 'awaiting-customer', statusAt: 100 }), undefined)).toBe('awaiting-customer');
  });
});

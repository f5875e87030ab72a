import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DayHours, SpecialHours } from '../../../../common/settings';
import { createSuggester, type CustomerMoment, type SuggestionShop } from '../../../../common/shop/suggest';
import type { QuickReply } from '../../../../common/shop/model';

const open = (from = '09:00', to = '21:00'): DayHours => ({ open: true, from, to });
const closed: DayHours = { open: false, from: '09:00', to: '21:00' };
/** Sunday first: open 09:00–21:00 every day but Friday. */
const week: DayHours[] = [open(), open(), open(), open(), open(), closed, open()];
const ramadan: SpecialHours = { id: 'ramadan', name: 'Ramadan', from: '2027-02-08', to: '2027-03-09', hours: { from: '20:00', to: '02:00' } };
const eid: SpecialHours = { id: 'eid', name: 'Eid', from: '2027-03-10', to: '2027-03-12', hours: null };

const shop = (over: Partial<SuggestionShop> = {}): SuggestionShop => ({
  hoursEnabled: true,
  hours: week,
  specialHours: [ramadan, eid],
  greeting: 'Welcome to {shop}, {first_name}! How can we help?',
  away: 'We are closed now and answer from 9 in the morning.',
  ...over,
});
const replies: QuickReply[] = [
  { id: 'r-delivery', name: 'Delivery', body: 'Delivery takes 2 days.', triggers: ['delivery'] },
  { id: 'r-plain', name: 'Thanks', body: 'Thank you!' },
];
/** Local time (the test's time zone). */
const at = (y: number, m: number, d: number, h: number, min = 0): number => new Date(y, m - 1, d, h, min).getTime();
const moment = (over: Partial<CustomerMoment>): CustomerMoment => ({ waiting: undefined, lastOut: undefined, newAt: undefined, message: undefined, ...over });

describe('createSuggester', () => {
  let realTz: string | undefined;
  beforeEach(() => {
    realTz = process.env['TZ'];
    process.env['TZ'] = 'Asia/Riyadh';
  });
  afterEach(() => {
    if (realTz === undefined) delete process.env['TZ'];
    else process.env['TZ'] = realTz;
  });

  // Monday 4 January 2027.
  const monday = (h: number, min = 0) => at(2027, 1, 4, h, min);

  it('offers nothing while nobody waits, whatever the message or the hour', () => {
    const suggest = createSuggester(shop(), replies);
    expect(suggest(moment({ message: 'delivery?', newAt: monday(23) }), monday(23))).toBeUndefined();
  });

  it('offers the quick reply whose trigger the message holds, with why, before the away text and the greeting', () => {
    const suggest = createSuggester(shop(), replies);
    const night = monday(23);
    const found = suggest(moment({ waiting: night, newAt: night, message: 'Hi, how long is delivery to Jeddah?' }), night);
    expect(found).toMatchObject({ kind: 'faq', body: 'Delivery takes 2 days.', reply: { id: 'r-delivery', name: 'Delivery', match: { replyId: 'r-delivery', trigger: 'delivery' } } });
    expect(found?.reply?.match.matched.toLowerCase()).toBe('delivery');
  });

  it('offers the away text for a message that came while closed, until the shop opens', () => {
    const suggest = createSuggester(shop(), replies);
    const waiting = monday(22, 30);
    expect(suggest(moment({ waiting, message: 'hello' }), monday(23))).toEqual({ kind: 'away', body: shop().away });
    expect(suggest(moment({ waiting, message: 'hello' }), at(2027, 1, 5, 8, 59))?.kind).toBe('away');
    // Tuesday 09:00: open, the away text no longer fits.
    expect(suggest(moment({ waiting, message: 'hello' }), at(2027, 1, 5, 9, 0))).toBeUndefined();
  });

  it('judges the closing minute as closed and the minute before as open', () => {
    const suggest = createSuggester(shop(), replies);
    expect(suggest(moment({ waiting: monday(20, 59) }), monday(21, 30))).toBeUndefined();
    expect(suggest(moment({ waiting: monday(21, 0) }), monday(21, 30))?.kind).toBe('away');
  });

  it('reads a closed weekday and special days over the week, past midnight included', () => {
    const suggest = createSuggester(shop(), replies);
    // Friday 8 January, noon: the week's closed day.
    expect(suggest(moment({ waiting: at(2027, 1, 8, 12) }), at(2027, 1, 8, 12, 5))?.kind).toBe('away');
    // Ramadan: 20:00–02:00. Tuesday 9 February 01:30 still belongs to Monday night's span; 02:00 is closed.
    expect(suggest(moment({ waiting: at(2027, 2, 9, 1, 30) }), at(2027, 2, 9, 1, 45))).toBeUndefined();
    expect(suggest(moment({ waiting: at(2027, 2, 9, 2, 0) }), at(2027, 2, 9, 2, 5))?.kind).toBe('away');
    // Ramadan noon on a weekday the week opens: the special day's hours win, closed.
    expect(suggest(moment({ waiting: at(2027, 2, 9, 12) }), at(2027, 2, 9, 12, 5))?.kind).toBe('away');
    // Eid: closed all day.
    expect(suggest(moment({ waiting: at(2027, 3, 11, 10) }), at(2027, 3, 11, 10, 5))?.kind).toBe('away');
  });

  it('judges the hours in the computer’s time zone', () => {
    const suggest = createSuggester(shop(), replies);
    // Monday 4 January 2027, 19:30 UTC: 22:30 in Riyadh (closed), 19:30 in London (open).
    const instant = Date.UTC(2027, 0, 4, 19, 30);
    expect(suggest(moment({ waiting: instant }), instant + 60_000)?.kind).toBe('away');
    process.env['TZ'] = 'Europe/London';
    expect(suggest(moment({ waiting: instant }), instant + 60_000)).toBeUndefined();
  });

  it('offers no away text with business hours off or no away text written', () => {
    const waiting = monday(23);
    expect(createSuggester(shop({ hoursEnabled: false }), replies)(moment({ waiting }), waiting)).toBeUndefined();
    expect(createSuggester(shop({ away: '   ' }), replies)(moment({ waiting }), waiting)).toBeUndefined();
  });

  it('offers the greeting to a new conversation the shop never answered, and to no one else', () => {
    const suggest = createSuggester(shop(), replies);
    const noon = monday(12);
    expect(suggest(moment({ waiting: noon, newAt: noon, message: 'hello' }), noon)).toEqual({ kind: 'greeting', body: shop().greeting });
    expect(suggest(moment({ waiting: noon, newAt: noon - 3_600_000, lastOut: noon - 60_000, message: 'hello' }), noon)).toBeUndefined();
    expect(suggest(moment({ waiting: noon, message: 'hello' }), noon)).toBeUndefined();
    expect(createSuggester(shop({ greeting: '' }), replies)(moment({ waiting: noon, newAt: noon }), noon)).toBeUndefined();
  });

  it('offers the away text before the greeting to a new customer writing at night', () => {
    const night = monday(23);
    expect(createSuggester(shop(), replies)(moment({ waiting: night, newAt: night, message: 'hello' }), night)?.kind).toBe('away');
  });
});

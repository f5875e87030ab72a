/**
 * The time a chat list shows next to a chat, as epoch ms: "09:30", "9:30 PM" or "下午3:15" (today), "Yesterday",
 * "أمس" or "昨天", a weekday ("Mon", "الاثنين", "星期一": the last such day), or a date ("21.11.26", "21/11/2026",
 * "2026-11-21", "Nov 21").
 * Digits may be Arabic-Indic. Days without a time of day count from their midnight. Undefined when unreadable.
 */

const WEEKDAYS: Record<string, number> = {
  sun: 0, sunday: 0, 'الأحد': 0, 'الاحد': 0,
  mon: 1, monday: 1, 'الاثنين': 1, 'الإثنين': 1,
  tue: 2, tuesday: 2, 'الثلاثاء': 2,
  wed: 3, wednesday: 3, 'الأربعاء': 3, 'الاربعاء': 3,
  thu: 4, thursday: 4, 'الخميس': 4,
  fri: 5, friday: 5, 'الجمعة': 5,
  sat: 6, saturday: 6, 'السبت': 6,
  '星期日': 0, '星期天': 0, '周日': 0, '星期一': 1, '周一': 1, '星期二': 2, '周二': 2, '星期三': 3, '周三': 3,
  '星期四': 4, '周四': 4, '星期五': 5, '周五': 5, '星期六': 6, '周六': 6,
};

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

function westernDigits(raw: string): string {
  return raw.replace(/[\u0660-\u0669\u06f0-\u06f9]/gu, (d) => String((d.codePointAt(0) ?? 0) & 0xf));
}

function startOfDay(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

export function parseListTime(raw: string | undefined, nowMs: number): number | undefined {
  if (!raw) return undefined;
  const text = westernDigits(raw).replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '').trim().toLowerCase();
  if (text === '') return undefined;
  const now = new Date(nowMs);
  const today = startOfDay(now);

  const clock = /^(上午|下午)?(\d{1,2})[:.](\d{2})\s*(am|pm|ص|م)?$/u.exec(text);
  if (clock) {
    let hours = Number(clock[2]);
    const minutes = Number(clock[3]);
    const half = clock[4] ?? clock[1];
    if (half === 'pm' || half === 'م' || half === '下午') hours = (hours % 12) + 12;
    else if (half === 'am' || half === 'ص' || half === '上午') hours %= 12;
    if (hours > 23 || minutes > 59) return undefined;
    const at = new Date(today.getFullYear(), today.getMonth(), today.getDate(), hours, minutes).getTime();
    // A clock time later than now is yesterday's (the list was rendered before midnight).
    return at > nowMs + 60_000 ? at - 86_400_000 : at;
  }
  if (text === 'yesterday' || text === 'أمس' || text === 'امس' || text === '昨天') return today.getTime() - 86_400_000;
  if (text === 'today' || text === 'اليوم' || text === '今天') return today.getTime();

  const weekday = WEEKDAYS[text];
  if (weekday !== undefined) {
    const back = (today.getDay() - weekday + 7) % 7 || 7;
    return new Date(today.getFullYear(), today.getMonth(), today.getDate() - back).getTime();
  }

  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(text);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));

  const dmy = /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})$/u.exec(text);
  if (dmy) {
    const year = Number(dmy[3]);
    return validDate(year < 100 ? 2000 + year : year, Number(dmy[2]) - 1, Number(dmy[1]));
  }

  const monthDay = /^([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:,\s*(\d{4}))?$/u.exec(text) ?? /^(\d{1,2})\s+([a-z]{3})[a-z]*\.?(?:\s+(\d{4}))?$/u.exec(text);
  if (monthDay) {
    const [first, second, yearText] = [monthDay[1] ?? '', monthDay[2] ?? '', monthDay[3]];
    const month = MONTHS[/^\d/u.test(first) ? second : first];
    const day = Number(/^\d/u.test(first) ? first : second);
    if (month === undefined) return undefined;
    let year = yearText === undefined ? now.getFullYear() : Number(yearText);
    // "Dec 30" read in January is last year's.
    if (yearText === undefined && new Date(year, month, day).getTime() > nowMs) year -= 1;
    return validDate(year, month, day);
  }
  return undefined;
}

function validDate(year: number, month: number, day: number): number | undefined {
  const date = new Date(year, month, day);
  if (date.getFullYear() !== year || date.getMonth() !== month || date.getDate() !== day) return undefined;
  return date.getTime();
}

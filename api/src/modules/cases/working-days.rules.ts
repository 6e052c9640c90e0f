/**
 * Latvian working days (DESIGN §5: first contact within 10 working days, public holidays count).
 *
 * Public holidays follow the law "Par svētku, atceres un atzīmējamām dienām": 1 January, Good Friday,
 * Easter Sunday and Monday, 1 May, 4 May, 23 and 24 June, 18 November, 24–26 December, 31 December.
 * When 4 May or 18 November falls on a weekend, the next Monday is a holiday. One-off holidays and the
 * Cabinet's moved working days (a bridge day becomes a holiday, a Saturday becomes a working day) are
 * listed below and must be kept up to date each year (the Cabinet decides by 1 July for the next year).
 * All dates are calendar dates in Europe/Riga as "YYYY-MM-DD".
 */

/** One-off public holidays (e.g. the day after the Song and Dance Festival). */
export const EXTRA_HOLIDAYS: readonly string[] = ['2023-05-29', '2023-07-10'];

/** Cabinet orders "Par darba dienu pārcelšanu": `dayOff` becomes a holiday, `workingSaturday` a working day. */
export const MOVED_WORKING_DAYS: readonly { dayOff: string; workingSaturday: string }[] = [
  { dayOff: '2021-05-03', workingSaturday: '2021-05-08' },
  { dayOff: '2021-06-25', workingSaturday: '2021-06-19' },
  { dayOff: '2021-11-19', workingSaturday: '2021-11-13' },
  { dayOff: '2023-05-05', workingSaturday: '2023-05-20' },
  { dayOff: '2026-01-02', workingSaturday: '2026-01-17' },
  { dayOff: '2026-06-22', workingSaturday: '2026-06-27' },
];

function ymd(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function addCalendarDays(date: string, days: number): string {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return ymd(d);
}

/** Western Easter Sunday (anonymous Gregorian algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function mondayIfWeekend(date: string): string | null {
  const dow = utc(date).getUTCDay();
  if (dow === 6) return addCalendarDays(date, 2);
  if (dow === 0) return addCalendarDays(date, 1);
  return null;
}

const cache = new Map<number, Set<string>>();

/** Every public holiday and moved day off of a year. */
export function holidaysOf(year: number): Set<string> {
  const hit = cache.get(year);
  if (hit) return hit;
  const y = String(year);
  const easter = easterSunday(year);
  const days = [`${y}-01-01`, addCalendarDays(easter, -2), easter, addCalendarDays(easter, 1), `${y}-05-01`, `${y}-05-04`, `${y}-06-23`, `${y}-06-24`, `${y}-11-18`, `${y}-12-24`, `${y}-12-25`, `${y}-12-26`, `${y}-12-31`];
  for (const fixed of [`${y}-05-04`, `${y}-11-18`]) {
    const monday = mondayIfWeekend(fixed);
    if (monday) days.push(monday);
  }
  for (const d of EXTRA_HOLIDAYS) if (d.startsWith(y)) days.push(d);
  for (const mv of MOVED_WORKING_DAYS) if (mv.dayOff.startsWith(y)) days.push(mv.dayOff);
  const set = new Set(days);
  cache.set(year, set);
  return set;
}

export function isWorkingDay(date: string): boolean {
  if (MOVED_WORKING_DAYS.some((m) => m.workingSaturday === date)) return true;
  const dow = utc(date).getUTCDay();
  if (dow === 0 || dow === 6) return false;
  return !holidaysOf(Number(date.slice(0, 4))).has(date);
}

/** The date `n` working days after `date` (n ≥ 1); `date` itself does not count. Negative n goes back. */
export function addWorkingDays(date: string, n: number): string {
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let d = date;
  while (left > 0) {
    d = addCalendarDays(d, step);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** First-contact deadline: 10 working days after the decision date. */
export const FIRST_CONTACT_WORKING_DAYS = 10;
/** The reminder goes out 2 working days before the deadline. */
export const REMINDER_WORKING_DAYS_BEFORE = 2;

export function firstContactDeadline(decisionDate: string): string {
  return addWorkingDays(decisionDate, FIRST_CONTACT_WORKING_DAYS);
}

export function reminderDate(deadline: string): string {
  return addWorkingDays(deadline, -REMINDER_WORKING_DAYS_BEFORE);
}

/** Today's calendar date in Europe/Riga. */
export function rigaToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

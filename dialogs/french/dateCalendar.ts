/** Calendar arithmetic on plain year/month/day triples (UTC based, so the server time zone never matters). */
export interface Ymd {
  year: number;
  month: number; // 1..12
  day: number;
}

function utc(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, keeps years below 100 as they are
  return date;
}

function fromDate(date: Date): Ymd {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function daysInMonth(year: number, month: number): number {
  return utc(year, month + 1, 0).getUTCDate();
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function toIso({ year, month, day }: Ymd): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function compareYmd(a: Ymd, b: Ymd): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function addDays(ymd: Ymd, days: number): Ymd {
  return fromDate(utc(ymd.year, ymd.month, ymd.day + days));
}

/** 31 January + 1 month = 28 (or 29) February, as people expect. */
export function addMonths(ymd: Ymd, months: number): Ymd {
  const first = fromDate(utc(ymd.year, ymd.month + months, 1));
  return { ...first, day: Math.min(ymd.day, daysInMonth(first.year, first.month)) };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(ymd: Ymd): number {
  return utc(ymd.year, ymd.month, ymd.day).getUTCDay();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Every zone's offset from UTC has been a whole number of quarter hours since the last local mean times (well
 * before 1980), so its calendar day only changes on a quarter hour of UTC: the day of the last quarter hour
 * asked, per zone, answers the other calls of that quarter hour (a turn asks several times).
 */
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const QUARTERS_FROM = Date.UTC(1980, 0, 1);
const lastDays = new Map<string, { quarter: number; day: Ymd }>();

/** The calendar day of `now` where the user lives (Europe/Paris by default), not on the server. */
export function todayIn(now: Date, timeZone: string): Ymd {
  const time = now.getTime();
  const quarter = time >= QUARTERS_FROM ? Math.floor(time / QUARTER_HOUR_MS) : Number.NaN;
  const last = lastDays.get(timeZone);
  if (last !== undefined && last.quarter === quarter) return { ...last.day };
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(now);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const day = { year: part('year'), month: part('month'), day: part('day') };
  if (!Number.isNaN(quarter)) lastDays.set(timeZone, { quarter, day });
  return { ...day };
}

/** Easter Sunday of a Gregorian year, by the anonymous algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): Ymd {
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
  const monthAndDay = h + l - 7 * m + 114;
  return { year, month: Math.floor(monthAndDay / 31), day: (monthAndDay % 31) + 1 };
}

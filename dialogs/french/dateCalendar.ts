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

/** The calendar day of `now` where the user lives (Europe/Paris by default), not on the server. */
export function todayIn(now: Date, timeZone: string): Ymd {
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
  return { year: part('year'), month: part('month'), day: part('day') };
}

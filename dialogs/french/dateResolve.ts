import { compareYmd, daysInMonth, isValidYmd, toIso, type Ymd } from './dateCalendar.js';
import type { DateContext, DateHit, DateValue } from './dateTypes.js';

export function dayValue(ymd: Ymd): DateValue {
  return { iso: toIso(ymd), precision: 'day' };
}

export function hit(value: DateValue, certain = true): DateHit {
  return { value, certain };
}

/** "15" in "12.03.15": 2015, unless that is more than 20 years ahead (then 19xx). */
export function fullYear(text: string, context: DateContext): number {
  const year = Number(text);
  if (text.length > 2) return year;
  return 2000 + year <= context.today.year + 20 ? 2000 + year : 1900 + year;
}

/** Day of month chosen by a qualifier: "début" → 1, "mi" → 15, "fin" → last day. */
export type DayOfMonth = (year: number, month: number) => number;
export const FIRST_DAY: DayOfMonth = () => 1;
export const MIDDLE_DAY: DayOfMonth = () => 15;
export const LAST_DAY: DayOfMonth = (year, month) => daysInMonth(year, month);

function onPreferredSide(candidate: Ymd, context: DateContext, byMonth: boolean): boolean {
  const { today, prefer } = context;
  const order = byMonth
    ? candidate.year - today.year || candidate.month - today.month
    : compareYmd(candidate, today);
  return prefer === 'future' ? order >= 0 : order <= 0;
}

/**
 * Year of "15 janvier" or "fin mars" said without one: the nearest such date on the preferred side of today.
 * Looks up to 8 years ahead so that "29 février" finds a leap year.
 */
function inferYear(
  month: number,
  dayOf: DayOfMonth,
  context: DateContext,
  byMonth: boolean,
): Ymd | undefined {
  const step = context.prefer === 'future' ? 1 : -1;
  for (let offset = 0; offset <= 8; offset += 1) {
    const year = context.today.year + step * offset;
    const day = dayOf(year, month);
    if (!isValidYmd(year, month, day)) continue;
    const candidate = { year, month, day };
    if (onPreferredSide(candidate, context, byMonth)) return candidate;
  }
  return undefined;
}

/** A day in a month, with or without the year. A guessed year makes the date uncertain. */
export function resolveDay(
  year: number | undefined,
  month: number,
  day: number,
  context: DateContext,
): DateHit {
  if (year !== undefined)
    return isValidYmd(year, month, day) ? hit(dayValue({ year, month, day })) : 'invalid';
  if (month < 1 || month > 12 || day < 1 || day > 31) return 'invalid';
  const found = inferYear(month, () => day, context, false);
  return found === undefined ? 'invalid' : hit(dayValue(found), false);
}

/** A month ("mars 2015", "fin mars"): `dayOf` picks the representative day. */
export function resolveMonth(
  year: number | undefined,
  month: number,
  context: DateContext,
  dayOf: DayOfMonth = FIRST_DAY,
): DateHit {
  if (month < 1 || month > 12) return 'invalid';
  const byMonth = dayOf === FIRST_DAY;
  const ymd =
    year === undefined ? inferYear(month, dayOf, context, byMonth) : { year, month, day: dayOf(year, month) };
  if (ymd === undefined) return 'invalid';
  return hit({ iso: toIso(ymd), precision: 'month' }, year !== undefined);
}

export function yearValue(year: number, month = 1, day = 1): DateValue {
  return { iso: toIso({ year, month, day }), precision: 'year' };
}

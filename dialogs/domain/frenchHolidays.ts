import { addDays, toIso, type Ymd } from '../french/dateCalendar.js';

/** The eleven public holidays of metropolitan France (Code du travail, art. L3133-1), Alsace-Moselle aside. */
export const FRENCH_PUBLIC_HOLIDAYS = [
  'newYearsDay',
  'easterMonday',
  'labourDay',
  'victoryInEuropeDay',
  'ascensionDay',
  'whitMonday',
  'bastilleDay',
  'assumptionDay',
  'allSaintsDay',
  'armisticeDay',
  'christmasDay',
] as const;
export type FrenchPublicHoliday = (typeof FRENCH_PUBLIC_HOLIDAYS)[number];

export interface DatedHoliday {
  holiday: FrenchPublicHoliday;
  /** YYYY-MM-DD, a calendar date (no time zone). */
  date: string;
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

const byYear = new Map<number, readonly DatedHoliday[]>();

/** The holidays of a year in calendar order. */
export function frenchPublicHolidays(year: number): readonly DatedHoliday[] {
  let holidays = byYear.get(year);
  if (holidays === undefined) {
    const easter = easterSunday(year);
    const fixed = (month: number, day: number): string => toIso({ year, month, day });
    const afterEaster = (days: number): string => toIso(addDays(easter, days));
    const list: DatedHoliday[] = [
      { holiday: 'newYearsDay', date: fixed(1, 1) },
      { holiday: 'easterMonday', date: afterEaster(1) },
      { holiday: 'labourDay', date: fixed(5, 1) },
      { holiday: 'victoryInEuropeDay', date: fixed(5, 8) },
      { holiday: 'ascensionDay', date: afterEaster(39) },
      { holiday: 'whitMonday', date: afterEaster(50) },
      { holiday: 'bastilleDay', date: fixed(7, 14) },
      { holiday: 'assumptionDay', date: fixed(8, 15) },
      { holiday: 'allSaintsDay', date: fixed(11, 1) },
      { holiday: 'armisticeDay', date: fixed(11, 11) },
      { holiday: 'christmasDay', date: fixed(12, 25) },
    ];
    // Ascension can fall on 1 or 8 May (1 May 2008): both names stay, sorted by date.
    holidays = list.sort((x, y) => x.date.localeCompare(y.date));
    byYear.set(year, holidays);
  }
  return holidays;
}

/** The holiday on a YYYY-MM-DD date, if any (the first one when two coincide). */
export function frenchPublicHolidayOn(isoDate: string): FrenchPublicHoliday | undefined {
  const year = Number(isoDate.slice(0, 4));
  return frenchPublicHolidays(year).find((entry) => entry.date === isoDate)?.holiday;
}

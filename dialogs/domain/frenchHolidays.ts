import { addDays, easterSunday, toIso } from '../french/dateCalendar.js';

export { easterSunday };

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

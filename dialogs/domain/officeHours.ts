import { addDays, toIso, weekdayOf, type Ymd } from '../french/dateCalendar.js';
import { frenchPublicHolidayOn, type FrenchPublicHoliday } from './frenchHolidays.js';
import { WEEKDAYS, type ProgrammeSettings } from './programmeSettings.js';
import { clockTimeOf, instantAt, minutesOf, wallClockIn } from './zonedTime.js';

/** The part of the programme settings office hours depend on (DOMAIN.md, "Office hours"). */
export type OfficeHoursSettings = Pick<ProgrammeSettings, 'timeZone' | 'officeHours'>;

/** When advisors are next available, as an instant and as the wall clock of the settings' zone shows it. */
export interface OfficeOpening {
  start: Date;
  /** YYYY-MM-DD in the settings' time zone. */
  localDate: string;
  /** HH:MM in the settings' time zone. */
  localTime: string;
}

/** The stretch of the day advisors are in, with the moment it ends. */
export interface OfficePeriod {
  from: string;
  to: string;
  localDate: string;
  end: Date;
}

/** Why a whole day is closed: a public holiday (named), a date the CCI closed, or a day off of the week. */
export type DayClosure =
  { reason: 'publicHoliday'; holiday: FrenchPublicHoliday } | { reason: 'closedDate' } | { reason: 'dayOff' };

interface Minutes {
  from: number;
  to: number;
}

/** The periods in order, overlapping or touching ones merged (08:30–12:00 + 12:00–13:00 is one stretch). */
function periodsOf(settings: OfficeHoursSettings): Minutes[] {
  const sorted = settings.officeHours.periods
    .map((period) => ({ from: minutesOf(period.from), to: minutesOf(period.to) }))
    .sort((a, b) => a.from - b.from);
  const merged: Minutes[] = [];
  for (const period of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && period.from <= last.to) last.to = Math.max(last.to, period.to);
    else merged.push({ ...period });
  }
  return merged;
}

function closureOf(settings: OfficeHoursSettings, date: Ymd): DayClosure | undefined {
  const { officeHours } = settings;
  const isoDate = toIso(date);
  if (officeHours.closedOnPublicHolidays) {
    const holiday = frenchPublicHolidayOn(isoDate);
    if (holiday !== undefined) return { reason: 'publicHoliday', holiday };
  }
  if (officeHours.closedDates.includes(isoDate)) return { reason: 'closedDate' };
  // weekdayOf counts from Sunday, WEEKDAYS from Monday.
  if (!officeHours.days.includes(WEEKDAYS[(weekdayOf(date) + 6) % 7])) return { reason: 'dayOff' };
  return undefined;
}

/** Why advisors are away all day on a YYYY-MM-DD date of the settings' zone, or undefined on a working day. */
export function dayClosure(settings: OfficeHoursSettings, localDate: string): DayClosure | undefined {
  const [year, month, day] = localDate.split('-').map(Number);
  return closureOf(settings, { year, month, day });
}

/** The period advisors are in at `now`, or undefined when they are away. */
export function currentPeriod(settings: OfficeHoursSettings, now: Date): OfficePeriod | undefined {
  const { date, minutes } = wallClockIn(now, settings.timeZone);
  if (closureOf(settings, date) !== undefined) return undefined;
  const period = periodsOf(settings).find(({ from, to }) => from <= minutes && minutes < to);
  if (period === undefined) return undefined;
  return {
    from: clockTimeOf(period.from),
    to: clockTimeOf(period.to),
    localDate: toIso(date),
    end: instantAt(date, period.to, settings.timeZone),
  };
}

/** Advisors answer from the start of a period up to, not including, its end (12:00 is lunch already). */
export function isOpen(settings: OfficeHoursSettings, now: Date): boolean {
  return currentPeriod(settings, now) !== undefined;
}

function openingAt(instant: Date, timeZone: string): OfficeOpening {
  const { date, minutes } = wallClockIn(instant, timeZone);
  return { start: instant, localDate: toIso(date), localTime: clockTimeOf(minutes) };
}

/**
 * The first moment at or after `now` when advisors are in: `now` itself during office hours, else the start of
 * the next period of a working day (Friday 21:00 → Monday 08:30). Undefined only when the settings never open
 * within a year (no working day at all, or every day closed).
 */
export function nextOpening(settings: OfficeHoursSettings, now: Date): OfficeOpening | undefined {
  const { timeZone } = settings;
  const today = wallClockIn(now, timeZone);
  const periods = periodsOf(settings);
  const horizonDays = 366 + settings.officeHours.closedDates.length;
  for (let offset = 0; offset <= horizonDays; offset++) {
    const date = addDays(today.date, offset);
    if (closureOf(settings, date) !== undefined) continue;
    for (const period of periods) {
      if (offset === 0 && today.minutes >= period.to) continue;
      if (offset === 0 && today.minutes >= period.from) return openingAt(new Date(now.getTime()), timeZone);
      return openingAt(instantAt(date, period.from, timeZone), timeZone);
    }
  }
  return undefined;
}

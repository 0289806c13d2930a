import type { Ymd } from '../french/dateCalendar.js';

/** What a clock on the wall shows in a time zone: the calendar day and the minutes since midnight. */
export interface WallClock {
  date: Ymd;
  /** 0..1439. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallParts extends Ymd {
  hour: number;
  minute: number;
  second: number;
}

function wallParts(instant: number, timeZone: string): WallParts {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

/**
 * Every zone's offset from UTC has been a whole number of quarter hours since the last local mean times (well
 * before 1980), so the wall clock's minute is the same through a minute of UTC: the last one asked, per zone,
 * answers the other calls of that minute (each turn asks for its salutation).
 */
const MINUTE_MS = 60 * 1000;
const MINUTES_FROM = Date.UTC(1980, 0, 1);
const lastMinutes = new Map<string, { minute: number; clock: WallClock }>();

const copyOf = ({ date, minutes }: WallClock): WallClock => ({ date: { ...date }, minutes });

/** The local wall time of an instant; Intl knows the zone's daylight-saving rules, the server's zone never matters. */
export function wallClockIn(instant: Date, timeZone: string): WallClock {
  const time = instant.getTime();
  const minute = time >= MINUTES_FROM ? Math.floor(time / MINUTE_MS) : Number.NaN;
  const last = lastMinutes.get(timeZone);
  if (last !== undefined && last.minute === minute) return copyOf(last.clock);
  const { year, month, day, hour, minute: minuteOfHour } = wallParts(time, timeZone);
  const clock = { date: { year, month, day }, minutes: hour * 60 + minuteOfHour };
  if (!Number.isNaN(minute)) lastMinutes.set(timeZone, { minute, clock });
  return copyOf(clock);
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds (+1 h or +2 h for Paris). */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallParts(instant, timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return wallAsUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which the wall clock of the zone shows `minutes` past midnight on `date`. Two passes settle the
 * offset across a change of time; a wall time skipped in spring is moved forward by the jump (02:30 → 03:30),
 * a repeated one in autumn gives its second occurrence.
 */
export function instantAt(date: Ymd, minutes: number, timeZone: string): Date {
  const wallAsUtc = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  const firstGuess = wallAsUtc - offsetAt(wallAsUtc, timeZone);
  return new Date(wallAsUtc - offsetAt(firstGuess, timeZone));
}

/** `08:30` → 510. The settings schema has already checked the format. */
export function minutesOf(clockTime: string): number {
  return Number(clockTime.slice(0, 2)) * 60 + Number(clockTime.slice(3, 5));
}

/** 510 → `08:30`. */
export function clockTimeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

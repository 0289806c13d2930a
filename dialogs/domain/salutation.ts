import { wallClockIn } from './zonedTime.js';

/** « Bonjour » or « Bonsoir » (Hello, Good evening). */
export type Salutation = 'day' | 'evening';

/** From 18:00 French speakers say « bonsoir », until the small hours; « bonjour » from 5:00. */
const EVENING_FROM = 18 * 60;
const DAY_FROM = 5 * 60;

/** The salutation the time of day calls for, on the wall clock of the programme's time zone. */
export function salutationAt(now: Date, timeZone: string): Salutation {
  const { minutes } = wallClockIn(now, timeZone);
  return minutes >= EVENING_FROM || minutes < DAY_FROM ? 'evening' : 'day';
}

/** The salutation a message opens with, on its folded text ("Bonsoir !" → evening), if it opens with one. */
export function salutationIn(key: string): Salutation | undefined {
  if (/^(bonsoir|good evening|evening)\b/.test(key)) return 'evening';
  if (/^(bonjour|bonne journee|good morning|good afternoon|morning)\b/.test(key)) return 'day';
  return undefined;
}

/** « Bonsoir » is answered with « Bonsoir », « Bonjour » with « Bonjour »; anything else follows the clock. */
export function salutationFor(key: string, now: Date, timeZone: string): Salutation {
  return salutationIn(key) ?? salutationAt(now, timeZone);
}

import { addDays, addMonths, isValidYmd, toIso, weekdayOf, type Ymd } from './dateCalendar.js';
import { dayValue, hit, resolveMonth, yearValue } from './dateResolve.js';
import type { DateContext, DateHit, DateMatcher } from './dateTypes.js';
import type { DateVocabulary } from './dateVocabulary.js';
import { readEnglishWords } from './englishNumberWords.js';
import { readFrenchWords } from './frenchNumberWords.js';

const START = '(?<![\\p{L}\\d])';
const END = '(?![\\p{L}\\d])';

function regex(source: string): RegExp {
  return new RegExp(source, 'gu');
}

// Compound words are glued before matching (see dates.ts), so that "avant" or "après" are not taken as hedges.
const FIXED_DAYS: Record<string, number> = {
  aujourdhui: 0,
  'ce jour': 0,
  maintenant: 0,
  today: 0,
  now: 0,
  demain: 1,
  tomorrow: 1,
  apresdemain: 2,
  hier: -1,
  yesterday: -1,
  avanthier: -2,
};
const AS_SOON_AS_POSSIBLE =
  'des que possible|au plus vite|au plus tot|asap|tout de suite|immediatement|des maintenant|as soon as possible|right away';
const UNIT = '(jours?|semaines?|mois|ans?|annees?|days?|weeks?|months?|years?)';
const COUNT = '(\\d{1,3}|(?:[a-z]+\\s+){0,3}?[a-z]+)';

/** "trois", "21", "vingt et un", "a" (English) → a count, or undefined when the words are not a number. */
function readCount(text: string, context: DateContext): { count: number; words: boolean } | undefined {
  if (/^\d+$/.test(text)) return { count: Number(text), words: false };
  const words = text.split(/\s+/);
  const read = context.locale === 'en' ? readEnglishWords(words, 0) : readFrenchWords(words, 0);
  if (read === undefined || read.end !== words.length) return undefined;
  return { count: read.value, words: true };
}

function shift(today: Ymd, count: number, unit: string): Ymd {
  if (unit.startsWith('jour') || unit.startsWith('day')) return addDays(today, count);
  if (unit.startsWith('semaine') || unit.startsWith('week')) return addDays(today, 7 * count);
  if (unit === 'mois' || unit.startsWith('month')) return addMonths(today, count);
  return addMonths(today, 12 * count);
}

function offsetHit(countText: string, unit: string, sign: 1 | -1, context: DateContext): DateHit | undefined {
  const read = readCount(countText, context);
  if (read === undefined) return undefined;
  // "dans huit jours" means in a week and "dans quinze jours" in two weeks.
  let { count } = read;
  if (read.words && unit.startsWith('jour') && (count === 8 || count === 15)) count -= 1;
  return hit(dayValue(shift(context.today, sign * count, unit)), false);
}

function periodHit(unit: string, step: number, context: DateContext): DateHit {
  const { today } = context;
  if (unit === 'semaine' || unit === 'week') return hit(dayValue(addDays(today, 7 * step)), false);
  if (unit === 'mois' || unit === 'month') {
    const first = addMonths({ ...today, day: 1 }, step);
    return hit({ iso: toIso(first), precision: 'month' });
  }
  return hit(yearValue(today.year + step));
}

const STEPS: Record<string, number> = {
  prochain: 1,
  prochaine: 1,
  next: 1,
  dernier: -1,
  derniere: -1,
  passe: -1,
  passee: -1,
  last: -1,
  ce: 0,
  cette: 0,
  this: 0,
  ci: 0,
};

/** "lundi", "lundi prochain": the next (or last) such day, never today; always to be confirmed. */
function weekdayHit(weekday: number, direction: number, context: DateContext): DateHit {
  const step = direction === 0 ? (context.prefer === 'future' ? 1 : -1) : direction;
  for (let k = 1; k <= 7; k += 1) {
    const candidate = addDays(context.today, step * k);
    if (weekdayOf(candidate) === weekday) return hit(dayValue(candidate), false);
  }
  return 'invalid';
}

/** "le 15": this month or the next (or previous) one, per the preference. */
function dayOfMonthHit(day: number, context: DateContext): DateHit {
  const step = context.prefer === 'future' ? 1 : -1;
  for (let k = 0; k <= 2; k += 1) {
    const { year, month } = addMonths({ ...context.today, day: 1 }, step * k);
    if (!isValidYmd(year, month, day)) continue;
    const candidate = { year, month, day };
    const order = Math.sign(toIso(candidate).localeCompare(toIso(context.today)));
    if (order === 0 || order === step) return hit(dayValue(candidate), false);
  }
  return 'invalid';
}

/** Dates said relative to today: "demain", "dans trois mois", "l'an prochain", "mars prochain", "lundi". */
export function relativeMatchers(v: DateVocabulary): DateMatcher[] {
  return [
    {
      pattern: regex(`${START}(${Object.keys(FIXED_DAYS).join('|')})${END}`),
      read: (m, c) => hit(dayValue(addDays(c.today, FIXED_DAYS[m[1]])), true),
    },
    {
      pattern: regex(`${START}(?:${AS_SOON_AS_POSSIBLE})${END}`),
      read: (_m, c) => hit(dayValue(c.today), false),
    },
    {
      pattern: regex(
        `${START}(?:dans|d'ici|sous|in|within)\\s+(?:les\\s+|the\\s+next\\s+)?${COUNT}\\s+${UNIT}${END}`,
      ),
      read: (m, c) => offsetHit(m[1], m[2], 1, c),
    },
    {
      pattern: regex(`${START}(?:il y a|voici)\\s+${COUNT}\\s+${UNIT}${END}`),
      read: (m, c) => offsetHit(m[1], m[2], -1, c),
    },
    {
      pattern: regex(`${START}${COUNT}\\s+${UNIT}\\s+ago${END}`),
      read: (m, c) => offsetHit(m[1], m[2], -1, c),
    },
    {
      pattern: regex(
        `${START}(?:la |le |l'|)(semaine|mois|annee|an)\\s+(prochaine?|derniere?|passee?)${END}|${START}(ce|cette)\\s+(semaine|mois|annee)(?:[\\s-]ci)?${END}`,
      ),
      read: (m, c) => (m[1] === undefined ? periodHit(m[4], 0, c) : periodHit(m[1], STEPS[m[2]], c)),
    },
    {
      pattern: regex(`${START}(next|last|this)\\s+(week|month|year)${END}`),
      read: (m, c) => periodHit(m[2], STEPS[m[1]], c),
    },
    {
      // "mars prochain", "septembre dernier", "next March"
      pattern: regex(
        `${START}(${v.anyMonth})\\s+(prochain|dernier|passe)${END}|${START}(next|last)\\s+(${v.anyMonth})${END}`,
      ),
      read: (m, c) => monthStepHit(v.monthByName.get(m[1] ?? m[4]) ?? 0, STEPS[m[2] ?? m[3]], c),
    },
    {
      pattern: regex(`${START}(?:(next|last)\\s+)?(${v.anyWeekday})(?:\\s+(prochain|dernier))?${END}`),
      read: (m, c) => weekdayHit(v.weekdayByName.get(m[2]) ?? 0, STEPS[m[1] ?? m[3] ?? 'ce'], c),
    },
    {
      pattern: regex(`${START}(?:le|the)\\s+(\\d{1,2}|premier)(?:er|e|st|nd|rd|th)?(?!\\s*[\\d/.-])${END}`),
      read: (m, c) => dayOfMonthHit(m[1] === 'premier' ? 1 : Number(m[1]), c),
    },
  ];
}

/** Next (or last) occurrence of a month, strictly after (or before) the current one. */
function monthStepHit(month: number, step: number, context: DateContext): DateHit {
  const { today } = context;
  const sameYearIsRight = step > 0 ? month > today.month : month < today.month;
  const year = sameYearIsRight ? today.year : today.year + step;
  return resolveMonth(year, month, context);
}

import { weekdayOf } from './dateCalendar.js';
import {
  FIRST_DAY,
  fullYear,
  hit,
  LAST_DAY,
  MIDDLE_DAY,
  resolveDay,
  resolveMonth,
  yearValue,
  type DayOfMonth,
} from './dateResolve.js';
import type { DateContext, DateHit, DateMatcher } from './dateTypes.js';
import type { DateVocabulary } from './dateVocabulary.js';
import type { ParserLocale } from './locale.js';

// Boundaries that do not rely on \b, which ignores accented letters.
const START = '(?<![\\p{L}\\d])';
const END = '(?![\\p{L}\\d])';
const YEAR = '(\\d{4})';

function regex(source: string): RegExp {
  return new RegExp(source, 'gu');
}

function readDay(text: string, vocabulary: DateVocabulary): number {
  return vocabulary.dayByWord.get(text) ?? Number.parseInt(text, 10);
}

/** "lundi 15 janvier 2027" said for a Tuesday: keep the date but ask for confirmation. */
function checkWeekday(found: DateHit, weekday: string | undefined, context: DateContext): DateHit {
  if (found === 'invalid' || weekday === undefined) return found;
  const [year, month, day] = found.value.iso.split('-').map(Number);
  const expected = context.vocabulary.weekdayByName.get(weekday);
  return expected === weekdayOf({ year, month, day }) ? found : hit(found.value, false);
}

const QUALIFIER_DAYS: Record<string, DayOfMonth> = {
  debut: FIRST_DAY,
  courant: FIRST_DAY,
  mi: MIDDLE_DAY,
  milieu: MIDDLE_DAY,
  fin: LAST_DAY,
  early: FIRST_DAY,
  beginning: FIRST_DAY,
  start: FIRST_DAY,
  mid: MIDDLE_DAY,
  middle: MIDDLE_DAY,
  late: LAST_DAY,
  end: LAST_DAY,
};
const QUALIFIER = '(debut|courant|mi|milieu|fin|early|beginning|start|mid|middle|late|end)';
const QUALIFIER_LINK = "(?:\\s*-\\s*|\\s+)(?:(?:du mois|of)\\s+)?(?:de\\s+|d'\\s*)?";

/** Forms that name a calendar date: "12/03/2015", "le 15 janvier 2027", "fin mars", "mars 2015", "2027". */
export function absoluteMatchers(locale: ParserLocale, v: DateVocabulary): DateMatcher[] {
  const month = `(${v.anyMonth})\\.?`;
  // Two groups in every locale (digits, words); "(?!)" never matches when there are no day words.
  const day = `(\\d{1,2})(?:er|e|eme|st|nd|rd|th)?|(${v.dayWord === '' ? '(?!)' : v.dayWord})`;
  const weekday = `(?:(${v.anyWeekday})\\s+)?`;
  const monthNumber = (text: string): number => v.monthByName.get(text) ?? 0;
  const matchers: DateMatcher[] = [
    {
      // 2015-03-12 (ISO, also with slashes)
      pattern: regex(`${START}(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})${END}`),
      read: (m, c) => resolveDay(Number(m[1]), Number(m[2]), Number(m[3]), c),
    },
    {
      // 12/03/2015, 12-03-2015, 12.03.15: always day first, as in France.
      pattern: regex(`${START}(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}|\\d{2})${END}`),
      read: (m, c) => {
        const found = resolveDay(fullYear(m[4], c), Number(m[3]), Number(m[1]), c);
        // In English, 03/04/2027 may be the 4th of March: confirm when both readings exist.
        const swappable = c.locale === 'en' && Number(m[1]) <= 12 && m[1] !== m[3];
        return found !== 'invalid' && swappable ? hit(found.value, false) : found;
      },
    },
    {
      // (lundi) 15 janvier 2027, le 1er mai, 15 janv. 2027
      pattern: regex(
        `${START}${weekday}(?:le\\s+|the\\s+)?(?:${day})\\s+(?:of\\s+)?${month}(?:\\s+(\\d{4}|\\d{2}))?${END}`,
      ),
      read: (m, c) => {
        const year = m[5] === undefined ? undefined : fullYear(m[5], c);
        return checkWeekday(resolveDay(year, monthNumber(m[4]), readDay(m[2] ?? m[3], v), c), m[1], c);
      },
    },
    {
      // fin mars 2027, début avril, mi-juin, late March
      pattern: regex(`${START}${QUALIFIER}${QUALIFIER_LINK}${month}(?:\\s+${YEAR})?${END}`),
      read: (m, c) => {
        const year = m[3] === undefined ? undefined : Number(m[3]);
        return resolveMonth(year, monthNumber(m[2]), c, QUALIFIER_DAYS[m[1]]);
      },
    },
    {
      // fin 2027, début 2026: the year, with a representative day
      pattern: regex(`${START}${QUALIFIER}${QUALIFIER_LINK}(?:l'annee\\s+|annee\\s+)?${YEAR}${END}`),
      read: (m) => {
        const year = Number(m[2]);
        const dayOf = QUALIFIER_DAYS[m[1]];
        if (dayOf === LAST_DAY) return hit(yearValue(year, 12, 31));
        return hit(dayOf === MIDDLE_DAY ? yearValue(year, 7, 1) : yearValue(year));
      },
    },
    {
      // mars 2015, en mars 2015, March 2027
      pattern: regex(`${START}${month}\\s+${YEAR}${END}`),
      read: (m, c) => resolveMonth(Number(m[2]), monthNumber(m[1]), c),
    },
    {
      // 03/2015
      pattern: regex(`${START}(\\d{1,2})[-/.](\\d{4})${END}`),
      read: (m, c) => resolveMonth(Number(m[2]), Number(m[1]), c),
    },
  ];
  if (locale === 'en') {
    matchers.push({
      // March 15, 2027 / March 15th
      pattern: regex(`${START}${month}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+${YEAR})?${END}`),
      read: (m, c) =>
        resolveDay(m[3] === undefined ? undefined : Number(m[3]), monthNumber(m[1]), Number(m[2]), c),
    });
  }
  matchers.push({
    // 12/03 (no year): the year is guessed
    pattern: regex(`${START}(\\d{1,2})/(\\d{1,2})${END}`),
    read: (m, c) => resolveDay(undefined, Number(m[2]), Number(m[1]), c),
  });
  return matchers;
}

/** Forms tried last, as they are parts of the longer ones: a month alone, a year alone. */
export function looseMatchers(v: DateVocabulary): DateMatcher[] {
  return [
    {
      // "en mars": full month names only ("sept" alone is a number)
      pattern: regex(`${START}(${v.fullMonth})${END}`),
      read: (m, c) => resolveMonth(undefined, v.monthByName.get(m[1]) ?? 0, c),
    },
    {
      // "2027", "en 2015": year precision, 1 January. From 1000, so that "1700" is a year the form can call too
      // old (Microsoft's recognizer, the former fallback, read it so), not an answer without a date.
      pattern: regex(`${START}(1\\d\\d\\d|2[01]\\d\\d)${END}`),
      read: (m) => hit(yearValue(Number(m[1]))),
    },
  ];
}

import { absoluteMatchers, looseMatchers } from './dateAbsolute.js';
import { todayIn } from './dateCalendar.js';
import { namedPeriodMatchers } from './dateNamedPeriods.js';
import { relativeMatchers } from './dateRelative.js';
import type { DateContext, DateMatcher, DatePreference, DateValue } from './dateTypes.js';
import { VOCABULARY } from './dateVocabulary.js';
import { stripHedges } from './hedges.js';
import type { ParserLocale } from './locale.js';
import { foldForMatch } from './normalize.js';
import { failed, parsed, type Parsed } from './parseResult.js';

export type { DatePreference, DateValue } from './dateTypes.js';

export interface DateOptions {
  /** The reference instant; the parser never reads the clock. */
  now: Date;
  /** Which side of today a date without a year falls on ("fin mars"); default 'future'. */
  prefer?: DatePreference;
  locale?: ParserLocale;
  /** Where "today" is computed; default Europe/Paris. */
  timeZone?: string;
}

// Most specific first: each match blanks its text so that shorter forms cannot read it again.
function matchersFor(locale: ParserLocale): DateMatcher[] {
  const vocabulary = VOCABULARY[locale];
  return [
    ...absoluteMatchers(locale, vocabulary),
    ...namedPeriodMatchers(),
    ...relativeMatchers(vocabulary),
    ...looseMatchers(vocabulary),
  ];
}
const MATCHERS: Record<ParserLocale, DateMatcher[]> = { fr: matchersFor('fr'), en: matchersFor('en') };

// Glued before hedges are removed: "avant" and "après" are hedges, "avant-hier" and "après-demain" are days.
const COMPOUNDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/aujourd\s*'?\s*hui/g, 'aujourdhui'],
  [/apres[\s-]demain/g, 'apresdemain'],
  [/avant[\s-]hier/g, 'avanthier'],
];
// A number left over after the date ("12 ou 15 mars") means the date may not be the one meant.
const STRAY_NUMBER = /(?<![\p{L}\d])\d{1,4}(?![\d:h])/u;
const HAS_CONTENT = /[\p{L}\d]/u;

interface Found {
  value: DateValue;
  certain: boolean;
}

function findDates(text: string, context: DateContext): { found: Found[]; invalid: boolean; rest: string } {
  let rest = text;
  const found: Found[] = [];
  let invalid = false;
  for (const matcher of MATCHERS[context.locale]) {
    matcher.pattern.lastIndex = 0;
    for (let m = matcher.pattern.exec(rest); m !== null; m = matcher.pattern.exec(rest)) {
      const result = matcher.read(m, context);
      if (result === undefined) continue;
      if (result === 'invalid') invalid = true;
      else found.push(result);
      rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
    }
  }
  return { found, invalid, rest };
}

/**
 * Reads a date typed in French: "12/03/2015", "le 15 janvier 2027", "1er mai 2026", "fin mars", "mi-juin 2027",
 * "mars 2015", "en 2015", "demain", "dans trois mois", "l'an prochain". A guessed part (year, relative offset)
 * or a hedge ("vers le 15 mars") makes it uncertain. An impossible date gives 'invalid_date'.
 */
export function parseFrenchDate(text: string, opts: DateOptions): Parsed<DateValue> {
  const locale = opts.locale ?? 'fr';
  let folded = foldForMatch(text);
  if (!HAS_CONTENT.test(folded)) return failed('empty');
  for (const [pattern, glued] of COMPOUNDS) folded = folded.replace(pattern, glued);
  const { text: unhedged, hedged } = stripHedges(folded, locale, 'date');
  const context: DateContext = {
    today: todayIn(opts.now, opts.timeZone ?? 'Europe/Paris'),
    prefer: opts.prefer ?? 'future',
    locale,
    vocabulary: VOCABULARY[locale],
  };
  const { found, invalid, rest } = findDates(unhedged, context);
  // No second opinion from Microsoft's date-time recognizer: over the French corpus it changed no reading, and
  // what only it read as a date was mostly not one (phone numbers, « sur 8 »; docs/benchmarks.md, issue 19).
  if (found.length === 0) return failed(invalid ? 'invalid_date' : 'not_understood');
  if (invalid || new Set(found.map((f) => `${f.value.iso}/${f.value.precision}`)).size > 1)
    return failed('ambiguous');
  const certain = !hedged && found.every((f) => f.certain) && !STRAY_NUMBER.test(rest);
  return parsed(found[0].value, certain);
}

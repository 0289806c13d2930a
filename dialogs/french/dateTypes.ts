import type { Ymd } from './dateCalendar.js';
import type { DateVocabulary } from './dateVocabulary.js';
import type { ParserLocale } from './locale.js';

/** `iso` is the best single day for what was said; `precision` is how exact the user was. */
export interface DateValue {
  iso: string; // YYYY-MM-DD
  precision: 'day' | 'month' | 'year';
}

export type DatePreference = 'past' | 'future';

export interface DateContext {
  today: Ymd;
  prefer: DatePreference;
  locale: ParserLocale;
  vocabulary: DateVocabulary;
}

/** What one pattern found: a date, or a date that does not exist ("31/02/2027"). */
export type DateHit = { value: DateValue; certain: boolean } | 'invalid';

export interface DateMatcher {
  pattern: RegExp;
  /** undefined: the text matched the pattern but is not a date after all; keep looking. */
  read(match: RegExpExecArray, context: DateContext): DateHit | undefined;
}

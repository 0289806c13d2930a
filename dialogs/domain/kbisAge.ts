import { addMonths, compareYmd, todayIn, type Ymd } from '../french/dateCalendar.js';
import { parseFrenchDate } from '../french/dates.js';
import type { ParserLocale } from '../french/locale.js';

/** The piece whose age the committee checks: a Kbis extract must be under 3 months old. */
export const KBIS_PIECE = 'kbis';
export const KBIS_MAX_AGE_MONTHS = 3;

/** What the committee should look at about one document. */
export type DocumentFlag = 'kbisOld';

export interface KbisDateOptions {
  now: Date;
  locale: ParserLocale;
  timeZone: string;
  /** The applicant's words with the file may say anything: only our own patterns read them (no recognizer). */
  wordsWithFile?: boolean;
}

const ymdOf = (iso: string): Ymd => ({
  year: Number(iso.slice(0, 4)),
  month: Number(iso.slice(5, 7)),
  day: Number(iso.slice(8, 10)),
});

/** Numbers other than a year (« 12 ou 15 novembre »: two, so which day is not known); « 03/09 » is one. */
function numberGroups(text: string): number {
  return text.split(/[\s,;]+/).filter((token) => /\d/.test(token) && !/^\d{4}\.?$/.test(token)).length;
}

/**
 * The day of the extract in the applicant's words (« Kbis du 12 novembre 2026 », « du 03/11/2026 »), as
 * YYYY-MM-DD: only a whole day, not after today. Anything else is not known.
 */
export function kbisIssuedOnIn(text: string, options: KbisDateOptions): string | undefined {
  const read = parseFrenchDate(text, {
    now: options.now,
    prefer: 'past',
    locale: options.locale,
    timeZone: options.timeZone,
  });
  // Words sent with a file must say the day plainly; an answer to the question may leave the year out (« du 2
  // septembre »: the last one), since the question was about that date and nothing else.
  if (!read.ok || read.value.precision !== 'day') return undefined;
  if (!read.certain && (options.wordsWithFile || numberGroups(text) > 1)) return undefined;
  const today = todayIn(options.now, options.timeZone);
  return compareYmd(ymdOf(read.value.iso), today) > 0 ? undefined : read.value.iso;
}

/** More than 3 months between the extract and `at` (a submission, a recap): 12 August is still fine on 12 November. */
export function kbisTooOld(issuedOn: string, at: Date, timeZone: string): boolean {
  return compareYmd(addMonths(ymdOf(issuedOn), KBIS_MAX_AGE_MONTHS), todayIn(at, timeZone)) < 0;
}

/** The flags of a document at a given moment (the file's submission for the committee). */
export function documentFlags(
  document: { piece?: string; issuedOn?: string },
  at: Date,
  timeZone: string,
): DocumentFlag[] {
  return document.piece === KBIS_PIECE && document.issuedOn && kbisTooOld(document.issuedOn, at, timeZone)
    ? ['kbisOld']
    : [];
}

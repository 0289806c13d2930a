import { toIso, type Ymd } from './dateCalendar.js';
import type { DatePreference, DateValue } from './dateTypes.js';
import type { ParserLocale } from './locale.js';
import { recognizers } from './recognizers.js';

interface Candidate {
  type?: string;
  timex?: string;
  value?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_TIMEX = /^(\d{4})-(\d{2})$/;
const YEAR_TIMEX = /^(\d{4})$/;

function fromCandidate(candidate: Candidate): DateValue | undefined {
  if (candidate.type === 'date' && candidate.value !== undefined && DAY.test(candidate.value)) {
    return { iso: candidate.value, precision: 'day' };
  }
  if (candidate.type !== 'daterange' || candidate.timex === undefined) return undefined;
  const month = MONTH_TIMEX.exec(candidate.timex);
  if (month !== null) return { iso: `${month[1]}-${month[2]}-01`, precision: 'month' };
  const year = YEAR_TIMEX.exec(candidate.timex);
  return year === null ? undefined : { iso: `${year[1]}-01-01`, precision: 'year' };
}

/**
 * Last resort for forms our own parser does not know ("le premier lundi de mars"). The recognizer costs about
 * 10 ms a call (seconds on first use), so it runs only after our parser failed. It is trusted only when it finds
 * exactly one date or month, and the result is always to be confirmed.
 */
export function recognizeDateFallback(
  text: string,
  today: Ymd,
  prefer: DatePreference,
  locale: ParserLocale,
): DateValue | undefined {
  // The recognizer reads the reference with local getters: build it from the user's calendar day, at noon.
  const reference = new Date(today.year, today.month - 1, today.day, 12);
  const { recognizeDateTime, Culture } = recognizers();
  const results = recognizeDateTime(
    text,
    locale === 'en' ? Culture.English : Culture.French,
    undefined,
    reference,
  );
  if (results.length !== 1) return undefined;
  const resolution = results[0].resolution as { values?: Candidate[] } | undefined;
  const values = (resolution?.values ?? []).map(fromCandidate).filter((v) => v !== undefined);
  if (values.length === 0) return undefined;
  // Ambiguous forms ("lundi") come with a past and a future value: keep the preferred one.
  const todayIso = toIso(today);
  const preferred = values.filter((v) => (prefer === 'future' ? v.iso >= todayIso : v.iso <= todayIso));
  const chosen = preferred.length > 0 ? preferred : values;
  const distinct = new Set(chosen.map((v) => v.iso));
  return distinct.size === 1 ? chosen[0] : undefined;
}

import { FIELD_REGISTRY, type FieldRegistry } from '../../dialogs/domain/fieldRegistry.js';
import { clockTimeOf, wallClockIn } from '../../dialogs/domain/zonedTime.js';
import { formatClockTime, formatDate } from '../../dialogs/formatting.js';
import { formatValue, type CommitteeText } from '../committeeFormat.js';

// The committee sits in Alès: a printed time is the Paris clock's, whatever the server's zone.
const TIME_ZONE = 'Europe/Paris';

const pad = (value: number): string => String(value).padStart(2, '0');

/** `2026-12-04T17:12:00Z` → « 4 décembre 2026 » (the day on the Paris clock). */
export function longDay(iso: string, text: CommitteeText): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return formatDate(iso, text.locale);
  const { date } = wallClockIn(instant, TIME_ZONE);
  return formatDate(`${date.year}-${pad(date.month)}-${pad(date.day)}`, text.locale);
}

/** `2026-12-04T17:12:00Z` → « 4 décembre 2026 à 18 h 12 ». */
export function longDateTime(iso: string, text: CommitteeText): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const { minutes } = wallClockIn(instant, TIME_ZONE);
  return text.t('pdf:dateTime', {
    date: longDay(iso, text),
    time: formatClockTime(clockTimeOf(minutes), text.locale),
  });
}

/**
 * One answer as the PDF prints it: the committee's formatting (amounts, percentages, choices, yes/no), with
 * dates written out in words, as a letter would (« 31 mars 2027 ») rather than 31/03/2027.
 */
export function pdfValue(
  key: string,
  value: unknown,
  text: CommitteeText,
  registry: FieldRegistry = FIELD_REGISTRY,
): string {
  const kind = registry.find(key)?.kind;
  if (typeof value === 'string' && (kind === 'date' || kind === 'dateTime')) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, text.locale);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return longDateTime(value, text);
  }
  return formatValue(key, value, text, registry);
}

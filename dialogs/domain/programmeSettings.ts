import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { NAF_SECTIONS, sectionOfDivision } from './nafCodes.js';

/** The three outcomes of a rule, also used by the sector table of the settings. */
export const EFFECTS = ['OK', 'REVIEW', 'NO'] as const;
export type Effect = (typeof EFFECTS)[number];

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The three states of an RGAA accessibility statement. */
export const ACCESSIBILITY_CONFORMITY = ['nonCompliant', 'partiallyCompliant', 'compliant'] as const;
export type AccessibilityConformity = (typeof ACCESSIBILITY_CONFORMITY)[number];

/** Messages for a schema node: "missing" when absent, else "expected <what>". */
const expected = (what: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'missing' : `expected ${what}`),
});

const positiveInteger = () => z.int(expected('a positive integer')).positive(expected('a positive integer'));
const text = () => z.string(expected('a text')).trim().min(1, expected('a non-empty text'));
const key = () => z.string(expected('a key')).regex(/^[a-z][A-Za-z0-9]*$/, expected('a camelCase key'));
/** An i18next key, namespace first: "eligibility:otherHelp.bpifrance". */
const localeKey = () =>
  z
    .string(expected('a locale key'))
    .regex(/^[a-z][A-Za-z0-9]*:[A-Za-z0-9.]+$/, expected('a key like "ns:some.key"'));
const httpUrl = () => z.string(expected('a URL')).regex(/^https?:\/\/\S+$/, expected('an http(s) URL'));

export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const isoDate = () =>
  z.string(expected('a date')).refine(isIsoDate, expected('a real date written YYYY-MM-DD'));
const isClockTime = (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
const clockTime = () => z.string(expected('a time')).refine(isClockTime, expected('a time HH:MM'));
const effect = z.enum(EFFECTS, expected('one of OK, REVIEW, NO'));

/** Duplicates in a list are almost always an editing slip; name each one. */
const uniqueItems = <T extends z.ZodType<string>>(item: T, what: string) =>
  z.array(item, expected(`a list of ${what}`)).superRefine((items, ctx) => {
    items.forEach((value, index) => {
      if (items.indexOf(value) !== index)
        ctx.addIssue({ code: 'custom', path: [index], message: `duplicate ${value}` });
    });
  });

const periodOfDay = z
  .strictObject({ from: clockTime(), to: clockTime() })
  // Zod still runs this when a time is malformed: compare only real times, to report one problem, not two.
  .refine((period) => !isClockTime(period.from) || !isClockTime(period.to) || period.from < period.to, {
    path: ['to'],
    message: '"to" must come after "from"',
  });

const call = z
  .strictObject({ opensOn: isoDate(), closesOn: isoDate() })
  .refine(
    (window) => !isIsoDate(window.opensOn) || !isIsoDate(window.closesOn) || window.opensOn < window.closesOn,
    {
      path: ['closesOn'],
      message: 'closesOn must come after opensOn',
    },
  );

export const programmeSettingsSchema = z.strictObject({
  $comment: z.string().optional(),
  /** Every date and hour of the file is read in this zone. */
  timeZone: z
    .string(expected('a time zone'))
    .refine(isTimeZone, expected('an IANA time zone like Europe/Paris')),
  territory: z.strictObject({
    name: text(),
    /** SIREN of the EPCI the list was derived from (scripts/buildTerritory.ts); null for a hand-made list. */
    epci: z
      .string()
      .regex(/^\d{9}$/, expected('a 9-digit SIREN or null'))
      .nullable(),
    /** Elsewhere in this department is REVIEW rather than NO. */
    department: z
      .string(expected('a department code'))
      .regex(/^(\d{2}|2[AB]|97\d)$/, expected('a code like "30"')),
    inseeCodes: uniqueItems(
      z.string(expected('an INSEE code')).regex(/^(\d{5}|2[AB]\d{3})$/, expected('a 5-character INSEE code')),
      'INSEE codes',
    ).min(1, expected('at least one INSEE code')),
  }),
  /** EU SME definition: fewer staff than `headcount`, and turnover ≤ `turnover` or balance sheet ≤ `balanceSheet`. */
  smeThresholds: z.strictObject({
    headcount: positiveInteger(),
    turnover: positiveInteger(),
    balanceSheet: positiveInteger(),
  }),
  /** A division rule wins over its section's rule; anything unlisted gets `default`. */
  sectors: z.strictObject({
    default: effect,
    sections: z.partialRecord(z.enum(NAF_SECTIONS, expected('a NAF section letter A–U')), effect),
    divisions: z.record(
      z
        .string()
        .refine(
          (division) => sectionOfDivision(division) !== undefined,
          expected('a NAF division like "49"'),
        ),
      effect,
    ),
  }),
  jobs: z.strictObject({ minimum: positiveInteger(), horizonMonths: positiveInteger() }),
  deMinimis: z.strictObject({ ceiling: positiveInteger(), periodYears: positiveInteger() }),
  advance: z
    .strictObject({ min: positiveInteger(), max: positiveInteger() })
    .refine((bounds) => bounds.min <= bounds.max, { path: ['min'], message: 'min must not exceed max' }),
  mentoring: z.strictObject({ maxMonths: positiveInteger() }),
  /** The advances available to the call, in euros (the committee's statistics); null until the CCI sets it. */
  budget: positiveInteger().nullable().default(null),
  /**
   * The programme's own measure: `jobs` created or kept over `months` from `startsOn` (the first call's opening
   * when absent). DOMAIN.md: 60 jobs over the two years following the third convention.
   */
  jobsTarget: z
    .strictObject({ jobs: positiveInteger(), months: positiveInteger(), startsOn: isoDate().optional() })
    .default({ jobs: 60, months: 24 }),
  calls: z
    .array(call, expected('a list of calls { opensOn, closesOn }'))
    .min(1, expected('at least one call'))
    .superRefine((calls, ctx) => {
      if (calls.some((window) => !isIsoDate(window.opensOn) || !isIsoDate(window.closesOn))) return;
      const sorted = [...calls].sort((a, b) => a.opensOn.localeCompare(b.opensOn));
      sorted.slice(1).forEach((later, index) => {
        if (later.opensOn <= sorted[index].closesOn)
          ctx.addIssue({ code: 'custom', message: `calls overlap: one opens ${later.opensOn}` });
      });
    }),
  committeeDates: uniqueItems(isoDate(), 'dates'),
  officeHours: z.strictObject({
    days: uniqueItems(z.enum(WEEKDAYS, expected('a weekday in English, e.g. "monday"')), 'weekdays'),
    periods: z.array(periodOfDay, expected('a list of { from, to }')).min(1, expected('at least one period')),
    closedOnPublicHolidays: z.boolean(expected('true or false')),
    closedDates: uniqueItems(isoDate(), 'dates'),
  }),
  retention: z.strictObject({ draftIdleDays: positiveInteger(), fileYearsAfterDecision: positiveInteger() }),
  documents: uniqueItems(key(), 'document keys').min(1, expected('at least one document')),
  otherHelp: z.array(
    z.strictObject({ key: key(), name: text(), url: httpUrl(), descriptionKey: localeKey() }),
    expected('a list of { key, name, url, descriptionKey }'),
  ),
  dataProtection: z.strictObject({
    controller: text(),
    dpoEmail: z.email(expected('an e-mail address')),
    complaintUrl: httpUrl(),
  }),
  /** The legal pages' facts (/mentions-legales, /accessibilite, /confidentialite); their sentences are in locales/. */
  legal: z
    .strictObject({
      publisher: text(),
      address: text(),
      publicationDirector: text(),
      contactEmail: z.email(expected('an e-mail address')),
      host: z.strictObject({ name: text(), address: text() }),
      accessibility: z.strictObject({
        /** RGAA 4.1: "nonCompliant" until an audit has been made (then "partiallyCompliant" or "compliant"). */
        conformity: z.enum(
          ACCESSIBILITY_CONFORMITY,
          expected('nonCompliant, partiallyCompliant or compliant'),
        ),
        statementDate: isoDate(),
      }),
    })
    .optional(),
  /** Where advisors are told about handoffs (a Teams channel, say); null until the CCI sets one up. */
  advisorsHandoff: z
    .strictObject({ channelId: text(), conversationId: text(), serviceUrl: httpUrl() })
    .nullable()
    .default(null),
});

export type ProgrammeSettings = z.output<typeof programmeSettingsSchema>;

/** Every problem of a settings file, one per line, each prefixed with the file it comes from. */
export class SettingsError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(problems.map((problem) => `programme settings (${source}): ${problem}`).join('\n'));
    this.name = 'SettingsError';
  }
}

function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

/** Zod's own wording for these two says less than what we know. */
function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown key ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_key') return issue.issues[0]?.message ?? issue.message;
  return issue.message;
}

export function parseProgrammeSettings(json: unknown, source = 'inline'): ProgrammeSettings {
  const parsed = programmeSettingsSchema.safeParse(json, {
    error: (issue) => (issue.input === undefined && issue.code === 'invalid_type' ? 'missing' : undefined),
  });
  if (!parsed.success) {
    throw new SettingsError(
      source,
      parsed.error.issues.map((issue) => {
        const message = issueText(issue);
        return issue.path.length > 0 ? `${pathText(issue.path)}: ${message}` : message;
      }),
    );
  }
  const settings = parsed.data;
  // Sorted once here so that date queries can scan in order.
  settings.calls.sort((a, b) => a.opensOn.localeCompare(b.opensOn));
  settings.committeeDates.sort();
  return settings;
}

/** "at position 42" in JSON.parse messages becomes a line and column a person can find. */
function jsonErrorText(error: unknown, fileText: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  if (!position) return `invalid JSON: ${message}`;
  const before = fileText.slice(0, Number(position[1])).split('\n');
  return `invalid JSON (line ${before.length}, column ${before[before.length - 1].length + 1}): ${message}`;
}

export function loadProgrammeSettings(path: string): ProgrammeSettings {
  let fileText: string;
  try {
    fileText = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new SettingsError(path, [`cannot read the file (${code})`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(fileText);
  } catch (error) {
    throw new SettingsError(path, [jsonErrorText(error, fileText)]);
  }
  return parseProgrammeSettings(json, path);
}

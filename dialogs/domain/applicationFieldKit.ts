import {
  amountCandidates,
  foldForMatch,
  isDontKnow,
  numberCandidates,
  parseAmountEuros,
  parseFrenchDate,
  parseFrenchNumber,
  parseInteger,
  type DatePreference,
  type ParseFailure,
} from '../french/index.js';
import {
  answerOf,
  invalid,
  type Answers,
  type AnswerValue,
  type Display,
  type FieldKind,
  type FormField,
  type Interpretation,
  type Params,
  type QuestionChoice,
  unsure,
} from '../questionnaire/question.js';
import { todayIn, toIso } from '../french/dateCalendar.js';
import { magnitudeReadings, perHeadCeiling } from './plausibility.js';
import type { ProgrammeSettings } from './programmeSettings.js';

/** What the application fields need to read an answer; `now` is the clock of the turn, never the real one. */
export interface ApplicationContext {
  settings: ProgrammeSettings;
  locale: 'fr' | 'en';
  now: Date;
}

/**
 * A field of the form. Its `when` reads the answers only, so that the flat record of a file can be computed
 * without a context (a function of one argument also fits the two-argument `FormField.when`).
 */
export type ApplicationField = FormField<ApplicationContext> & {
  when?(answers: Answers): boolean;
  /**
   * Asked only when this holds too; unlike `when`, an answer already given still belongs to the file (the
   * balance sheet is not asked once the turnover settles the SME test, but kept when the check asked it).
   */
  ask?(answers: Answers, context: ApplicationContext): boolean;
  /**
   * Asked only when an earlier answer did not already give it (the last name after "Marie"): not counted in
   * "Question n sur N", so the count never grows when it is asked.
   */
  followUp?: boolean;
  /** The step it is asked in, when not its recap group (the project type opens the form). */
  step?: ApplicationField['group'];
  /**
   * How the answer is stored in the file when it is not one value under the field's key: the commune answer
   * fills three keys. `fields` are those keys with their kinds; `values` maps an answer to them.
   */
  record?: {
    fields: readonly { key: string; kind: FieldKind }[];
    values(value: AnswerValue): Record<string, AnswerValue>;
  };
};

/** Every reason an answer is refused, as `application:error.<reason>` (some have `_one`/`_other` plurals). */
export const APPLICATION_ERROR_REASONS = [
  'required', 'notEuros', 'severalNumbers', 'companyNameLength', 'siretChecksum', 'siretLength', 'siretMissing',
  'siretSeveral', 'siretNeeded', 'notADate', 'dateYearOnly', 'invalidDate', 'severalDates', 'creationDateFuture',
  'creationDateTooOld', 'startDatePast', 'startDateTooFar', 'nafInvalid', 'nafNeeded', 'addressInvalid',
  'communeUnknown', 'communeOutside', 'amountTooLarge', 'investmentZero', 'amountOutOfBounds',
  'amountAboveInvestment', 'investmentBelowAmount', 'jobsTooFew', 'percentRange', 'descriptionTooShort',
  'descriptionTooLong', 'personNameInvalid', 'roleInvalid', 'otherFinancingInvalid', 'emailNoDomain',
  'emailInvalid', 'emailMissing', 'emailSeveral', 'phoneNotFrench', 'phoneInvalid', 'phoneMissing',
  'phoneSeveral', 'aidTypesUnknown', 'mentoringNeedsUnknown', 'documentsUnknown', 'jobsAboveTotal',
] as const; // prettier-ignore
export type ErrorReason = (typeof APPLICATION_ERROR_REASONS)[number];

export const errorKey = (reason: ErrorReason): string => `application:error.${reason}`;
export const refuse = (reason: ErrorReason, params?: Params): Interpretation =>
  invalid(errorKey(reason), params);
export const problem = (reason: ErrorReason, params?: Params) => ({ errorKey: errorKey(reason), params });

/** Generic refusals shared with the eligibility questions. */
export const NOT_A_CHOICE = 'questionnaire:error.notAChoice';

/** Locale keys of a field follow its key: `application:question.company.siret`, `…example…`, `…label…`. */
export function sentenceKeys(
  key: string,
): Pick<ApplicationField, 'key' | 'promptKey' | 'exampleKey' | 'labelKey'> {
  return {
    key,
    promptKey: `application:question.${key}`,
    exampleKey: `application:example.${key}`,
    labelKey: `application:label.${key}`,
  };
}

export const choice = (list: string, value: string): QuestionChoice => ({
  value,
  labelKey: `application:choice.${list}.${value}`,
});

export const amountDisplay = (amount: number): Display => ({
  key: 'application:display.amount',
  params: { amount },
});
export const countDisplay = (count: number): Display => ({
  key: 'application:display.count',
  params: { count },
});
export const dateDisplay = (date: string): Display => ({ key: 'application:display.date', params: { date } });
export const literal = (value: AnswerValue): Display => ({ literal: String(value) });

/** Lower case, no accents, dots of initials dropped ("S.A.R.L." → "sarl"), anything else a single space. */
export function foldWords(text: string): string {
  return foldForMatch(text)
    .replace(/(?<=[a-z])\.(?=[a-z])/g, '')
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

/** The first value whose pattern matches the folded text; the order of `patterns` settles overlaps (SASU/SAS). */
export function firstMatch<V extends string>(text: string, patterns: ReadonlyArray<readonly [V, RegExp]>) {
  const folded = foldWords(text);
  return patterns.find(([, pattern]) => pattern.test(folded))?.[0];
}

/** Numbers parser failures, as a reason for the user. */
export function numberFailure(reason: ParseFailure, kind: 'amount' | 'count'): Interpretation {
  if (reason === 'negative') return invalid('questionnaire:error.negative');
  if (reason === 'not_integer') return invalid('questionnaire:error.notAWholeNumber');
  if (reason === 'out_of_range') return invalid('questionnaire:error.tooLarge');
  if (reason === 'currency') return refuse('notEuros');
  if (reason === 'ambiguous') return refuse('severalNumbers');
  return invalid(kind === 'amount' ? 'questionnaire:error.notAnAmount' : 'questionnaire:error.notANumber');
}

type FieldBase = Pick<ApplicationField, 'group'> & Partial<ApplicationField>;

/** Several amounts or counts in one answer: the first to confirm, the others offered next to it. */
export function severalValues(values: readonly number[], show: (value: number) => Display, reason: string) {
  const [first, ...others] = values;
  return unsure(
    first,
    show(first),
    reason,
    others.map((value) => ({ value, display: show(value) })),
  );
}

/**
 * An amount in euros. `max` is the "please check" ceiling (a typo adds zeros: 100 M€ for a 100 k€ project);
 * with `zero`, 0 € is refused for that reason. `floor` is the smallest plausible amount given the answers so
 * far: a smaller one is confirmed, with its readings in thousands and millions offered first.
 */
export function amountField(
  key: string,
  base: FieldBase & {
    max: number;
    allowNone?: boolean;
    zero?: ErrorReason;
    floor?: (answers: Answers, context: ApplicationContext) => number;
  },
): ApplicationField {
  const { max, allowNone, zero, floor, ...rest } = base;
  return {
    ...sentenceKeys(key),
    kind: 'amount',
    interpret(text, context, answers = {}) {
      const { locale } = context;
      if (isDontKnow(text)) return refuse('required');
      const parsed = parseAmountEuros(text, { locale, allowNone });
      if (!parsed.ok) {
        const several = parsed.reason === 'ambiguous' ? amountCandidates(text, { locale }) : [];
        if (several.length > 0) return severalValues(several, amountDisplay, 'several');
        return numberFailure(parsed.reason, 'amount');
      }
      const { value } = parsed;
      if (zero && value === 0) return refuse(zero);
      if (value > max) return refuse('amountTooLarge', { amount: value });
      const probable = magnitudeReadings(value, floor?.(answers, context) ?? 0, perHeadCeiling(answers, max));
      if (probable.length > 0) return severalValues([...probable, value], amountDisplay, 'magnitude');
      if (parsed.alternatives)
        return severalValues([value, ...parsed.alternatives], amountDisplay, 'negation');
      return answerOf(value, amountDisplay(value), parsed.certain);
    },
    display: (value) => (typeof value === 'number' ? amountDisplay(value) : literal(value)),
    ...rest,
  };
}

const NONE_COUNT = /^(aucun|aucune|zero|personne|none|no one|nobody|nil)$/;
/** People a count may or may not include. */
const NOT_STAFF =
  /\b(interim\w*|stagiaires?|freelances?|sous traitants?|independants?|benevoles?|saisonniers?|temporaries|interns?)\b/;
/** "3 salariés + moi": the speaker may or may not be counted. */
const PLUS_ME = /(\+|\bet|\bplus) (moi|moi meme|le gerant|la gerante|the owner|me)\b/;

/** A whole number ≥ 0 (staff, jobs); "aucun" is 0; listed items are counted ("2 CDI et 1 CDD" → 3). */
export function countField(key: string, base: FieldBase & { max: number }): ApplicationField {
  const { max, ...rest } = base;
  return {
    ...sentenceKeys(key),
    kind: 'count',
    interpret(text, { locale }) {
      if (isDontKnow(text)) return refuse('required');
      if (NONE_COUNT.test(foldWords(text))) return answerOf(0, countDisplay(0));
      return readCount(text, locale, max);
    },
    display: (value) => (typeof value === 'number' ? countDisplay(value) : literal(value)),
    ...rest,
  };
}

/** A count read from French text, with the readings to offer when it holds several numbers. */
export function readCount(
  text: string,
  locale: 'fr' | 'en',
  max: number,
  show: (count: number) => Display = countDisplay,
): Interpretation {
  const parsed = parseInteger(text, { locale, min: 0, max, sumLists: true });
  if (!parsed.ok) {
    const several = parsed.reason === 'ambiguous' ? numberCandidates(text, { locale }) : undefined;
    if (several && several.values.length > 0 && several.values.every((v) => Number.isInteger(v) && v >= 0)) {
      return severalValues(several.values, show, several.range ? 'range' : 'several');
    }
    return numberFailure(parsed.reason, 'count');
  }
  if (PLUS_ME.test(foldForMatch(text))) {
    return severalValues([parsed.value, parsed.value + 1], show, 'speaker');
  }
  // "15 salariés + 3 intérimaires": whether the others count is the user's call.
  const parts = numberCandidates(text, { locale }).values;
  if (NOT_STAFF.test(foldWords(text)) && parts.length > 1 && !parts.includes(parsed.value)) {
    return severalValues([parsed.value, ...parts], show, 'notStaff');
  }
  return answerOf(parsed.value, show(parsed.value), parsed.certain);
}

export const percentDisplay = (percent: number): Display => ({
  key: 'application:display.percent',
  params: { percent },
});

/** A percentage from 0 to 100: "40 %", "40 pour cent", "la moitié". */
export function percentField(key: string, base: FieldBase): ApplicationField {
  return {
    ...sentenceKeys(key),
    kind: 'percent',
    interpret(text, { locale }) {
      if (isDontKnow(text)) return refuse('required');
      if (/\b(la moitie|half)\b/.test(foldWords(text))) return answerOf(50, percentDisplay(50));
      // "40 pour cent", "30 pourcents": the percent sign in words ("cent" is no second number).
      const shares = text.replace(/\b(pour ?cents?|pourcents?|pct|percent)\b/giu, '%');
      const parsed = parseFrenchNumber(shares, { locale });
      if (!parsed.ok) {
        const several = parsed.reason === 'ambiguous' ? numberCandidates(shares, { locale }).values : [];
        if (several.length > 0 && several.every((v) => v >= 0 && v <= 100)) {
          return severalValues(several, percentDisplay, 'several');
        }
        return invalid('questionnaire:error.notANumber');
      }
      if (parsed.value < 0 || parsed.value > 100) return refuse('percentRange');
      return answerOf(parsed.value, percentDisplay(parsed.value), parsed.certain);
    },
    display: (value) => percentDisplay(Number(value)),
    ...base,
  };
}

/** Today in the programme's time zone, as `YYYY-MM-DD` (en-CA writes dates that way). */
export function todayIso({ now, settings }: ApplicationContext): string {
  return toIso(todayIn(now, settings.timeZone));
}

/** `YYYY-MM-DD` moved by whole years (29 February falls back to the 28th). */
export function shiftYears(iso: string, years: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  const day = date.getUTCDate();
  date.setUTCFullYear(date.getUTCFullYear() + years);
  if (date.getUTCDate() !== day) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

const PAST_WORDS =
  /\b((a|ai|avons|ont|est|sommes) (deja )?(demarre|commence|debute|lance)\w*|deja|a ete cree\w*|dernier|derniere|passe|il y a|started|already|last)\b/;
const FUTURE_WORDS = /\b(prochain\w*|on va|nous allons|va demarrer|demarrera|commencera|next|will)\b/;

/** "Début", "mi", "fin" name a day of the month. */
const PART_OF_MONTH = /\b(debut|mi|fin|early|mid|end of|late)\b/;

/** The side of today the words put a date on, when they say it. */
function tenseOf(text: string): DatePreference | undefined {
  const folded = foldWords(text);
  if (PAST_WORDS.test(folded)) return 'past';
  return FUTURE_WORDS.test(folded) ? 'future' : undefined;
}

/** A calendar date stored as ISO; `check` refuses dates that are real but implausible for this field. */
export function dateField(
  key: string,
  base: FieldBase & {
    prefer: DatePreference;
    check?(iso: string, context: ApplicationContext): Interpretation | undefined;
  },
): ApplicationField {
  const { prefer, check, ...rest } = base;
  return {
    ...sentenceKeys(key),
    kind: 'date',
    interpret(text, context) {
      if (isDontKnow(text)) return refuse('required');
      const { now, locale, settings } = context;
      // "On a démarré en octobre" is past even for a start date; "le mois prochain" is future.
      const tense = tenseOf(text) ?? prefer;
      const parsed = parseFrenchDate(text, { now, prefer: tense, locale, timeZone: settings.timeZone });
      if (!parsed.ok) {
        if (parsed.reason === 'invalid_date') return refuse('invalidDate');
        return refuse(parsed.reason === 'ambiguous' ? 'severalDates' : 'notADate');
      }
      const { iso, precision } = parsed.value;
      const checked = check?.(iso, context);
      if (checked) return checked;
      // "2019" is no date to store: the committee needs the day.
      if (precision === 'year') return refuse('dateYearOnly');
      // "mars 2015": the day is ours, to confirm ("fin mars 2027" names one).
      if (precision === 'month' && !PART_OF_MONTH.test(foldWords(text))) {
        return unsure(iso, dateDisplay(iso), 'precision');
      }
      return answerOf(iso, dateDisplay(iso), parsed.certain);
    },
    display: (value) => dateDisplay(String(value)),
    ...rest,
  };
}

/** Free text between `min` and `max` characters, spaces collapsed on each line. */
export function cleanText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^["«»“”\s]+|["«»“”\s]+$/g, '');
}

export const lengthOf = (text: string): number => [...text].length;

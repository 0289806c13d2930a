import type { Answers, AnswerValue } from '../questionnaire/question.js';
import type { ApplicationContext, ApplicationField } from './applicationFieldKit.js';
import { COMPANY_FIELDS } from './applicationFieldsCompany.js';
import { CONTACT_FIELDS } from './applicationFieldsContact.js';
import { DOCUMENTS_FIELD } from './applicationFieldsLists.js';
import { PROJECT_FIELDS, PROJECT_TYPE_FIELD } from './applicationFieldsProject.js';
import { ELIGIBILITY } from './eligibilityRuleSet.js';
import type { EligibilityAnswers } from './eligibilityRules.js';

export type { ApplicationContext, ApplicationField } from './applicationFieldKit.js';
export { APPLICATION_ERROR_REASONS } from './applicationFieldKit.js';
export { PENDING } from './applicationFieldsCompany.js';
export { NONE as NO_OTHER_FINANCING } from './applicationFieldsProject.js';

/**
 * The application file, in the order it is asked. The project type comes first: it is almost always known
 * from the eligibility check, and it decides whether a future creation date or a missing SIRET is acceptable.
 * The commune answer is an object; `storedValues` turns it into company.commune/postalCode/inseeCode.
 */
export const APPLICATION_FORM: readonly ApplicationField[] = [
  PROJECT_TYPE_FIELD,
  ...COMPANY_FIELDS,
  ...PROJECT_FIELDS,
  ...CONTACT_FIELDS,
];

/**
 * Keys of files stored before their question was dropped, still read by the committee (CSV column, labels):
 * `documents`, the pieces the applicant said were at hand, is no longer asked now that the pieces themselves are
 * sent in the chat at any time and the recap lists those received and missing (recapDocuments.ts).
 */
export const RETIRED_FIELDS: readonly ApplicationField[] = [DOCUMENTS_FIELD];

/** The steps of the form, in the order asked: "Entreprise → Projet → Financement → Contact". */
export const FORM_STEPS = ['company', 'project', 'financing', 'contact'] as const;
export type FormStep = (typeof FORM_STEPS)[number];

export const stepOf = (field: ApplicationField): FormStep => field.step ?? field.group;

/**
 * The order questions are asked in: step by step, form order within a step. The form's own order is the
 * file's (DOMAIN.md: the committee's columns), where the jobs follow the financing.
 */
const ASKING_ORDER = [...APPLICATION_FORM].sort(
  (a, b) => FORM_STEPS.indexOf(stepOf(a)) - FORM_STEPS.indexOf(stepOf(b)),
);

const BY_KEY = new Map(APPLICATION_FORM.map((field) => [field.key, field]));

export function findField(key: string): ApplicationField | undefined {
  return BY_KEY.get(key);
}

/** Fields whose condition holds for these answers, answered or not, in form order. */
export function applicableFields(
  answers: Answers,
  _context?: ApplicationContext,
  form: readonly ApplicationField[] = APPLICATION_FORM,
): ApplicationField[] {
  return form.filter((field) => field.when?.(answers) ?? true);
}

/**
 * Fields still to ask, in form order. Optional fields are included: they are asked once, and "plus tard"
 * stores an answer (an empty list), so they never block the submission afterwards.
 */
export function missingFields(answers: Answers, context?: ApplicationContext): ApplicationField[] {
  return applicableFields(answers, context, ASKING_ORDER).filter(
    (field) => answers[field.key] === undefined && (!context || (field.ask?.(answers, context) ?? true)),
  );
}

export function nextField(answers: Answers, context?: ApplicationContext): ApplicationField | undefined {
  return missingFields(answers, context)[0];
}

/** A numbered question is one the count announces; a follow-up is asked only when an answer left it open. */
const numbered = (field: ApplicationField) => field.followUp !== true;

/** About how long one question takes to answer, for the time announced at the start (issue 15: ~25 s a turn). */
export const SECONDS_PER_QUESTION = 30;

/** The numbered questions still to ask, and about how many minutes they take (announced at the start). */
export function plannedQuestions(answers: Answers, context: ApplicationContext) {
  const count = missingFields(answers, context).filter(numbered).length;
  return { count, minutes: Math.max(1, Math.round((count * SECONDS_PER_QUESTION) / 60)) };
}

/**
 * "Étape 2 sur 4 · Projet — question 5 sur 14" for a question about to be asked in a walk. The count is of this
 * walk: the numbered questions it asked (`asked`), then this one, then those still missing. It never grows (a
 * total shown is only ever lowered, when an answer makes questions moot) and never jumps (answers given in
 * passing fill follow-ups, which are not counted). A follow-up shows no count.
 */
export function progressOf(
  answers: Answers,
  field: ApplicationField,
  context: ApplicationContext,
  walk: { asked: readonly string[]; total?: number } = { asked: [] },
) {
  if (!numbered(field)) return null;
  const askedBefore = walk.asked.filter((key) => key !== field.key && isNumbered(key)).length;
  const index = askedBefore + 1;
  const after = missingFields(answers, context).filter((other) => other !== field && numbered(other)).length;
  const total = Math.max(index, Math.min(walk.total ?? Infinity, index + after));
  const step = stepOf(field);
  return {
    index,
    total,
    step: {
      index: FORM_STEPS.indexOf(step) + 1,
      total: FORM_STEPS.length,
      labelKey: `application:group.${step}`,
    },
  };
}

function isNumbered(key: string): boolean {
  const field = BY_KEY.get(key);
  return field !== undefined && numbered(field);
}

/**
 * The question before `key` in form order that the applicant answered (not one the check answered), for
 * *retour* in a resumed draft; `known` are the answers the check gave.
 */
export function previousField(
  answers: Answers,
  key: string | undefined,
  known: Answers,
  context?: ApplicationContext,
): ApplicationField | undefined {
  const fields = applicableFields(answers, context, ASKING_ORDER);
  const at = key ? fields.findIndex((field) => field.key === key) : fields.length;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return fields
    .slice(0, at < 0 ? fields.length : at)
    .reverse()
    .find((field) => answers[field.key] !== undefined && !same(answers[field.key], known[field.key]));
}

/** What the eligibility check already knows, under the form's keys: each rule declares it (eligibilityRules.ts). */
export function prefillFromEligibility(eligibility: EligibilityAnswers): Answers {
  return ELIGIBILITY.prefill(eligibility);
}

/**
 * The file as the committee queue stores it: one flat value per key of the field registry, only for fields
 * that apply (an amount left over after the financial volet was dropped is not sent). A field with a `record`
 * stores several keys (the commune). Other keys of the draft, such as `notice.acknowledgedAt`, are the
 * caller's business.
 */
export function storedValues(
  answers: Answers,
  form: readonly ApplicationField[] = APPLICATION_FORM,
): Record<string, AnswerValue> {
  const record: Record<string, AnswerValue> = {};
  for (const field of applicableFields(answers, undefined, form)) {
    const value = answers[field.key];
    if (value === undefined) continue;
    if (field.record) Object.assign(record, field.record.values(value));
    else record[field.key] = value;
  }
  return record;
}

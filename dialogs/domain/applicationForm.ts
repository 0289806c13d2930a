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
  DOCUMENTS_FIELD,
];

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
  return applicableFields(answers, context).filter((field) => answers[field.key] === undefined);
}

export function nextField(answers: Answers, context?: ApplicationContext): ApplicationField | undefined {
  return missingFields(answers, context)[0];
}

/**
 * "Question 5 sur 31": the place of the field among the applicable ones (prefilled fields count as done, so a
 * prefilled draft starts further along). The total moves when an answer opens a conditional field.
 */
export function progressOf(
  answers: Answers,
  field: ApplicationField,
  context?: ApplicationContext,
): { index: number; total: number } {
  const applicable = applicableFields(answers, context);
  const position = APPLICATION_FORM.indexOf(field);
  const before = applicable.filter((other) => APPLICATION_FORM.indexOf(other) < position).length;
  const total = applicable.length + (applicable.includes(field) ? 0 : 1);
  return { index: before + 1, total };
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

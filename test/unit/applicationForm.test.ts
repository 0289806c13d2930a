import {
  APPLICATION_FORM,
  applicableFields,
  findField,
  missingFields,
  progressOf,
} from '../../dialogs/domain/applicationForm.js';
import type { ProgrammeSettings } from '../../dialogs/domain/programmeSettings.js';
import type { Answers, AnswerValue } from '../../dialogs/questionnaire/question.js';
import { APPLICATION_DATA_KEYS } from '../../storage/applicationView.js';
import { complete, context, keys, settings } from './applicationFormFixtures.js';

function validate(
  key: string,
  value: AnswerValue,
  answers: Answers,
  programme: ProgrammeSettings = settings,
) {
  const field = findField(key);
  if (!field?.validate) throw new Error(`no validation on ${key}`);
  return field.validate(value, answers, { ...context, settings: programme });
}

const withJobs = (minimum: number): ProgrammeSettings => ({
  ...settings,
  jobs: { ...settings.jobs, minimum },
});

describe('the form definition', () => {
  test('keys are unique and every field is found by its key', () => {
    expect(new Set(keys(APPLICATION_FORM)).size).toBe(APPLICATION_FORM.length);
    for (const field of APPLICATION_FORM) expect(findField(field.key)).toBe(field);
    expect(findField('company.unknown')).toBeUndefined();
  });

  test('the stored file holds every question of the form, the commune as three keys, the register source and the notice', () => {
    const stored = new Set<string>(APPLICATION_DATA_KEYS);
    const asked = keys(APPLICATION_FORM).filter((key) => key !== 'company.commune');
    expect(asked.filter((key) => !stored.has(key))).toEqual([]);
    expect(APPLICATION_DATA_KEYS).toContain('project.otherFinancingAmount');
    expect(APPLICATION_DATA_KEYS.filter((key) => !asked.includes(key))).toEqual([
      'company.postalCode',
      'company.commune',
      'company.inseeCode',
      'company.registerPrefill',
      'notice.acknowledgedAt',
    ]);
  });

  test('the project type comes first, the contact fields are personal, the documents optional and last', () => {
    expect(APPLICATION_FORM[0].key).toBe('project.type');
    const personal = APPLICATION_FORM.filter((field) => field.personal);
    expect(keys(personal)).toEqual([
      'contact.firstName',
      'contact.lastName',
      'contact.role',
      'contact.email',
      'contact.phone',
    ]);
    expect(APPLICATION_FORM.at(-1)).toMatchObject({ key: 'documents', optional: true });
    expect(APPLICATION_FORM.filter((field) => field.optional)).toHaveLength(1);
  });

  test('groups run company, project, contact after the project type', () => {
    const groups = APPLICATION_FORM.slice(1, -1).map((field) => field.group);
    expect([...new Set(groups)]).toEqual(['company', 'project', 'contact']);
  });
});

describe('conditions', () => {
  test.each<[string, Answers, boolean]>([
    ['project.amountRequested', { 'project.aidTypes': ['financial'] }, true],
    ['project.amountRequested', { 'project.aidTypes': ['advice', 'mentoring'] }, false],
    ['project.amountRequested', {}, false],
    ['company.groupShare', { 'company.independent': false }, true],
    ['company.groupShare', { 'company.independent': true }, false],
    ['company.groupShare', {}, false],
    ['project.mentoringNeeds', { 'project.aidTypes': ['mentoring'] }, true],
    ['project.mentoringNeeds', { 'project.aidTypes': ['financial', 'advice'] }, false],
    ['project.otherFinancingAmount', { 'project.otherFinancing': 'Prêt bancaire' }, true],
    ['project.otherFinancingAmount', { 'project.otherFinancing': 'none' }, false],
    ['project.otherFinancingAmount', {}, false],
  ])('%s with %j applies: %p', (key, answers, applies) => {
    expect(keys(applicableFields(answers, context)).includes(key)).toBe(applies);
  });
});

describe('validation against other answers', () => {
  test.each<[string, AnswerValue, Answers, string | null]>([
    ['project.amountRequested', 40_000, { 'project.investment': 30_000 }, 'amountAboveInvestment'],
    ['project.amountRequested', 30_000, { 'project.investment': 30_000 }, null],
    [
      'project.investment',
      20_000,
      { 'project.aidTypes': ['financial'], 'project.amountRequested': 30_000 },
      'investmentBelowAmount',
    ],
    [
      'project.investment',
      20_000,
      { 'project.aidTypes': ['advice'], 'project.amountRequested': 30_000 },
      null,
    ],
    ['project.jobsKept', 0, { 'project.jobsCreated': 0 }, 'jobsTooFew'],
    ['project.jobsKept', 0, { 'project.jobsCreated': 1 }, null],
    ['project.jobsCreated', 0, { 'project.jobsKept': 0 }, 'jobsTooFew'],
    ['project.jobsCreated', 0, {}, null],
    ['company.creationDate', '2027-03-31', { 'project.type': 'development' }, 'creationDateFuture'],
    ['company.creationDate', '2027-03-31', {}, 'creationDateFuture'],
    ['company.creationDate', '2027-03-31', { 'project.type': 'creation' }, null],
    ['company.creationDate', '2026-10-01', { 'project.type': 'takeover' }, null],
    ['company.creationDate', '2015-03-12', { 'project.type': 'development' }, null],
    ['company.siret', 'pending', { 'project.type': 'development' }, 'siretNeeded'],
    ['company.siret', 'pending', { 'project.type': 'creation' }, null],
    ['company.nafCode', 'pending', { 'project.type': 'takeover' }, 'nafNeeded'],
  ])('%s = %p with %j → %p', (key, value, answers, reason) => {
    const result = validate(key, value, answers);
    expect(result?.errorKey ?? null).toBe(reason && `application:error.${reason}`);
  });

  test('the error gives the figures the sentence needs', () => {
    expect(validate('project.amountRequested', 40_000, { 'project.investment': 30_000 })).toEqual({
      errorKey: 'application:error.amountAboveInvestment',
      params: { amount: 40_000, investment: 30_000 },
    });
    expect(validate('project.jobsKept', 1, { 'project.jobsCreated': 1 }, withJobs(3))).toEqual({
      errorKey: 'application:error.jobsTooFew',
      params: { count: 3, total: 2 },
    });
    expect(validate('project.jobsKept', 2, { 'project.jobsCreated': 1 }, withJobs(3))).toBeNull();
  });

  test('the advance bounds come from the settings', () => {
    const narrow = { ...context, settings: { ...settings, advance: { min: 10_000, max: 20_000 } } };
    const field = findField('project.amountRequested');
    expect(field?.interpret('8 000 €', narrow)).toMatchObject({ params: { min: 10_000, max: 20_000 } });
    expect(field?.interpret('20 000 €', narrow)).toMatchObject({ kind: 'answer', value: 20_000 });
    expect(field?.promptParams?.(narrow)).toEqual({ min: 10_000, max: 20_000 });
  });
});

describe('missing fields and progress', () => {
  const unconditional = APPLICATION_FORM.filter((field) => !field.when);

  test('an empty draft misses every unconditional field, in form order', () => {
    expect(keys(missingFields({}, context))).toEqual(keys(unconditional));
    expect(unconditional).toHaveLength(28);
  });

  test('answers open the conditional fields where they belong', () => {
    const answers: Answers = {
      'company.independent': false,
      'project.aidTypes': ['financial', 'mentoring'],
      'project.otherFinancing': 'Prêt bancaire',
    };
    const missing = keys(missingFields(answers, context));
    expect(missing).toHaveLength(32 - 3);
    expect(missing.indexOf('company.groupShare')).toBe(missing.indexOf('company.proceedings') - 1);
    expect(missing.indexOf('project.amountRequested')).toBe(missing.indexOf('project.investment') + 1);
    expect(missing.indexOf('project.otherFinancingAmount')).toBe(missing.indexOf('project.jobsCreated') - 1);
    expect(missing.indexOf('project.mentoringNeeds')).toBe(missing.indexOf('contact.firstName') - 1);
  });

  test('a complete file misses nothing; the documents answered "later" count as answered', () => {
    expect(missingFields(complete, context)).toEqual([]);
    expect(missingFields({ ...complete, documents: [] }, context)).toEqual([]);
    expect(keys(missingFields({ ...complete, documents: undefined }, context))).toEqual(['documents']);
  });

  /** The questions every file asks, whatever the answers: the fields of the registry without a condition. */
  const ALWAYS = APPLICATION_FORM.filter((field) => !field.when).length;
  const progress = (key: string, answers: Answers) => {
    const field = findField(key);
    if (!field) throw new Error(key);
    return progressOf(answers, field, context);
  };

  test('an empty file counts only the questions without a condition, the project type first, the documents last', () => {
    expect(progress('project.type', {})).toEqual({ index: 1, total: ALWAYS });
    expect(progress('company.name', {})).toEqual({ index: 2, total: ALWAYS });
    expect(progress('documents', {})).toEqual({ index: ALWAYS, total: ALWAYS });
  });

  test('an answer that opens a question counts it: in the total, and in the index of what follows it', () => {
    // The financial volet opens the amount requested (a project question, before the contact).
    expect(progress('contact.phone', { 'project.aidTypes': ['financial'] })).toEqual({
      index: progress('contact.phone', {}).index + 1,
      total: ALWAYS + 1,
    });
    // A company that is not independent is asked the group's share, before its proceedings.
    expect(progress('company.proceedings', { 'company.independent': false })).toEqual({
      index: progress('company.proceedings', {}).index + 1,
      total: ALWAYS + 1,
    });
    // A complete file with every volet: the documents are the last of every question it applies.
    const applicable = applicableFields(complete, context).length;
    expect(applicable).toBeGreaterThan(ALWAYS + 2);
    expect(progress('documents', complete)).toEqual({ index: applicable, total: applicable });
  });

  test('a field asked although its condition fails still gets a place within the total', () => {
    const field = findField('project.amountRequested');
    if (!field) throw new Error('no field');
    const { index, total } = progressOf({}, field, context);
    expect(index).toBeLessThanOrEqual(total);
    expect(total).toBe(ALWAYS + 1);
  });
});

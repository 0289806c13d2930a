import {
  APPLICATION_FORM,
  RETIRED_FIELDS,
  applicableFields,
  findField,
  missingFields,
  progressOf,
  stepOf,
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

  test('the stored file holds every question of the form, the commune as three keys, the register source, the notice and the documents of older files', () => {
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
      // No longer asked (the pieces are sent in the chat): files stored before keep their column.
      'documents',
    ]);
    expect(keys(RETIRED_FIELDS)).toEqual(['documents']);
  });

  test('the project type comes first, the contact fields are personal, no question is optional', () => {
    expect(APPLICATION_FORM[0].key).toBe('project.type');
    const personal = APPLICATION_FORM.filter((field) => field.personal);
    expect(APPLICATION_FORM.find((field) => field.key === 'contact.isInterlocutor')?.personal).toBeFalsy();
    expect(keys(personal)).toEqual([
      'contact.firstName',
      'contact.lastName',
      'contact.role',
      'contact.email',
      'contact.phone',
    ]);
    expect(APPLICATION_FORM.filter((field) => field.optional)).toHaveLength(0);
  });

  test('the questions are asked step by step: company, project, financing, contact, the documents never', () => {
    const asked = missingFields({}, context);
    expect([...new Set(asked.map(stepOf))]).toEqual(['company', 'project', 'financing', 'contact']);
    expect(asked[0].key).toBe('project.type');
    expect(asked.at(-1)?.key).toBe('contact.phone');
    expect(keys(asked)).not.toContain('documents');
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

  test('an empty draft misses every unconditional field; the balance sheet only with an unknown turnover', () => {
    // With no turnover yet, every field that applies to a company already in business is missing.
    const open = APPLICATION_FORM.filter((field) => field.when?.({ 'project.type': 'development' }) ?? true);
    expect(keys(missingFields({}, context)).sort()).toEqual(keys(open).sort());
    expect(unconditional.length).toBeGreaterThan(20);
    const within = missingFields({ 'company.turnover': 1_200_000 }, context);
    expect(keys(within)).not.toContain('company.balanceSheet');
    expect(keys(missingFields({ 'company.turnover': 60_000_000 }, context))).toContain(
      'company.balanceSheet',
    );
  });

  test('a company being created is asked no turnover, balance sheet or tax standing', () => {
    const creation = keys(missingFields({ 'project.type': 'creation' }, context));
    for (const key of ['company.turnover', 'company.balanceSheet', 'company.goodStanding'])
      expect(creation).not.toContain(key);
    expect(creation).toContain('company.headcount');
  });

  test('answers open the conditional fields where they belong', () => {
    const answers: Answers = {
      'company.independent': false,
      'project.aidTypes': ['financial', 'mentoring'],
      'project.otherFinancing': 'Prêt bancaire',
    };
    const missing = keys(missingFields(answers, context));
    expect(missing.indexOf('company.groupShare')).toBe(missing.indexOf('company.proceedings') - 1);
    expect(missing.indexOf('project.amountRequested')).toBe(missing.indexOf('project.investment') + 1);
    expect(missing.indexOf('project.otherFinancingAmount')).toBe(
      missing.indexOf('contact.isInterlocutor') - 1,
    );
    expect(missing.indexOf('project.mentoringNeeds')).toBe(missing.indexOf('project.investment') - 1);
  });

  test('a complete file misses nothing, with or without the documents answer of an older draft', () => {
    expect(missingFields(complete, context)).toEqual([]);
    expect(missingFields({ ...complete, documents: undefined }, context)).toEqual([]);
  });

  const progress = (key: string, answers: Answers, walk?: { asked: string[]; total?: number }) => {
    const field = findField(key);
    if (!field) throw new Error(key);
    return progressOf(answers, field, context, walk);
  };
  /** The numbered questions of an empty file: what the count announces at its start. */
  const FIRST_TOTAL = missingFields({}, context).filter((field) => !field.followUp).length;

  test('an empty file counts its numbered questions, the project type first, in the first step', () => {
    expect(progress('project.type', {})).toEqual({
      index: 1,
      total: FIRST_TOTAL,
      step: { index: 1, total: 4, labelKey: 'application:group.company' },
    });
    expect(progress('project.investment', {})?.step?.labelKey).toBe('application:group.financing');
    expect(progress('contact.isInterlocutor', {})?.step?.index).toBe(4);
  });

  test('a follow-up shows no count: asking it never makes the total grow', () => {
    expect(progress('company.legalForm', {})).toBeNull();
    expect(progress('project.amountRequested', { 'project.aidTypes': ['financial'] })).toBeNull();
    expect(progress('contact.phone', {})).toBeNull();
  });

  test('the count is of the walk: one more per numbered question answered, never above the total shown', () => {
    const answers = { 'project.type': 'development', 'company.name': 'Méca' };
    const third = progress('company.siret', answers, {
      asked: ['project.type', 'company.name', 'company.legalForm'],
      total: FIRST_TOTAL,
    });
    expect(third).toMatchObject({ index: 3, total: FIRST_TOTAL });
    // A creation drops the turnover and the tax standing: the total shown goes down, never up.
    const creation = progress(
      'company.siret',
      { ...answers, 'project.type': 'creation' },
      {
        asked: ['project.type', 'company.name'],
        total: FIRST_TOTAL,
      },
    );
    expect(creation?.total).toBe(FIRST_TOTAL - 2);
    expect(
      progress('company.siret', answers, { asked: ['project.type', 'company.name'], total: 5 })?.total,
    ).toBe(5);
  });
});

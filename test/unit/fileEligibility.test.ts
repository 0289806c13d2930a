import { ELIGIBILITY } from '../../dialogs/domain/eligibilityRuleSet.js';
import type { EligibilityAnswers } from '../../dialogs/domain/eligibilityRules.js';
import { fieldOfRule, fileEligibilityAnswers, fileVerdict } from '../../dialogs/domain/fileEligibility.js';
import { costMismatch, sameSiret } from '../../dialogs/domain/fileChecks.js';
import type { Answers } from '../../dialogs/questionnaire/question.js';
import { settings, TEST_NOW } from '../support/programmeFixture.js';

const context = { settings, now: TEST_NOW };
const ALES = { inseeCode: '30007', name: 'Alès', department: '30', postalCode: '30100' };
const CHECK: EligibilityAnswers = {
  commune: ALES,
  headcount: 12,
  turnover: 1_200_000,
  sector: { nafCode: '25.62B' },
  jobs: 3,
  proceedings: 'liquidation',
  deMinimis: 0,
  independent: true,
  projectType: 'development',
  goodStanding: 'yes',
};

describe('the verdict of a file, from its own answers over the check’s', () => {
  test('the check alone: NO for the liquidation', () => {
    const verdict = fileVerdict(ELIGIBILITY, CHECK, {}, context);
    expect(verdict.verdict).toBe('NO');
    expect(verdict.failing.map((result) => result.ruleId)).toEqual(['proceedings']);
  });

  test.each<[string, Answers, 'OK' | 'REVIEW' | 'NO']>([
    ['the proceedings corrected in the file', { 'company.proceedings': 'none' }, 'OK'],
    ['and 400 staff in the file', { 'company.proceedings': 'none', 'company.headcount': 400 }, 'NO'],
    [
      'a NAF code of agriculture in the file',
      { 'company.proceedings': 'none', 'company.nafCode': '01.11Z' },
      'NO',
    ],
    [
      'a NAF code still pending keeps the check’s sector',
      { 'company.proceedings': 'none', 'company.nafCode': 'pending' },
      'OK',
    ],
    [
      'no job created nor kept',
      { 'company.proceedings': 'none', 'project.jobsCreated': 0, 'project.jobsKept': 0 },
      'NO',
    ],
    [
      'one job created, the kept ones not asked yet',
      { 'company.proceedings': 'none', 'project.jobsCreated': 1 },
      'OK',
    ],
    [
      'no job created, the kept ones not asked yet: the check’s 3 stand',
      { 'company.proceedings': 'none', 'project.jobsCreated': 0 },
      'OK',
    ],
    ['a takeover', { 'company.proceedings': 'none', 'project.type': 'takeover' }, 'REVIEW'],
  ])('%s → %s', (_case, file, expected) => {
    expect(fileVerdict(ELIGIBILITY, CHECK, file, context).verdict).toBe(expected);
  });

  test('without a check, a complete file decides every rule by itself', () => {
    const file: Answers = {
      'company.commune': ALES,
      'company.headcount': 12,
      'company.turnover': 1_200_000,
      'company.nafCode': '25.62B',
      'project.jobsCreated': 2,
      'project.jobsKept': 1,
      'company.proceedings': 'none',
      'company.deMinimisReceived': 0,
      'company.independent': true,
      'project.type': 'development',
      'company.goodStanding': 'yes',
    };
    expect(fileEligibilityAnswers(ELIGIBILITY, {}, file, context)).toMatchObject({
      jobs: 3,
      sector: { nafCode: '25.62B' },
    });
    expect(fileVerdict(ELIGIBILITY, {}, file, context).verdict).toBe('OK');
  });

  test.each([
    ['proceedings', 'company.proceedings'],
    ['territory', 'company.commune'],
    ['headcount', 'company.headcount'],
    ['jobs', 'project.jobsCreated'],
    ['deMinimis', 'company.deMinimisReceived'],
  ])('a NO of %s is corrected at %s', (rule, field) => {
    expect(fieldOfRule(ELIGIBILITY, rule)).toBe(field);
  });
});

describe('the checks before sending', () => {
  const plan = (investment: number, amount: number, other?: number): Answers => ({
    'project.aidTypes': ['financial'],
    'project.investment': investment,
    'project.amountRequested': amount,
    ...(other === undefined ? {} : { 'project.otherFinancingAmount': other }),
  });

  test.each<[string, Answers, boolean]>([
    ['250 000 = 30 000 + 220 000', plan(250_000, 30_000, 220_000), false],
    ['250 000 ≠ 30 000 + 150 000', plan(250_000, 30_000, 150_000), true],
    ['50 000 = 50 000, no other financing', plan(50_000, 50_000), false],
    ['a rounding of 1 €', plan(250_000, 30_000, 219_999), false],
    [
      'no advance asked: no plan to check',
      { ...plan(250_000, 30_000), 'project.aidTypes': ['advice'] },
      false,
    ],
  ])('%s', (_case, answers, mismatch) => {
    expect(costMismatch(answers) !== undefined).toBe(mismatch);
  });

  test('the figures of a mismatch', () => {
    expect(costMismatch(plan(250_000, 30_000, 150_000))).toEqual({
      investment: 250_000,
      amountRequested: 30_000,
      otherFinancing: 150_000,
    });
  });

  const other = (reference: string, siret: unknown, status = 'received') => ({
    reference,
    status,
    data: { 'company.siret': siret },
  });

  test('the same SIRET, with or without spaces, in files not withdrawn', () => {
    const files = [
      other('ALZ-2026-0001', '73282932000074'),
      other('ALZ-2026-0002', '732 829 320 00074', 'withdrawn'),
      other('ALZ-2026-0003', '73282932000082'),
      other('ALZ-2026-0004', 73282932000074),
    ];
    expect(sameSiret({ 'company.siret': '73282932000074' }, files)).toEqual([
      'ALZ-2026-0001',
      'ALZ-2026-0004',
    ]);
    expect(sameSiret({ 'company.siret': 'pending' }, files)).toEqual([]);
  });
});

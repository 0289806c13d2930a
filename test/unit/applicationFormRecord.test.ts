import { REGISTER_PREFILL_KEY } from '../../dialogs/domain/companyRegisterAnswers.js';
import { missingFields, prefillFromEligibility, storedValues } from '../../dialogs/domain/applicationForm.js';
import type { EligibilityAnswers } from '../../dialogs/domain/eligibilityRules.js';
import { APPLICATION_DATA_KEYS } from '../../storage/applicationView.js';
import { complete, context, keys } from './applicationFormFixtures.js';

describe('prefill from the eligibility check', () => {
  const eligibility: Required<EligibilityAnswers> = {
    commune: { inseeCode: '30007', name: 'Alès', department: '30', postalCode: '30100' },
    headcount: 12,
    turnover: 1_800_000,
    balanceSheet: 900_000,
    independent: true,
    sector: { nafCode: '25.62B' },
    projectType: 'development',
    jobs: 3,
    proceedings: 'none',
    goodStanding: 'plan',
    deMinimis: 20_000,
  };

  test('known answers are carried over under the form keys; the jobs as the total the file splits', () => {
    expect(prefillFromEligibility(eligibility)).toEqual({
      'company.commune': { inseeCode: '30007', name: 'Alès', department: '30', postalCode: '30100' },
      'company.headcount': 12,
      'company.turnover': 1_800_000,
      'company.balanceSheet': 900_000,
      'company.independent': true,
      'company.nafCode': '25.62B',
      'project.type': 'development',
      'company.proceedings': 'none',
      'company.goodStanding': 'plan',
      'company.deMinimisReceived': 20_000,
      'project.jobsTotal': 3,
    });
  });

  test('"je ne sais pas" and a commune without postal code are asked again; a sector category is kept', () => {
    const prefilled = prefillFromEligibility({
      ...eligibility,
      commune: { inseeCode: '30007', name: 'Alès', department: '30' },
      headcount: 'unknown',
      turnover: 'unknown',
      balanceSheet: 'unknown',
      independent: 'unknown',
      sector: { category: 'industry' },
      proceedings: 'unknown',
      goodStanding: 'unknown',
      deMinimis: 'unknown',
    });
    expect(prefilled).toEqual({
      'project.type': 'development',
      'company.activity': 'industry',
      'project.jobsTotal': 3,
    });
  });

  test('false and 0 are answers too', () => {
    const prefilled = prefillFromEligibility({ independent: false, deMinimis: 0, headcount: 0 });
    expect(prefilled).toEqual({
      'company.independent': false,
      'company.deMinimisReceived': 0,
      'company.headcount': 0,
    });
  });

  test('an empty check prefills nothing', () => {
    expect(prefillFromEligibility({})).toEqual({});
  });

  test('prefilled fields are not asked', () => {
    const missing = keys(missingFields(prefillFromEligibility(eligibility), context));
    expect(missing).not.toContain('company.headcount');
    expect(missing).not.toContain('project.type');
    expect(missing.slice(0, 4)).toEqual([
      'company.name',
      'company.siret',
      'company.legalForm',
      'company.creationDate',
    ]);
  });
});

describe('the flat record for the committee queue', () => {
  test('the commune becomes postal code, name and INSEE code; everything else is kept as is', () => {
    const record = storedValues(complete);
    expect(record).toMatchObject({
      'company.postalCode': '30100',
      'company.commune': 'Alès',
      'company.inseeCode': '30007',
      'company.siret': '73282932000074',
      'project.aidTypes': ['financial', 'advice', 'mentoring'],
      'contact.phone': '+33612345678',
    });
    // The dialog writes the notice's time and, after a company lookup, the keys the register filled; the
    // documents are those of older files (no longer asked).
    const written = ['notice.acknowledgedAt', REGISTER_PREFILL_KEY, 'documents'];
    const expected = APPLICATION_DATA_KEYS.filter((key) => !written.includes(key));
    expect(Object.keys(record).sort()).toEqual([...expected].sort());
    expect(record['project.otherFinancingAmount']).toBe(complete['project.otherFinancingAmount']);
  });

  test('answers of fields that no longer apply are not sent', () => {
    const record = storedValues({
      ...complete,
      'project.aidTypes': ['advice'],
      'company.independent': true,
      'project.otherFinancing': 'none',
    });
    expect(record['project.amountRequested']).toBeUndefined();
    expect(record['project.mentoringNeeds']).toBeUndefined();
    expect(record['company.groupShare']).toBeUndefined();
    expect(record['project.otherFinancingAmount']).toBeUndefined();
    expect(record['project.otherFinancing']).toBe('none');
  });

  test('a draft key that is no field is left to the caller', () => {
    expect(storedValues({ 'notice.acknowledgedAt': '2026-10-01T08:00:00.000Z' })).toEqual({});
  });
});

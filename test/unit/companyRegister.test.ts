import { readRegisterResponse, registerQuery } from '../../dialogs/domain/companyRegister.js';
import {
  headcountRange,
  legalFormOfCategory,
  registerApplicationAnswers,
  registerEligibilityAnswers,
} from '../../dialogs/domain/companyRegisterAnswers.js';
import { CLOSED_SIRET, FOUND_SIRET, legalUnit, page } from '../support/companyRegisterFixtures.js';

const bySiret = (siret: string) => ({ kind: 'siret' as const, siret });

describe('the register’s answers, read purely', () => {
  test('a SIRET typed with spaces is a SIRET; a name is a name; a wrong number is said so', () => {
    expect(registerQuery('732 829 320 00074')).toEqual(bySiret(FOUND_SIRET));
    expect(registerQuery('  Mécanique   Cévenole ')).toEqual({ kind: 'name', name: 'Mécanique Cévenole' });
    expect(registerQuery('732 829 320 00075')).toEqual({ kind: 'invalid', reason: 'siret' });
    expect(registerQuery('x')).toEqual({ kind: 'invalid', reason: 'name' });
  });

  test('the documented response becomes our fields: name, SAS, creation date, NAF, street, Alès', () => {
    const [company] = readRegisterResponse(page([legalUnit()]), bySiret(FOUND_SIRET))!;
    expect(registerApplicationAnswers(company)).toEqual({
      'company.name': 'MECANIQUE CEVENOLE',
      'company.siret': FOUND_SIRET,
      'company.legalForm': 'SAS',
      'company.creationDate': '2015-03-12',
      'company.nafCode': '25.62B',
      'company.address': '12 RUE DE LA REPUBLIQUE',
      'company.commune': { inseeCode: '30007', name: 'Alès', department: '30', postalCode: '30100' },
    });
    expect(registerEligibilityAnswers(company)).toMatchObject({
      commune: { inseeCode: '30007', postalCode: '30100' },
      sector: { nafCode: '25.62B' },
      creationDate: '2015-03-12',
      registerStatus: 'active',
    });
    expect(registerEligibilityAnswers(company, ['address', 'activity'])).not.toHaveProperty('commune');
  });

  test('a SIRET the result does not hold, or a body of another shape, finds nothing', () => {
    expect(readRegisterResponse(page([legalUnit()]), bySiret(CLOSED_SIRET))).toEqual([]);
    expect(readRegisterResponse({ resultats: [] }, bySiret(FOUND_SIRET))).toBeUndefined();
    expect(readRegisterResponse('<html>', bySiret(FOUND_SIRET))).toBeUndefined();
  });

  test.each([
    ['5710', 'SAS'],
    ['5499', 'SARL'],
    ['1000', 'EI'],
    ['5458', 'SCOP'],
    ['5510', 'other'],
  ])('legal category %s → %s', (category, form) => {
    expect(legalFormOfCategory(category)).toBe(form);
  });

  test('a headcount band is a range to confirm, never a number', () => {
    expect(headcountRange('11')).toEqual({ min: 10, max: 19 });
    expect(headcountRange('53')).toEqual({ min: 10000 });
    expect(headcountRange('NN')).toEqual({ min: 0, max: 0 });
    expect(headcountRange('99')).toBeUndefined();
  });
});

import { findField, RETIRED_FIELDS, type ApplicationContext } from '../../dialogs/domain/applicationForm.js';
import type { AnswerValue, Interpretation, Params } from '../../dialogs/questionnaire/question.js';
import { detectGlobalCommand } from '../../dialogs/globalCommands.js';
import { context as fr, settings } from './applicationFormFixtures.js';

function interpret(key: string, text: string, context: ApplicationContext = fr): Interpretation {
  // The documents question is no longer asked; its reading still shows the answers of older drafts.
  const field = findField(key) ?? RETIRED_FIELDS.find((retired) => retired.key === key);
  if (!field) throw new Error(`no field ${key}`);
  return field.interpret(text, context);
}

const E = (reason: string) => `application:error.${reason}`;
const Q = (reason: string) => `questionnaire:error.${reason}`;

type Accepted = [key: string, input: string, value: AnswerValue, certain: boolean];
type Refused = [key: string, input: string, errorKey: string, params?: Params];

describe('French answers the form understands', () => {
  test.each<Accepted>([
    ['project.type', 'Développement', 'development', true],
    ['project.type', 'nous reprenons une entreprise', 'takeover', true],
    ['project.type', 'creation', 'creation', true],
    ['company.name', '  « Mécanique Cévenole »  ', 'Mécanique Cévenole', true],
    ['company.siret', '732 829 320 00074', '73282932000074', true],
    ['company.siret', 'mon siret : 73282932000074', '73282932000074', true],
    ['company.siret', 'pas encore, elle est en cours de création', 'pending', true],
    ['company.legalForm', 'S.A.R.L.', 'SARL', true],
    ['company.legalForm', 'SAS unipersonnelle', 'SASU', true],
    ['company.legalForm', 'une SARL unipersonnelle', 'EURL', true],
    ['company.legalForm', 'auto-entrepreneur', 'EI', true],
    ['company.legalForm', 'Société anonyme', 'SA', true],
    ['company.legalForm', 'SCOP SARL', 'SCOP', true],
    ['company.legalForm', 'une SCI', 'other', true],
    ['company.legalForm', 'SNC', 'SNC', true],
    ['company.creationDate', '12/03/2015', '2015-03-12', true],
    ['company.creationDate', 'mars 2015', '2015-03-01', false],
    ['company.creationDate', 'fin mars 2027', '2027-03-31', true],
    ['company.nafCode', '2562B', '25.62B', true],
    ['company.nafCode', 'code APE 25.62 b', '25.62B', true],
    ['company.address', '12 avenue Jules Guesde', '12 avenue Jules Guesde', true],
    ['company.headcount', '12', 12, true],
    ['company.headcount', 'nous sommes douze', 12, true],
    ['company.headcount', 'aucun', 0, true],
    ['company.turnover', '1,2 M€', 1_200_000, true],
    ['company.turnover', '850.000 €', 850_000, true],
    ['company.turnover', 'environ 2 M€', 2_000_000, false],
    ['company.balanceSheet', '1,2 M', 1_200_000, true],
    ['company.independent', 'Oui', false, true],
    ['company.independent', 'non', true, true],
    ['company.independent', 'nous sommes une filiale du groupe', false, true],
    ['company.groupShare', '40 %', 40, true],
    ['company.groupShare', '51,5', 51.5, true],
    ['company.groupShare', 'la moitié', 50, true],
    ['company.proceedings', 'Aucune', 'none', true],
    ['company.proceedings', 'non, pas de liquidation', 'none', true],
    ['company.proceedings', 'redressement judiciaire', 'receivership', true],
    ['company.goodStanding', 'Oui, à jour', 'yes', true],
    ['company.goodStanding', 'nous avons un échéancier', 'plan', true],
    ['company.goodStanding', 'pas à jour', 'no', true],
    ['company.deMinimisReceived', 'aucune', 0, true],
    ['company.deMinimisReceived', '20 000 €', 20_000, true],
    ['project.aidTypes', 'financier et tutorat', ['financial', 'mentoring'], true],
    ['project.aidTypes', 'les trois', ['financial', 'advice', 'mentoring'], true],
    ['project.aidTypes', 'conseil, tutorat', ['advice', 'mentoring'], true],
    ['project.aidTypes', "l'avance remboursable", ['financial'], true],
    ['project.aidTypes', 'tout sauf le tutorat', ['financial', 'advice'], true],
    ['project.aidTypes', 'pas besoin de financement, juste du conseil', ['advice'], true],
    ['project.aidTypes', 'financial,advice', ['financial', 'advice'], true],
    ['project.investment', '250 000 €', 250_000, true],
    ['project.investment', '1,5 million d’euros', 1_500_000, true],
    ['project.amountRequested', '30 000 €', 30_000, true],
    ['project.amountRequested', '30k€', 30_000, true],
    ['project.amountRequested', 'quinze mille euros', 15_000, true],
    ['project.otherFinancing', 'aucun', 'none', true],
    ['project.otherFinancing', 'Prêt du Crédit Agricole', 'Prêt du Crédit Agricole', true],
    ['project.otherFinancingAmount', '150 000 €', 150_000, true],
    ['project.jobsCreated', '3 CDI', 3, true],
    ['project.jobsKept', 'aucun', 0, true],
    ['project.startDate', 'fin mars 2027', '2027-03-31', true],
    ['project.startDate', 'le 15 janvier 2027', '2027-01-15', true],
    ['project.startDate', 'dans trois mois', '2027-01-01', false],
    ['project.mentoringNeeds', 'RH et qualité', ['hr', 'quality'], true],
    ['project.mentoringNeeds', 'commercial, export', ['sales'], true],
    ['project.mentoringNeeds', 'tous', ['hr', 'production', 'quality', 'sales', 'finance'], true],
    ['contact.firstName', 'Marie', 'Marie', true],
    ['contact.lastName', "d'Artagnan-Dupont", "d'Artagnan-Dupont", true],
    ['contact.role', 'gérante', 'gérante', true],
    ['contact.email', 'marie.dupont@exemple.fr', 'marie.dupont@exemple.fr', true],
    ['contact.email', 'mon mail : Marie.Dupont@Exemple.FR', 'Marie.Dupont@exemple.fr', true],
    ['contact.phone', '06 12 34 56 78', '+33612345678', true],
    ['contact.phone', '+33 4 66 12 34 56', '+33466123456', true],
    ['documents', 'toutes', ['kbis', 'balanceSheets', 'urssafCertificate', 'taxCertificate', 'rib'], true],
    ['documents', 'le Kbis et le RIB', ['kbis', 'rib'], true],
    [
      'documents',
      'toutes sauf le RIB',
      ['kbis', 'balanceSheets', 'urssafCertificate', 'taxCertificate'],
      true,
    ],
  ])('%s: %p → %p', (key, input, value, certain) => {
    expect(interpret(key, input)).toMatchObject({ kind: 'answer', value, certain });
  });
});

const REFUSED: Refused[] = [
  ['project.type', 'je ne sais pas', E('required')],
  ['company.name', 'X', E('companyNameLength')],
  ['company.name', 'A'.repeat(121), E('companyNameLength')],
  ['company.siret', '73282932000075', E('siretChecksum')],
  ['company.siret', '1234', E('siretLength'), { count: 4 }],
  ['company.siret', '732 829 320 0007', E('siretLength'), { count: 13 }],
  ['company.siret', 'je ne sais pas', E('siretNeeded')],
  ['company.siret', 'aucune idée', E('siretNeeded')],
  ['company.legalForm', 'une grosse boîte', Q('notAChoice')],
  ['company.creationDate', '31/02/2027', E('invalidDate')],
  ['company.creationDate', 'hier ou avant-hier', E('severalDates')],
  ['company.creationDate', 'il y a longtemps', E('notADate')],
  ['company.creationDate', '1700', E('creationDateTooOld')],
  ['company.nafCode', 'mécanique', E('nafInvalid')],
  ['company.nafCode', 'je ne sais pas', E('nafNeeded')],
  ['company.address', '12', E('addressInvalid')],
  ['company.commune', 'Lyon', E('communeOutside'), { territory: 'Alès Agglomération' }],
  ['company.commune', 'Xyzzyville', E('communeUnknown')],
  ['company.headcount', '12,5', Q('notAWholeNumber')],
  ['company.headcount', '-3', Q('negative')],
  ['company.headcount', 'beaucoup', Q('notANumber')],
  ['company.turnover', '-5 000 €', Q('negative')],
  ['company.turnover', '30 000 dollars', E('notEuros')],
  ['company.turnover', 'je ne sais pas', E('required')],
  ['company.groupShare', '120 %', E('percentRange')],
  ['company.proceedings', 'peut-être', Q('notAChoice')],
  ['project.investment', '0', E('investmentZero')],
  ['project.investment', '150 M€', E('amountTooLarge'), { amount: 150_000_000 }],
  ['project.investment', 'cher', Q('notAnAmount')],
  ['project.amountRequested', '4 000 €', E('amountOutOfBounds'), { min: 5_000, max: 50_000 }],
  ['project.amountRequested', '50 001 €', E('amountOutOfBounds'), { min: 5_000, max: 50_000 }],
  ['project.aidTypes', 'une aide', E('aidTypesUnknown')],
  ['project.description', 'Une machine.', E('descriptionTooShort'), { count: 18, min: 30 }],
  ['project.description', 'a'.repeat(2_010), E('descriptionTooLong'), { count: 10, max: 2_000 }],
  ['project.jobsCreated', '2,5', Q('notAWholeNumber')],
  ['project.startDate', 'mars 2020', E('startDatePast')],
  ['project.startDate', 'en 2040', E('startDateTooFar'), { years: 5 }],
  ['project.mentoringNeeds', 'rien de spécial', E('mentoringNeedsUnknown')],
  ['contact.firstName', 'Marie2', E('personNameInvalid')],
  ['contact.role', 'x', E('roleInvalid')],
  ['contact.role', '1234', E('roleInvalid')],
  ['contact.email', 'marie.dupont@', E('emailNoDomain')],
  ['contact.email', 'marie.dupont@exemple', E('emailNoDomain')],
  ['contact.email', 'marie dupont@exemple.fr', E('emailInvalid')],
  ['contact.email', 'je préfère le téléphone', E('emailMissing')],
  ['contact.phone', '+44 20 7946 0958', E('phoneNotFrench')],
  ['contact.phone', '06 12 34', E('phoneInvalid')],
  ['contact.phone', 'par mail plutôt', E('phoneMissing')],
  ['documents', 'des photos', E('documentsUnknown')],
];

describe('answers refused, with the reason', () => {
  // Jest passes a `done` callback for a missing last column: give every row its params, null if none.
  const rows = REFUSED.map(
    ([key, input, errorKey, params]) => [key, input, errorKey, params ?? null] as const,
  );
  test.each(rows)('%s: %p → %s', (key, input, errorKey, params) => {
    const meaning = interpret(key, input);
    expect(meaning).toMatchObject({ kind: 'invalid', errorKey });
    if (params) expect(meaning).toMatchObject({ params });
  });
});

describe('the commune', () => {
  test('a postal code and a name give the commune, kept as an object', () => {
    expect(interpret('company.commune', '30100 Alès')).toMatchObject({
      kind: 'answer',
      value: { inseeCode: '30007', name: 'Alès', department: '30', postalCode: '30100' },
      display: { literal: 'Alès (30100)' },
    });
  });

  test('a postal code shared by several communes of the territory asks which one', () => {
    const meaning = interpret('company.commune', '30340');
    expect(meaning.kind).toBe('choose');
    if (meaning.kind === 'choose')
      expect(meaning.candidates.map((c) => c.label)).toContain('Salindres (30340)');
  });

  test('a commune of the department with two postal codes asks which one', () => {
    const meaning = interpret('company.commune', 'Nîmes');
    expect(meaning.kind === 'choose' && meaning.candidates.map((c) => c.label)).toEqual([
      'Nîmes (30000)',
      'Nîmes (30900)',
    ]);
  });
});

describe('dates are read against the clock of the context', () => {
  test.each([
    ['2026-10-01T08:00:00Z', '2027-01-01'],
    ['2030-01-10T12:00:00Z', '2030-04-10'],
  ])('"dans trois mois" on %s is %s', (instant, iso) => {
    const meaning = interpret('project.startDate', 'dans trois mois', { ...fr, now: new Date(instant) });
    expect(meaning).toMatchObject({ kind: 'answer', value: iso, certain: false });
  });
});

/**
 * "plus tard" is also the pause command. The dialog asks the open question first (dialog/answerReading.test.ts):
 * at the documents question, "plus tard" is an answer (documents sent later) and the recap follows; a sentence
 * about the conversation is refused by the field, so the pause command takes it.
 */
describe('"plus tard" at the documents question: the documents later, not a pause', () => {
  test.each(['plus tard', 'je les enverrai plus tard', 'pas encore'])(
    '%p is the answer "documents later", which wins over the pause command',
    (text) => {
      expect(interpret('documents', text)).toMatchObject({
        kind: 'answer',
        value: [],
        certain: true,
        display: { key: 'application:display.documentsLater' },
      });
    },
  );

  test('"plus tard" is the pause command wherever the open question does not read it', () => {
    expect(detectGlobalCommand('plus tard')).toBe('pause');
    expect(interpret('company.turnover', 'plus tard').kind).not.toBe('answer');
  });

  test.each(['je continuerai plus tard', 'on continue plus tard'])(
    '%p is about the conversation: the field refuses it and it stays the pause command',
    (text) => {
      expect(interpret('documents', text)).toMatchObject({
        kind: 'invalid',
        errorKey: E('documentsUnknown'),
      });
      expect(detectGlobalCommand(text)).toBe('pause');
    },
  );
});

describe('button values are understood as well as text', () => {
  test.each<[string, string, AnswerValue]>([
    ['company.legalForm', 'SASU', 'SASU'],
    ['company.legalForm', 'other', 'other'],
    ['company.independent', 'yes', false],
    ['company.proceedings', 'safeguard', 'safeguard'],
    ['company.goodStanding', 'plan', 'plan'],
    ['project.type', 'takeover', 'takeover'],
    ['project.aidTypes', 'all', ['financial', 'advice', 'mentoring']],
    ['project.mentoringNeeds', 'other', ['other']],
    ['documents', 'later', []],
    ['documents', 'all', settings.documents],
  ])('%s: %p', (key, input, value) => {
    expect(interpret(key, input)).toMatchObject({ kind: 'answer', value });
  });
});

describe('English answers', () => {
  const en: ApplicationContext = { ...fr, locale: 'en' };
  test.each<Accepted>([
    ['project.amountRequested', '€30,000', 30_000, true],
    ['company.independent', 'No', true, true],
    ['project.aidTypes', 'advice and mentoring', ['advice', 'mentoring'], true],
    ['company.legalForm', 'sole trader', 'EI', true],
  ])('%s: %p', (key, input, value, certain) => {
    expect(interpret(key, input, en)).toMatchObject({ kind: 'answer', value, certain });
  });
});

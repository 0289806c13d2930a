import {
  extractFacts,
  withoutFacts,
  type FactKind,
  type FactValue,
} from '../../dialogs/domain/sentenceFacts.js';
import { settings, TEST_NOW } from '../support/programmeFixture.js';

const context = { territory: settings.territory, locale: 'fr' as const, now: TEST_NOW };
const factsOf = (text: string) =>
  Object.fromEntries(extractFacts(text, context).facts.map((fact) => [fact.kind, fact.value]));
const commune = (name: string) => expect.objectContaining({ name });

describe('the facts a sentence gives with certainty', () => {
  const cases: [string, Partial<Record<FactKind, FactValue | unknown>>][] = [
    [
      'SAS Méca-Cévennes, usinage à La Grand-Combe, 120 salariés, on voudrait 50 000 €',
      {
        companyName: 'Méca-Cévennes',
        legalForm: 'SAS',
        commune: commune('La Grand-Combe'),
        headcount: 120,
        amountRequested: 50_000,
      },
    ],
    [
      'on est une SARL de 12 salariés à Alès, 1,2 M€ de CA',
      { legalForm: 'SARL', commune: commune('Alès'), headcount: 12, turnover: 1_200_000 },
    ],
    ['une équipe de 120 personnes', { headcount: 120 }],
    ['nous sommes douze', { headcount: 12 }],
    ['effectif : 35', { headcount: 35 }],
    ["un chiffre d'affaires de 800 000 €", { turnover: 800_000 }],
    ['CA 2025 : 1,2 M€', { turnover: 1_200_000 }],
    ["nous réalisons un CA annuel de 2 millions d'euros", { turnover: 2_000_000 }],
    ['30100', { commune: { inseeCode: '30007', name: 'Alès', postalCode: '30100' } }],
    ['installés à Saint-Christol-lez-Alès', { commune: commune('Saint-Christol-lez-Alès') }],
    ['notre SIRET est le 732 829 320 00074, code NAF 62.01Z', { siret: '73282932000074', nafCode: '62.01Z' }],
    ['NAF 2562B', { nafCode: '25.62B' }],
    ['nous voulons créer 3 emplois et maintenir 5 postes', { jobsCreated: 3, jobsKept: 5 }],
    ['créer ou maintenir 5 emplois', { jobs: 5 }],
    ['3 emplois créés', { jobsCreated: 3 }],
    ['embaucher 2 personnes', { jobsCreated: 2 }],
    ['on va embaucher 2 salariés, on est 12', { jobsCreated: 2, headcount: 12 }],
    ['nous sollicitons une avance remboursable de 30 000 €', { amountRequested: 30_000 }],
    ["On voudrait 30k€ d'avance", { amountRequested: 30_000 }],
    [
      'S.A.R.L. Dupont et Fils à Saint-Christol-lez-Alès',
      { companyName: 'Dupont et Fils', legalForm: 'SARL', commune: commune('Saint-Christol-lez-Alès') },
    ],
    ['société par actions simplifiée', { legalForm: 'SAS' }],
    ['une SCOP SARL', { legalForm: 'SCOP' }],
    ['la société Méca Cévennes est à Anduze', { companyName: 'Méca Cévennes', commune: commune('Anduze') }],
    ["j'ai 45 ans, 12 salariés", { headcount: 12 }],
  ];
  test.each(cases)('%s', (text, expected) => {
    expect(factsOf(text)).toEqual(expected);
  });
});

describe('what is never taken for a fact', () => {
  const traps: [string, Partial<Record<FactKind, unknown>>][] = [
    // The 3 are part of the 12, and Nîmes is where they work, not the establishment.
    ['12 salariés dont 3 à Nîmes', { headcount: 12 }],
    // Today's headcount, not last year's.
    ['on était 20, on est 12', { headcount: 12 }],
    // A target is no turnover of the last year.
    ["objectif 1,2 M€ de CA l'an prochain", {}],
    ["on vise 2 M€ de CA d'ici 2028", {}],
    ['CA 2027 : 1,2 M€', {}],
    // Bare numbers answer nothing but the question asked.
    ['12', {}],
    ['1,2 M€', {}],
    ['Alès', {}],
    ['50 000 €', {}],
    // Hedged, or one of two values.
    ['environ 12 salariés', {}],
    ['12 ou 15 salariés', {}],
    ['entre 10 et 12 salariés', {}],
    ['une quarantaine de salariés', {}],
    // "ça" is no CA; an investment is no amount asked.
    ['ça fait 1,2 M€', {}],
    ['on voudrait investir 200 000 €', {}],
    // A year followed by "a" is no NAF code; "sa" is no legal form.
    ['en 2024 a été une bonne année', {}],
    ['sa production a doublé', {}],
    // A postal code shared by several communes, two places, customers' place.
    ['30340', {}],
    ['le siège à Nîmes, l’atelier à Alès', {}],
    ['nos clients à Nîmes, nous sommes à Alès', { commune: commune('Alès') }],
    ['à la fin de l’année', {}],
    // A SIRET whose check digit is wrong.
    ['SIRET 732 829 320 00075', {}],
    // Jobs without saying whether they are created or kept.
    ['3 emplois', {}],
    ['un CA de 20 000 $', {}],
  ];
  test.each(traps)('%s', (text, expected) => {
    expect(factsOf(text)).toEqual(expected);
  });
});

describe('the rest of the sentence', () => {
  test('is what the facts leave, for the question asked', () => {
    const { text, facts } = extractFacts('1,2 M€, on est 12 salariés, à Alès', context);
    expect(
      withoutFacts(
        text,
        facts.filter((fact) => fact.kind !== 'turnover'),
      ),
    ).toBe('1,2 M€, on est');
  });

  test('canonical answers are what the questions read', () => {
    const { facts } = extractFacts('SARL de 12 salariés, 30100 Alès, 1,2 M€ de CA', context);
    expect(Object.fromEntries(facts.map((fact) => [fact.kind, fact.answer]))).toEqual({
      legalForm: 'SARL',
      headcount: '12',
      commune: '30100 Alès',
      turnover: '1200000 €',
    });
  });
});

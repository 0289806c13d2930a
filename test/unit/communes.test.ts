import {
  classifyCommune,
  communeByInseeCode,
  communeWords,
  findCommunes,
  loadCommuneIndex,
  type CommuneArea,
  type CommuneLookup,
} from '../../dialogs/domain/communes.js';
import { settings } from '../support/programmeFixture.js';

const local = settings.territory;

function foundCode(lookup: CommuneLookup): string | undefined {
  return lookup.kind === 'found' ? lookup.commune.inseeCode : undefined;
}
function candidateCodes(lookup: CommuneLookup): string[] {
  return lookup.kind === 'choose' ? lookup.candidates.map((commune) => commune.inseeCode) : [];
}

// How long the index takes to build is measured by `npm run bench` (scripts/bench/parserSpeed.ts).
beforeAll(() => {
  expect(loadCommuneIndex().communes).toBeGreaterThan(34_000);
});

describe('findCommunes recognises one commune', () => {
  test.each<[string, string, string, CommuneArea]>([
    ['Alès', '30007', 'Alès', 'territory'],
    ['ales', '30007', 'Alès', 'territory'],
    ['ALES', '30007', 'Alès', 'territory'],
    ['30100', '30007', 'Alès', 'territory'],
    ['30 100', '30007', 'Alès', 'territory'],
    ['à Alès', '30007', 'Alès', 'territory'],
    ['a Ales', '30007', 'Alès', 'territory'],
    ['sur Alès', '30007', 'Alès', 'territory'],
    ['près de Alès', '30007', 'Alès', 'territory'],
    ['Alès (30100)', '30007', 'Alès', 'territory'],
    ['Saint-Christol-lès-Alès', '30243', 'Saint-Christol-lez-Alès', 'territory'],
    ['St Christol les Ales', '30243', 'Saint-Christol-lez-Alès', 'territory'],
    ['st-christol-lez-alès', '30243', 'Saint-Christol-lez-Alès', 'territory'],
    ['Saint Christol lez Ales', '30243', 'Saint-Christol-lez-Alès', 'territory'],
    ['nous sommes à Saint-Privat-des-Vieux', '30294', 'Saint-Privat-des-Vieux', 'territory'],
    ['La Grand-Combe', '30132', 'La Grand-Combe', 'territory'],
    ['la grand combe', '30132', 'La Grand-Combe', 'territory'],
    ['Grand-Combe', '30132', 'La Grand-Combe', 'territory'],
    ['Anduze', '30010', 'Anduze', 'territory'],
    ['Méjannes les Alès', '30165', 'Méjannes-lès-Alès', 'territory'],
    ['30340 Salindres', '30305', 'Salindres', 'territory'],
    ['Nîmes', '30189', 'Nîmes', 'department'],
    ['nimes', '30189', 'Nîmes', 'department'],
    ['Bagnols-sur-Cèze', '30028', 'Bagnols-sur-Cèze', 'department'],
    ['Montpellier', '34172', 'Montpellier', 'elsewhere'],
    ['34000', '34172', 'Montpellier', 'elsewhere'],
    ['Sainte-Croix-de-Caderle', '30246', 'Sainte-Croix-de-Caderle', 'territory'],
  ])('%j → %s %s (%s)', (text, inseeCode, name, area) => {
    const lookup = findCommunes(text, local);
    expect(lookup).toMatchObject({ kind: 'found', commune: { inseeCode, name } });
    if (lookup.kind === 'found') expect(classifyCommune(lookup.commune, settings)).toBe(area);
  });
});

describe('findCommunes asks to choose', () => {
  test.each([
    ['30340', ['30165', '30173', '30197', '30223', '30274', '30294', '30305', '30318']],
    [
      '30360',
      [
        '30100',
        '30101',
        '30109',
        '30158',
        '30177',
        '30188',
        '30240',
        '30250',
        '30261',
        '30264',
        '30285',
        '30348',
      ],
    ],
  ])('postal code %s is shared by the communes %j, all in the territory', (postalCode, codes) => {
    const lookup = findCommunes(postalCode, local);
    expect(candidateCodes(lookup).sort()).toEqual(codes);
    candidateCodes(lookup).forEach((code) => expect(settings.territory.inseeCodes).toContain(code));
  });

  test('30140 lists the communes of the territory before Saint-Félix-de-Pallières, outside it', () => {
    const codes = candidateCodes(findCommunes('30140', local));
    expect(codes).toHaveLength(11);
    expect(codes.at(-1)).toBe('30252');
  });

  test('a name borne by several communes, none of them local: "Saint-Martin"', () => {
    const lookup = findCommunes('Saint-Martin', local);
    expect(lookup.kind).toBe('choose');
    expect(candidateCodes(lookup).length).toBeGreaterThan(1);
  });

  test('a postal code contradicting the name offers both', () => {
    expect(candidateCodes(findCommunes('Salindres 30100', local)).sort()).toEqual(['30007', '30305']);
  });
});

describe('a name shared across France prefers the territory, then the Gard', () => {
  test.each([
    ['Mons', '30173', 'the one of the territory, among 7 communes named Mons'],
    ['Les Plans', '30197', 'the one of the territory, not the Hérault one'],
    ['Plans', '30197', 'without its article too'],
    ['Saint-Denis', '30247', 'the only Gard one, not Seine-Saint-Denis nor La Réunion'],
    ['Le Pin', '30196', 'the only Gard one among 9'],
  ])('%j → %s: %s', (text, inseeCode) => {
    expect(foundCode(findCommunes(text, local))).toBe(inseeCode);
  });

  test('without a local area, the user chooses, most populated first', () => {
    const lookup = findCommunes('Saint-Denis');
    expect(lookup.kind).toBe('choose');
    expect(candidateCodes(lookup)[0]).toBe('97411');
  });
});

describe('findCommunes finds nothing', () => {
  test.each(['', 'xyz', 'je ne sais pas', '99999', 'nous sommes à Y'])('%j', (text) => {
    expect(findCommunes(text, local)).toEqual({ kind: 'not_found' });
  });

  test('a commune named like an everyday word is still found when it is the whole answer', () => {
    expect(foundCode(findCommunes('Y', local))).toBe('80829');
  });
});

describe('helpers', () => {
  test.each([
    ['St-Christol-lez-Alès', ['saint', 'christol', 'les', 'ales']],
    ["L'Isle-sur-la-Sorgue", ['l', 'isle', 'sur', 'la', 'sorgue']],
    ['Ste Œuvre', ['sainte', 'oeuvre']],
  ])('communeWords(%j) → %j', (text, words) => {
    expect(communeWords(text)).toEqual(words);
  });

  test('communeByInseeCode', () => {
    expect(communeByInseeCode('30007')).toEqual({
      inseeCode: '30007',
      name: 'Alès',
      department: '30',
      postalCodes: ['30100'],
    });
    expect(communeByInseeCode('00000')).toBeUndefined();
  });

  test.each<[string, string, CommuneArea]>([
    ['30007', '30', 'territory'],
    ['30028', '30', 'department'],
    ['34172', '34', 'elsewhere'],
    ['48095', '48', 'elsewhere'],
  ])('classifyCommune(%s in %s) → %s', (inseeCode, department, area) => {
    expect(classifyCommune({ inseeCode, department }, settings)).toBe(area);
  });
});

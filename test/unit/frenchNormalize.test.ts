import { foldForMatch, normalizeFrench } from '../../dialogs/french/index.js';

describe('normalizeFrench', () => {
  test.each([
    ['250\u00a0000\u00a0€', '250 000 €'],
    ['1\u202f234,56', '1 234,56'],
    ['12\u2009345', '12 345'],
    ['l\u2019entreprise', "l'entreprise"],
    ['\u201cAliZé\u201d', '"AliZé"'],
    ['  beaucoup   d\u2019espaces \n\t ici  ', "beaucoup d'espaces ici"],
    ['zéro\u200blargeur\ufeff', 'zérolargeur'],
    ['soixante\u2011dix', 'soixante-dix'],
    ['\u22125', '-5'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeFrench(input)).toBe(expected);
  });
});

describe('foldForMatch', () => {
  test.each([
    ['Néant', 'neant'],
    ['AOÛT', 'aout'],
    ['Saint-Christol-lès-Alès', 'saint-christol-les-ales'],
    ['Œuvre', 'oeuvre'],
    ['Ça\u00a0marche', 'ca marche'],
    ['D\u2019accord', "d'accord"],
  ])('%j → %j', (input, expected) => {
    expect(foldForMatch(input)).toBe(expected);
  });
});

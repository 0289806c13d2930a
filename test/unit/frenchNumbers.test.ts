import { parseFrenchNumber, parseInteger, type ParseFailure } from '../../dialogs/french/index.js';

describe('parseFrenchNumber: digits', () => {
  test.each([
    ['12', 12],
    ['0', 0],
    ['1 234', 1234],
    ['1\u00a0234', 1234],
    ['1\u202f234\u202f567', 1234567],
    ['1 234,56', 1234.56],
    ['1.234.567', 1234567],
    ['1 234 567,5', 1234567.5],
    ['12,5', 12.5],
    ['12.5', 12.5],
    ['1.234', 1234],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['-5', -5],
    ['\u22125', -5],
    ['+7', 7],
    ['12 000 000', 12000000],
    ['12.', 12],
    ['25 %', 25],
    ['12 salariés', 12],
    ['nous sommes 12', 12],
    ['1,5 million', 1500000],
    ['30 mille', 30000],
    ['2 milliards', 2000000000],
    ['1 million 200 000', 1200000],
  ])('%j → %d (certain)', (input, expected) => {
    expect(parseFrenchNumber(input)).toEqual({ ok: true, value: expected, certain: true });
  });
});

describe('parseFrenchNumber: words', () => {
  test.each([
    ['douze', 12],
    ['Douze.', 12],
    ['zéro', 0],
    ['quinze mille', 15000],
    ['deux cent cinquante', 250],
    ['vingt et un', 21],
    ['vingt-et-un', 21],
    ['vingt-deux', 22],
    ['soixante-dix-sept', 77],
    ['soixante et onze', 71],
    ['soixante\u2011douze', 72],
    ['quatre-vingts', 80],
    ['quatre-vingt-un', 81],
    ['quatre-vingt-dix-neuf', 99],
    ['cent un', 101],
    ['cent dix-sept', 117],
    ['mille deux cents', 1200],
    ['douze cents', 1200],
    ['deux mille vingt-six', 2026],
    ['trente-deux mille cinq cents', 32500],
    ['un million deux cent mille', 1200000],
    ['deux millions et demi', 2500000],
    ['septante-cinq', 75],
    ['nonante', 90],
    ['nous sommes douze', 12],
  ])('%j → %d (certain)', (input, expected) => {
    expect(parseFrenchNumber(input)).toEqual({ ok: true, value: expected, certain: true });
  });
});

describe('parseFrenchNumber: uncertain readings', () => {
  test.each([
    ['environ 40', 40],
    ['à peu près 40', 40],
    ['~40', 40],
    ['une quarantaine', 40],
    ['une centaine', 100],
    ['deux centaines', 200],
    ['un peu plus de 40', 40],
    ['autour de 15', 15],
    ['plus de 20', 20],
  ])('%j → %d, to be confirmed', (input, expected) => {
    expect(parseFrenchNumber(input)).toEqual({ ok: true, value: expected, certain: false });
  });
});

describe('parseFrenchNumber: refusals', () => {
  test.each<[string, ParseFailure]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['?!', 'empty'],
    ['abc', 'not_understood'],
    ['beaucoup', 'not_understood'],
    ['constructor', 'not_understood'],
    ['12 ou 15', 'ambiguous'],
    ['entre 10 et 20', 'ambiguous'],
    ['10-15', 'ambiguous'],
    ['douze trois', 'ambiguous'],
    ['2015 12', 'ambiguous'],
    ['1,2,3', 'invalid_format'],
    ['1.2.3', 'invalid_format'],
    ['12 000 000 000 000 000', 'out_of_range'],
  ])('%j → %s', (input, reason) => {
    expect(parseFrenchNumber(input)).toEqual({ ok: false, reason });
  });

  test.each(['aucun', 'Aucune.', 'personne', 'rien'])('%j counts as zero', (input) => {
    expect(parseFrenchNumber(input)).toEqual({ ok: true, value: 0, certain: true });
  });

  test('"aucune idée" is not zero, "une personne" is one', () => {
    expect(parseFrenchNumber('aucune idée')).toEqual({ ok: false, reason: 'not_understood' });
    expect(parseFrenchNumber('une personne')).toEqual({ ok: true, value: 1, certain: true });
  });

  test('"un" as an article gives way to a real number', () => {
    expect(parseFrenchNumber('un effectif de 12')).toEqual({ ok: true, value: 12, certain: true });
  });

  test('min and max', () => {
    expect(parseFrenchNumber('-5', { min: 0 })).toEqual({ ok: false, reason: 'negative' });
    expect(parseFrenchNumber('300', { max: 249 })).toEqual({ ok: false, reason: 'out_of_range' });
    expect(parseFrenchNumber('5', { min: 10 })).toEqual({ ok: false, reason: 'out_of_range' });
    expect(parseFrenchNumber('249', { min: 0, max: 249 })).toEqual({ ok: true, value: 249, certain: true });
  });
});

describe('parseFrenchNumber: English', () => {
  test.each([
    ['twelve', 12],
    ['1,234.5', 1234.5],
    ['1,234', 1234],
    ['two hundred and five', 205],
    ['twenty-one', 21],
    ['a thousand', 1000],
    ['3 million', 3000000],
  ])('%j → %d', (input, expected) => {
    expect(parseFrenchNumber(input, { locale: 'en' })).toEqual({ ok: true, value: expected, certain: true });
  });

  test('hedged English', () => {
    expect(parseFrenchNumber('about 40', { locale: 'en' })).toEqual({ ok: true, value: 40, certain: false });
  });
});

describe('parseInteger', () => {
  test.each([
    ['12', 12],
    ['douze', 12],
    ['1 234', 1234],
    ['12,0', 12],
  ])('%j → %d', (input, expected) => {
    expect(parseInteger(input)).toEqual({ ok: true, value: expected, certain: true });
  });

  test.each<[string, ParseFailure]>([
    ['12,5', 'not_integer'],
    ['deux et demi', 'not_integer'],
    ['abc', 'not_understood'],
    ['1,2,3', 'invalid_format'],
  ])('%j → %s', (input, reason) => {
    expect(parseInteger(input)).toEqual({ ok: false, reason });
  });
});

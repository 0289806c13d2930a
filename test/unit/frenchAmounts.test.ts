import { parseAmountEuros, type ParseFailure } from '../../dialogs/french/index.js';

describe('parseAmountEuros: certain amounts', () => {
  test.each([
    ['250 000 €', 250000],
    ['250\u00a0000\u00a0€', 250000],
    ['250\u202f000\u00a0€', 250000],
    ['250 000€', 250000],
    ['250.000 €', 250000],
    ['250 000 euros', 250000],
    ['250 000 EUR', 250000],
    ['€ 250 000', 250000],
    ['1,2 M€', 1200000],
    ['1,2M€', 1200000],
    ['1,2 million', 1200000],
    ['1,5 million d\u2019euros', 1500000],
    ["1,5 millions d'euros", 1500000],
    ['1,15 M€', 1150000],
    ['1,234 M€', 1234000],
    ['quinze mille euros', 15000],
    ['un million et demi d’euros', 1500000],
    ['30k€', 30000],
    // An amount question: "M" is a million, and three decimals cannot be cents.
    ['1,2 M', 1200000],
    ['250,000 €', 250000],
    ['30 k€', 30000],
    ['30K', 30000],
    ['30 KEUR', 30000],
    ['30 000', 30000],
    ['2 Md€', 2000000000],
    ['2 milliards d’euros', 2000000000],
    ['0 €', 0],
    ['zéro euro', 0],
    ['1 234,56 €', 1234.56],
    ['150 k€ HT', 150000],
    ['nous avons fait 2 500 000 € l’an dernier', 2500000],
    ['en 2024 nous avons fait 1,2 M€', 1200000],
  ])('%j → %d', (input, expected) => {
    expect(parseAmountEuros(input)).toEqual({ ok: true, value: expected, certain: true });
  });
});

describe('parseAmountEuros: amounts to confirm', () => {
  test.each([
    ['environ 1,2 M€', 1200000],
    ['à peu près 300 000 €', 300000],
    ['une centaine de milliers d’euros', 100000],
    ['on a fait quinze mille euros', 15000],
  ])('%j → %d, uncertain', (input, expected) => {
    expect(parseAmountEuros(input)).toEqual({ ok: true, value: expected, certain: false });
  });

  test('an assumed scale is applied and must be confirmed', () => {
    expect(parseAmountEuros('250', { assumeScale: 1000 })).toEqual({
      ok: true,
      value: 250000,
      certain: false,
    });
    expect(parseAmountEuros('250 k€', { assumeScale: 1000 })).toEqual({
      ok: true,
      value: 250000,
      certain: true,
    });
    expect(parseAmountEuros('1,2', { assumeScale: 1_000_000 })).toEqual({
      ok: true,
      value: 1200000,
      certain: false,
    });
  });
});

describe('parseAmountEuros: "none" answers', () => {
  test.each([
    'aucune',
    'Aucun',
    'rien',
    'néant',
    'Néant.',
    'non',
    'non merci',
    'aucune aide',
    'rien du tout',
    "je n'ai pas reçu d'aides",
  ])('%j → 0 when allowed', (input) => {
    expect(parseAmountEuros(input, { allowNone: true })).toEqual({ ok: true, value: 0, certain: true });
  });

  test.each(['aucune', 'rien', 'néant'])('%j is not an amount by default', (input) => {
    expect(parseAmountEuros(input)).toEqual({ ok: false, reason: 'not_understood' });
  });

  test('"aucune idée" is not zero', () => {
    expect(parseAmountEuros('aucune idée', { allowNone: true })).toEqual({
      ok: false,
      reason: 'not_understood',
    });
  });
});

describe('parseAmountEuros: refusals', () => {
  test.each<[string, ParseFailure]>([
    ['', 'empty'],
    ['beaucoup', 'not_understood'],
    ['je ne sais pas', 'not_understood'],
    ['12 $', 'currency'],
    ['$12', 'currency'],
    ['30 000 dollars', 'currency'],
    ['30 000 CHF', 'currency'],
    ['1 000 £', 'currency'],
    ['1,2,3', 'invalid_format'],
    ['entre 10 et 20 k€', 'ambiguous'],
    ['250 000 € ou 300 000 €', 'ambiguous'],
    ['-5 €', 'negative'],
    ['25 %', 'invalid_format'],
  ])('%j → %s', (input, reason) => {
    expect(parseAmountEuros(input)).toEqual({ ok: false, reason });
  });

  test('negative amounts may be allowed', () => {
    expect(parseAmountEuros('-5 000 €', { allowNegative: true })).toEqual({
      ok: true,
      value: -5000,
      certain: true,
    });
  });
});

describe('parseAmountEuros: English', () => {
  test.each([
    ['€250,000', 250000],
    ['1.2 million euros', 1200000],
    ['30k€', 30000],
  ])('%j → %d', (input, expected) => {
    expect(parseAmountEuros(input, { locale: 'en' })).toEqual({ ok: true, value: expected, certain: true });
  });
});

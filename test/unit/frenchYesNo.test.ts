import { isDontKnow, parseYesNo, type ParseFailure } from '../../dialogs/french/index.js';

describe('parseYesNo: yes', () => {
  test.each([
    'oui',
    'Oui !',
    'OUI',
    'ouais',
    'oui merci',
    'oui oui',
    'bien sûr',
    'bien sur',
    "d'accord",
    'd’accord',
    'ok',
    'OK',
    'exact',
    'exactement',
    'tout à fait',
    'absolument',
    "c'est bien ça",
    "c'est ça",
    'yes',
    'si',
    'mais si',
    'aucun souci',
    'pas de problème',
    'effectivement',
    'volontiers',
    '👍',
  ])('%j → yes', (input) => {
    expect(parseYesNo(input)).toEqual({ ok: true, value: true, certain: true });
  });
});

describe('parseYesNo: no', () => {
  test.each([
    'non',
    'Non.',
    'non merci',
    'pas du tout',
    'absolument pas',
    'nan',
    'jamais',
    'aucun',
    'aucune',
    'pas vraiment',
    "pas d'accord",
    'pas tout à fait',
    'certainement pas',
    'je ne pense pas',
    'bien sûr que non',
    "c'est pas ça",
    "ce n'est pas exact",
    'pas encore',
    'no',
    'nope',
    "non, nous n'avons aucune procédure",
  ])('%j → no', (input) => {
    expect(parseYesNo(input)).toEqual({ ok: true, value: false, certain: true });
  });
});

describe('parseYesNo: neither', () => {
  test.each<[string, ParseFailure]>([
    ['', 'empty'],
    ['je ne sais pas', 'not_understood'],
    ['pas sûr', 'not_understood'],
    ['oui et non', 'not_understood'],
    ['peut-être', 'not_understood'],
    ['ça dépend', 'not_understood'],
    ['bof', 'not_understood'],
    ['merci', 'not_understood'],
    ['on ne sait jamais', 'not_understood'],
    ['non… enfin oui', 'ambiguous'],
  ])('%j → %s', (input, reason) => {
    expect(parseYesNo(input)).toEqual({ ok: false, reason });
  });

  test('a yes with a reservation is to be confirmed', () => {
    expect(parseYesNo('oui mais nous avons un prêt en cours')).toEqual({
      ok: true,
      value: true,
      certain: false,
    });
  });

  test('a yes said first and then explained is as clear as a short one', () => {
    expect(parseYesNo('oui, nous sommes à jour de nos cotisations sociales et fiscales')).toEqual({
      ok: true,
      value: true,
      certain: true,
    });
  });

  test.each([
    ['je pense que oui', true],
    ['je pense que non', false],
    ['oui mais seulement pour la TVA', true],
    ['nous sommes à jour, enfin je crois, oui', true],
  ])('a hedged %j is to be confirmed', (input, value) => {
    expect(parseYesNo(input)).toEqual({ ok: true, value, certain: false });
  });
});

describe('parseYesNo: English', () => {
  test.each<[string, boolean]>([
    ['yes', true],
    ['sure', true],
    ['of course', true],
    ["that's right", true],
    ['no', false],
    ['not really', false],
    ['absolutely not', false],
    ['oui', true],
    ['non', false],
  ])('%j → %s', (input, value) => {
    expect(parseYesNo(input, 'en')).toEqual({ ok: true, value, certain: true });
  });

  test('"si" is French only', () => {
    expect(parseYesNo('si', 'en')).toEqual({ ok: false, reason: 'not_understood' });
  });

  test.each(["I don't know", 'maybe'])('%j → not understood', (input) => {
    expect(parseYesNo(input, 'en')).toEqual({ ok: false, reason: 'not_understood' });
  });
});

describe('isDontKnow', () => {
  test.each([
    'je ne sais pas',
    'Je ne sais pas.',
    'je sais pas',
    "j'sais pas",
    'jsais pas',
    'chais pas',
    'aucune idée',
    'nsp',
    'NSP',
    'ne sais pas',
    'pas sûr',
    'pas sûre',
    'je ne suis pas sûr',
    'je ne suis pas sûre',
    'je ne sais pas trop',
    "je n'en sais rien",
    'jsp',
    "I don't know",
    'I dont know',
    'not sure',
    'no idea',
  ])('%j → true', (input) => {
    expect(isDontKnow(input)).toBe(true);
  });

  test.each(['oui', 'non', 'aucune', '12', 'je sais', 'bien sûr', 'sûr', 'on ne sait jamais', '?'])(
    '%j → false',
    (input) => {
      expect(isDontKnow(input)).toBe(false);
    },
  );
});

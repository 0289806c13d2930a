import { parseEmail, parseFrenchPhone, type ParseFailure } from '../../dialogs/french/index.js';

describe('parseEmail', () => {
  test.each([
    ['jean.dupont@exemple.fr', 'jean.dupont@exemple.fr'],
    ['  jean.dupont@exemple.fr  ', 'jean.dupont@exemple.fr'],
    ['mon mail : jean.dupont@exemple.fr', 'jean.dupont@exemple.fr'],
    ['mon email: jean.dupont@exemple.fr', 'jean.dupont@exemple.fr'],
    ["c'est jean.dupont@exemple.fr.", 'jean.dupont@exemple.fr'],
    ['mon adresse est jean@exemple.fr merci', 'jean@exemple.fr'],
    ['Jean.Dupont@Exemple.FR', 'Jean.Dupont@exemple.fr'],
    ['<jean@exemple.fr>', 'jean@exemple.fr'],
    ['mailto:jean@exemple.fr', 'jean@exemple.fr'],
    ['contact@cci-ales-cevennes.fr', 'contact@cci-ales-cevennes.fr'],
    ['marie+alize@sous.domaine.exemple.com', 'marie+alize@sous.domaine.exemple.com'],
    ['jean.dupont@exemple.fr\u00a0', 'jean.dupont@exemple.fr'],
  ])('%j → %j', (input, expected) => {
    expect(parseEmail(input)).toEqual({ ok: true, value: expected, certain: true });
  });

  test.each<[string, ParseFailure]>([
    ['', 'empty'],
    ['pas de mail', 'not_understood'],
    ['jean.dupont@', 'email_no_domain'],
    ['jean@exemple', 'email_no_domain'],
    ['jean@exemple.c', 'email_no_domain'],
    ['jean dupont@exemple.fr', 'invalid_format'],
    ['jean.dupont @ exemple.fr', 'invalid_format'],
    ['jean.dupont@ exemple.fr', 'invalid_format'],
    ['@exemple.fr', 'invalid_format'],
    ['a@b@c.fr', 'invalid_format'],
    ['jean..dupont@exemple.fr', 'invalid_format'],
    ['jean@exemple..fr', 'invalid_format'],
    ['jean@-exemple.fr', 'invalid_format'],
    ['jean@x.fr ou paul@y.fr', 'ambiguous'],
  ])('%j → %s', (input, reason) => {
    expect(parseEmail(input)).toEqual({ ok: false, reason });
  });
});

describe('parseFrenchPhone', () => {
  test.each([
    ['06 12 34 56 78', '+33612345678'],
    ['06.12.34.56.78', '+33612345678'],
    ['06-12-34-56-78', '+33612345678'],
    ['06/12/34/56/78', '+33612345678'],
    ['0612345678', '+33612345678'],
    ['06\u00a012\u00a034\u00a056\u00a078', '+33612345678'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['+33612345678', '+33612345678'],
    ['+33 (0)6 12 34 56 78', '+33612345678'],
    ['+33 (0) 4 66 78 89 00', '+33466788900'],
    ['+33 06 12 34 56 78', '+33612345678'],
    ['0033 6 12 34 56 78', '+33612345678'],
    ['04 66 78 89 00', '+33466788900'],
    ['mon numéro : 04 66 78 89 00, merci', '+33466788900'],
    ['01 23 45 67 89', '+33123456789'],
    ['07 81 23 45 67', '+33781234567'],
    ['09 72 12 34 56', '+33972123456'],
    ['08 00 12 34 56', '+33800123456'],
    ['0692 12 34 56', '+262692123456'],
    ['02 62 12 34 56', '+262262123456'],
    ['+262 692 12 34 56', '+262692123456'],
    ['0590 12 34 56', '+590590123456'],
    ['+596 696 12 34 56', '+596696123456'],
  ])('%j → %s', (input, expected) => {
    expect(parseFrenchPhone(input)).toEqual({ ok: true, value: expected, certain: true });
  });

  test.each<[string, ParseFailure]>([
    ['', 'empty'],
    ['abc', 'not_understood'],
    ['12', 'invalid_format'],
    ['06 12 34 56', 'invalid_format'],
    ['06 12 34 56 78 9', 'invalid_format'],
    ['00 12 34 56 78', 'invalid_format'],
    ['+33 6 12 34 56', 'invalid_format'],
    ['+33 0 0 12 34 56 78', 'invalid_format'],
    ['+44 20 7946 0958', 'not_french'],
    ['0044 20 7946 0958', 'not_french'],
    ['+1 212 555 0100', 'not_french'],
    ['+269 321 23 45', 'not_french'],
    ['+262 12 34 56 78 9', 'invalid_format'],
    ['06 12 34 56 78 ou 07 12 34 56 78', 'ambiguous'],
  ])('%j → %s', (input, reason) => {
    expect(parseFrenchPhone(input)).toEqual({ ok: false, reason });
  });
});

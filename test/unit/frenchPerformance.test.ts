import {
  parseAmountEuros,
  parseEmail,
  parseFrenchDate,
  parseFrenchNumber,
  parseFrenchPhone,
  parseSiret,
  parseYesNo,
} from '../../dialogs/french/index.js';

const now = new Date('2026-03-10T10:00:00Z');
const CALLS: Array<() => unknown> = [
  () => parseFrenchNumber('1 234 567,5'),
  () => parseFrenchNumber('quatre-vingt-dix-neuf'),
  () => parseFrenchNumber('nous sommes environ douze'),
  () => parseAmountEuros('1,5 millions d’euros'),
  () => parseAmountEuros('250 000 €'),
  () => parseFrenchDate('le 15 janvier 2027', { now }),
  () => parseFrenchDate('fin mars', { now }),
  () => parseFrenchDate('dans trois mois', { now }),
  () => parseEmail('mon mail : jean.dupont@exemple.fr'),
  () => parseFrenchPhone('+33 (0)6 12 34 56 78'),
  () => parseSiret('732 829 320 00074'),
  () => parseYesNo("non, pas d'accord"),
];

describe('parser speed', () => {
  test('typical inputs take well under a millisecond each (own parsers, no recognizer)', () => {
    for (const call of CALLS) call(); // first use compiles the regular expressions
    const rounds = 200;
    const started = performance.now();
    for (let i = 0; i < rounds; i += 1) for (const call of CALLS) call();
    const perCall = (performance.now() - started) / (rounds * CALLS.length);
    expect(perCall).toBeLessThan(0.5);
  });
});

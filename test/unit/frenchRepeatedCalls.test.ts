import {
  parseAmountEuros,
  parseEmail,
  parseFrenchDate,
  parseFrenchNumber,
  parseFrenchPhone,
  parseSiret,
  parseYesNo,
} from '../../dialogs/french/index.js';

// Their speed is measured by `npm run bench` (scripts/bench/parserSpeed.ts), on these same inputs.
const now = new Date('2026-03-10T10:00:00Z');
const CALLS: Array<[string, () => unknown, unknown]> = [
  ['1 234 567,5', () => parseFrenchNumber('1 234 567,5'), { ok: true, value: 1_234_567.5, certain: true }],
  [
    'quatre-vingt-dix-neuf',
    () => parseFrenchNumber('quatre-vingt-dix-neuf'),
    { ok: true, value: 99, certain: true },
  ],
  [
    'environ douze',
    () => parseFrenchNumber('nous sommes environ douze'),
    { ok: true, value: 12, certain: false },
  ],
  [
    '1,5 millions d’euros',
    () => parseAmountEuros('1,5 millions d’euros'),
    { ok: true, value: 1_500_000, certain: true },
  ],
  ['250 000 €', () => parseAmountEuros('250 000 €'), { ok: true, value: 250_000, certain: true }],
  [
    'le 15 janvier 2027',
    () => parseFrenchDate('le 15 janvier 2027', { now }),
    { ok: true, value: { iso: '2027-01-15', precision: 'day' }, certain: true },
  ],
  [
    'fin mars',
    () => parseFrenchDate('fin mars', { now }),
    { ok: true, value: { iso: '2026-03-31', precision: 'month' }, certain: false },
  ],
  [
    'dans trois mois',
    () => parseFrenchDate('dans trois mois', { now }),
    { ok: true, value: { iso: '2026-06-10', precision: 'day' }, certain: false },
  ],
  [
    'mon mail : …',
    () => parseEmail('mon mail : jean.dupont@exemple.fr'),
    { ok: true, value: 'jean.dupont@exemple.fr', certain: true },
  ],
  [
    '+33 (0)6 …',
    () => parseFrenchPhone('+33 (0)6 12 34 56 78'),
    { ok: true, value: '+33612345678', certain: true },
  ],
  [
    '732 829 320 00074',
    () => parseSiret('732 829 320 00074'),
    { ok: true, value: '73282932000074', certain: true },
  ],
  ["non, pas d'accord", () => parseYesNo("non, pas d'accord"), { ok: true, value: false, certain: true }],
];

describe('parsers give the same answer on every call (no state kept between answers)', () => {
  test.each(CALLS)('%s', (_text, call, expected) => {
    expect(call()).toEqual(expected);
    // Interleaved with every other parser, as in a busy server, then again.
    for (let round = 0; round < 50; round += 1) for (const [, other] of CALLS) other();
    expect(call()).toEqual(expected);
  });
});

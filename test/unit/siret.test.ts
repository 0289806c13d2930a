import { isValidSiren, isValidSiret, parseSiret, type ParseFailure } from '../../dialogs/french/index.js';

// 732 829 320 00074 is a known valid SIRET; the others are Luhn-valid numbers built on real SIRENs
// (200 066 918 is Alès Agglomération) or La Poste establishments valid under its digit-sum rule.
describe('parseSiret', () => {
  test.each([
    ['73282932000074', '73282932000074'],
    ['732 829 320 00074', '73282932000074'],
    ['732\u00a0829\u00a0320\u00a000074', '73282932000074'],
    ['732.829.320.00074', '73282932000074'],
    ['732-829-320-00074', '73282932000074'],
    ['mon siret : 732 829 320 00074', '73282932000074'],
    ['20006691800018', '20006691800018'],
    ['552 100 554 00013', '55210055400013'],
    ['35600000000048', '35600000000048'],
    ['356 000 000 09075', '35600000009075'],
    ['35600000009093', '35600000009093'],
  ])('%j → %s', (input, expected) => {
    expect(parseSiret(input)).toEqual({ ok: true, value: expected, certain: true });
  });

  test('a SIRET split by words is accepted but to be confirmed', () => {
    expect(parseSiret('SIREN 732829320 NIC 00074')).toEqual({
      ok: true,
      value: '73282932000074',
      certain: false,
    });
  });

  test.each<[string, ParseFailure]>([
    ['', 'empty'],
    ['abc', 'not_understood'],
    ['7328293200007', 'siret_length'],
    ['732829320000740', 'siret_length'],
    ['732 829 320', 'siret_length'],
    ['7328293200007A', 'siret_length'],
    ['73282932000075', 'checksum'],
    ['12345678901234', 'checksum'],
    ['35600000009090', 'checksum'],
    ['SIRET 73282932000074 et SIREN 732829320', 'ambiguous'],
  ])('%j → %s', (input, reason) => {
    expect(parseSiret(input)).toEqual({ ok: false, reason });
  });
});

describe('isValidSiren / isValidSiret', () => {
  test.each([
    ['732829320', true],
    ['200066918', true],
    ['356000000', true],
    ['732829321', false],
    ['12345678', false],
    ['73282932A', false],
  ])('SIREN %s → %s', (siren, valid) => {
    expect(isValidSiren(siren)).toBe(valid);
  });

  test.each([
    ['73282932000074', true],
    ['35600000000048', true],
    ['35600000009075', true],
    ['35600000009090', false],
    ['73282932000075', false],
    ['7328293200007', false],
  ])('SIRET %s → %s', (siret, valid) => {
    expect(isValidSiret(siret)).toBe(valid);
  });
});

import { documentFlags, kbisIssuedOnIn, kbisTooOld } from '../../dialogs/domain/kbisAge.js';

// An injected day, never the real clock: Friday 4 December 2026 in Alès.
const NOW = new Date('2026-12-04T10:00:00Z');
const ZONE = 'Europe/Paris';
const withFile = (text: string) =>
  kbisIssuedOnIn(text, { now: NOW, locale: 'fr', timeZone: ZONE, wordsWithFile: true });
const answer = (text: string) => kbisIssuedOnIn(text, { now: NOW, locale: 'fr', timeZone: ZONE });

describe('the day of a Kbis extract', () => {
  test.each([
    ['Kbis du 12 novembre 2026', '2026-11-12'],
    ['voici l’extrait Kbis du 03/09/2026', '2026-09-03'],
    ['le Kbis, daté du 1er septembre 2026', '2026-09-01'],
    ['voici le Kbis', undefined],
    ['le Kbis de novembre 2026', undefined],
    ['le Kbis du 12 novembre', undefined],
    ['Kbis du 12 ou du 15 novembre 2026', undefined],
    ['Kbis du 12 novembre 2027', undefined],
  ])('with the file, « %s » gives %s', (text, expected) => {
    expect(withFile(text)).toBe(expected);
  });

  test.each([
    ['du 2 septembre', '2026-09-02'],
    ['12/11/2026', '2026-11-12'],
    ['le 12 novembre 2026', '2026-11-12'],
    ['12 ou 15 novembre', undefined],
    ['je ne sais pas', undefined],
    ['120 salariés', undefined],
    ['demain', undefined],
  ])('as the answer to the question, « %s » gives %s', (text, expected) => {
    expect(answer(text)).toBe(expected);
  });

  test.each([
    ['2026-09-04', false],
    ['2026-09-03', true],
    ['2026-11-12', false],
    ['2025-12-04', true],
  ])('extract of %s more than 3 months old on 4 December 2026: %s', (issuedOn, old) => {
    expect(kbisTooOld(issuedOn, NOW, ZONE)).toBe(old);
  });

  test('31 May + 3 months is 31 August: a Kbis of 31 May is fine on 31 August, old from midnight in Alès on 1 September', () => {
    expect(kbisTooOld('2026-05-31', new Date('2026-08-31T22:30:00Z'), ZONE)).toBe(true);
    expect(kbisTooOld('2026-05-31', new Date('2026-08-31T10:00:00Z'), ZONE)).toBe(false);
  });

  test('only a Kbis with a known day is flagged', () => {
    expect(documentFlags({ piece: 'kbis', issuedOn: '2026-08-01' }, NOW, ZONE)).toEqual(['kbisOld']);
    expect(documentFlags({ piece: 'kbis', issuedOn: '2026-11-01' }, NOW, ZONE)).toEqual([]);
    expect(documentFlags({ piece: 'kbis' }, NOW, ZONE)).toEqual([]);
    expect(documentFlags({ piece: 'rib', issuedOn: '2026-01-01' }, NOW, ZONE)).toEqual([]);
  });
});

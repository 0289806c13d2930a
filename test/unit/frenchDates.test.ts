import { Localizer } from '../../bot/i18n.js';
import { findField } from '../../dialogs/domain/applicationForm.js';
import { parseFrenchDate, type DateValue, type ParseFailure } from '../../dialogs/french/index.js';
import { readAnswer } from '../../dialogs/questionnaire/readAnswer.js';
import { context } from './applicationFormFixtures.js';

// Tuesday 10 March 2026, 11:00 in Paris. The parser never reads the real clock.
const now = new Date('2026-03-10T10:00:00Z');
const day = (iso: string): DateValue => ({ iso, precision: 'day' });
const month = (iso: string): DateValue => ({ iso, precision: 'month' });
const year = (iso: string): DateValue => ({ iso, precision: 'year' });
const fr = new Localizer().language('fr');

describe('parseFrenchDate: fully specified dates (certain)', () => {
  test.each<[string, DateValue]>([
    ['12/03/2015', day('2015-03-12')],
    ['12-03-2015', day('2015-03-12')],
    ['12.03.15', day('2015-03-12')],
    ['1/3/2015', day('2015-03-01')],
    ['2015-03-12', day('2015-03-12')],
    ['29/02/2024', day('2024-02-29')],
    ['le 15 janvier 2027', day('2027-01-15')],
    ['15 janv. 2027', day('2027-01-15')],
    ['15 Janvier 2027', day('2027-01-15')],
    ['1er mai 2026', day('2026-05-01')],
    ['le premier mars 2027', day('2027-03-01')],
    ['le quinze janvier 2027', day('2027-01-15')],
    ['vendredi 15 janvier 2027', day('2027-01-15')],
    ['15 août 2026', day('2026-08-15')],
    ['15 aout 2026', day('2026-08-15')],
    ['3 févr. 2027', day('2027-02-03')],
    ['15 mars 27', day('2027-03-15')],
    ['le 12 mars 2015 à 14h', day('2015-03-12')],
    ['mars 2015', month('2015-03-01')],
    ['en mars 2015', month('2015-03-01')],
    ['03/2015', month('2015-03-01')],
    ['fin mars 2027', month('2027-03-31')],
    ['fin février 2028', month('2028-02-29')],
    ['début avril 2027', month('2027-04-01')],
    ['mi-juin 2027', month('2027-06-15')],
    ['fin du mois de mars 2027', month('2027-03-31')],
    ['2027', year('2027-01-01')],
    ['en 2015', year('2015-01-01')],
    ['fin 2027', year('2027-12-31')],
    ['début 2026', year('2026-01-01')],
    ["aujourd'hui", day('2026-03-10')],
    ['aujourd’hui', day('2026-03-10')],
    ['demain', day('2026-03-11')],
    ['après-demain', day('2026-03-12')],
    ['hier', day('2026-03-09')],
    ['avant-hier', day('2026-03-08')],
    ["l'an prochain", year('2027-01-01')],
    ["l'année prochaine", year('2027-01-01')],
    ["l'an dernier", year('2025-01-01')],
    ['cette année', year('2026-01-01')],
    ['le mois prochain', month('2026-04-01')],
    ['mars prochain', month('2027-03-01')],
    ['septembre prochain', month('2026-09-01')],
    ['septembre dernier', month('2025-09-01')],
    ["fin d'année", year('2026-12-31')],
    ['noël 2026', day('2026-12-25')],
    ['pâques 2027', day('2027-03-28')],
  ])('%j → %j', (input, value) => {
    expect(parseFrenchDate(input, { now })).toEqual({ ok: true, value, certain: true });
  });
});

describe('parseFrenchDate: guessed parts (to confirm)', () => {
  test.each<[string, DateValue]>([
    ['fin mars', month('2026-03-31')],
    ['mi juin', month('2026-06-15')],
    ['début mars', month('2026-03-01')],
    ['en septembre', month('2026-09-01')],
    ['février', month('2027-02-01')],
    ['15 janvier', day('2027-01-15')],
    ['le 20 mars', day('2026-03-20')],
    ['12/03', day('2026-03-12')],
    ['le 15', day('2026-03-15')],
    ['le 5', day('2026-04-05')],
    ['dans trois mois', day('2026-06-10')],
    ['dans 2 semaines', day('2026-03-24')],
    ['dans 10 jours', day('2026-03-20')],
    ['dans quinze jours', day('2026-03-24')],
    ['dans un an', day('2027-03-10')],
    ["d'ici 6 mois", day('2026-09-10')],
    ['il y a 3 ans', day('2023-03-10')],
    ['la semaine prochaine', day('2026-03-17')],
    ['lundi', day('2026-03-16')],
    ['lundi prochain', day('2026-03-16')],
    ['vendredi', day('2026-03-13')],
    ['dès que possible', day('2026-03-10')],
    ['vers le 15 mars 2027', day('2027-03-15')],
    ['probablement en mars 2027', month('2027-03-01')],
    ['jeudi 15 janvier 2027', day('2027-01-15')],
    ['T2 2027', month('2027-04-01')],
    ['à la rentrée', month('2026-09-01')],
    ['noël', day('2026-12-25')],
    ['dans une quinzaine', day('2026-03-24')],
    ['12 ou 15 mars 2027', day('2027-03-15')],
  ])('%j → %j, uncertain', (input, value) => {
    expect(parseFrenchDate(input, { now })).toEqual({ ok: true, value, certain: false });
  });
});

describe('parseFrenchDate: preference for the past', () => {
  test.each<[string, DateValue]>([
    ['fin mars', month('2025-03-31')],
    ['15 janvier', day('2026-01-15')],
    ['15 juin', day('2025-06-15')],
    ['septembre', month('2025-09-01')],
    ['mars', month('2026-03-01')],
    ['lundi', day('2026-03-09')],
    ['le 20', day('2026-02-20')],
  ])('%j → %j', (input, value) => {
    expect(parseFrenchDate(input, { now, prefer: 'past' })).toEqual({ ok: true, value, certain: false });
  });
});

describe('parseFrenchDate: refusals', () => {
  test.each<[string, ParseFailure]>([
    ['', 'empty'],
    ['  ', 'empty'],
    ['31/02/2027', 'invalid_date'],
    ['32/01/2020', 'invalid_date'],
    ['13/13/2020', 'invalid_date'],
    ['29/02/2023', 'invalid_date'],
    ['30 février 2027', 'invalid_date'],
    ['31 avril', 'invalid_date'],
    ['00/03/2020', 'invalid_date'],
    ['en 2026 ou 2027', 'ambiguous'],
    ['entre mars et juin 2027', 'ambiguous'],
  ])('%j → %s', (input, reason) => {
    expect(parseFrenchDate(input, { now })).toEqual({ ok: false, reason });
  });

  test.each(['blabla', 'douze salariés', '12', 'sept', 'au printemps'])('%j is not a date', (input) => {
    expect(parseFrenchDate(input, { now })).toEqual({ ok: false, reason: 'not_understood' });
  });
});

describe('parseFrenchDate: time zone', () => {
  test('"today" is the day in Paris, not on the server', () => {
    const lateEvening = new Date('2026-03-10T23:30:00Z'); // already 11 March in Paris
    expect(parseFrenchDate("aujourd'hui", { now: lateEvening })).toEqual({
      ok: true,
      value: day('2026-03-11'),
      certain: true,
    });
    expect(parseFrenchDate("aujourd'hui", { now: lateEvening, timeZone: 'UTC' })).toEqual({
      ok: true,
      value: day('2026-03-10'),
      certain: true,
    });
  });

  test('month arithmetic clamps to the end of the month', () => {
    const endOfJanuary = new Date('2026-01-31T10:00:00Z');
    expect(parseFrenchDate('dans un mois', { now: endOfJanuary })).toEqual({
      ok: true,
      value: day('2026-02-28'),
      certain: false,
    });
  });
});

describe('parseFrenchDate: English', () => {
  test.each<[string, DateValue, boolean]>([
    ['March 15, 2027', day('2027-03-15'), true],
    ['15th of March 2027', day('2027-03-15'), true],
    ['end of March 2027', month('2027-03-31'), true],
    ['tomorrow', day('2026-03-11'), true],
    ['next year', year('2027-01-01'), true],
    ['in 3 months', day('2026-06-10'), false],
    ['03/04/2027', day('2027-04-03'), false],
    ['25/04/2027', day('2027-04-25'), true],
  ])('%j → %j', (input, value, certain) => {
    expect(parseFrenchDate(input, { now, locale: 'en' })).toEqual({ ok: true, value, certain });
  });
});

describe("parseFrenchDate: no second opinion from Microsoft's recognizer", () => {
  // Its date fallback is gone (issue 19): what only it read as a date was "le lendemain" and words that are no
  // date at all, a phone number or a page count read as a day of the month.
  test.each([
    'le lendemain',
    'Je suis Marie Dupont, joignable au 06 12 34 56 78',
    'sur 8',
    'trente-deux mille cinq cents',
    'blabla',
    'nous avons 12 salariés',
  ])('%j is not a date', (input) => {
    expect(parseFrenchDate(input, { now })).toEqual({ ok: false, reason: 'not_understood' });
  });

  test('at the creation date, the applicant reads that no date was recognised, and is asked again', () => {
    const field = findField('company.creationDate')!;
    for (const text of ['le lendemain', 'joignable au 06 12 34 56 78']) {
      const reading = readAnswer(field, text, {}, context);
      expect(reading).toMatchObject({ outcome: 'ask' });
      if (reading.outcome === 'ask')
        expect(fr.t(reading.errorKey, reading.params)).toBe(fr.t('application:error.notADate'));
    }
  });
});

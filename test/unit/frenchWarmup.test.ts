import { Localizer } from '../../bot/i18n.js';
import { findField } from '../../dialogs/domain/applicationForm.js';
import { parseAmountEuros, parseFrenchDate, warmUpParsers } from '../../dialogs/french/index.js';
import { readAnswer } from '../../dialogs/questionnaire/readAnswer.js';
import { context } from './applicationFormFixtures.js';

const now = new Date('2026-03-10T10:00:00Z');
const fr = new Localizer().language('fr');

/**
 * The server warms our own parsers before it says ready (their regular expressions are compiled on first use).
 * What a user would notice: answers read afterwards must read as before, amounts written with any of the spaces
 * French keyboards and phones produce included, and no date appears where there is none.
 */
describe('warmUpParsers', () => {
  test.each([
    ['250 000 €', 'ordinary space'],
    ['250\u00a0000 €', 'non-breaking space'],
    ['250\u00a0000\u00a0€', 'non-breaking spaces before the sign too'],
    ['250\u202f000\u00a0€', 'narrow non-breaking space, as Intl writes it'],
    ['250 000 euros', 'the word'],
  ])('after the warm-up, %j (%s) is still read as 250 000 €', (text) => {
    warmUpParsers();
    expect(parseAmountEuros(text)).toEqual({ ok: true, value: 250_000, certain: true });
  });

  test('after the warm-up, an amount is not taken for a date, nor « le lendemain » (the next day of what?)', () => {
    warmUpParsers();
    expect(parseFrenchDate('250\u00a0000 €', { now }).ok).toBe(false);
    const field = findField('company.creationDate')!;
    const reading = readAnswer(field, 'le lendemain', {}, context);
    expect(reading.outcome).toBe('ask');
    if (reading.outcome !== 'ask') return;
    expect(fr.t(reading.errorKey, reading.params)).toBe(fr.t('application:error.notADate'));
  });
});

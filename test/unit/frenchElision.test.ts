import { Localizer } from '../../bot/i18n.js';
import { formatDate, formatDayWithWeekday } from '../../dialogs/formatting.js';
import { withPreposition } from '../../dialogs/french/elision.js';

describe('elision and contraction before a name', () => {
  test.each([
    ['de', 'Alès', 'd’Alès'],
    ['de', 'Alès Agglomération', 'd’Alès Agglomération'],
    ['de', 'Euzet', 'd’Euzet'],
    ['de', 'Nîmes', 'de Nîmes'],
    ['de', 'Le Vigan', 'du Vigan'],
    ['de', 'Les Mages', 'des Mages'],
    ['de', 'La Grand-Combe', 'de La Grand-Combe'],
    ['à', 'Alès', 'à Alès'],
    ['à', 'Le Martinet', 'au Martinet'],
    ['à', 'Les Salles-du-Gardon', 'aux Salles-du-Gardon'],
    ['que', 'Alès', 'qu’Alès'],
    ['que', 'Le Vigan', 'que Le Vigan'],
  ] as const)('%s + %s → %s', (preposition, name, expected) => {
    expect(withPreposition(preposition, name)).toBe(expected);
  });

  test('a sentence about the territory elides: never « de Alès »', () => {
    const { t } = new Localizer().language('fr');
    const text = t('eligibility:reason.territory.inside', {
      commune: 'Le Vigan',
      territory: 'Alès Agglomération',
    });
    expect(text).toContain(withPreposition('de', 'Alès Agglomération'));
    expect(text).toContain(withPreposition('à', 'Le Vigan'));
    expect(text).not.toMatch(/\bde Alès|à Le Vigan/);
    // English sentences keep the name as it is.
    const english = new Localizer()
      .language('en')
      .t('eligibility:reason.territory.inside', { commune: 'Le Vigan', territory: 'Alès Agglomération' });
    expect(english).toContain('Le Vigan');
  });
});

describe('the first of the month', () => {
  test('is « 1er » in French, a plain number otherwise', () => {
    expect(formatDate('2027-03-01', 'fr')).toMatch(/^1er mars 2027$/);
    expect(formatDayWithWeekday('2026-12-01', 'fr')).toMatch(/ 1er décembre$/);
    expect(formatDate('2027-03-11', 'fr')).toMatch(/^11 mars 2027$/);
    expect(formatDate('2027-03-01', 'en')).toBe('1 March 2027');
  });
});

describe('plural agreement', () => {
  const fr = new Localizer().language('fr');
  test.each([
    ['applicationFlow:draft.found', 'réponse'],
    ['applicationFlow:intro.prefilled', 'réponse'],
    ['applicationFlow:handover.accepted', 'réponse'],
    ['contact:summary.draft', 'réponse'],
    ['committee:list.skipped', 'dossier'],
    ['eligibility:reason.headcount.sme', 'salarié'],
  ])('%s: one %s, several %ss', (key, noun) => {
    const one = fr.t(key, { count: 1, references: 'ALZ-2026-0001', limit: 250 });
    const several = fr.t(key, { count: 3, references: 'ALZ-2026-0001', limit: 250 });
    expect(one).not.toMatch(new RegExp(`\\b1 ${noun}s\\b|\\bles 1\\b`));
    // The singular is its own sentence, not the plural with a 1 in it.
    expect(one).not.toBe(several.replace(/\b3\b/g, '1'));
    expect(several).toMatch(new RegExp(`\\b${noun}s\\b`));
  });
});

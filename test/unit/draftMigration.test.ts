import {
  DRAFT_MIGRATIONS,
  DRAFT_VERSION,
  draftVersionOf,
  migrateDraftAnswers,
  type DraftMigration,
} from '../../dialogs/domain/draftMigration.js';

/** A form history with one rename and one removal, as a developer would add them. */
const HISTORY: DraftMigration[] = [
  { from: 1 },
  { from: 2, rename: { 'project.otherFunding': 'project.otherFinancing' }, drop: ['company.fax'] },
];

describe('saved drafts and the form’s history', () => {
  test('today’s version is one past the last step; drafts saved before versions are version 1', () => {
    expect(DRAFT_VERSION).toBe(draftVersionOf(DRAFT_MIGRATIONS));
    expect(draftVersionOf(HISTORY)).toBe(3);
    const answers = { 'company.name': 'Mécanique Cévenole' };
    expect(migrateDraftAnswers(answers, undefined)).toEqual({
      outcome: DRAFT_VERSION > 1 ? 'migrated' : 'current',
      answers,
      version: DRAFT_VERSION,
    });
  });

  test('a renamed field’s answer moves to its new key, a removed field’s answer goes', () => {
    const result = migrateDraftAnswers(
      { 'project.otherFunding': 'Prêt bancaire', 'company.fax': '04 66 00 00 00', 'company.name': 'MC' },
      1,
      HISTORY,
    );
    expect(result).toEqual({
      outcome: 'migrated',
      version: 3,
      answers: { 'project.otherFinancing': 'Prêt bancaire', 'company.name': 'MC' },
    });
  });

  test('an answer already given under the new key is kept', () => {
    const result = migrateDraftAnswers(
      { 'project.otherFunding': 'ancien', 'project.otherFinancing': 'nouveau' },
      2,
      HISTORY,
    );
    expect(result.answers).toEqual({ 'project.otherFinancing': 'nouveau' });
  });

  test('a draft of a newer version, or of today’s, is left as it is', () => {
    const answers = { 'project.futureField': 'x', 'project.otherFunding': 'gardé' };
    expect(migrateDraftAnswers(answers, 7, HISTORY)).toEqual({ outcome: 'newer', answers, version: 7 });
    expect(migrateDraftAnswers(answers, 3, HISTORY)).toEqual({ outcome: 'current', answers, version: 3 });
  });

  test('a version that is no whole number is read as a draft saved before versions', () => {
    for (const version of ['2', -1, 1.5, null]) {
      expect(migrateDraftAnswers({ 'project.otherFunding': 'p' }, version, HISTORY).answers).toEqual({
        'project.otherFinancing': 'p',
      });
    }
  });
});

import { ELIGIBILITY, eligibilityRuleSet } from '../../dialogs/domain/eligibilityRuleSet.js';
import {
  ELIGIBILITY_RULES,
  type EligibilityAnswers,
  type EligibilityRule,
} from '../../dialogs/domain/eligibilityRules.js';
import type { Answers } from '../../dialogs/questionnaire/question.js';
import { companyAge } from '../support/companyAgeRule.js';
import { ruleContext, settings, TEST_NOW } from '../support/programmeFixture.js';

/** Asked right after the size of the company (territory, headcount, size, then this). */
const rules = eligibilityRuleSet([
  ...ELIGIBILITY_RULES.slice(0, 3),
  companyAge,
  ...ELIGIBILITY_RULES.slice(3),
]);

const eligible: EligibilityAnswers = {
  commune: { inseeCode: '30007', name: 'Alès', department: '30', postalCode: '30100' },
  headcount: 12,
  turnover: 1_800_000,
  independent: true,
  sector: { nafCode: '25.62B' },
  projectType: 'development',
  jobs: 3,
  proceedings: 'none',
  goodStanding: 'yes',
  deMinimis: 20_000,
  // 20 000 € of de minimis aid is not « aucune aide »: the owner answers the attestation « Non, je précise ».
  declarations: 'detail',
};

/** Answers whatever the rules ask, from `applicant`; the questions in the order asked with their progress. */
function walk(applicant: Answers, now = TEST_NOW) {
  const answers: Answers = {};
  const asked: [string, string][] = [];
  const context = ruleContext(now);
  for (let key = rules.nextQuestion(answers, context); key; key = rules.nextQuestion(answers, context)) {
    const { index, total } = rules.progress(answers, key, context);
    asked.push([key, `${index}/${total}`]);
    if (applicant[key] === undefined) throw new Error(`no answer to ${key}`);
    answers[key] = applicant[key];
  }
  return { asked, answers, verdict: rules.computeVerdict(answers, context) };
}

describe('a rule composed into a rule set brings its question, its place, its count and its prefill', () => {
  const eightMonthsOld = { ...eligible, creationDate: '2026-03-12' } as Answers;

  test('its question is asked once, after the size, and counted in "Question n sur N"', () => {
    const { asked } = walk(eightMonthsOld);
    // The four declarations are one attestation, asked last; answered « je précise », they follow one by one.
    expect(asked).toEqual([
      ['commune', '1/8'],
      ['headcount', '2/8'],
      ['turnover', '3/8'],
      ['creationDate', '4/8'],
      ['sector', '5/8'],
      ['jobs', '6/8'],
      ['projectType', '7/8'],
      ['declarations', '8/8'],
      ['proceedings', '9/12'],
      ['deMinimis', '10/12'],
      ['independent', '11/12'],
      ['goodStanding', '12/12'],
    ]);
    expect(rules.questions.map((question) => question.key).indexOf('creationDate')).toBe(4);
  });

  test('it reads the date relative to the injected clock, the way the application does', () => {
    const question = rules.question('creationDate')!;
    const reading = question.interpret('12/03/2026', { settings, locale: 'fr', now: TEST_NOW });
    expect(reading).toMatchObject({ kind: 'answer', value: '2026-03-12' });
    expect(question.promptKey).toBe('eligibility:question.creationDate');
  });

  test('it decides the verdict, on the day of the injected clock', () => {
    const { verdict } = walk(eightMonthsOld);
    expect(verdict.verdict).toBe('REVIEW');
    // The only reason to review is the composed rule's.
    expect(verdict.toReview.map((result) => [result.ruleId, result.reason])).toContainEqual([
      'companyAge',
      'eligibility:reason.companyAge.young',
    ]);
    expect(verdict.toReview.filter((result) => result.ruleId !== 'companyAge')).toEqual([]);
    // The same answers a year later: the company is now old enough.
    expect(walk(eightMonthsOld, new Date('2027-06-01T10:00:00+02:00')).verdict.verdict).toBe('OK');
    expect(walk({ ...eligible, creationDate: '2015-03-12' } as Answers).verdict.verdict).toBe('OK');
  });

  test('the application is prefilled with its answer', () => {
    const { answers } = walk(eightMonthsOld);
    expect(rules.prefill(answers)).toMatchObject({
      'company.creationDate': '2026-03-12',
      'company.headcount': 12,
    });
  });

  test('a question shared by two rules is asked once, where the first declares it', () => {
    const alsoHeadcount: EligibilityRule = {
      ...companyAge,
      id: 'again',
      questions: [ELIGIBILITY_RULES[1].questions[0]],
      evaluate: () => ({ effect: 'OK', reason: 'eligibility:reason.headcount.sme' }),
    };
    const shared = eligibilityRuleSet([...ELIGIBILITY_RULES, alsoHeadcount]);
    const keys = shared.questions.map((question) => question.key);
    expect(keys.filter((key) => key === 'headcount')).toHaveLength(1);
    expect(keys.indexOf('headcount')).toBe(1);
    expect(shared.progress({}, 'commune', ruleContext())).toEqual(
      ELIGIBILITY.progress({}, 'commune', ruleContext()),
    );
  });
});

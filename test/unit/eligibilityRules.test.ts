import { JOBS_TOTAL } from '../../dialogs/domain/applicationFieldsProject.js';
import { findField } from '../../dialogs/domain/applicationForm.js';
import { findCommunes } from '../../dialogs/domain/communes.js';
import {
  ELIGIBILITY_RULES,
  NOT_ANSWERED_REASON,
  type CommuneAnswer,
  type EligibilityAnswers,
  type RuleId,
} from '../../dialogs/domain/eligibilityRules.js';
import type { Answers } from '../../dialogs/questionnaire/question.js';
import { ELIGIBILITY } from '../../dialogs/domain/eligibilityRuleSet.js';
import { COMPLIANT_DECLARATIONS, DECLARATIONS_KEY } from '../../dialogs/domain/declarations.js';
import type { ProgrammeSettings } from '../../dialogs/domain/programmeSettings.js';
import { SUPPORTED_LOCALES } from '../../dialogs/translator.js';
import { bookValues, ELIGIBLE_COMPANY_CHECK } from '../support/answerBook.js';
import { localizer } from '../support/botHarness.js';
import { ruleContext, settings } from '../support/programmeFixture.js';

const context = ruleContext();
const computeVerdict = (answers: EligibilityAnswers, programme: ProgrammeSettings = settings) =>
  ELIGIBILITY.computeVerdict(answers, ruleContext(undefined, programme));
const nextQuestion = (answers: EligibilityAnswers) => ELIGIBILITY.nextQuestion(answers, context);
const QUESTION_ORDER = ELIGIBILITY.questions.map((question) => question.key);

function communeNamed(text: string): CommuneAnswer {
  const lookup = findCommunes(text, settings.territory);
  if (lookup.kind !== 'found') throw new Error(`${text}: ${lookup.kind}`);
  const { inseeCode, name, department, postalCodes } = lookup.commune;
  return { inseeCode, name, department, postalCode: postalCodes[0] };
}

/** The result of one rule, given only what it needs. */
function ruleResult(ruleId: RuleId, answers: EligibilityAnswers, programme: ProgrammeSettings = settings) {
  const result = computeVerdict(answers, programme).results.find((candidate) => candidate.ruleId === ruleId);
  if (!result) throw new Error(`no rule ${ruleId}`);
  return result;
}

/**
 * An applicant who knows all the answers of an eligible company: 12 staff in Alès machining parts, as the
 * conversations type them (test/support/answerBook.ts), read by the rules' own questions.
 */
const eligibleMachiningSme = bookValues(ELIGIBLE_COMPANY_CHECK, ELIGIBILITY, {
  ...context,
  locale: 'fr',
}) as Required<EligibilityAnswers>;
const DECLARED = Object.keys(COMPLIANT_DECLARATIONS);
/**
 * Every question but the balance sheet (the turnover settles the size of a typical SME), the four declarations
 * being one attestation.
 */
const TYPICAL_COUNT = QUESTION_ORDER.length - 1 - DECLARED.length + 1;
/** The order an applicant who answers "je précise" to the attestation is asked in. */
const DETAILED_ORDER = [
  ...QUESTION_ORDER.filter((key) => !DECLARED.includes(key)),
  DECLARATIONS_KEY,
  ...QUESTION_ORDER.filter((key) => DECLARED.includes(key)),
];

/** Asks nextQuestion until it says stop, answering from `applicant`; returns the questions asked and the answers. */
function walk(applicant: EligibilityAnswers) {
  const answers: EligibilityAnswers = {};
  const asked: string[] = [];
  const known = applicant as Answers;
  for (let key = nextQuestion(answers); key !== null; key = nextQuestion(answers)) {
    if (asked.includes(key)) throw new Error(`asked ${key} again`);
    asked.push(key);
    if (key === DECLARATIONS_KEY) {
      // As the owner would: "Oui, tout est exact" when every statement holds for them, else "Non, je précise".
      const holds = DECLARED.every((k) =>
        [undefined, JSON.stringify(COMPLIANT_DECLARATIONS[k])].includes(JSON.stringify(known[k])),
      );
      const reading = ELIGIBILITY.question(key)!.interpret(
        holds ? 'attested' : 'detail',
        { ...context, locale: 'fr' },
        answers as Answers,
      );
      if (reading.kind !== 'answer') throw new Error('the attestation refused its own button');
      Object.assign(answers, { [key]: reading.value }, reading.also);
      continue;
    }
    if (known[key] === undefined) throw new Error(`asked ${key}, unanswerable`);
    Object.assign(answers, { [key]: known[key] });
  }
  return { asked, answers, verdict: computeVerdict(answers) };
}

describe('each rule at its thresholds', () => {
  test.each<[EligibilityAnswers['headcount'], string, string]>([
    [0, 'OK', 'headcount.sme'],
    [249, 'OK', 'headcount.sme'],
    [250, 'NO', 'headcount.tooMany'],
    [400, 'NO', 'headcount.tooMany'],
    ['unknown', 'REVIEW', 'headcount.unknown'],
  ])('headcount %j → %s', (headcount, effect, reason) => {
    expect(ruleResult('headcount', { headcount })).toMatchObject({
      effect,
      reason: `eligibility:reason.${reason}`,
    });
  });

  test.each<[EligibilityAnswers['turnover'], EligibilityAnswers['balanceSheet'], string]>([
    [50_000_000, 43_000_000, 'OK'],
    [50_000_000, 44_000_000, 'OK'],
    [50_000_000, undefined, 'OK'], // the balance sheet is not even needed
    [50_000_001, 43_000_000, 'OK'],
    [50_000_001, 43_000_001, 'NO'],
    [50_000_001, 44_000_000, 'NO'],
    [50_000_001, 'unknown', 'REVIEW'],
    ['unknown', 43_000_000, 'OK'],
    ['unknown', 44_000_000, 'REVIEW'],
    ['unknown', 'unknown', 'REVIEW'],
  ])('turnover %j and balance sheet %j → %s', (turnover, balanceSheet, effect) => {
    expect(ruleResult('size', { turnover, balanceSheet }).effect).toBe(effect);
  });

  test.each<[EligibilityAnswers['deMinimis'], string]>([
    [0, 'OK'],
    [300_000, 'OK'],
    [300_001, 'NO'],
    ['unknown', 'REVIEW'],
  ])('de minimis received %j → %s', (deMinimis, effect) => {
    expect(ruleResult('deMinimis', { deMinimis }).effect).toBe(effect);
  });

  test.each<[string, string, string]>([
    ['Alès', 'OK', 'territory.inside'],
    ['30340 Salindres', 'OK', 'territory.inside'],
    ['Bagnols-sur-Cèze', 'REVIEW', 'territory.department'],
    ['Nîmes', 'REVIEW', 'territory.department'],
    ['Montpellier', 'NO', 'territory.outside'],
  ])('establishment in %s → %s', (text, effect, reason) => {
    expect(ruleResult('territory', { commune: communeNamed(text) })).toMatchObject({
      effect,
      reason: `eligibility:reason.${reason}`,
    });
  });

  test.each<[RuleId, EligibilityAnswers, string, string]>([
    ['independence', { independent: true }, 'OK', 'independence.independent'],
    ['independence', { independent: false }, 'REVIEW', 'independence.group'],
    ['independence', { independent: 'unknown' }, 'REVIEW', 'independence.unknown'],
    ['sector', { sector: { nafCode: '25.62B' } }, 'OK', 'sector.targeted'],
    ['sector', { sector: { category: 'commerce' } }, 'REVIEW', 'sector.other'],
    ['sector', { sector: { nafCode: '01.11Z' } }, 'NO', 'sector.excluded'],
    ['projectType', { projectType: 'development' }, 'OK', 'projectType.development'],
    ['projectType', { projectType: 'creation' }, 'REVIEW', 'projectType.creation'],
    ['projectType', { projectType: 'takeover' }, 'REVIEW', 'projectType.takeover'],
    ['jobs', { jobs: 0 }, 'NO', 'jobs.belowMinimum'],
    ['jobs', { jobs: 1 }, 'OK', 'jobs.enough'],
    ['proceedings', { proceedings: 'none' }, 'OK', 'proceedings.none'],
    ['proceedings', { proceedings: 'safeguard' }, 'REVIEW', 'proceedings.ongoing'],
    ['proceedings', { proceedings: 'receivership' }, 'REVIEW', 'proceedings.ongoing'],
    ['proceedings', { proceedings: 'liquidation' }, 'NO', 'proceedings.liquidation'],
    ['proceedings', { proceedings: 'unknown' }, 'REVIEW', 'proceedings.unknown'],
    ['standing', { goodStanding: 'yes' }, 'OK', 'standing.upToDate'],
    ['standing', { goodStanding: 'no' }, 'REVIEW', 'standing.notUpToDate'],
    ['standing', { goodStanding: 'plan' }, 'REVIEW', 'standing.paymentPlan'],
    ['standing', { goodStanding: 'unknown' }, 'REVIEW', 'standing.unknown'],
  ])('%s %j → %s', (ruleId, answers, effect, reason) => {
    expect(ruleResult(ruleId, answers)).toMatchObject({ effect, reason: `eligibility:reason.${reason}` });
  });

  test('thresholds come from the settings: a minimum of 2 jobs refuses 1', () => {
    const stricter = { ...settings, jobs: { minimum: 2, horizonMonths: 24 } };
    expect(ruleResult('jobs', { jobs: 1 }, stricter)).toMatchObject({
      effect: 'NO',
      details: { jobs: 1, minimum: 2, horizonMonths: 24 },
    });
  });

  test('an unanswered rule asks for a review and names what is missing', () => {
    expect(ruleResult('size', {})).toEqual({
      ruleId: 'size',
      effect: 'REVIEW',
      reason: NOT_ANSWERED_REASON,
      details: { missing: 'turnover' },
    });
  });
});

describe('the verdict folds the rules', () => {
  test.each<[string, EligibilityAnswers, string]>([
    ['all OK', eligibleMachiningSme, 'OK'],
    ['one REVIEW', { ...eligibleMachiningSme, projectType: 'creation' }, 'REVIEW'],
    ['one NO among REVIEWs', { ...eligibleMachiningSme, projectType: 'creation', jobs: 0 }, 'NO'],
    ['an answer missing', { ...eligibleMachiningSme, goodStanding: undefined }, 'REVIEW'],
  ])('%s → %s', (_case, answers, verdict) => {
    expect(computeVerdict(answers).verdict).toBe(verdict);
  });

  test('lists every rule once, the failing ones and those to review', () => {
    const result = computeVerdict({ ...eligibleMachiningSme, jobs: 0, independent: false });
    expect(result.results.map((rule) => rule.ruleId)).toEqual(ELIGIBILITY_RULES.map((rule) => rule.id));
    expect(result.failing.map((rule) => rule.ruleId)).toEqual(['jobs']);
    expect(result.toReview.map((rule) => rule.ruleId)).toEqual(['independence']);
  });

  test('every reason a rule can give is a sentence in both locales', () => {
    const cases: EligibilityAnswers[] = [
      eligibleMachiningSme,
      { ...eligibleMachiningSme, commune: communeNamed('Montpellier'), headcount: 400, jobs: 0 },
      {
        ...eligibleMachiningSme,
        commune: communeNamed('Nîmes'),
        independent: false,
        projectType: 'creation',
      },
      { ...eligibleMachiningSme, turnover: 'unknown', balanceSheet: 'unknown', deMinimis: 'unknown' },
      {
        ...eligibleMachiningSme,
        proceedings: 'liquidation',
        goodStanding: 'plan',
        sector: { nafCode: '01.11Z' },
      },
      {},
    ];
    const reasons = new Set(cases.flatMap((answers) => computeVerdict(answers).results.map((r) => r.reason)));
    const missing = [...reasons].flatMap((reason) =>
      SUPPORTED_LOCALES.filter((locale) => !localizer.hasKey(locale, reason)).map(
        (locale) => `${locale}: ${reason}`,
      ),
    );
    expect(missing).toEqual([]);
    expect(reasons.size).toBeGreaterThan(15);
  });
});

describe('the walk of questions', () => {
  test('asks every answer some rule needs, each once', () => {
    const needed = new Set(
      ELIGIBILITY_RULES.flatMap((rule) => rule.questions.map((question) => question.key)),
    );
    expect(new Set(QUESTION_ORDER)).toEqual(needed);
    expect(QUESTION_ORDER).toHaveLength(needed.size);
    expect(QUESTION_ORDER.slice(0, 4)).toEqual(['commune', 'headcount', 'turnover', 'balanceSheet']);
  });

  test('an SME of 12 people in Alès machining parts (25.62B), developing, 3 jobs → OK in 7 questions', () => {
    const { asked, verdict } = walk({ ...eligibleMachiningSme, commune: communeNamed('Alès') });
    expect(verdict.verdict).toBe('OK');
    expect(asked).toHaveLength(TYPICAL_COUNT);
    expect(TYPICAL_COUNT).toBe(7);
    expect(asked).not.toContain('balanceSheet');
    // The four declarations are one attestation, asked last; "Oui, tout est exact" gives the same verdict.
    expect(asked.at(-1)).toBe(DECLARATIONS_KEY);
    expect(asked.filter((key) => DECLARED.includes(key))).toEqual([]);
    expect(verdict).toEqual(computeVerdict(eligibleMachiningSme));
  });

  test('a company being created attests three statements: the tax and social one is not asked of it', () => {
    const creating = { ...eligibleMachiningSme, projectType: 'creation' as const, goodStanding: undefined };
    const { answers, verdict } = walk(creating);
    expect(answers.goodStanding).toBeUndefined();
    expect(verdict.results.find((r) => r.ruleId === 'standing')?.reason).toBe(
      'eligibility:reason.standing.creation',
    );
    const params = ELIGIBILITY.question(DECLARATIONS_KEY)!.promptParams!(
      { ...context, locale: 'fr' },
      answers as Answers,
    );
    expect(params).toMatchObject({ n: 3, line1: 'eligibility:declaration.proceedings' });
    expect(Object.values(params)).not.toContain('eligibility:declaration.goodStanding');
  });

  test('a 400-person company in Montpellier → NO for both the territory and the headcount, in 2 questions', () => {
    const { asked, verdict } = walk({
      ...eligibleMachiningSme,
      commune: communeNamed('Montpellier'),
      headcount: 400,
    });
    expect(asked).toEqual(['commune', 'headcount']);
    expect(verdict.verdict).toBe('NO');
    expect(verdict.failing.map((rule) => [rule.ruleId, rule.reason])).toEqual([
      ['territory', 'eligibility:reason.territory.outside'],
      ['headcount', 'eligibility:reason.headcount.tooMany'],
    ]);
  });

  test('outside the territory the walk still settles the SME status, then stops', () => {
    const large = {
      ...eligibleMachiningSme,
      commune: communeNamed('Montpellier'),
      turnover: 60e6,
      balanceSheet: 45e6,
    };
    expect(walk(large).asked).toEqual(['commune', 'headcount', 'turnover', 'balanceSheet']);
    expect(walk(large).verdict.failing.map((rule) => rule.ruleId)).toEqual(['territory', 'size']);
    expect(walk({ ...large, turnover: 2e6 }).asked).toEqual(['commune', 'headcount', 'turnover']);
  });

  test('an owner who does not know whether a group owns the company → REVIEW for independence', () => {
    const { asked, verdict } = walk({ ...eligibleMachiningSme, independent: 'unknown' });
    expect(asked.filter((key) => key === 'independent')).toHaveLength(1);
    expect(verdict.verdict).toBe('REVIEW');
    expect(verdict.toReview).toEqual([
      { ruleId: 'independence', effect: 'REVIEW', reason: 'eligibility:reason.independence.unknown', details: { independent: 'unknown' } },
    ]);
  }); // prettier-ignore

  test.each<[string, Partial<EligibilityAnswers>, string]>([
    ['250 staff', { headcount: 250 }, 'headcount'],
    ['both ceilings exceeded', { turnover: 60e6, balanceSheet: 50e6 }, 'balanceSheet'],
    ['agriculture', { sector: { nafCode: '01.11Z' } }, 'sector'],
    ['no job', { jobs: 0 }, 'jobs'],
    ['in liquidation', { proceedings: 'liquidation' }, 'proceedings'],
    ['over the de minimis ceiling', { deMinimis: 300_001 }, 'deMinimis'],
  ])('stops at the first certain NO (%s), after %s', (_case, answers, lastQuestion) => {
    const { asked, verdict } = walk({ ...eligibleMachiningSme, ...answers });
    expect(asked.at(-1)).toBe(lastQuestion);
    expect(verdict.verdict).toBe('NO');
  });

  test('a Gard commune outside the territory goes on to a REVIEW, not a stop', () => {
    const { asked, verdict } = walk({ ...eligibleMachiningSme, commune: communeNamed('Bagnols-sur-Cèze') });
    expect(asked).toHaveLength(TYPICAL_COUNT);
    expect(verdict.verdict).toBe('REVIEW');
    expect(verdict.toReview.map((rule) => rule.ruleId)).toEqual(['territory']);
  });

  test('"je ne sais pas" everywhere ends (no loop) with a REVIEW', () => {
    const { asked, verdict } = walk({
      ...eligibleMachiningSme,
      headcount: 'unknown',
      turnover: 'unknown',
      balanceSheet: 'unknown',
      independent: 'unknown',
      proceedings: 'unknown',
      goodStanding: 'unknown',
      deMinimis: 'unknown',
    });
    expect(asked).toEqual(DETAILED_ORDER);
    expect(verdict.verdict).toBe('REVIEW');
  });

  test('nothing is asked again once answered', () => {
    expect(nextQuestion(eligibleMachiningSme)).toBeNull();
    expect(nextQuestion({ commune: eligibleMachiningSme.commune })).toBe('headcount');
  });
});

describe('what the rules derive', () => {
  const progressAt = (answers: EligibilityAnswers) => {
    const key = nextQuestion(answers);
    return key ? ELIGIBILITY.progress(answers, key, context) : null;
  };

  test('"Question n sur 7" for a company whose turnover settles its size, "sur 8" once the balance sheet is needed', () => {
    expect(progressAt({})).toEqual({ index: 1, total: TYPICAL_COUNT });
    const { commune, headcount } = eligibleMachiningSme;
    expect(progressAt({ commune, headcount })).toEqual({ index: 3, total: TYPICAL_COUNT });
    expect(progressAt({ commune, headcount, turnover: 1_800_000 })).toEqual({
      index: 4,
      total: TYPICAL_COUNT,
    });
    expect(progressAt({ commune, headcount, turnover: 60e6 })).toEqual({
      index: 4,
      total: TYPICAL_COUNT + 1,
    });
    expect(progressAt({ commune, headcount, turnover: 'unknown' })).toEqual({
      index: 4,
      total: TYPICAL_COUNT + 1,
    });
  });

  test('the application reuses what is known, under its own keys, and not "je ne sais pas"', () => {
    const { commune } = eligibleMachiningSme;
    expect(commune.postalCode).toBe('30100');
    const known = {
      ...eligibleMachiningSme,
      turnover: 'unknown',
      balanceSheet: 900_000,
      deMinimis: 20_000,
    } as const;
    expect(ELIGIBILITY.prefill(known)).toMatchObject({
      'company.commune': commune,
      'company.headcount': 12,
      'company.balanceSheet': 900_000,
      'company.independent': true,
      'company.nafCode': '25.62B',
      'project.type': 'development',
      'company.proceedings': 'none',
      'company.goodStanding': 'yes',
      'company.deMinimisReceived': 20_000,
    });
    expect(ELIGIBILITY.prefill(known)).not.toHaveProperty(['company.turnover']);
    // No postal code: the file needs it, the form asks. A category rather than a NAF code: the file keeps the
    // activity, and the code is not asked again.
    const withoutPostalCode = { inseeCode: '30007', name: 'Alès', department: '30' };
    expect(ELIGIBILITY.prefill({ commune: withoutPostalCode, sector: { category: 'commerce' } })).toEqual({
      'company.activity': 'commerce',
    });
  });

  test('every field the application reuses is a field of the form', () => {
    const fields = Object.keys(ELIGIBILITY.prefill(eligibleMachiningSme));
    // The check's jobs total is no question of the file: the jobs question reads it ("Sur ces 3 emplois…").
    expect(fields.filter((key) => !findField(key))).toEqual([JOBS_TOTAL]);
  });
});

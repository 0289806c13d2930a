import {
  ELIGIBILITY_RULES,
  missingAnswers,
  notAnswered,
  type AnswerKey,
  type EligibilityAnswers,
  type RuleId,
  type RuleResult,
} from './eligibilityRules.js';
import type { Effect, ProgrammeSettings } from './programmeSettings.js';

/**
 * The order of the questions: what can end a hopeless case first (where, how big), then the other rules that can
 * say NO, then those that can only ask for a review. The balance sheet is only asked when the turnover is over
 * its ceiling or unknown, so an eligible company answers 10 questions.
 */
export const ELIGIBILITY_QUESTION_ORDER: readonly AnswerKey[] = [
  'commune',
  'headcount',
  'turnover',
  'balanceSheet',
  'sector',
  'jobs',
  'proceedings',
  'deMinimis',
  'independent',
  'projectType',
  'goodStanding',
];

/**
 * A NO outside the territory does not end the walk at once: where the establishment is says nothing about the
 * company, and the applicant should learn in the same answer whether it is an SME at all (it may have, or open,
 * an establishment in the territory; the other help offered depends on it). So after a territory NO the walk
 * still settles these rules, then stops. Any other NO stops the walk at once.
 */
export const RULES_SETTLED_AFTER_A_TERRITORY_NO: readonly RuleId[] = ['headcount', 'size'];

export interface EligibilityVerdict {
  verdict: Effect;
  results: RuleResult[];
  /** The rules that said NO. */
  failing: RuleResult[];
  /** The rules that said REVIEW, including those left unanswered. */
  toReview: RuleResult[];
}

function decidedResults(answers: EligibilityAnswers, settings: ProgrammeSettings): RuleResult[] {
  return ELIGIBILITY_RULES.filter((rule) => missingAnswers(rule, answers, settings).length === 0).map(
    (rule) => ({
      ruleId: rule.id,
      ...rule.evaluate(answers, settings),
    }),
  );
}

/** The next answer to ask for, or null when the verdict cannot change any more. */
export function nextQuestion(answers: EligibilityAnswers, settings: ProgrammeSettings): AnswerKey | null {
  const refusedBy = decidedResults(answers, settings)
    .filter((result) => result.effect === 'NO')
    .map((result) => result.ruleId);
  if (refusedBy.some((ruleId) => ruleId !== 'territory')) return null;
  const rulesStillAsked =
    refusedBy.length === 0
      ? ELIGIBILITY_RULES
      : ELIGIBILITY_RULES.filter((rule) => RULES_SETTLED_AFTER_A_TERRITORY_NO.includes(rule.id));
  const needed = new Set(rulesStillAsked.flatMap((rule) => missingAnswers(rule, answers, settings)));
  return ELIGIBILITY_QUESTION_ORDER.find((key) => needed.has(key)) ?? null;
}

/** NO if any rule says NO, else REVIEW if any says REVIEW or lacks its answer, else OK. */
export function computeVerdict(answers: EligibilityAnswers, settings: ProgrammeSettings): EligibilityVerdict {
  const results: RuleResult[] = ELIGIBILITY_RULES.map((rule) => {
    const missing = missingAnswers(rule, answers, settings);
    return {
      ruleId: rule.id,
      ...(missing.length > 0 ? notAnswered(missing) : rule.evaluate(answers, settings)),
    };
  });
  const failing = results.filter((result) => result.effect === 'NO');
  const toReview = results.filter((result) => result.effect === 'REVIEW');
  const verdict = failing.length > 0 ? 'NO' : toReview.length > 0 ? 'REVIEW' : 'OK';
  return { verdict, results, failing, toReview };
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in the programme's time zone (formatters reused: 72 → 5 µs). */
export function isoDateIn(timeZone: string, instant: Date): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  const parts = format
    .formatToParts(instant)
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export type CallWindowStatus =
  | { state: 'open'; closesOn: string }
  | { state: 'before'; opensOn: string }
  | { state: 'after'; closedOn: string; nextOpensOn?: string };

/** Where today stands among the calls; both ends of a call are included (it "closes on 21 December"). */
export function callWindowStatus(
  settings: Pick<ProgrammeSettings, 'calls' | 'timeZone'>,
  now: Date,
): CallWindowStatus {
  const today = isoDateIn(settings.timeZone, now);
  const calls = [...settings.calls].sort((a, b) => a.opensOn.localeCompare(b.opensOn));
  const open = calls.find((call) => call.opensOn <= today && today <= call.closesOn);
  if (open) return { state: 'open', closesOn: open.closesOn };
  const next = calls.find((call) => call.opensOn > today);
  const last = calls.filter((call) => call.closesOn < today).at(-1);
  if (!last) return { state: 'before', opensOn: next?.opensOn ?? calls[0].opensOn };
  return next
    ? { state: 'after', closedOn: last.closesOn, nextOpensOn: next.opensOn }
    : { state: 'after', closedOn: last.closesOn };
}

/** The first committee meeting today or later, or null when none is planned yet. */
export function nextCommitteeDate(
  settings: Pick<ProgrammeSettings, 'committeeDates' | 'timeZone'>,
  now: Date,
): string | null {
  const today = isoDateIn(settings.timeZone, now);
  return [...settings.committeeDates].sort().find((date) => date >= today) ?? null;
}

import type { Answers, AnswerValue } from '../questionnaire/question.js';
import { settingsParams, type EligibilityQuestion } from './eligibilityQuestions.js';
import {
  ELIGIBILITY_RULES,
  missingAnswers,
  notAnswered,
  type EligibilityAnswers,
  type EligibilityRule,
  type Prefill,
  type RuleContext,
  type RuleResult,
} from './eligibilityRules.js';
import type { Effect } from './programmeSettings.js';

export interface EligibilityVerdict {
  verdict: Effect;
  results: RuleResult[];
  /** The rules that said NO. */
  failing: RuleResult[];
  /** The rules that said REVIEW, including those left unanswered. */
  toReview: RuleResult[];
}

/**
 * Everything the check derives from its rules: the questions in the order asked, the next one, "Question n sur
 * N", the verdict, and what the application reuses. Nothing here is kept by hand: a rule added to the list
 * brings its questions, their place, their count and their prefill.
 */
export interface EligibilityRuleSet {
  readonly rules: readonly EligibilityRule[];
  /** Every question, in the order the rules declare them, each once. */
  readonly questions: readonly EligibilityQuestion[];
  question(key: string): EligibilityQuestion | undefined;
  /** The next answer to ask for, or null when the verdict cannot change any more. */
  nextQuestion(answers: EligibilityAnswers, context: RuleContext): string | null;
  /** "Question n sur N" for the question about to be asked. */
  progress(answers: EligibilityAnswers, key: string, context: RuleContext): { index: number; total: number };
  /** NO if any rule says NO, else REVIEW if any says REVIEW or lacks its answer, else OK. */
  computeVerdict(answers: EligibilityAnswers, context: RuleContext): EligibilityVerdict;
  /** What the check already knows, under the application form's keys ("je ne sais pas" left out). */
  prefill(answers: EligibilityAnswers): Answers;
}

const defaultPrefillValue = (answer: AnswerValue) => (answer === 'unknown' ? undefined : answer);

export function eligibilityRuleSet(rules: readonly EligibilityRule[]): EligibilityRuleSet {
  const byKey = new Map<string, EligibilityQuestion>();
  const prefills = new Map<string, readonly Prefill[]>();
  for (const rule of rules) {
    for (const question of rule.questions) {
      if (byKey.has(question.key)) continue;
      // Every question quotes the settings it mentions and follows the audience's wording.
      const own = question.promptParams;
      byKey.set(question.key, {
        ...question,
        promptParams: (context) => ({ ...settingsParams(context), ...own?.(context) }),
      });
    }
    for (const [key, prefill] of Object.entries(rule.prefill ?? {})) {
      if (prefill && !prefills.has(key)) prefills.set(key, Array.isArray(prefill) ? prefill : [prefill]);
    }
  }
  const questions = [...byKey.values()];
  const order = questions.map((question) => question.key);

  const decided = (answers: EligibilityAnswers, context: RuleContext): RuleResult[] =>
    rules
      .filter((rule) => missingAnswers(rule, answers, context).length === 0)
      .map((rule) => ({ ruleId: rule.id, ...rule.evaluate(answers, context) }));

  const stillNeeded = (answers: EligibilityAnswers, context: RuleContext, asked = rules) =>
    new Set(asked.flatMap((rule) => missingAnswers(rule, answers, context)));

  return {
    rules,
    questions,
    question: (key) => byKey.get(key),

    nextQuestion(answers, context) {
      const refusing = decided(answers, context)
        .filter((result) => result.effect === 'NO')
        .map((result) => rules.find((rule) => rule.id === result.ruleId)!);
      if (refusing.length > 1 || refusing.some((rule) => !rule.stillSettledAfterNo)) return null;
      const stillAsked =
        refusing.length === 0
          ? rules
          : rules.filter((rule) => refusing[0].stillSettledAfterNo!.includes(rule.id));
      const needed = stillNeeded(answers, context, stillAsked);
      return order.find((key) => needed.has(key)) ?? null;
    },

    // The questions answered so far, this one, and those the rules still need as the answers stand: a company
    // whose turnover settles its size answers ten questions, eleven otherwise.
    progress(answers, key, context) {
      const given = answers as Answers;
      const answered = order.filter((other) => other !== key && given[other] !== undefined).length;
      const needed = [...stillNeeded(answers, context)].filter((other) => other !== key).length;
      return { index: answered + 1, total: answered + 1 + needed };
    },

    computeVerdict(answers, context) {
      const results: RuleResult[] = rules.map((rule) => {
        const missing = missingAnswers(rule, answers, context);
        return {
          ruleId: rule.id,
          ...(missing.length > 0 ? notAnswered(missing) : rule.evaluate(answers, context)),
        };
      });
      const failing = results.filter((result) => result.effect === 'NO');
      const toReview = results.filter((result) => result.effect === 'REVIEW');
      const verdict = failing.length > 0 ? 'NO' : toReview.length > 0 ? 'REVIEW' : 'OK';
      return { verdict, results, failing, toReview };
    },

    prefill(answers) {
      const known: Answers = {};
      for (const [key, targets] of prefills) {
        for (const { field, value = defaultPrefillValue } of targets) {
          const answer = (answers as Answers)[key];
          const reused = answer === undefined ? undefined : value(answer);
          if (reused !== undefined) known[field] = reused;
        }
      }
      return known;
    },
  };
}

/** The programme's rules (eligibilityRules.ts), as the bot uses them. */
export const ELIGIBILITY = eligibilityRuleSet(ELIGIBILITY_RULES);

/** The programme's questions, in the order asked (for the corpus and the scripts that read them). */
export const ELIGIBILITY_QUESTIONS = ELIGIBILITY.questions;

export function eligibilityQuestion(key: string): EligibilityQuestion | undefined {
  return ELIGIBILITY.question(key);
}

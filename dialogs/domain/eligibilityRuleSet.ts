import type { Answers, AnswerValue } from '../questionnaire/question.js';
import { settingsParams, type EligibilityQuestion } from './eligibilityQuestions.js';
import {
  ELIGIBILITY_RULES,
  missingAnswers,
  notAnswered,
  type Attestation,
  type EligibilityAnswers,
  type EligibilityRule,
  type Prefill,
  type RuleContext,
  type RuleResult,
} from './eligibilityRules.js';
import type { Effect } from './programmeSettings.js';
import { DECLARATIONS } from './declarations.js';

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
  /** Questions of the rules asked as one (the « attestation sur l'honneur »), after all the others. */
  readonly attestations: readonly Attestation[];
  /** A rule's question or an attestation, by key. */
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

export function eligibilityRuleSet(
  rules: readonly EligibilityRule[],
  declared: readonly Attestation[] = [DECLARATIONS],
): EligibilityRuleSet {
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
  const keysOf = (attestation: Attestation) => order.filter((key) => key in attestation.compliant);
  // A rule set without these questions (a programme of its own) has no use for the attestation.
  const attestations = declared.filter((attestation) => keysOf(attestation).length > 0);

  const decided = (answers: EligibilityAnswers, context: RuleContext): RuleResult[] =>
    rules
      .filter((rule) => missingAnswers(rule, answers, context).length === 0)
      .map((rule) => ({ ruleId: rule.id, ...rule.evaluate(answers, context) }));

  const stillNeeded = (answers: EligibilityAnswers, context: RuleContext, asked = rules) =>
    new Set(asked.flatMap((rule) => missingAnswers(rule, answers, context)));

  const waiting = (answers: EligibilityAnswers) =>
    attestations.filter((attestation) => (answers as Answers)[attestation.question.key] === undefined);

  /** The statements an attestation lists: its questions the rules would ask were none of them answered. */
  const listed = (attestation: Attestation, answers: Answers, context: RuleContext): string[] => {
    const keys = keysOf(attestation);
    const blank = Object.fromEntries(Object.entries(answers).filter(([key]) => !keys.includes(key)));
    const needed = stillNeeded(blank as EligibilityAnswers, context);
    return keys.filter((key) => needed.has(key));
  };

  for (const attestation of attestations) {
    const { question } = attestation;
    byKey.set(question.key, {
      ...question,
      fills: keysOf(attestation),
      promptParams: (context, answers = {}) => ({
        ...settingsParams(context),
        ...attestation.lines(listed(attestation, answers, context)),
      }),
      // "Oui, tout est exact" answers the statements shown, not one the rules do not ask (a creation's taxes).
      interpret: (text, context, answers = {}) => {
        const reading = question.interpret(text, context, answers);
        if (reading.kind !== 'answer' || !reading.also) return reading;
        const shown = listed(attestation, answers, context);
        const also = Object.fromEntries(Object.entries(reading.also).filter(([k]) => shown.includes(k)));
        return { ...reading, also };
      },
    });
  }

  return {
    rules,
    questions,
    attestations,
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
      // An attestation not answered yet waits for every other question (the project type says whether the tax
      // and social statement applies), then stands for its questions; answered "je précise", they follow.
      const pending = waiting(answers).filter((attestation) =>
        keysOf(attestation).some((k) => needed.has(k)),
      );
      const deferred = new Set(pending.flatMap(keysOf));
      const first = order.find((key) => needed.has(key) && !deferred.has(key));
      return first ?? pending[0]?.question.key ?? order.find((key) => needed.has(key)) ?? null;
    },

    // The questions answered so far, this one, and those the rules still need as the answers stand: a company
    // whose turnover settles its size answers seven questions, eight otherwise. An attestation counts as one
    // question, its statements too when they were answered one by one.
    progress(answers, key, context) {
      const given = answers as Answers;
      const attested = new Set(
        attestations.filter((a) => given[a.question.key] === 'attested').flatMap(keysOf),
      );
      const asked = [...order.filter((k) => !attested.has(k)), ...attestations.map((a) => a.question.key)];
      const answered = asked.filter((other) => other !== key && given[other] !== undefined).length;
      const needed = stillNeeded(answers, context);
      const pending = waiting(answers).filter(
        (a) => a.question.key !== key && keysOf(a).some((k) => needed.has(k)),
      );
      const covered = new Set([
        ...pending.flatMap(keysOf),
        ...attestations.filter((a) => a.question.key === key).flatMap(keysOf),
      ]);
      const remaining = [...needed].filter((other) => other !== key && !covered.has(other)).length;
      return { index: answered + 1, total: answered + 1 + remaining + pending.length };
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

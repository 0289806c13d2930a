import type { Answers, AnswerValue, Params } from '../questionnaire/question.js';
import type { Commune } from './communes.js';
import type { EligibilityQuestion } from './eligibilityQuestions.js';
import type { SectorAnswer } from './naf.js';
import type { Effect, ProgrammeSettings } from './programmeSettings.js';

/* What an eligibility rule is, and the helpers to write one; the programme's rules are in eligibilityRules.ts. */

export type Unknown = 'unknown';
export type ProjectType = 'creation' | 'takeover' | 'development';
export type Proceedings = 'none' | 'safeguard' | 'receivership' | 'liquidation' | Unknown;
export type GoodStanding = 'yes' | 'no' | 'plan' | Unknown;

/** The commune as kept in the answers (a `Commune` from findCommunes fits). */
export type CommuneAnswer = Pick<Commune, 'inseeCode' | 'name' | 'department'> & { postalCode?: string };

/** Everything the pre-assessment may ask; kept as given so that the application never asks it again. */
export interface EligibilityAnswers {
  commune?: CommuneAnswer;
  /** Staff, linked companies included. */
  headcount?: number | Unknown;
  /** Euros, last closed year. */
  turnover?: number | Unknown;
  balanceSheet?: number | Unknown;
  /** true when no other company holds 25 % or more of the capital. */
  independent?: boolean | Unknown;
  sector?: SectorAnswer;
  projectType?: ProjectType;
  /** Permanent jobs (CDI) created or kept within the horizon of the settings. */
  jobs?: number;
  proceedings?: Proceedings;
  goodStanding?: GoodStanding;
  /** Euros of de minimis aid received over the period of the settings. */
  deMinimis?: number | Unknown;
  /** The answers of other rules' questions (a rule composed into a rule set), by question key. */
  [key: string]: AnswerValue | undefined;
}

export type AnswerKey = keyof EligibilityAnswers & string;
/** The programme's rules are named below; a rule set may compose others (any name). */
export type RuleId = ProgrammeRuleId | (string & Record<never, never>);
type ProgrammeRuleId =
  | 'territory'
  | 'headcount'
  | 'size'
  | 'independence'
  | 'sector'
  | 'projectType'
  | 'jobs'
  | 'proceedings'
  | 'standing'
  | 'deMinimis'
  | 'register';

/** `reason` is an i18next key of the eligibility namespace (eligibility:reason.*); `details` fill its placeholders. */
export interface RuleOutcome {
  effect: Effect;
  reason: string;
  details?: Record<string, string | number>;
}

export interface RuleResult extends RuleOutcome {
  ruleId: RuleId;
}

/** What a rule decides with: the validated programme settings and the injected clock's reading. */
export interface RuleContext {
  settings: ProgrammeSettings;
  now: Date;
}

/**
 * How the application reuses an eligibility answer: the form field it fills, and the value to store there
 * (undefined: not carried over, the form asks). By default the answer itself, unless it is "je ne sais pas".
 */
export interface Prefill {
  field: string;
  value?: (answer: AnswerValue) => AnswerValue | undefined;
}

export interface EligibilityRule {
  id: RuleId;
  /**
   * The questions the rule may ask, in the order it asks them (their keys are the answers it reads). The walk
   * asks the questions of the rules in the rules' order; a question another rule declared first is asked once.
   */
  questions: readonly EligibilityQuestion[];
  /** How the application reuses these answers, by question key (see Prefill); one answer may fill several. */
  prefill?: Readonly<Record<string, Prefill | readonly Prefill[]>>;
  /** Answers still required before the rule can decide; by default the unanswered questions. */
  stillNeeded?: (answers: EligibilityAnswers, context: RuleContext) => string[];
  /** Only called once nothing is still needed. */
  evaluate: (answers: EligibilityAnswers, context: RuleContext) => RuleOutcome;
  /**
   * A NO from this rule usually ends the walk at once; these rules are still settled after it (see territory).
   */
  stillSettledAfterNo?: readonly RuleId[];
}

/**
 * Several questions of the rules asked as one (the « attestation sur l'honneur »): its question lists their
 * statements; "all true" stores each one's `compliant` answer under its own key (the `also` of its reading),
 * "I'll specify" stores nothing else and the questions are then asked one by one. The rules never read the
 * attestation's own key: it only says how the answers were given ('attested' or 'detail').
 */
export interface Attestation {
  question: EligibilityQuestion;
  /** The keys it answers, each with the answer its statement stands for. */
  compliant: Readonly<Record<string, AnswerValue>>;
  /** The prompt's parameters listing these statements (those the rules still ask, in their order). */
  lines(keys: readonly string[]): Params;
}

/** The answers a rule reads: the keys of its questions. */
export const needsOf = (rule: EligibilityRule): string[] => rule.questions.map((question) => question.key);

export const outcome = (
  effect: Effect,
  reason: string,
  details?: Record<string, string | number>,
): RuleOutcome => ({
  effect,
  reason: `eligibility:reason.${reason}`,
  ...(details && { details }),
});

/** Set when a rule is asked to decide without its answers (the walk stopped early, or a question was skipped). */
export const NOT_ANSWERED_REASON = 'eligibility:reason.notAnswered';

export function notAnswered(missing: readonly string[]): RuleOutcome {
  return { effect: 'REVIEW', reason: NOT_ANSWERED_REASON, details: { missing: missing.join(',') } };
}

/** What a rule still lacks in these answers. */
export function missingAnswers(
  rule: EligibilityRule,
  answers: EligibilityAnswers,
  context: RuleContext,
): string[] {
  const given = answers as Answers;
  return rule.stillNeeded
    ? rule.stillNeeded(answers, context)
    : needsOf(rule).filter((key) => given[key] === undefined);
}

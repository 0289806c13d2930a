import type { Answers, AnswerValue } from '../questionnaire/question.js';
import { classifyCommune, type Commune } from './communes.js';
import { QUESTIONS, type EligibilityQuestion } from './eligibilityQuestions.js';
import { sectorEffect, sectorTarget, type SectorAnswer } from './naf.js';
import type { Effect, ProgrammeSettings } from './programmeSettings.js';

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
  | 'deMinimis';

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
  /** How the application reuses these answers, by question key (see Prefill). */
  prefill?: Readonly<Record<string, Prefill>>;
  /** Answers still required before the rule can decide; by default the unanswered questions. */
  stillNeeded?: (answers: EligibilityAnswers, context: RuleContext) => string[];
  /** Only called once nothing is still needed. */
  evaluate: (answers: EligibilityAnswers, context: RuleContext) => RuleOutcome;
  /**
   * A NO from this rule usually ends the walk at once; these rules are still settled after it (see territory).
   */
  stillSettledAfterNo?: readonly RuleId[];
}

/** The answers a rule reads: the keys of its questions. */
export const needsOf = (rule: EligibilityRule): string[] => rule.questions.map((question) => question.key);

const outcome = (effect: Effect, reason: string, details?: Record<string, string | number>): RuleOutcome => ({
  effect,
  reason: `eligibility:reason.${reason}`,
  ...(details && { details }),
});

/** Set when a rule is asked to decide without its answers (the walk stopped early, or a question was skipped). */
export const NOT_ANSWERED_REASON = 'eligibility:reason.notAnswered';

export function notAnswered(missing: readonly string[]): RuleOutcome {
  return { effect: 'REVIEW', reason: NOT_ANSWERED_REASON, details: { missing: missing.join(',') } };
}

/** A rule over one multiple-choice answer, written as its table of outcomes. */
function choiceRule<K extends AnswerKey & keyof typeof QUESTIONS>(
  id: RuleId,
  key: K,
  table: Record<string, readonly [Effect, string]>,
  prefill?: Prefill,
): EligibilityRule {
  return {
    id,
    questions: [QUESTIONS[key]],
    ...(prefill && { prefill: { [key]: prefill } }),
    evaluate: (answers) => {
      const answer = answers[key];
      const row = answer === undefined ? undefined : table[String(answer)];
      return row ? outcome(row[0], row[1], { [key]: String(answer) }) : notAnswered([key]);
    },
  };
}

const isNumber = (value: unknown): value is number => typeof value === 'number';

/** An answer the form stores as given, unless it is "je ne sais pas". */
const to = (field: string): Prefill => ({ field });

/** The commune only when its postal code is known (the file needs it). */
const communePrefill: Prefill = {
  field: 'company.commune',
  value: (answer) => {
    const commune = answer as CommuneAnswer;
    if (!commune?.postalCode) return undefined;
    const { inseeCode, name, department, postalCode } = commune;
    return { inseeCode, name, department, postalCode };
  },
};

/** A sector chosen as a category is not carried over: the file needs the NAF code itself. */
const nafPrefill: Prefill = {
  field: 'company.nafCode',
  value: (answer) => {
    const sector = answer as SectorAnswer;
    return sector && 'nafCode' in sector ? sector.nafCode : undefined;
  },
};

/**
 * The programme's rules, in the order their questions are asked: what can end a hopeless case first (where,
 * how big), then the other rules that can say NO, then those that can only ask for a review. The balance sheet
 * is only asked when the turnover is over its ceiling or unknown, so an eligible company answers 10 questions.
 * `jobs` is not carried over: it is the total of jobs created OR kept, while the file asks the two apart.
 */
export const ELIGIBILITY_RULES: readonly EligibilityRule[] = [
  {
    id: 'territory',
    questions: [QUESTIONS.commune],
    prefill: { commune: communePrefill },
    // Where the establishment is says nothing about the company: the applicant should learn in the same
    // answer whether it is an SME at all (it may have, or open, an establishment in the territory).
    stillSettledAfterNo: ['headcount', 'size'],
    evaluate: ({ commune }, { settings }) => {
      if (!commune) return notAnswered(['commune']);
      const details = {
        commune: commune.name,
        department: commune.department,
        territory: settings.territory.name,
      };
      const area = classifyCommune(commune, settings);
      if (area === 'territory') return outcome('OK', 'territory.inside', details);
      return area === 'department'
        ? outcome('REVIEW', 'territory.department', details)
        : outcome('NO', 'territory.outside', details);
    },
  },
  {
    id: 'headcount',
    questions: [QUESTIONS.headcount],
    prefill: { headcount: to('company.headcount') },
    evaluate: ({ headcount }, { settings }) => {
      const limit = settings.smeThresholds.headcount;
      if (!isNumber(headcount)) return outcome('REVIEW', 'headcount.unknown', { limit });
      return headcount < limit
        ? outcome('OK', 'headcount.sme', { headcount, limit })
        : outcome('NO', 'headcount.tooMany', { headcount, limit });
    },
  },
  {
    id: 'size',
    questions: [QUESTIONS.turnover, QUESTIONS.balanceSheet],
    prefill: { turnover: to('company.turnover'), balanceSheet: to('company.balanceSheet') },
    // Either ceiling is enough: a turnover within it settles the rule without asking the balance sheet.
    stillNeeded: ({ turnover, balanceSheet }, { settings }) => {
      if (turnover === undefined) return ['turnover'];
      if (isNumber(turnover) && turnover <= settings.smeThresholds.turnover) return [];
      return balanceSheet === undefined ? ['balanceSheet'] : [];
    },
    evaluate: ({ turnover, balanceSheet }, { settings }) => {
      const { turnover: turnoverCeiling, balanceSheet: balanceSheetCeiling } = settings.smeThresholds;
      const details = { turnoverCeiling, balanceSheetCeiling };
      const turnoverWithin = isNumber(turnover) && turnover <= turnoverCeiling;
      const balanceSheetWithin = isNumber(balanceSheet) && balanceSheet <= balanceSheetCeiling;
      if (turnoverWithin || balanceSheetWithin) return outcome('OK', 'size.sme', details);
      const bothAbove = isNumber(turnover) && isNumber(balanceSheet); // and, from above, both over their ceiling
      return bothAbove
        ? outcome('NO', 'size.aboveCeilings', details)
        : outcome('REVIEW', 'size.unknown', details);
    },
  },
  {
    id: 'sector',
    questions: [QUESTIONS.sector],
    prefill: { sector: nafPrefill },
    evaluate: ({ sector }, { settings }) => {
      if (!sector) return notAnswered(['sector']);
      const { section, division } = sectorTarget(sector);
      const details = {
        ...('nafCode' in sector ? { nafCode: sector.nafCode } : { category: sector.category }),
        ...(section && { section }),
        ...(division && { division }),
      };
      const effect = sectorEffect(sector, settings);
      const reason = { OK: 'sector.targeted', REVIEW: 'sector.other', NO: 'sector.excluded' }[effect];
      return outcome(effect, reason, details);
    },
  },
  {
    id: 'jobs',
    questions: [QUESTIONS.jobs],
    evaluate: ({ jobs }, { settings }) => {
      if (jobs === undefined) return notAnswered(['jobs']);
      const details = { jobs, minimum: settings.jobs.minimum, horizonMonths: settings.jobs.horizonMonths };
      return jobs >= settings.jobs.minimum
        ? outcome('OK', 'jobs.enough', details)
        : outcome('NO', 'jobs.belowMinimum', details);
    },
  },
  choiceRule(
    'proceedings',
    'proceedings',
    {
      none: ['OK', 'proceedings.none'],
      safeguard: ['REVIEW', 'proceedings.ongoing'],
      receivership: ['REVIEW', 'proceedings.ongoing'],
      liquidation: ['NO', 'proceedings.liquidation'],
      unknown: ['REVIEW', 'proceedings.unknown'],
    },
    to('company.proceedings'),
  ),
  {
    id: 'deMinimis',
    questions: [QUESTIONS.deMinimis],
    prefill: { deMinimis: to('company.deMinimisReceived') },
    evaluate: ({ deMinimis }, { settings }) => {
      const { ceiling, periodYears } = settings.deMinimis;
      if (!isNumber(deMinimis)) return outcome('REVIEW', 'deMinimis.unknown', { ceiling, periodYears });
      const details = { received: deMinimis, ceiling, periodYears };
      return deMinimis <= ceiling
        ? outcome('OK', 'deMinimis.withinCeiling', details)
        : outcome('NO', 'deMinimis.aboveCeiling', details);
    },
  },
  choiceRule(
    'independence',
    'independent',
    {
      true: ['OK', 'independence.independent'],
      false: ['REVIEW', 'independence.group'],
      unknown: ['REVIEW', 'independence.unknown'],
    },
    to('company.independent'),
  ),
  choiceRule(
    'projectType',
    'projectType',
    {
      development: ['OK', 'projectType.development'],
      creation: ['REVIEW', 'projectType.creation'],
      takeover: ['REVIEW', 'projectType.takeover'],
    },
    to('project.type'),
  ),
  choiceRule(
    'standing',
    'goodStanding',
    {
      yes: ['OK', 'standing.upToDate'],
      no: ['REVIEW', 'standing.notUpToDate'],
      plan: ['REVIEW', 'standing.paymentPlan'],
      unknown: ['REVIEW', 'standing.unknown'],
    },
    to('company.goodStanding'),
  ),
];

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

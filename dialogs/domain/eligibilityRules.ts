import { classifyCommune, type Commune } from './communes.js';
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
}

export type AnswerKey = keyof EligibilityAnswers;
export type RuleId =
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

export interface EligibilityRule {
  id: RuleId;
  /** Every answer the rule may read. */
  needs: readonly AnswerKey[];
  /** Answers still required before the rule can decide; by default the unanswered `needs`. */
  stillNeeded?: (answers: EligibilityAnswers, settings: ProgrammeSettings) => AnswerKey[];
  /** Only called once nothing is still needed. */
  evaluate: (answers: EligibilityAnswers, settings: ProgrammeSettings) => RuleOutcome;
}

const outcome = (effect: Effect, reason: string, details?: Record<string, string | number>): RuleOutcome => ({
  effect,
  reason: `eligibility:reason.${reason}`,
  ...(details && { details }),
});

/** Set when a rule is asked to decide without its answers (the walk stopped early, or a question was skipped). */
export const NOT_ANSWERED_REASON = 'eligibility:reason.notAnswered';

export function notAnswered(missing: readonly AnswerKey[]): RuleOutcome {
  return { effect: 'REVIEW', reason: NOT_ANSWERED_REASON, details: { missing: missing.join(',') } };
}

/** A rule over one multiple-choice answer, written as its table of outcomes. */
function choiceRule<K extends AnswerKey>(
  id: RuleId,
  key: K,
  table: Record<string, readonly [Effect, string]>,
): EligibilityRule {
  return {
    id,
    needs: [key],
    evaluate: (answers) => {
      const answer = answers[key];
      const row = answer === undefined ? undefined : table[String(answer)];
      return row ? outcome(row[0], row[1], { [key]: String(answer) }) : notAnswered([key]);
    },
  };
}

const isNumber = (value: unknown): value is number => typeof value === 'number';

export const ELIGIBILITY_RULES: readonly EligibilityRule[] = [
  {
    id: 'territory',
    needs: ['commune'],
    evaluate: ({ commune }, settings) => {
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
    needs: ['headcount'],
    evaluate: ({ headcount }, settings) => {
      const limit = settings.smeThresholds.headcount;
      if (!isNumber(headcount)) return outcome('REVIEW', 'headcount.unknown', { limit });
      return headcount < limit
        ? outcome('OK', 'headcount.sme', { headcount, limit })
        : outcome('NO', 'headcount.tooMany', { headcount, limit });
    },
  },
  {
    id: 'size',
    needs: ['turnover', 'balanceSheet'],
    // Either ceiling is enough: a turnover within it settles the rule without asking the balance sheet.
    stillNeeded: ({ turnover, balanceSheet }, settings) => {
      if (turnover === undefined) return ['turnover'];
      if (isNumber(turnover) && turnover <= settings.smeThresholds.turnover) return [];
      return balanceSheet === undefined ? ['balanceSheet'] : [];
    },
    evaluate: ({ turnover, balanceSheet }, settings) => {
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
  choiceRule('independence', 'independent', {
    true: ['OK', 'independence.independent'],
    false: ['REVIEW', 'independence.group'],
    unknown: ['REVIEW', 'independence.unknown'],
  }),
  {
    id: 'sector',
    needs: ['sector'],
    evaluate: ({ sector }, settings) => {
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
  choiceRule('projectType', 'projectType', {
    development: ['OK', 'projectType.development'],
    creation: ['REVIEW', 'projectType.creation'],
    takeover: ['REVIEW', 'projectType.takeover'],
  }),
  {
    id: 'jobs',
    needs: ['jobs'],
    evaluate: ({ jobs }, settings) => {
      if (jobs === undefined) return notAnswered(['jobs']);
      const details = { jobs, minimum: settings.jobs.minimum, horizonMonths: settings.jobs.horizonMonths };
      return jobs >= settings.jobs.minimum
        ? outcome('OK', 'jobs.enough', details)
        : outcome('NO', 'jobs.belowMinimum', details);
    },
  },
  choiceRule('proceedings', 'proceedings', {
    none: ['OK', 'proceedings.none'],
    safeguard: ['REVIEW', 'proceedings.ongoing'],
    receivership: ['REVIEW', 'proceedings.ongoing'],
    liquidation: ['NO', 'proceedings.liquidation'],
    unknown: ['REVIEW', 'proceedings.unknown'],
  }),
  choiceRule('standing', 'goodStanding', {
    yes: ['OK', 'standing.upToDate'],
    no: ['REVIEW', 'standing.notUpToDate'],
    plan: ['REVIEW', 'standing.paymentPlan'],
    unknown: ['REVIEW', 'standing.unknown'],
  }),
  {
    id: 'deMinimis',
    needs: ['deMinimis'],
    evaluate: ({ deMinimis }, settings) => {
      const { ceiling, periodYears } = settings.deMinimis;
      if (!isNumber(deMinimis)) return outcome('REVIEW', 'deMinimis.unknown', { ceiling, periodYears });
      const details = { received: deMinimis, ceiling, periodYears };
      return deMinimis <= ceiling
        ? outcome('OK', 'deMinimis.withinCeiling', details)
        : outcome('NO', 'deMinimis.aboveCeiling', details);
    },
  },
];

/** What a rule still lacks in these answers. */
export function missingAnswers(
  rule: EligibilityRule,
  answers: EligibilityAnswers,
  settings: ProgrammeSettings,
): AnswerKey[] {
  return rule.stillNeeded
    ? rule.stillNeeded(answers, settings)
    : rule.needs.filter((key) => answers[key] === undefined);
}

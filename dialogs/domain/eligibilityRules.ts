import { classifyCommune } from './communes.js';
import {
  notAnswered,
  outcome,
  type AnswerKey,
  type CommuneAnswer,
  type EligibilityRule,
  type Prefill,
  type RuleId,
} from './eligibilityRuleKit.js';
import { QUESTIONS } from './eligibilityQuestions.js';
import { sectorEffect, sectorTarget, type SectorAnswer } from './naf.js';
import type { Effect } from './programmeSettings.js';

export * from './eligibilityRuleKit.js';

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

/** A NAF code goes to the file's code; a sector button to its activity (the code is then not asked). */
const nafPrefill: readonly Prefill[] = [
  {
    field: 'company.nafCode',
    value: (answer) => {
      const sector = answer as SectorAnswer;
      return sector && 'nafCode' in sector ? sector.nafCode : undefined;
    },
  },
  {
    field: 'company.activity',
    value: (answer) => {
      const sector = answer as SectorAnswer;
      return sector && 'category' in sector ? sector.category : undefined;
    },
  },
];

/**
 * The programme's rules, in the order their questions are asked: what can end a hopeless case first (where,
 * how big), then the other rules that can say NO, then those that can only ask for a review. The balance sheet
 * is only asked when the turnover is over its ceiling or unknown. The four declarations (proceedings, de minimis,
 * independence, standing) are asked last as one attestation (declarations.ts), so an eligible company answers 7.
 * `jobs` is the total of jobs created OR kept: the file then asks only how many of them are created.
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
        ? outcome('OK', 'headcount.sme', { count: headcount, limit })
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
    prefill: { jobs: to('project.jobsTotal') },
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
  standingRule(
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
  ),
  {
    // No question of its own: `registerStatus` ('active' | 'closed') is set by the company lookup
    // (dialogs/companyLookupDialog.ts) once the owner confirmed the company, or stays unknown.
    id: 'register',
    questions: [],
    evaluate: ({ registerStatus }) => {
      if (registerStatus === 'closed') return outcome('NO', 'register.closed');
      return outcome('OK', registerStatus === 'active' ? 'register.active' : 'register.notChecked');
    },
  },
];

/** A company being created has no tax or social record yet: the question makes no sense and is not asked. */
function standingRule(rule: EligibilityRule): EligibilityRule {
  const creating = (answers: { projectType?: string; goodStanding?: unknown }) =>
    answers.projectType === 'creation' && answers.goodStanding === undefined;
  return {
    ...rule,
    stillNeeded: (answers) =>
      creating(answers) || answers.goodStanding !== undefined ? [] : ['goodStanding'],
    evaluate: (answers, context) =>
      creating(answers) ? outcome('OK', 'standing.creation') : rule.evaluate(answers, context),
  };
}

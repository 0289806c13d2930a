import type { Answers, AnswerValue } from '../questionnaire/question.js';
import { PENDING } from './applicationFieldsCompany.js';
import type { EligibilityRuleSet, EligibilityVerdict } from './eligibilityRuleSet.js';
import type { EligibilityAnswers, RuleContext, RuleId } from './eligibilityRules.js';
import type { Prefill } from './eligibilityRuleKit.js';

/*
 * The verdict of a file, from its own answers (issue 15, "stale verdict"): the application may have corrected
 * an answer of the check (a commune, a headcount, the proceedings), so the file's answer wins over the check's.
 */

const JOBS_FIELDS = ['project.jobsCreated', 'project.jobsKept'] as const;

/** A file value read back as the check's answer; undefined: the file says nothing the rule can use. */
function readBack(question: string, value: AnswerValue): AnswerValue | undefined {
  if (question === 'sector') {
    return typeof value === 'string' && value !== PENDING ? { nafCode: value } : undefined;
  }
  return value;
}

/** Jobs created and kept: their sum once both are known, one of them alone only when it is already enough. */
function jobsOf(answers: Answers, minimum: number): number | undefined {
  const [created, kept] = JOBS_FIELDS.map((key) => answers[key]);
  if (typeof created === 'number' && typeof kept === 'number') return created + kept;
  const known = [created, kept].find((value): value is number => typeof value === 'number');
  return known !== undefined && known >= minimum ? known : undefined;
}

/** The check's answers with every one the file gives instead (a rule's prefill says which field holds it). */
export function fileEligibilityAnswers(
  rules: EligibilityRuleSet,
  check: EligibilityAnswers,
  file: Answers,
  context: RuleContext,
): EligibilityAnswers {
  const merged: Answers = { ...(check as Answers) };
  for (const rule of rules.rules) {
    for (const [question, prefill] of Object.entries(rule.prefill ?? {})) {
      // One answer may fill several fields: the first the file holds is read back.
      const field = prefillsOf(prefill).find((one) => file[one.field] !== undefined)?.field;
      const value = field === undefined ? undefined : file[field];
      const answer = value === undefined ? undefined : readBack(question, value);
      if (answer !== undefined) merged[question] = answer;
    }
  }
  const jobs = jobsOf(file, context.settings.jobs.minimum);
  if (jobs !== undefined) merged.jobs = jobs;
  return merged as EligibilityAnswers;
}

export function fileVerdict(
  rules: EligibilityRuleSet,
  check: EligibilityAnswers,
  file: Answers,
  context: RuleContext,
): EligibilityVerdict {
  return rules.computeVerdict(fileEligibilityAnswers(rules, check, file, context), context);
}

/** The form field that holds the answer a rule decided on (to correct it), or undefined. */
export function fieldOfRule(rules: EligibilityRuleSet, ruleId: RuleId): string | undefined {
  if (ruleId === 'jobs') return JOBS_FIELDS[0];
  const rule = rules.rules.find((candidate) => candidate.id === ruleId);
  const prefills = Object.values(rule?.prefill ?? {}).flatMap(prefillsOf);
  return prefills[0]?.field;
}

function prefillsOf(prefill: Prefill | readonly Prefill[] | undefined): readonly Prefill[] {
  if (prefill === undefined) return [];
  return Array.isArray(prefill) ? prefill : [prefill as Prefill];
}

/**
 * The verdict as a file keeps it: the effect, the reasons that made it and what fills their sentences (the
 * commune, the headcount: the company's facts, never a person's), so that the file's PDF can print the reasons
 * as the applicant read them.
 */
export function verdictRecord(verdict: EligibilityVerdict): {
  verdict: EligibilityVerdict['verdict'];
  reasons: string[];
  details?: (Record<string, string | number> | null)[];
} {
  const shown = verdict.verdict === 'NO' ? verdict.failing : verdict.toReview;
  const details = shown.map((result) => result.details ?? null);
  return {
    verdict: verdict.verdict,
    reasons: shown.map((result) => result.reason),
    ...(details.some((detail) => detail !== null) ? { details } : {}),
  };
}

import type { EligibilityRuleSet } from './domain/eligibilityRuleSet.js';
import type { EligibilityAnswers } from './domain/eligibilityRules.js';
import type { Answers } from './questionnaire/question.js';
import type { EligibilityRecord } from './userProfile.js';

/**
 * What a new application file starts with from the check: the answers its rules carry over, and the file's
 * own answers confirmed during the check from a sentence (legal form, SIRET, name, amount asked…). Never asked
 * again; the rules' answers win when both know a field.
 */
export function knownFromCheck(record: EligibilityRecord | undefined, rules: EligibilityRuleSet): Answers {
  const prefilled = rules.prefill((record?.answers ?? {}) as EligibilityAnswers);
  return { ...record?.carried, ...prefilled };
}

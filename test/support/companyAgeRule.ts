import { dateQuestion } from '../../dialogs/domain/eligibilityQuestions.js';
import { eligibilityRuleSet } from '../../dialogs/domain/eligibilityRuleSet.js';
import { ELIGIBILITY_RULES, type EligibilityRule } from '../../dialogs/domain/eligibilityRules.js';
import { isoDateIn } from '../../dialogs/domain/eligibilityVerdict.js';

/** The example: REVIEW when the company is less than a year old, on the day the rules are given. */
export const companyAge: EligibilityRule = {
  id: 'companyAge',
  questions: [dateQuestion('creationDate', 'past')],
  prefill: { creationDate: { field: 'company.creationDate' } },
  evaluate: (answers, { settings: programme, now }) => {
    const today = isoDateIn(programme.timeZone, now);
    const aYearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    const young = String(answers.creationDate) > aYearAgo;
    return young
      ? { effect: 'REVIEW', reason: 'eligibility:reason.companyAge.young' }
      : { effect: 'OK', reason: 'eligibility:reason.companyAge.established' };
  },
};

/** The programme's rules with companyAge composed in right after the size of the company. */
export const withCompanyAge = () =>
  eligibilityRuleSet([...ELIGIBILITY_RULES.slice(0, 3), companyAge, ...ELIGIBILITY_RULES.slice(3)]);

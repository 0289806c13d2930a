import type { EligibilityVerdict } from './domain/eligibilityVerdict.js';
import { callWindowStatus } from './domain/eligibilityVerdict.js';
import type { RuleResult } from './domain/eligibilityRules.js';
import type { ProgrammeSettings } from './domain/programmeSettings.js';
import { supportOffer } from './supportOffer.js';
import type { TurnLanguage } from './translator.js';

const bullets = (language: TurnLanguage, results: RuleResult[]) =>
  results.map((result) => `- ${language.t(result.reason, result.details)}`).join('\n');

/** What the call window means for the applicant today. */
export function callWindowMessage(language: TurnLanguage, settings: ProgrammeSettings, now: Date): string {
  const status = callWindowStatus(settings, now);
  if (status.state === 'open') return language.t('eligibility:call.open', { closesOn: status.closesOn });
  if (status.state === 'before') return language.t('eligibility:call.before', { opensOn: status.opensOn });
  return status.nextOpensOn
    ? language.t('eligibility:call.afterNext', { closedOn: status.closedOn, nextOpensOn: status.nextOpensOn })
    : language.t('eligibility:call.after', { closedOn: status.closedOn });
}

/**
 * The verdict explained, as separate short messages: the result and its reasons, then (for a NO) the offer of
 * a human review and the other help of the settings, then where the call stands.
 */
export function verdictMessages(
  language: TurnLanguage,
  verdict: EligibilityVerdict,
  settings: ProgrammeSettings,
  now: Date,
  audience: 'owner' | 'advisor' = 'owner',
): string[] {
  // The verdict's opening sentence is worded for a third party when an advisor ran the check.
  const t = (key: string, options?: Record<string, unknown>) =>
    language.t(
      key,
      audience === 'advisor' && key.startsWith('eligibility:verdict.')
        ? { ...options, context: 'advisor' }
        : options,
    );
  if (verdict.verdict === 'NO') {
    const otherHelp = settings.otherHelp
      .map(
        (help) =>
          `- ${t('eligibility:verdict.otherHelpItem', { name: help.name, url: help.url, description: t(help.descriptionKey) })}`,
      )
      .join('\n');
    return [
      `${t('eligibility:verdict.NO')}\n\n${bullets(language, verdict.failing)}`,
      t('eligibility:verdict.humanReview'),
      `${t('eligibility:verdict.otherHelpIntro')}\n\n${otherHelp}`,
    ];
  }
  const call = callWindowMessage(language, settings, now);
  if (verdict.verdict === 'REVIEW') {
    return [
      `${t('eligibility:verdict.REVIEW')}\n\n${bullets(language, verdict.toReview)}`,
      `${t('eligibility:verdict.reviewNext')} ${call}`,
    ];
  }
  // The owner hears what the company could ask for; an advisor running the check knows it.
  if (audience === 'advisor') return [t('eligibility:verdict.OK'), call];
  return [t('eligibility:verdict.OK'), supportOffer(language, settings), call];
}

import { nextCommitteeDate } from './domain/eligibilityVerdict.js';
import type { ProgrammeSettings } from './domain/programmeSettings.js';
import type { Translate } from './translator.js';

/** What happens next to a file just sent: the chat's confirmation and the e-mailed receipt say the same. */
export function submissionNextStep(
  t: Translate,
  settings: ProgrammeSettings,
  now: Date,
  examinedAsIneligible: boolean,
): string {
  if (examinedAsIneligible) return t('applicationFlow:submit.examinedAsIneligible');
  const committee = nextCommitteeDate(settings, now);
  return committee
    ? t('applicationFlow:submit.nextCommittee', { date: committee })
    : t('applicationFlow:submit.noCommitteeDate');
}

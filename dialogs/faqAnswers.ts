import { nextCommitteeDate } from './domain/eligibilityVerdict.js';
import type { FaqTopic } from './domain/faqTopics.js';
import type { ProgrammeSettings } from './domain/programmeSettings.js';
import { callWindowMessage } from './eligibilityVerdictMessages.js';
import type { TurnLanguage } from './translator.js';

/**
 * The short answer to an owner's question: the sentence is in locales/<lang>/talk.json, its figures (bounds,
 * ceilings, dates) come from the programme settings, so that the CCI changes them in one place.
 */
export function faqAnswer(
  language: TurnLanguage,
  topic: FaqTopic,
  settings: ProgrammeSettings,
  now: Date,
): string {
  const { t } = language;
  const advance = { min: settings.advance.min, max: settings.advance.max };
  switch (topic) {
    case 'deMinimis':
      return t('talk:faq.deMinimis', {
        ceiling: settings.deMinimis.ceiling,
        years: settings.deMinimis.periodYears,
      });
    case 'amount':
    case 'advance':
      return t(`talk:faq.${topic}`, advance);
    case 'support':
      return t('talk:faq.support', { ...advance, months: settings.mentoring.maxMonths });
    case 'mentoring':
      return t('talk:faq.mentoring', { months: settings.mentoring.maxMonths });
    case 'committee': {
      const date = nextCommitteeDate(settings, now);
      return date ? t('talk:faq.committeeNext', { date }) : t('talk:faq.committeeNone');
    }
    case 'call':
      return callWindowMessage(language, settings, now);
    case 'sme':
      return t('talk:faq.sme', { ...settings.smeThresholds });
    case 'jobs':
      return t('talk:faq.jobs', { count: settings.jobs.minimum, months: settings.jobs.horizonMonths });
    case 'territory':
      return t('talk:faq.territory', { name: settings.territory.name });
    default:
      return t(`talk:faq.${topic}`);
  }
}

import type { ProgrammeSettings } from './domain/programmeSettings.js';
import type { TurnLanguage } from './translator.js';

/** After an OK verdict: what the company could ask for (the advance's bounds, advice days, mentoring). */
export function supportOffer(language: TurnLanguage, settings: ProgrammeSettings): string {
  return language.t('talk:verdictOffer', {
    min: settings.advance.min,
    max: settings.advance.max,
    months: settings.mentoring.maxMonths,
  });
}

import { LruCache } from '../../storage/lruCache.js';
import type { TurnLanguage } from '../translator.js';
import type { Progress } from './questionnaireDialog.js';

/** Languages × questions × steps of the forms: a few hundred lines at most. */
const lines = new LruCache<string>(1000);

/**
 * The line above a question (`questionnaire:progressStep`: step 2 of 5, its name, question 3 of 12), kept once
 * made: it depends on numbers and a step's label key only, and i18next's interpolation of the step's name (a
 * string, which the translator does not keep) was a good share of a question's prompt.
 */
export function progressLine(progress: Progress, language: TurnLanguage): string {
  const { step, ...count } = progress;
  const key = JSON.stringify([language.locale, count.index, count.total, step ?? null]);
  const kept = lines.get(key);
  if (kept !== undefined) return kept;
  const { t } = language;
  const line = step
    ? t('questionnaire:progressStep', {
        ...count,
        step: step.index,
        steps: step.total,
        stepName: t(step.labelKey),
      })
    : t('questionnaire:progress', count);
  lines.set(key, line);
  return line;
}

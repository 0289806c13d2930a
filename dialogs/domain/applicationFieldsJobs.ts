import { parseInteger } from '../french/index.js';
import { answerOf } from '../questionnaire/question.js';
import {
  countDisplay,
  countField,
  foldWords,
  problem,
  refuse,
  type ApplicationField,
} from './applicationFieldKit.js';

/** The total of jobs created and kept, checked on whichever of the two is answered second. */
function jobsTotal(otherKey: string): ApplicationField['validate'] {
  return (value, answers, { settings }) => {
    const other = answers[otherKey];
    if (typeof value !== 'number' || typeof other !== 'number') return null;
    const total = value + other;
    return total < settings.jobs.minimum
      ? problem('jobsTooFew', { count: settings.jobs.minimum, total })
      : null;
  };
}

/** The jobs the check was told of (created or kept): the file then only asks how many are created. */
export const JOBS_TOTAL = 'project.jobsTotal';

const CREATED = /\b(cre\w*|nouveaux?|nouvelles?|embauch\w*|recrut\w*|new|creat\w*|hir\w*)\b/;
const KEPT =
  /\b(mainten\w*|maintien|conserv\w*|existants?|sauvegard\w*|kept|keep|maintain\w*|existing|saved)\b/;
const ALL = /^(tous|toutes|tous? les? \w+|la totalite|all|all of them)$/;

/** "3 créés et 2 maintenus", "2 maintenus, 1 créé": each number with the word after it. */
function splitJobs(text: string, locale: 'fr' | 'en'): { created?: number; kept?: number } {
  const split: { created?: number; kept?: number } = {};
  const folded = foldWords(text);
  for (const part of folded.split(/\b(?:et|and|plus)\b|,|;/)) {
    const count = parseInteger(part, { locale, min: 0, max: 100_000 });
    if (!count.ok) continue;
    if (CREATED.test(part) && split.created === undefined) split.created = count.value;
    else if (KEPT.test(part) && split.kept === undefined) split.kept = count.value;
  }
  return split;
}

const jobsCount = countField('project.jobsCreated', {
  group: 'project',
  summary: true,
  max: 100_000,
});

/**
 * The jobs, asked once. After the check, which knew how many jobs the project creates or keeps, only how many
 * of them are created ("les 3", "2"): the rest are kept. Without it, one answer gives both ("3 créés et 2
 * maintenus"); a lone number is the jobs created, and the jobs kept follow. A company being created keeps none.
 */
export const jobsCreated: ApplicationField = {
  ...jobsCount,
  fills: ['project.jobsKept'],
  promptParams: ({ settings }, answers = {}) => {
    const total = answers[JOBS_TOTAL];
    return {
      months: settings.jobs.horizonMonths,
      ...(typeof total === 'number' && { context: 'ofTotal', total }),
    };
  },
  interpret(text, context, answers = {}) {
    const { locale, settings } = context;
    const total = answers[JOBS_TOTAL];
    const folded = foldWords(text);
    if (typeof total === 'number' && ALL.test(folded)) {
      return { ...answerOf(total, countDisplay(total)), also: { 'project.jobsKept': 0 } };
    }
    const { created, kept } = splitJobs(text, locale);
    if (created !== undefined && kept !== undefined) {
      if (created + kept < settings.jobs.minimum) {
        return refuse('jobsTooFew', { count: settings.jobs.minimum, total: created + kept });
      }
      return { ...answerOf(created, countDisplay(created)), also: { 'project.jobsKept': kept } };
    }
    const meaning = jobsCount.interpret(text, context, answers);
    if (meaning.kind !== 'answer' || typeof meaning.value !== 'number') return meaning;
    const value = meaning.value;
    if (typeof total === 'number') {
      if (value > total) return refuse('jobsAboveTotal', { total });
      return { ...meaning, also: { 'project.jobsKept': total - value } };
    }
    return answers['project.type'] === 'creation' ? { ...meaning, also: { 'project.jobsKept': 0 } } : meaning;
  },
  // With the check's total the jobs kept are what is left, so the check's minimum already holds.
  validate: (value, answers, context) =>
    typeof answers[JOBS_TOTAL] === 'number' ? null : jobsTotal('project.jobsKept')!(value, answers, context),
};

export const jobsKept = countField('project.jobsKept', {
  group: 'project',
  summary: true,
  max: 100_000,
  followUp: true,
  validate: jobsTotal('project.jobsCreated'),
});

import { isDontKnow, parseAmountEuros, parseInteger } from '../french/index.js';
import { answerOf, type Answers } from '../questionnaire/question.js';
import {
  AID_TYPE_PATTERNS,
  AID_TYPES,
  MENTORING_NEED_PATTERNS,
  MENTORING_NEEDS,
  PROJECT_TYPE_PATTERNS,
  PROJECT_TYPES,
} from './applicationChoices.js';
import {
  amountDisplay,
  amountField,
  cleanText,
  countDisplay,
  countField,
  dateField,
  foldWords,
  lengthOf,
  literal,
  problem,
  refuse,
  sentenceKeys,
  severalValues,
  shiftYears,
  todayIso,
  type ApplicationContext,
  type ApplicationField,
} from './applicationFieldKit.js';
import { closedField } from './applicationFieldsCompany.js';
import { multiField } from './applicationFieldsLists.js';
import { magnitudeReadings } from './plausibility.js';

export const DESCRIPTION_LENGTH = { min: 30, max: 2000 } as const;
/** A start date further than this is a typo in the year. */
export const START_DATE_YEARS = { past: 1, future: 5 } as const;

const includes = (answers: Answers, key: string, value: string) => {
  const list = answers[key];
  return Array.isArray(list) && list.includes(value);
};

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

/** No project of the programme costs less than this: "700" is 700 000 €. */
const SMALLEST_INVESTMENT = 1_000;

const investment = amountField('project.investment', {
  group: 'financing',
  summary: true,
  max: 1e8,
  zero: 'investmentZero',
  floor: () => SMALLEST_INVESTMENT,
  validate(value, answers) {
    const amount = answers['project.amountRequested'];
    if (
      typeof value !== 'number' ||
      typeof amount !== 'number' ||
      !includes(answers, 'project.aidTypes', 'financial')
    ) {
      return null;
    }
    return value < amount ? problem('investmentBelowAmount', { investment: value, amount }) : null;
  },
});

const requested = amountField('project.amountRequested', {
  group: 'financing',
  followUp: true,
  summary: true,
  max: 1e8,
  when: (answers) => includes(answers, 'project.aidTypes', 'financial'),
  promptParams: ({ settings }) => ({ min: settings.advance.min, max: settings.advance.max }),
  validate(value, answers) {
    const total = answers['project.investment'];
    if (typeof value !== 'number' || typeof total !== 'number') return null;
    return value > total ? problem('amountAboveInvestment', { amount: value, investment: total }) : null;
  },
});

const amountRequested: ApplicationField = {
  ...requested,
  interpret(text, context, answers) {
    const meaning = requested.interpret(text, context, answers);
    const { min, max } = context.settings.advance;
    if (
      meaning.kind === 'answer' &&
      typeof meaning.value === 'number' &&
      (meaning.value < min || meaning.value > max)
    ) {
      // "30" for an advance of 5 000 to 50 000 € is 30 000 €.
      const probable = magnitudeReadings(meaning.value, min, max);
      if (probable.length > 0) return severalValues([...probable], amountDisplay, 'magnitude');
      return refuse('amountOutOfBounds', { min, max });
    }
    return meaning;
  },
};

const NO_OTHER_FINANCING =
  /^(aucun|aucune|rien|non|neant|pas d autres? financements?|aucun autre financement|none|no|nothing|no other financing)( merci)?$/;
export const NONE = 'none';
const noneDisplay = { key: 'application:display.noOtherFinancing' };

const otherFinancing: ApplicationField = {
  ...sentenceKeys('project.otherFinancing'),
  kind: 'text',
  freeText: true,
  group: 'financing',
  fills: ['project.otherFinancingAmount'],
  interpret(text, { locale }) {
    if (NO_OTHER_FINANCING.test(foldWords(text))) return answerOf(NONE, noneDisplay);
    const described = cleanText(text);
    if (isDontKnow(described)) return refuse('required');
    const length = lengthOf(described);
    if (length < 2 || length > 500) return refuse('otherFinancingInvalid');
    const answer = answerOf(described, { literal: described });
    // "un prêt de 150 000 €": the amount is given with the lenders, and not asked again.
    const amount = parseAmountEuros(described, { locale });
    return amount.ok && amount.certain && amount.value >= SMALLEST_INVESTMENT
      ? { ...answer, also: { 'project.otherFinancingAmount': amount.value } }
      : answer;
  },
  display: (value) => (value === NONE ? noneDisplay : literal(value)),
};

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
const jobsCreated: ApplicationField = {
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

const jobsKept = countField('project.jobsKept', {
  group: 'project',
  summary: true,
  max: 100_000,
  followUp: true,
  validate: jobsTotal('project.jobsCreated'),
});

function startDateCheck(iso: string, context: ApplicationContext) {
  const today = todayIso(context);
  if (iso < shiftYears(today, -START_DATE_YEARS.past)) return refuse('startDatePast');
  if (iso > shiftYears(today, START_DATE_YEARS.future)) {
    return refuse('startDateTooFar', { years: START_DATE_YEARS.future });
  }
  return undefined;
}

export const PROJECT_TYPE_FIELD = closedField(
  'project.type',
  'projectType',
  PROJECT_TYPES,
  PROJECT_TYPE_PATTERNS,
  {
    group: 'project',
    // Asked first, when the check did not give it: it opens the company's step.
    step: 'company',
    summary: true,
  },
);

const volets = multiField('project.aidTypes', 'aidTypes', AID_TYPES, AID_TYPE_PATTERNS, 'aidTypesUnknown', {
  group: 'project',
  summary: true,
});

/** "Une avance de 30 000 € et du conseil": the volets, and the advance's amount when it comes with them. */
const aidTypes: ApplicationField = {
  ...volets,
  fills: ['project.amountRequested'],
  interpret(text, context, answers) {
    const meaning = volets.interpret(text, context, answers);
    if (meaning.kind !== 'answer' || !Array.isArray(meaning.value) || !meaning.value.includes('financial')) {
      return meaning;
    }
    if (!/\d/.test(text)) return meaning;
    const amount = amountRequested.interpret(text, context, answers);
    return amount.kind === 'answer' && amount.certain
      ? { ...meaning, also: { 'project.amountRequested': amount.value } }
      : meaning;
  },
};

export const PROJECT_FIELDS: readonly ApplicationField[] = [
  {
    ...sentenceKeys('project.description'),
    kind: 'text',
    freeText: true,
    group: 'project',
    interpret(text) {
      const description = cleanText(text);
      const length = lengthOf(description);
      const { min, max } = DESCRIPTION_LENGTH;
      if (length < min) return refuse('descriptionTooShort', { count: min - length, min });
      if (length > max) return refuse('descriptionTooLong', { count: length - max, max });
      return answerOf(description, { literal: description });
    },
    display: literal,
  },
  aidTypes,
  investment,
  amountRequested,
  otherFinancing,
  amountField('project.otherFinancingAmount', {
    group: 'financing',
    followUp: true,
    max: 1e8,
    allowNone: true,
    floor: () => SMALLEST_INVESTMENT,
    when: (answers) =>
      answers['project.otherFinancing'] !== undefined && answers['project.otherFinancing'] !== NONE,
  }),
  jobsCreated,
  jobsKept,
  dateField('project.startDate', { group: 'project', prefer: 'future', check: startDateCheck }),
  multiField(
    'project.mentoringNeeds',
    'mentoringNeeds',
    MENTORING_NEEDS,
    MENTORING_NEED_PATTERNS,
    'mentoringNeedsUnknown',
    {
      group: 'project',
      followUp: true,
      when: (answers) => includes(answers, 'project.aidTypes', 'mentoring'),
      promptParams: ({ settings }) => ({ months: settings.mentoring.maxMonths }),
    },
    // "Tous" means every subject named, not "other".
    MENTORING_NEEDS.filter((need) => need !== 'other'),
  ),
];

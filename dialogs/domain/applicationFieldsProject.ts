import { isDontKnow, parseAmountEuros } from '../french/index.js';
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
import { jobsCreated, jobsKept } from './applicationFieldsJobs.js';
import { multiField } from './applicationFieldsLists.js';

export { JOBS_TOTAL } from './applicationFieldsJobs.js';
import { magnitudeReadings } from './plausibility.js';

export const DESCRIPTION_LENGTH = { min: 30, max: 2000 } as const;
/** A start date further than this is a typo in the year. */
export const START_DATE_YEARS = { past: 1, future: 5 } as const;

const includes = (answers: Answers, key: string, value: string) => {
  const list = answers[key];
  return Array.isArray(list) && list.includes(value);
};

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

import { amountCandidates, isDontKnow, parseAmountEuros, type ParseFailure } from '../french/index.js';
import {
  answerOf,
  invalid,
  unsure,
  type Answers,
  type AnswerValue,
  type Interpretation,
  type Question,
  type QuestionChoice,
} from '../questionnaire/question.js';
import { foldForMatch } from '../french/normalize.js';
import { readActivity } from './activityKeywords.js';
import {
  GOOD_STANDING,
  GOOD_STANDING_PATTERNS,
  GOOD_STANDING_RULES,
  PROCEEDINGS,
  PROCEEDINGS_PATTERNS,
  PROCEEDINGS_RULES,
  PROJECT_TYPE_PATTERNS,
  PROJECT_TYPES,
} from './applicationChoices.js';
import { interpretChoice, type ChoiceRules } from './choiceReading.js';
import { dateField, readCount, severalValues } from './applicationFieldKit.js';
import { balanceSheetFloor, magnitudeReadings, perHeadCeiling, turnoverFloor } from './plausibility.js';
import { findCommunes, type Commune } from './communes.js';
import { readIndependence } from './independence.js';
import {
  ACTIVITY_CATEGORIES,
  isActivityCategory,
  nafCodesIn,
  parseNafCode,
  type SectorAnswer,
} from './naf.js';
import type { ProgrammeSettings } from './programmeSettings.js';

/** What the eligibility questions need to read an answer. */
export interface EligibilityContext {
  settings: ProgrammeSettings;
  locale: 'fr' | 'en';
  /** The injected clock's reading for this turn (a date answer is read relative to it). */
  now: Date;
  /** Wording for an advisor pre-screening a company (third person) rather than its owner. */
  audience?: 'owner' | 'advisor';
}

/** A question of the eligibility check; its key is the answer's key in the eligibility record. */
export type EligibilityQuestion = Question<EligibilityContext>;
type AnswerKey = string;

/** Figures some questions quote, from the programme settings (horizon of the jobs, de minimis period). */
export const settingsParams = ({ settings, audience }: EligibilityContext) => ({
  months: settings.jobs.horizonMonths,
  years: settings.deMinimis.periodYears,
  // i18next picks `question.x_advisor` (worded for a third party: "L'entreprise compte-t-elle…") when present.
  ...(audience === 'advisor' ? { context: 'advisor' } : {}),
});

const choice = (value: string, labelKey = `eligibility:choice.${value}`): QuestionChoice => ({
  value,
  labelKey,
});
const DONT_KNOW = choice('unknown', 'eligibility:choice.unknown');

const PARSE_ERRORS: Partial<Record<ParseFailure, string>> = {
  negative: 'questionnaire:error.negative',
};

function failure(reason: ParseFailure, fallbackKey: string): Interpretation {
  return invalid(PARSE_ERRORS[reason] ?? fallbackKey);
}

function communeAnswer(commune: Commune, postalCode?: string): AnswerValue {
  const code = postalCode && commune.postalCodes.includes(postalCode) ? postalCode : commune.postalCodes[0];
  return {
    inseeCode: commune.inseeCode,
    name: commune.name,
    department: commune.department,
    postalCode: code,
  };
}

const communeLabel = (commune: Commune) =>
  `${commune.name} (${commune.postalCodes[0] ?? commune.department})`;

export const communeQuestion: EligibilityQuestion = {
  key: 'commune',
  promptKey: 'eligibility:question.commune',
  promptParams: settingsParams,
  exampleKey: 'eligibility:example.commune',
  interpret(text, { settings }) {
    const lookup = findCommunes(text, settings.territory);
    const postalCode = text.match(/\b\d{5}\b/)?.[0];
    if (lookup.kind === 'found') {
      return answerOf(communeAnswer(lookup.commune, postalCode), { literal: communeLabel(lookup.commune) });
    }
    if (lookup.kind === 'choose') {
      return {
        kind: 'choose',
        candidates: lookup.candidates
          .slice(0, 12)
          .map((c) => ({ value: communeAnswer(c, postalCode), label: communeLabel(c) })),
      };
    }
    return invalid(isDontKnow(text) ? 'eligibility:error.communeNeeded' : 'eligibility:error.communeUnknown');
  },
};

export function countQuestion(
  key: AnswerKey,
  promptKey: string,
  exampleKey: string,
  allowUnknown: boolean,
): EligibilityQuestion {
  return {
    key,
    promptKey,
    promptParams: settingsParams,
    exampleKey,
    choices: allowUnknown ? [DONT_KNOW] : undefined,
    interpret(text, { locale }) {
      if (allowUnknown && (text === 'unknown' || isDontKnow(text))) return answerOf('unknown');
      return readCount(text, locale, 1_000_000, countShown);
    },
  };
}

const countShown = (count: number) => ({ key: 'eligibility:display.count', params: { count } });
const amountShown = (amount: number) => ({ key: 'eligibility:display.amount', params: { amount } });

/** The smallest plausible figure of each amount question, from the answers so far. */
const FLOORS: Partial<Record<AnswerKey, (answers: Answers) => number>> = {
  turnover: turnoverFloor,
  balanceSheet: balanceSheetFloor,
  deMinimis: () => 100,
};

/** "Pas encore": a company being created has no turnover or balance sheet yet, which is 0 €. */
const NOT_YET = choice('notYet', 'eligibility:choice.notYet');
const NOT_YET_WORDS = /\b(pas encore|en cours de creation|en creation|not yet|being created)\b/;

export function amountQuestion(key: AnswerKey, exampleKey: string, allowNone: boolean): EligibilityQuestion {
  const notYet = key === 'turnover' || key === 'balanceSheet';
  return {
    key,
    promptKey: `eligibility:question.${key}`,
    promptParams: settingsParams,
    exampleKey,
    choices: notYet ? [NOT_YET, DONT_KNOW] : [DONT_KNOW],
    interpret(text, { locale }, answers = {}) {
      if (text === 'unknown' || isDontKnow(text)) return answerOf('unknown');
      if (notYet && (text === 'notYet' || NOT_YET_WORDS.test(foldForMatch(text).replace(/'/g, ' ')))) {
        return answerOf(0, amountShown(0));
      }
      const parsed = parseAmountEuros(text, { locale, allowNone });
      if (!parsed.ok) {
        const several = parsed.reason === 'ambiguous' ? amountCandidates(text, { locale }) : [];
        if (several.length > 0) return severalValues(several, amountShown, 'several');
        return failure(parsed.reason, 'questionnaire:error.notAnAmount');
      }
      const { value } = parsed;
      if (value < 0) return invalid('questionnaire:error.negative');
      const probable = magnitudeReadings(value, FLOORS[key]?.(answers) ?? 0, perHeadCeiling(answers, 1e9));
      if (probable.length > 0) return severalValues([...probable, value], amountShown, 'magnitude');
      if (parsed.alternatives) return severalValues([value, ...parsed.alternatives], amountShown, 'negation');
      return answerOf(value, amountShown(value), parsed.certain);
    },
  };
}

/** A closed question: buttons, the words people use for them, and "je ne sais pas" when it is a valid answer. */
export function closedQuestion<V extends string>(
  key: AnswerKey,
  values: readonly V[],
  patterns: ReadonlyArray<readonly [V, RegExp]>,
  options: { unknown?: boolean; rules?: ChoiceRules<V> } = {},
): EligibilityQuestion {
  const show = (value: string) => ({ key: `eligibility:choice.${value}` });
  return {
    key,
    promptKey: `eligibility:question.${key}`,
    promptParams: settingsParams,
    exampleKey: `eligibility:example.${key}`,
    choices: [...values.map((v) => choice(v)), ...(options.unknown ? [DONT_KNOW] : [])],
    interpret(text, { locale }) {
      if (options.unknown && (text === 'unknown' || isDontKnow(text))) return answerOf('unknown');
      if ((values as readonly string[]).includes(text)) return answerOf(text, show(text));
      return interpretChoice(text, values, patterns, options.rules ?? {}, show, locale);
    },
  };
}

export const independenceQuestion: EligibilityQuestion = {
  key: 'independent',
  promptKey: 'eligibility:question.independent',
  promptParams: settingsParams,
  exampleKey: 'eligibility:example.independent',
  choices: [choice('yes', 'questionnaire:yes'), choice('no', 'questionnaire:no'), DONT_KNOW],
  // The question asks whether another company holds 25 % or more: "oui" means NOT independent.
  interpret(text, { locale }) {
    if (text === 'unknown' || isDontKnow(text)) return answerOf('unknown');
    if (text === 'yes' || text === 'no') return answerOf(text === 'no');
    const reading = readIndependence(text, locale);
    if (!reading) return invalid('questionnaire:error.notAChoice');
    const { independent } = reading;
    if (reading.contradiction) {
      return unsure(independent, independenceDisplay(independent), 'contradiction', [
        { value: !independent, display: independenceDisplay(!independent) },
      ]);
    }
    return answerOf(independent, independenceDisplay(independent), reading.certain);
  },
};

const independenceDisplay = (independent: boolean) => ({
  key: independent ? 'application:display.independent' : 'application:display.heldByCompany',
});

export const sectorQuestion: EligibilityQuestion = {
  key: 'sector',
  promptKey: 'eligibility:question.sector',
  promptParams: settingsParams,
  exampleKey: 'eligibility:example.sector',
  choices: ACTIVITY_CATEGORIES.map((category) => choice(category, `eligibility:sector.${category}`)),
  interpret(text) {
    if (isActivityCategory(text)) return answerOf({ category: text });
    const codes = nafCodesIn(text);
    if (codes.length > 1) {
      return {
        kind: 'choose',
        candidates: codes.map(({ code }) => ({ value: { nafCode: code }, label: code })),
      };
    }
    const naf = parseNafCode(text);
    if (naf.ok)
      return answerOf({ nafCode: naf.code }, { key: 'eligibility:display.naf', params: { code: naf.code } });
    if (isDontKnow(text)) return invalid('eligibility:error.sectorNeeded');
    const activity = readActivity(text);
    if (!activity) return invalid('eligibility:error.sectorUnknown');
    if (activity.kind === 'one') return answerOf(activity.sector, sectorDisplay(activity.sector));
    const [first, ...others] = activity.sectors;
    return unsure(
      first,
      sectorDisplay(first),
      'several',
      others.map((sector) => ({ value: sector, display: sectorDisplay(sector) })),
    );
  },
};

const sectorDisplay = (sector: SectorAnswer) =>
  'nafCode' in sector
    ? { key: 'eligibility:display.naf', params: { code: sector.nafCode } }
    : { key: `eligibility:sector.${sector.category}` };

/**
 * A date, read relative to the injected clock ("il y a huit mois", "mars 2025"); `prefer` settles a date without
 * a year. The same reading as the application's date fields, so a prefilled date is one the form would accept.
 */
export function dateQuestion(key: AnswerKey, prefer: 'past' | 'future' = 'past'): EligibilityQuestion {
  const { interpret } = dateField(key, { group: 'company', prefer });
  return {
    key,
    promptKey: `eligibility:question.${key}`,
    promptParams: settingsParams,
    exampleKey: `eligibility:example.${key}`,
    interpret,
  };
}

/** The questions of the programme's rules, by key: the rules (eligibilityRules.ts) say which they ask. */
export const QUESTIONS = {
  commune: communeQuestion,
  headcount: countQuestion(
    'headcount',
    'eligibility:question.headcount',
    'eligibility:example.headcount',
    true,
  ),
  turnover: amountQuestion('turnover', 'eligibility:example.turnover', false),
  balanceSheet: amountQuestion('balanceSheet', 'eligibility:example.balanceSheet', false),
  independent: independenceQuestion,
  sector: sectorQuestion,
  projectType: closedQuestion('projectType', PROJECT_TYPES, PROJECT_TYPE_PATTERNS),
  jobs: countQuestion('jobs', 'eligibility:question.jobs', 'eligibility:example.jobs', false),
  proceedings: closedQuestion('proceedings', PROCEEDINGS, PROCEEDINGS_PATTERNS, {
    unknown: true,
    rules: PROCEEDINGS_RULES,
  }),
  goodStanding: closedQuestion('goodStanding', GOOD_STANDING, GOOD_STANDING_PATTERNS, {
    unknown: true,
    rules: GOOD_STANDING_RULES,
  }),
  deMinimis: amountQuestion('deMinimis', 'eligibility:example.deMinimis', true),
} satisfies Record<string, EligibilityQuestion>;

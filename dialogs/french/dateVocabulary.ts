import type { ParserLocale } from './locale.js';

/** Folded month names with their abbreviations; `full` names may stand alone ("en mars"), abbreviations may not. */
const FRENCH_MONTHS: ReadonlyArray<readonly [number, string[], string[]]> = [
  [1, ['janvier'], ['janv', 'jan']],
  [2, ['fevrier'], ['fevr', 'fev']],
  [3, ['mars'], []],
  [4, ['avril'], ['avr']],
  [5, ['mai'], []],
  [6, ['juin'], []],
  [7, ['juillet'], ['juil']],
  [8, ['aout'], []],
  [9, ['septembre'], ['sept', 'sep']],
  [10, ['octobre'], ['oct']],
  [11, ['novembre'], ['nov']],
  [12, ['decembre'], ['dec']],
];
const ENGLISH_MONTHS: ReadonlyArray<readonly [number, string[], string[]]> = [
  [1, ['january'], ['jan']],
  [2, ['february'], ['feb']],
  [3, ['march'], ['mar']],
  [4, ['april'], ['apr']],
  [5, ['may'], []],
  [6, ['june'], ['jun']],
  [7, ['july'], ['jul']],
  [8, ['august'], ['aug']],
  [9, ['september'], ['sept', 'sep']],
  [10, ['october'], ['oct']],
  [11, ['november'], ['nov']],
  [12, ['december'], ['dec']],
];

const FRENCH_WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const ENGLISH_WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

// Day numbers written in words, as in "le quinze janvier" (hyphens already turned into spaces).
const FRENCH_DAY_WORDS = [
  'premier',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
  'dix sept',
  'dix huit',
  'dix neuf',
  'vingt',
  'vingt et un',
  'vingt deux',
  'vingt trois',
  'vingt quatre',
  'vingt cinq',
  'vingt six',
  'vingt sept',
  'vingt huit',
  'vingt neuf',
  'trente',
  'trente et un',
];

export interface DateVocabulary {
  monthByName: Map<string, number>;
  /** Regex alternatives, longest first. */
  anyMonth: string;
  fullMonth: string;
  weekdayByName: Map<string, number>;
  anyWeekday: string;
  dayByWord: Map<string, number>;
  dayWord: string;
}

function alternatives(words: Iterable<string>): string {
  return [...words].sort((a, b) => b.length - a.length).join('|');
}

function build(months: typeof FRENCH_MONTHS, weekdays: string[], dayWords: string[]): DateVocabulary {
  const monthByName = new Map<string, number>();
  const full: string[] = [];
  for (const [month, names, abbreviations] of months) {
    for (const name of [...names, ...abbreviations]) monthByName.set(name, month);
    full.push(...names);
  }
  const dayByWord = new Map(dayWords.map((word, index) => [word, index + 1]));
  return {
    monthByName,
    anyMonth: alternatives(monthByName.keys()),
    fullMonth: alternatives(full),
    weekdayByName: new Map(weekdays.map((name, index) => [name, index])),
    anyWeekday: alternatives(weekdays),
    dayByWord,
    dayWord: alternatives(dayByWord.keys()),
  };
}

export const VOCABULARY: Record<ParserLocale, DateVocabulary> = {
  fr: build(FRENCH_MONTHS, FRENCH_WEEKDAYS, FRENCH_DAY_WORDS),
  en: build(ENGLISH_MONTHS, ENGLISH_WEEKDAYS, []),
};

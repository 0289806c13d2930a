import type { ParserLocale } from './locale.js';

/** Folded phrases (no accents, lower case, punctuation removed); regex syntax allowed. */
export interface YesNoTables {
  /** Yes made of negative words: "aucun souci", "pas de problème". */
  yesDespiteNegation: string[];
  /** Neither yes nor no: "peut-être", "oui et non". */
  undecided: string[];
  /** Checked before `yes` so that "pas d'accord" or "pas tout à fait" never read as yes. */
  noPhrases: string[];
  yes: string[];
  no: string[];
}

const SHARED_YES = ['ok', 'okay', 'oki', 'okey', 'yes', 'yep', 'yeah', 'yup', 'oui', 'ouais'];
const SHARED_NO = ['non', 'no', 'nope', 'nan', 'nn', 'nop', 'niet'];

const FRENCH: YesNoTables = {
  yesDespiteNegation: [
    'aucuns? (?:souci|soucis|probleme|problemes)',
    'pas de (?:souci|soucis|probleme|problemes)',
    'sans (?:souci|soucis|probleme|problemes)',
    'pourquoi pas',
    'no problem',
  ],
  undecided: [
    'oui et non',
    'oui ou non',
    'non et oui',
    'peut etre',
    'ca depend',
    'cela depend',
    'bof',
    'plus ou moins',
    'en partie',
    'partiellement',
    'moyennement',
    'a moitie',
    'un peu',
    'pas forcement',
    'pas toujours',
    'parfois',
    'des fois',
    'ca se peut',
    'on ne sait jamais',
    'qui sait',
    'possible',
    'probablement',
    'sans doute',
  ],
  noPhrases: [
    "(?:bien sur|je pense|je crois|j espere|j'espere) que non",
    "pas (?:du tout |vraiment |tout a fait |exactement |tres )?(?:d'accord|d accord|ok|exact|exactement|correct|bon|juste|vrai|tout a fait|ca|vraiment)",
    'pas du tout',
    'absolument pas',
    'certainement pas',
    'surtout pas',
    'vraiment pas',
    'aucunement',
    "(?:c'est|c est|ce n'est|ce n est) (?:pas|faux)(?: ca| exact| correct| bon| juste)?",
    'pas question',
    'hors de question',
    'je (?:ne )?(?:pense|crois) pas',
    'pas encore',
    "pas pour (?:l'instant|le moment)",
    "(?:il n'y en a|y en a|il y en a) pas",
    'pas de',
    'no thanks',
  ],
  yes: [
    ...SHARED_YES,
    '(?:bien sur|je pense|je crois) que oui',
    'tout a fait',
    'bien sur',
    'bien entendu',
    "d'accord",
    'd accord',
    'daccord',
    'dac',
    'dacc',
    "(?:c'est|c est) (?:bien )?(?:ca|exact|correct|juste|bon)",
    'exact',
    'exactement',
    'absolument',
    'parfait',
    'parfaitement',
    'correct',
    'certainement',
    'evidemment',
    'effectivement',
    'en effet',
    'volontiers',
    'affirmatif',
    'carrement',
    'ouaip',
    'ouep',
    'ouai',
    'vrai',
    'ca marche',
    'je confirme',
    'confirme',
    'tres bien',
    'entendu',
    'yes please',
  ],
  no: [
    ...SHARED_NO,
    'jamais',
    'aucun',
    'aucune',
    'negatif',
    'faux',
    'nullement',
    'rien',
    'niet',
    'non merci',
  ],
};

const ENGLISH: YesNoTables = {
  yesDespiteNegation: ['no problem', 'no worries', 'why not'],
  undecided: [
    'yes and no',
    'yes or no',
    'maybe',
    'perhaps',
    'it depends',
    'depends',
    'sort of',
    'kind of',
    'partly',
    'possibly',
    'probably',
    'not necessarily',
    'sometimes',
  ],
  noPhrases: [
    'not really',
    'not at all',
    'absolutely not',
    'of course not',
    'certainly not',
    'definitely not',
    'no way',
    'not quite',
    'not yet',
    "i (?:do ?n'?t|do not) think so",
    'not true',
    'not correct',
    "that'?s wrong",
    'no thanks',
    'no thank you',
  ],
  yes: [
    ...SHARED_YES,
    'sure',
    'of course',
    "that'?s right",
    'that is right',
    'right',
    'correct',
    'exactly',
    'absolutely',
    'indeed',
    'definitely',
    'certainly',
    'sounds good',
    'go ahead',
    'yes please',
    'affirmative',
    'true',
    'i agree',
    'agreed',
  ],
  no: [...SHARED_NO, 'nah', 'never', 'none', 'wrong', 'false', 'negative'],
};

function merge(primary: YesNoTables, secondary: YesNoTables): YesNoTables {
  return {
    yesDespiteNegation: [...primary.yesDespiteNegation, ...secondary.yesDespiteNegation],
    undecided: [...primary.undecided, ...secondary.undecided],
    noPhrases: [...primary.noPhrases, ...secondary.noPhrases],
    yes: [...primary.yes, ...secondary.yes],
    no: [...primary.no, ...secondary.no],
  };
}

// Users mix languages ("ok", "yes", "oui"), so both tables are always used; the locale only orders them.
export const YES_NO_TABLES: Record<ParserLocale, YesNoTables> = {
  fr: merge(FRENCH, ENGLISH),
  en: merge(ENGLISH, FRENCH),
};

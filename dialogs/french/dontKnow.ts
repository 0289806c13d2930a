import { foldForMatch } from './normalize.js';

// Folded phrases (no accents); apostrophes are optional because users often drop them ("jsais pas").
const DONT_KNOW_PHRASES = [
  'je (?:ne )?sais (?:pas|plus)',
  "j'?sais (?:pas|plus)",
  'chais pas',
  "ch'?sais pas",
  '(?:ne )?sais pas',
  '(?:ne )?sait pas',
  'jsp',
  'nsp',
  'aucune idee',
  'pas la moindre idee',
  "(?:je )?n'?en sais rien",
  "j'?en sais rien",
  "j'?ignore",
  "je l'?ignore",
  'pas sur',
  'pas sure',
  'pas certaine?',
  'inconnue?',
  '(?:je ne|je) connais pas',
  'je ne suis pas sure?',
  'je suis pas sure?',
  'aucune certitude',
  'pas de chiffres?',
  "i (?:do ?n'?t|do not) know",
  "(?:i )?(?:do ?n'?t|do not) know",
  'dunno',
  'idk',
  'not sure',
  'no idea',
  "i'?m not sure",
  'unknown',
  'no clue',
];
const DONT_KNOW = new RegExp(`(?<![\\p{L}])(?:${DONT_KNOW_PHRASES.join('|')})(?![\\p{L}])`, 'u');

/** "je ne sais pas", "aucune idée", "pas sûr", "I don't know": the user cannot answer (not a yes/no). */
export function isDontKnow(text: string): boolean {
  const folded = foldForMatch(text);
  // A lone "?" is left out on purpose: it asks for help, it does not answer.
  return DONT_KNOW.test(folded);
}

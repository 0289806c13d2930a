import { isDontKnow } from './dontKnow.js';
import type { ParserLocale } from './locale.js';
import { foldForMatch } from './normalize.js';
import { failed, parsed, type Parsed } from './parseResult.js';
import { YES_NO_TABLES, type YesNoTables } from './yesNoPhrases.js';

export { isDontKnow } from './dontKnow.js';

interface CompiledTables {
  yesDespiteNegation: RegExp;
  undecided: RegExp;
  noPhrases: RegExp;
  yes: RegExp;
  no: RegExp;
}

function phrasePattern(phrases: readonly string[]): RegExp {
  const sorted = [...phrases].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\d'])(?:${sorted.join('|')})(?![\\p{L}\\d'])`, 'gu');
}

function compile(tables: YesNoTables): CompiledTables {
  return {
    yesDespiteNegation: phrasePattern(tables.yesDespiteNegation),
    undecided: phrasePattern(tables.undecided),
    noPhrases: phrasePattern(tables.noPhrases),
    yes: phrasePattern(tables.yes),
    no: phrasePattern(tables.no),
  };
}

const COMPILED: Record<ParserLocale, CompiledTables> = {
  fr: compile(YES_NO_TABLES.fr),
  en: compile(YES_NO_TABLES.en),
};
// Words that do not change a short answer ("oui merci", "non madame").
const POLITE = new Set([
  'merci',
  'thanks',
  'thank',
  'you',
  'please',
  'bien',
  'sur',
  'madame',
  'monsieur',
  'bonjour',
  'alors',
  'euh',
  'eh',
  'ben',
  'bah',
  'si',
  'vous',
  'plait',
  's',
  'il',
  'thx',
  'mais',
  'donc',
  'je',
  'nous',
  'confirme',
]);
const EMOJI_YES = /[👍✅✔☑]/u;
const EMOJI_NO = /[👎❌✖]/u;
const SHORT_ANSWER_WORDS = 3;
/** "oui mais…", "je crois que non": a yes or no to confirm. */
const HEDGED =
  /(?<![\p{L}])(?:mais|but|sauf|except|je crois|je pense|il me semble|normalement|a priori|probablement|sans doute|peut etre|i think|probably|maybe)(?![\p{L}])/u;
const LEADING_YES_NO = /^(?:oui|non|nan|nope|yes|no)(?: (?:oui|non))? /;

/** Removes every match of `pattern` from `text`, counting them. */
function take(text: string, pattern: RegExp): { rest: string; count: number } {
  let count = 0;
  const rest = text.replace(pattern, () => {
    count += 1;
    return ' ';
  });
  return { rest, count };
}

/**
 * Reads a yes/no answer. Negated forms are read first ("pas d'accord", "pas vraiment", "absolument pas" → no),
 * "je ne sais pas" and "peut-être" are neither (not_understood), and a mix such as "non… enfin oui" is
 * 'ambiguous'. `certain` is false when the answer comes with more than a few other words ("oui mais …").
 */
export function parseYesNo(text: string, locale: ParserLocale = 'fr'): Parsed<boolean> {
  const folded = foldForMatch(text);
  const emojiYes = EMOJI_YES.test(folded);
  const emojiNo = EMOJI_NO.test(folded);
  const words = folded
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (words === '' && !emojiYes && !emojiNo) return failed('empty');
  if (isDontKnow(text)) return failed('not_understood');
  // "Si" answers a negative question in French ("Vous n'êtes pas à jour ? — Si.").
  if (locale === 'fr' && /^(?:mais )?si(?: si)*$/.test(words)) return parsed(true);
  if (/^[oy]$/.test(words)) return parsed(true);
  if (words === 'n') return parsed(false);

  const tables = COMPILED[locale];
  const kept = take(words, tables.yesDespiteNegation);
  const undecided = take(kept.rest, tables.undecided);
  if (undecided.count > 0) return failed('not_understood');
  const noPhrases = take(undecided.rest, tables.noPhrases);
  const yes = take(noPhrases.rest, tables.yes);
  const no = take(yes.rest, tables.no);
  const yesCount = kept.count + yes.count + (emojiYes ? 1 : 0);
  const noCount = noPhrases.count + no.count + (emojiNo ? 1 : 0);
  if (yesCount > 0 && noCount > 0) return failed('ambiguous');
  if (yesCount === 0 && noCount === 0) return failed('not_understood');
  const others = no.rest.split(' ').filter((w) => w !== '' && !POLITE.has(w));
  const hedged = HEDGED.test(words);
  // "non, 100 % familial": a yes or no said first, then explained, is as clear as a short answer.
  const saidFirst = LEADING_YES_NO.test(words);
  return parsed(yesCount > 0, (others.length <= SHORT_ANSWER_WORDS || saidFirst) && !hedged);
}

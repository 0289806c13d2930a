import { readDigitRun } from './digitGroups.js';
import { ENGLISH_SCALES, isEnglishNumberWord, readEnglishWords } from './englishNumberWords.js';
import {
  FRENCH_APPROXIMATE_NOUNS,
  FRENCH_SCALES,
  isFrenchNumberWord,
  readFrenchWords,
  type WordsRead,
} from './frenchNumberWords.js';
import type { ParserLocale } from './locale.js';
import { prepareTokens, type Token } from './numberTokens.js';

export type { Token } from './numberTokens.js';

/** A number found in the text, with the token range it covers (end exclusive). */
export interface Mention {
  value: number;
  start: number;
  end: number;
  fromWords: boolean;
  /** "une quarantaine": the value is an order of magnitude. */
  approximate: boolean;
  /** A lone "un"/"une"/"neuf" that is more likely an article or an adjective when other numbers are present. */
  weak: boolean;
  /** Followed by "mille", "million(s)"…: lets a caller add a following group ("1 million 200 000"). */
  scale: number;
}

export interface NumberScan {
  tokens: Token[];
  mentions: Mention[];
  /** A run of digits whose punctuation makes no sense ("1,2,3"). */
  malformed: boolean;
  hedged: boolean;
}

const WEAK_WORDS = new Set(['un', 'une', 'neuf', 'one', 'a']);
const SCALE_NOUNS = new Map([
  ['milliers', 1e3],
  ['millions', 1e6],
  ['milliards', 1e9],
]);

function wordAt(tokens: readonly Token[], index: number): string {
  const token = tokens[index];
  return token !== undefined && token.kind === 'word' ? token.text : '';
}

/** "et demi" after a number: "un million et demi" → +500 000, "deux et demi" → +0,5. */
function halfAfter(tokens: readonly Token[], end: number, scale: number): { add: number; end: number } {
  const next = wordAt(tokens, end + 1);
  if (wordAt(tokens, end) === 'et' && (next === 'demi' || next === 'demie'))
    return { add: scale / 2, end: end + 2 };
  if (
    wordAt(tokens, end) === 'and' &&
    wordAt(tokens, end + 1) === 'a' &&
    wordAt(tokens, end + 2) === 'half'
  ) {
    return { add: scale / 2, end: end + 3 };
  }
  return { add: 0, end };
}

function mention(value: number, start: number, end: number, details: Partial<Mention> = {}): Mention {
  return { value, start, end, fromWords: false, approximate: false, weak: false, scale: 1, ...details };
}

function approximateNoun(word: string): number | undefined {
  return FRENCH_APPROXIMATE_NOUNS.get(word.endsWith('s') ? word.slice(0, -1) : word);
}

/** Avoids 1,15 × 1e6 = 1149999.9999999998. */
export function roundScaled(value: number): number {
  return Math.round(value * 100) / 100;
}

function readWordsAt(words: readonly string[], index: number, locale: ParserLocale): WordsRead | undefined {
  if (locale === 'en') {
    return isEnglishNumberWord(words[index]) || words[index] === 'a'
      ? readEnglishWords(words, index)
      : undefined;
  }
  return isFrenchNumberWord(words[index]) ? readFrenchWords(words, index) : undefined;
}

function digitMentions(tokens: readonly Token[], index: number, locale: ParserLocale): Mention[] | undefined {
  const token = tokens[index];
  if (token.kind !== 'digits') return [];
  const numbers = readDigitRun(token.text, locale);
  if (numbers === undefined) return undefined;
  const sign = token.negative ? -1 : 1;
  if (numbers.length > 1) {
    return numbers.map((n) => mention(n.value, index, index + 1));
  }
  // "30 mille", "1,5 million", "2 milliards": the digits are followed by a scale word.
  const scales = locale === 'en' ? ENGLISH_SCALES : FRENCH_SCALES;
  const scale = scales.get(wordAt(tokens, index + 1));
  const value = scale === undefined ? numbers[0].value : roundScaled(numbers[0].value * scale);
  const end = scale === undefined ? index + 1 : index + 2;
  return [mention(sign * value, index, end, { scale: scale ?? 1 })];
}

function wordMention(words: readonly string[], index: number, locale: ParserLocale): Mention | undefined {
  const word = words[index];
  const read = readWordsAt(words, index, locale);
  if (read === undefined) return undefined;
  const weak = read.end === index + 1 && WEAK_WORDS.has(word);
  return mention(read.value, index, read.end, { fromWords: true, weak, scale: read.lastScale });
}

/** Applies what may follow a number: "et demi", "-aine" nouns ("deux centaines"). */
function extend(tokens: readonly Token[], found: Mention): Mention {
  const half = halfAfter(tokens, found.end, found.scale);
  let extended = { ...found, value: found.value + half.add, end: half.end };
  const noun = approximateNoun(wordAt(tokens, extended.end));
  if (noun !== undefined && extended.value > 0) {
    // "une centaine de milliers" = 100 000
    const ofScale =
      wordAt(tokens, extended.end + 1) === 'de'
        ? SCALE_NOUNS.get(wordAt(tokens, extended.end + 2))
        : undefined;
    extended = {
      ...extended,
      value: extended.value * noun * (ofScale ?? 1),
      end: extended.end + (ofScale === undefined ? 1 : 3),
      approximate: true,
      weak: false,
    };
  }
  return extended;
}

/** "1 million 200 000" → one mention of 1 200 000. */
function mergeScaleGroups(mentions: Mention[]): Mention[] {
  const merged: Mention[] = [];
  for (const next of mentions) {
    const last = merged[merged.length - 1];
    const continues = last !== undefined && last.scale > 1 && last.end === next.start;
    if (continues && next.value >= 0 && next.value < last.scale) {
      merged[merged.length - 1] = {
        ...last,
        value: last.value + next.value,
        end: next.end,
        scale: next.scale,
      };
    } else merged.push(next);
  }
  return merged;
}

/** Finds every number (digits or words) in a text. */
export function scanNumbers(text: string, locale: ParserLocale): NumberScan {
  const { tokens, hedged } = prepareTokens(text, locale);
  // Non-word tokens become '' so that a number made of words stops at punctuation or digits.
  const words = tokens.map((t) => (t.kind === 'word' ? t.text : ''));
  const mentions: Mention[] = [];
  let malformed = false;
  for (let i = 0; i < tokens.length;) {
    const digits = digitMentions(tokens, i, locale);
    if (digits === undefined) {
      malformed = true;
      i += 1;
      continue;
    }
    const found = digits.length > 0 ? digits : [wordMention(words, i, locale)].filter((m) => m !== undefined);
    if (found.length === 0) {
      // "une quarantaine" without a count word read before it.
      const noun = approximateNoun(wordAt(tokens, i));
      if (noun !== undefined) {
        mentions.push(mention(noun, i, i + 1, { fromWords: true, approximate: true }));
      }
      i += 1;
      continue;
    }
    const last = extend(tokens, found[found.length - 1]);
    mentions.push(...found.slice(0, -1), last);
    i = last.end;
  }
  return { tokens, mentions: mergeScaleGroups(mentions), malformed, hedged };
}

/** The one value the user meant, or why there is none: weak mentions give way to real numbers. */
export function pickMention(mentions: readonly Mention[]): Mention | 'none' | 'ambiguous' {
  const strong = mentions.filter((m) => !m.weak);
  const candidates = strong.length > 0 ? strong : mentions;
  if (candidates.length === 0) return 'none';
  const values = new Set(candidates.map((m) => m.value));
  if (values.size > 1) return 'ambiguous';
  return candidates.find((m) => !m.fromWords) ?? candidates[0];
}

/** True when words other than `ignored` surround the mentions ("nous sommes douze"). */
export function hasOtherWords(scan: NumberScan, ignored: ReadonlySet<number> = new Set()): boolean {
  return scan.tokens.some(
    (token, index) =>
      token.kind === 'word' &&
      !ignored.has(index) &&
      !scan.mentions.some((m) => index >= m.start && index < m.end),
  );
}

// Words after which a four-digit number is a year, not the answer ("on a démarré en 2021", "d'ici 2028").
const YEAR_CUES = new Set([
  'en', 'depuis', 'annee', 'exercice', 'ici', 'fin', 'debut', 'courant', 'avant', 'apres', 'des', 'jusqu',
  'janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre',
  'novembre', 'decembre', 'in', 'since', 'by', 'year',
]); // prettier-ignore
const YEAR = /^(?:19[5-9]\d|20\d\d)$/;

/** A year named as such in the sentence: "en 2021", "depuis 2019", "exercice 2024". */
export function isCuedYear(tokens: readonly Token[], found: Mention): boolean {
  const token = tokens[found.start];
  if (token.kind !== 'digits' || found.end !== found.start + 1 || !YEAR.test(token.text)) return false;
  return YEAR_CUES.has(wordAt(tokens, found.start - 1));
}

/**
 * The numbers that can answer the question: years named as such are dropped, and so is what follows "dont"
 * ("12 salariés dont 2 apprentis": the 2 are part of the 12).
 */
export function answerMentions(scan: NumberScan): Mention[] {
  let mentions = scan.mentions.filter((m) => !isCuedYear(scan.tokens, m));
  const subset = scan.tokens.findIndex(
    (t) => t.kind === 'word' && (t.text === 'dont' || t.text === 'including'),
  );
  if (subset >= 0 && mentions.some((m) => m.end <= subset))
    mentions = mentions.filter((m) => m.end <= subset);
  return mentions;
}

export type Relation = 'list' | 'range' | 'other';

const RANGE_WORDS = new Set(['a', 'au', '-', '–', 'to']);
const ALTERNATIVE_WORDS = new Set(['ou', 'or', 'voire', 'sinon', 'puis', '≈', '/']);
const LIST_JOINERS = new Set([',', 'et', '+', 'plus', 'and', '&']);

/**
 * How two numbers of one answer relate: a list of things to add up ("2 CDI et 1 CDD"), a range ("entre 10
 * et 12", "10-12", "3 à 5"), or anything else (alternatives, two figures).
 */
export function relationOf(tokens: readonly Token[], first: Mention, second: Mention): Relation {
  const between = tokens.slice(first.end, second.start).map((t) => t.text);
  const before = wordAt(tokens, first.start - 1);
  if (between.length === 1 && RANGE_WORDS.has(between[0])) return 'range';
  if ((before === 'entre' || before === 'between') && between.some((w) => w === 'et' || w === 'and')) {
    return 'range';
  }
  if (between.some((w) => ALTERNATIVE_WORDS.has(w))) return 'other';
  // A list names what it counts: "2 CDI et 1 CDD", "un tourneur, un fraiseur"; "12 et 13" is no list.
  const joined = between.some((w) => LIST_JOINERS.has(w));
  const named = between.some((w) => !LIST_JOINERS.has(w) && /\p{L}/u.test(w));
  return joined && named ? 'list' : 'other';
}

/** "un ou deux", "un à trois": a weak number directly offered as an alternative to another is a number. */
export function directAlternative(tokens: readonly Token[], first: Mention, second: Mention): boolean {
  const between = tokens.slice(first.end, second.start).map((t) => t.text);
  return (
    between.length > 0 &&
    between.some((w) => w !== ',') &&
    between.every((w) => w === ',' || ALTERNATIVE_WORDS.has(w) || RANGE_WORDS.has(w))
  );
}

/** Weak mentions ("un") count as numbers when directly offered as alternatives to one another. */
export function strengthenAlternatives(scan: NumberScan, mentions: readonly Mention[]): Mention[] {
  return mentions.map((m, i) => {
    if (!m.weak) return m;
    const next = mentions[i + 1];
    const previous = mentions[i - 1];
    const offered =
      (next !== undefined && directAlternative(scan.tokens, m, next)) ||
      (previous !== undefined && directAlternative(scan.tokens, previous, m));
    return offered ? { ...m, weak: false } : m;
  });
}

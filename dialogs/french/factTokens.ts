import { isEnglishNumberWord } from './englishNumberWords.js';
import { isFrenchNumberWord } from './frenchNumberWords.js';
import type { ParserLocale } from './locale.js';

/**
 * A sentence cut into tokens that keep their place in the text, so that a fact found in it ("12 salariés")
 * can be taken out and the rest read as the answer to the question asked. Words are folded (lower case, no
 * accents) one character at a time, so offsets in the folded text are offsets in the text.
 */
export interface FactToken {
  kind: 'digits' | 'word' | 'symbol';
  /** Folded text of the token. */
  text: string;
  /** The token as typed (its case tells "SA" from "sa", "à" from "a"). */
  raw: string;
  start: number;
  end: number;
  /** The clause it belongs to: commas, semicolons and full stops end a clause. */
  clause: number;
  /** After "dont" in its clause ("12 salariés dont 3 à Nîmes"): a part of something said before. */
  subset: boolean;
}

const MARKS = /\p{M}/gu;

function foldChar(char: string): string {
  const folded = char.toLowerCase().normalize('NFD').replace(MARKS, '');
  return folded.length === 1 ? folded : char.toLowerCase().slice(0, 1) || char;
}

/** Digits with the separators of one number ("1 200 000", "1,2", "732.829.320.00074"), words, symbols. */
const TOKEN = /\d+(?:(?:[.,]| (?=\d))\d+)*|\p{L}+|\S/gu;
const CLAUSE_END = new Set([',', ';', '.', '!', '?', '(', ')', '[', ']', '«', '»', '"']);

export function factTokens(text: string): FactToken[] {
  const folded = [...text].map(foldChar).join('');
  const tokens: FactToken[] = [];
  let clause = 0;
  let subset = false;
  for (const match of folded.matchAll(TOKEN)) {
    const start = match.index;
    const end = start + match[0].length;
    const raw = text.slice(start, end);
    const kind = /^\d/.test(match[0]) ? 'digits' : /^\p{L}/u.test(match[0]) ? 'word' : 'symbol';
    // "S.A.R.L." keeps its dots inside one clause.
    const inInitials =
      match[0] === '.' &&
      /\p{L}/u.test(text[start - 1] ?? '') &&
      (/\p{L}/u.test(text[end] ?? '') || text[start - 2] === '.');
    if (kind === 'symbol' && CLAUSE_END.has(match[0]) && !inInitials) {
      clause += 1;
      subset = false;
      continue;
    }
    if (kind === 'word' && (match[0] === 'dont' || match[0] === 'including')) subset = true;
    tokens.push({ kind, text: match[0], raw, start, end, clause, subset });
  }
  return tokens;
}

/** A number written in digits or words ("12", "douze", "cent vingt", "1,5 million"), as a run of tokens. */
export interface NumberRun {
  /** Index of the first token and just after the last. */
  from: number;
  to: number;
  start: number;
  end: number;
}

function isNumberWord(token: FactToken, locale: ParserLocale): boolean {
  if (token.kind !== 'word') return false;
  return locale === 'en' ? isEnglishNumberWord(token.text) : isFrenchNumberWord(token.text);
}

/** Every number of the tokens, in order; "vingt et un", "quatre-vingt" and "1,5 million" are one run each. */
export function numberRuns(tokens: readonly FactToken[], locale: ParserLocale): NumberRun[] {
  const runs: NumberRun[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i];
    if (first.kind !== 'digits' && !isNumberWord(first, locale)) {
      i += 1;
      continue;
    }
    let to = i + 1;
    for (;;) {
      const next = tokens[to];
      const after = tokens[to + 1];
      if (next && next.clause === first.clause && isNumberWord(next, locale)) to += 1;
      else if (
        next &&
        (next.text === 'et' || next.text === '-') &&
        after &&
        after.clause === first.clause &&
        isNumberWord(after, locale)
      )
        to += 2;
      else break;
    }
    runs.push({ from: i, to, start: first.start, end: tokens[to - 1].end });
    i = to;
  }
  return runs;
}

/** The folded words of tokens[from, to), joined by spaces (for hedge and keyword tests). */
export function wordsBetween(tokens: readonly FactToken[], from: number, to: number): string {
  return tokens
    .slice(Math.max(0, from), Math.max(0, to))
    .map((token) => token.text)
    .join(' ');
}

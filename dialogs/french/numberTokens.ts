import { stripHedges } from './hedges.js';
import type { ParserLocale } from './locale.js';
import { foldForMatch } from './normalize.js';

/** A word, a run of digits ("250 000", "1,5") or one symbol ("€", "$", "'"). */
export type Token =
  | { kind: 'digits'; text: string; negative: boolean }
  | { kind: 'word'; text: string }
  | { kind: 'symbol'; text: string };

// A digit run may contain single spaces only when a digit follows ("250 000"), and dots or commas.
const TOKEN = /([+-])?(\d(?:[\d.,]|\s(?=\d))*)|(\p{L}+)|(\S)/gu;

export function tokenize(prepared: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(prepared); match !== null; match = TOKEN.exec(prepared)) {
    const [, sign, digits, word, symbol] = match;
    if (digits !== undefined) {
      // "10-15" is a range, not 10 and -15: a sign counts only at the start of a word.
      const before = prepared[match.index - 1];
      const signIsSign = sign !== undefined && (before === undefined || before === ' ' || before === '(');
      if (sign !== undefined && !signIsSign) tokens.push({ kind: 'symbol', text: sign });
      tokens.push({ kind: 'digits', text: digits, negative: signIsSign && sign === '-' });
    } else if (word !== undefined) tokens.push({ kind: 'word', text: word });
    else tokens.push({ kind: 'symbol', text: symbol ?? '' });
  }
  return tokens;
}

/** Where a hedge stood, as a symbol token: it separates two readings ("6 postes, peut-être 7"). */
export const HEDGE_MARK = '≈';

/** Folds, splits hyphenated words ("soixante-dix-sept"), removes hedges, and tokenizes. */
export function prepareTokens(text: string, locale: ParserLocale): { tokens: Token[]; hedged: boolean } {
  const folded = foldForMatch(text).replace(/(\p{L})-(?=\p{L})/gu, '$1 ');
  const { text: unhedged, hedged } = stripHedges(folded, locale, 'number', ` ${HEDGE_MARK} `);
  return { tokens: tokenize(unhedged), hedged };
}

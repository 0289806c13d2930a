import { isDontKnow } from './dontKnow.js';
import type { ParserLocale } from './locale.js';
import {
  hasOtherWords,
  pickMention,
  roundScaled,
  scanNumbers,
  type Mention,
  type NumberScan,
  type Token,
} from './numberScan.js';
import { failed, parsed, type Parsed } from './parseResult.js';
import { normalizeFrench } from './normalize.js';

export interface AmountOptions {
  locale?: ParserLocale;
  /** "aucune", "rien", "néant", "non" → 0 € (for "aides reçues", not for "chiffre d'affaires"). */
  allowNone?: boolean;
  /** Negative amounts are refused with 'negative' unless allowed (a loss, for instance). */
  allowNegative?: boolean;
  /**
   * The question asked for an amount in thousands or millions ("en k€"): a bare number is multiplied by it,
   * and the result is uncertain so that the bot confirms the amount in euros.
   */
  assumeScale?: 1_000 | 1_000_000;
}

const EURO_WORDS = new Set(['€', 'eur', 'euro', 'euros', 'balles']);
// Scale letters right after a number; "keur"/"meur" also carry the currency.
const SCALE_LETTERS = new Map<string, { scale: number; euro: boolean }>([
  ['k', { scale: 1e3, euro: false }],
  ['ke', { scale: 1e3, euro: true }],
  ['keur', { scale: 1e3, euro: true }],
  ['m', { scale: 1e6, euro: false }],
  ['me', { scale: 1e6, euro: true }],
  ['meur', { scale: 1e6, euro: true }],
  ['meuros', { scale: 1e6, euro: true }],
  ['md', { scale: 1e9, euro: false }],
  ['mds', { scale: 1e9, euro: false }],
  ['mrd', { scale: 1e9, euro: false }],
  ['mrds', { scale: 1e9, euro: false }],
  ['mdeur', { scale: 1e9, euro: true }],
]);
const FOREIGN_CURRENCIES = new Set([
  '$',
  '£',
  '¥',
  '₣',
  '₹',
  '₩',
  'dollar',
  'dollars',
  'usd',
  'gbp',
  'livre',
  'livres',
  'sterling',
  'chf',
  'franc',
  'francs',
  'yen',
  'yens',
  'yuan',
  'cfa',
  'fcfa',
  'xof',
  'xaf',
  'dinar',
  'dinars',
  'dirham',
  'dirhams',
  'cad',
]);
const NONE_WORDS = new Set([
  'aucun',
  'aucune',
  'aucuns',
  'aucunes',
  'rien',
  'neant',
  'none',
  'nothing',
  'nil',
  'nada',
]);
const NO_WORDS = new Set(['non', 'nan', 'no', 'nope']);
const HAS_CONTENT = /[\p{L}\d€$£]/u;

interface AmountReading {
  mention: Mention;
  value: number;
  hasUnit: boolean;
  /** The scale or the separator was guessed: the bot must confirm. */
  inferredScale: boolean;
  consumed: number[];
}

// "250,000 €": in French a comma is decimal, but euros have two decimals, so three digits are a thousands group.
const ENGLISH_THOUSANDS = /^\d{1,3}(?:,\d{3})+$/;

function text(token: Token | undefined): string {
  return token === undefined || token.kind === 'digits' ? '' : token.text;
}

/** Reads the scale letter and the currency around one number: "30k€", "1,5 million d'euros", "€250,000". */
function readAmount(tokens: readonly Token[], mention: Mention, locale: ParserLocale): AmountReading {
  const consumed: number[] = [];
  let i = mention.end;
  let value = mention.value;
  let euro = false;
  const first = tokens[mention.start];
  const englishGroups =
    locale === 'fr' && mention.scale === 1 && first.kind === 'digits' && ENGLISH_THOUSANDS.test(first.text);
  const letter = SCALE_LETTERS.get(text(tokens[i]));
  if (englishGroups && letter === undefined) {
    value = Number(first.text.replace(/,/g, '')) * (value < 0 ? -1 : 1);
  }
  if (letter !== undefined) {
    value = roundScaled(value * letter.scale);
    euro = letter.euro;
    consumed.push(i);
    i += 1;
  }
  // "d'euros", "de euros": the linking words belong to the unit.
  let unitAt = i;
  if (text(tokens[i]) === 'd' && text(tokens[i + 1]) === "'") unitAt = i + 2;
  else if (text(tokens[i]) === 'de') unitAt = i + 1;
  if (!EURO_WORDS.has(text(tokens[unitAt]))) unitAt = i;
  if (EURO_WORDS.has(text(tokens[unitAt]))) {
    for (let j = i; j <= unitAt; j += 1) consumed.push(j);
    euro = true;
  }
  if (EURO_WORDS.has(text(tokens[mention.start - 1]))) {
    consumed.push(mention.start - 1);
    euro = true;
  }
  // "1,2 M" without "€": M could be a month or a metre, so the reading must be confirmed.
  const inferredScale =
    (letter !== undefined && letter.scale === 1e6 && !euro) || (englishGroups && letter === undefined);
  return { mention, value, hasUnit: euro || letter !== undefined, inferredScale, consumed };
}

function looksLikeYear(reading: AmountReading): boolean {
  const { value } = reading;
  return !reading.hasUnit && Number.isInteger(value) && value >= 1900 && value <= 2100;
}

/** Picks the amount: years next to an amount with a unit ("en 2024, 1,2 M€") are not amounts. */
function pickAmount(scan: NumberScan, locale: ParserLocale): AmountReading | 'none' | 'ambiguous' {
  const readings = scan.mentions.map((m) => readAmount(scan.tokens, m, locale));
  const withUnit = readings.filter((r) => r.hasUnit);
  const kept = withUnit.length > 0 ? readings.filter((r) => !looksLikeYear(r)) : readings;
  const picked = pickMention(kept.map((r) => ({ ...r.mention, value: r.value })));
  if (picked === 'none' || picked === 'ambiguous') return picked;
  return kept.find((r) => r.mention.start === picked.start) ?? 'none';
}

function noneAnswer(scan: NumberScan): boolean {
  const words = scan.tokens.filter((t) => t.kind === 'word').map((t) => t.text);
  return (
    // "je n'ai pas reçu d'aides", "pas encore": a negation without any number means none.
    words.some((w) => NONE_WORDS.has(w) || w === 'pas') ||
    (words.length > 0 && words.every((w) => NO_WORDS.has(w) || w === 'merci'))
  );
}

/**
 * Reads an amount in euros: "250 000 €", "250.000 €", "1,2 M€", "1,5 million d'euros", "quinze mille euros",
 * "30k€", "2 Md€". A bare number is taken as euros. Another currency gives 'currency'.
 */
export function parseAmountEuros(input: string, opts: AmountOptions = {}): Parsed<number> {
  const normalized = normalizeFrench(input);
  if (!HAS_CONTENT.test(normalized)) return failed('empty');
  if (isDontKnow(normalized)) return failed('not_understood');
  const scan = scanNumbers(normalized, opts.locale ?? 'fr');
  if (scan.malformed) return failed('invalid_format');
  const symbols = scan.tokens.map(text);
  if (symbols.some((s) => FOREIGN_CURRENCIES.has(s)) && !symbols.some((s) => EURO_WORDS.has(s))) {
    return failed('currency');
  }
  const reading = pickAmount(scan, opts.locale ?? 'fr');
  if (reading === 'ambiguous') return failed('ambiguous');
  if (reading === 'none') return opts.allowNone && noneAnswer(scan) ? parsed(0) : failed('not_understood');

  // "25 %" answers with a share, not an amount.
  if (text(scan.tokens[reading.mention.end]) === '%') return failed('invalid_format');
  let { value } = reading;
  const scaleAssumed = !reading.hasUnit && reading.mention.scale === 1 && opts.assumeScale !== undefined;
  if (scaleAssumed) value = roundScaled(value * (opts.assumeScale ?? 1));
  if (value < 0 && !opts.allowNegative) return failed('negative');
  if (!Number.isFinite(value) || Math.abs(value) > 1e15) return failed('out_of_range');
  const wordsAround = reading.mention.fromWords && hasOtherWords(scan, new Set(reading.consumed));
  const certain =
    !scan.hedged && !reading.mention.approximate && !reading.inferredScale && !scaleAssumed && !wordsAround;
  return parsed(value, certain);
}

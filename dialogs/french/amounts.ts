import { isDontKnow } from './dontKnow.js';
import type { ParserLocale } from './locale.js';
import {
  answerMentions,
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
// "pas de", "pas encore", "je n'ai pas reçu": a negation of aid; "pas terrible" is not.
const PAS_NONE = new Set(['de', 'd', 'encore', 'recu', 'eu', 'touche', 'beneficie', 'obtenu']);
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
    // "1M8", "2k5": the digits after the letter are its decimals.
    const decimals = tokens[i + 1];
    const fraction =
      decimals?.kind === 'digits' && /^\d{1,2}$/.test(decimals.text) && Number.isInteger(value)
        ? Number(decimals.text) / 10 ** decimals.text.length
        : 0;
    value = roundScaled((value + Math.sign(value || 1) * fraction) * letter.scale);
    euro = letter.euro;
    consumed.push(i);
    i += 1;
    if (fraction > 0) {
      consumed.push(i);
      i += 1;
    }
  }
  value = spokenDecimal(tokens, mention, value);
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
  // "250,000" without "€" may be a French decimal; with the euro sign it can only be thousands.
  const inferredScale = englishGroups && letter === undefined && !euro;
  return { mention, value, hasUnit: euro || letter !== undefined, inferredScale, consumed };
}

const UNIT_WORDS = new Map(
  Object.entries({ un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9 }),
);
const BIG_SCALES = new Map(Object.entries({ million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9 }));

/**
 * "deux millions trois", "un million cinq": a lone digit word after "million" is said as a decimal
 * (2,3 M, 1,5 M), never 2 000 003.
 */
function spokenDecimal(tokens: readonly Token[], mention: Mention, value: number): number {
  if (mention.end - mention.start < 3) return value;
  const last = tokens[mention.end - 1];
  // "1 million 5" is said like "un million cinq".
  const digit = last.kind === 'digits' && /^[1-9]$/.test(last.text) ? Number(last.text) : undefined;
  const unit = digit ?? UNIT_WORDS.get(text(last));
  const scale = BIG_SCALES.get(text(tokens[mention.end - 2]));
  if (unit === undefined || scale === undefined) return value;
  return roundScaled(value - unit + (unit * scale) / 10);
}

function looksLikeYear(reading: AmountReading): boolean {
  const { value } = reading;
  return !reading.hasUnit && Number.isInteger(value) && value >= 1900 && value <= 2100;
}

/** Picks the amount: years next to an amount with a unit ("en 2024, 1,2 M€") are not amounts. */
function amountReadings(scan: NumberScan, locale: ParserLocale): AmountReading[] {
  const all = answerMentions(scan).map((m) => readAmount(scan.tokens, m, locale));
  // The decimals of "1M8" are read with the 1: they are no amount of their own.
  const used = new Set(all.flatMap((r) => r.consumed));
  const readings = all.filter((r) => !used.has(r.mention.start));
  const withUnit = readings.filter((r) => r.hasUnit);
  return withUnit.length > 0 ? readings.filter((r) => !looksLikeYear(r)) : readings;
}

function pickAmount(scan: NumberScan, locale: ParserLocale): AmountReading | 'none' | 'ambiguous' {
  const kept = amountReadings(scan, locale);
  const picked = pickMention(kept.map((r) => ({ ...r.mention, value: r.value })));
  if (picked === 'none' || picked === 'ambiguous') return picked;
  return kept.find((r) => r.mention.start === picked.start) ?? 'none';
}

function noneAnswer(scan: NumberScan): boolean {
  const words = scan.tokens.filter((t) => t.kind === 'word').map((t) => t.text);
  return (
    // "je n'ai pas reçu d'aides", "pas encore": a negation without any number means none.
    words.some(
      (w, i) => NONE_WORDS.has(w) || (w === 'pas' && (PAS_NONE.has(words[i + 1]) || words.includes('n'))),
    ) ||
    (words.length > 0 && words.every((w) => NO_WORDS.has(w) || w === 'merci'))
  );
}

/** "non, sauf un prêt de 10 000 €": a no next to an amount. */
function saysNo(scan: NumberScan): boolean {
  return scan.tokens.some((t) => t.kind === 'word' && (NO_WORDS.has(t.text) || t.text === 'sauf'));
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
  // "pas de minimis, seulement un prêt d'honneur de 20 000 €": the amount may be no aid of the kind asked.
  if (opts.allowNone && (noneAnswer(scan) || saysNo(scan))) {
    return { ok: true, value, certain: false, alternatives: [0] };
  }
  return parsed(value, certain);
}

/** The distinct amounts of an answer that holds two or three ("150 000 ou 200 000 €"), in the order typed. */
export function amountCandidates(input: string, opts: AmountOptions = {}): number[] {
  const scan = scanNumbers(normalizeFrench(input), opts.locale ?? 'fr');
  if (scan.malformed) return [];
  const readings = amountReadings(scan, opts.locale ?? 'fr').filter((r) => !r.mention.weak);
  // "800 ou 900 k€", "entre 20 et 30 k€": the scale said last applies to the bare numbers before it.
  const last = readings[readings.length - 1];
  const scale = last && last.mention.value !== 0 ? last.value / last.mention.value : 1;
  const values = [
    ...new Set(
      readings.map((r) =>
        !r.hasUnit && scale > 1 && r.value < last.value ? roundScaled(r.value * scale) : r.value,
      ),
    ),
  ];
  return values.length >= 2 && values.length <= 3 && values.every((v) => v >= 0) ? values : [];
}

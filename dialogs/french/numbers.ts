import { isDontKnow } from './dontKnow.js';
import type { ParserLocale } from './locale.js';
import {
  answerMentions,
  pickMention,
  relationOf,
  scanNumbers,
  strengthenAlternatives,
  type Mention,
  type NumberScan,
} from './numberScan.js';
import { failed, parsed, type Parsed } from './parseResult.js';
import { normalizeFrench } from './normalize.js';

export interface NumberOptions {
  /** 'fr' (default): "1.234" is a thousand and "1,5" a decimal; 'en': "1,234.5". */
  locale?: ParserLocale;
  /** Inclusive bounds; outside them the reason is 'out_of_range' ('negative' below zero when min ≥ 0). */
  min?: number;
  max?: number;
  /** Counts: things listed are added up ("un tourneur, un fraiseur et un apprenti" → 3). */
  sumLists?: boolean;
}

// Beyond this, arithmetic on doubles is no longer exact: such input is a typo.
const LARGEST = 1e15;
const HAS_CONTENT = /[\p{L}\d]/u;
// "Combien de salariés ? — Aucun." A count of none is zero ("une personne" is read as 1 before this applies).
const NONE_WORDS = new Set(['aucun', 'aucune', 'personne', 'rien', 'neant', 'none', 'nobody', 'nothing']);

function saysNone(scan: NumberScan, text: string): boolean {
  return !isDontKnow(text) && scan.tokens.some((t) => t.kind === 'word' && NONE_WORDS.has(t.text));
}

/**
 * Reads one number typed in French: digits ("1 234,56", "1.234.567", "-5") or words ("quatre-vingt-dix-neuf",
 * "mille deux cents"). `certain` is false for hedged input ("environ 40"), approximations ("une quarantaine")
 * (a number word inside a plain sentence, "nous sommes douze", is certain).
 */
export function parseFrenchNumber(text: string, opts: NumberOptions = {}): Parsed<number> {
  const normalized = normalizeFrench(text);
  if (!HAS_CONTENT.test(normalized)) return failed('empty');
  const scan = scanNumbers(normalized, opts.locale ?? 'fr');
  if (scan.malformed) return failed('invalid_format');
  const mentions = strengthenAlternatives(scan, answerMentions(scan));
  const listed = opts.sumLists ? listTotal(scan, mentions) : undefined;
  if (listed !== undefined) return withinBounds(listed, !scan.hedged, opts);
  const picked = pickMention(mentions);
  if (picked === 'none' && saysNone(scan, normalized)) return withinBounds(0, true, opts);
  if (picked === 'none') return failed('not_understood');
  if (picked === 'ambiguous') return failed('ambiguous');
  // A single number word in a plain sentence ("nous sommes douze") is as sure as the digits; only hedges
  // ("environ") and approximations ("une quarantaine") need the user's confirmation.
  const certain = !scan.hedged && !picked.approximate;
  return withinBounds(picked.value, certain, opts);
}

function withinBounds(value: number, certain: boolean, opts: NumberOptions): Parsed<number> {
  if (!Number.isFinite(value) || Math.abs(value) > LARGEST) return failed('out_of_range');
  if (opts.min !== undefined && opts.min >= 0 && value < 0) return failed('negative');
  if ((opts.min !== undefined && value < opts.min) || (opts.max !== undefined && value > opts.max)) {
    return failed('out_of_range');
  }
  return parsed(value, certain);
}

/** Like parseFrenchNumber, but "12,5" is refused with 'not_integer' (headcounts, jobs). */
export function parseInteger(text: string, opts: NumberOptions = {}): Parsed<number> {
  const result = parseFrenchNumber(text, opts);
  if (result.ok && !Number.isInteger(result.value)) return failed('not_integer');
  return result;
}

/** Mentions that name a thing ("un tourneur"), weak ones included: an article is a count in a list. */
function listed(scan: NumberScan, mentions: readonly Mention[]): Mention[] {
  return mentions.filter((m) => !m.weak || scan.tokens[m.end]?.kind === 'word');
}

/** The total of a list of counted things, when every number is joined to the next as a list. */
function listTotal(scan: NumberScan, mentions: readonly Mention[]): number | undefined {
  const items = listed(scan, mentions);
  if (items.length < 2) return undefined;
  for (let i = 1; i < items.length; i += 1) {
    if (relationOf(scan.tokens, items[i - 1], items[i]) !== 'list') return undefined;
  }
  return items.reduce((sum, m) => sum + m.value, 0);
}

/**
 * The distinct numbers of an answer that holds several ("6 postes, peut-être 7", "entre 10 et 12"), in the
 * order typed, so the bot can offer them as buttons; empty unless there are two or three, and whether they
 * form a range.
 */
export function numberCandidates(
  text: string,
  opts: NumberOptions = {},
): { values: number[]; range: boolean } {
  const scan = scanNumbers(normalizeFrench(text), opts.locale ?? 'fr');
  const strong = strengthenAlternatives(scan, answerMentions(scan)).filter((m) => !m.weak);
  const values = [...new Set(strong.map((m) => m.value))];
  if (values.length < 2 || values.length > 3 || scan.malformed) return { values: [], range: false };
  const range = strong.length === 2 && relationOf(scan.tokens, strong[0], strong[1]) === 'range';
  return { values, range };
}

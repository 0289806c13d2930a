import { isDontKnow } from './dontKnow.js';
import type { ParserLocale } from './locale.js';
import { pickMention, scanNumbers, type NumberScan } from './numberScan.js';
import { failed, parsed, type Parsed } from './parseResult.js';
import { normalizeFrench } from './normalize.js';

export interface NumberOptions {
  /** 'fr' (default): "1.234" is a thousand and "1,5" a decimal; 'en': "1,234.5". */
  locale?: ParserLocale;
  /** Inclusive bounds; outside them the reason is 'out_of_range' ('negative' below zero when min ≥ 0). */
  min?: number;
  max?: number;
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
  const picked = pickMention(scan.mentions);
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

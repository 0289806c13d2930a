import type { ParserLocale } from './locale.js';

/** One number read from a run of digits, e.g. "1 234,56" → 1234.56. */
export interface DigitNumber {
  value: number;
  hasFraction: boolean;
}

const PLAIN = /^\d+$/;
const COMMA_DECIMAL = /^\d+,\d+$/;
const DOT_DECIMAL = /^\d+\.\d+$/;
const DOT_THOUSANDS = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const COMMA_THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const SPACE_GROUP_HEAD = /^\d{1,3}$/;
const SPACE_GROUP_TAIL = /^\d{3}(?:[.,]\d+)?$/;

function toNumber(intPart: string, fraction: string | undefined): DigitNumber {
  const value = Number(fraction === undefined ? intPart : `${intPart}.${fraction}`);
  return { value, hasFraction: fraction !== undefined && /[1-9]/.test(fraction) };
}

/** Reads one space-free chunk; undefined when its punctuation makes no sense ("1,2,3", "1.2.3"). */
function readChunk(chunk: string, locale: ParserLocale): DigitNumber | undefined {
  if (PLAIN.test(chunk)) return toNumber(chunk, undefined);
  // "1.234" is a thousand in French, "1,234" a thousand in English: the 3-digit group decides.
  const thousandsSeparator = locale === 'fr' ? DOT_THOUSANDS : COMMA_THOUSANDS;
  if (thousandsSeparator.test(chunk)) {
    const [intPart, fraction] = locale === 'fr' ? chunk.split(',') : chunk.split('.');
    return toNumber(intPart.replace(/[.,]/g, ''), fraction);
  }
  if (COMMA_DECIMAL.test(chunk)) {
    // English speakers may still write "1,234"; anything else after a comma is a French decimal.
    const [intPart, fraction] = chunk.split(',');
    if (locale === 'en' && fraction.length === 3) return toNumber(intPart + fraction, undefined);
    return toNumber(intPart, fraction);
  }
  if (DOT_DECIMAL.test(chunk)) {
    const [intPart, fraction] = chunk.split('.');
    return toNumber(intPart, fraction);
  }
  // Unambiguous English style typed by a French user: "1,234.50".
  if (locale === 'fr' && COMMA_THOUSANDS.test(chunk) && chunk.includes('.')) {
    const [intPart, fraction] = chunk.split('.');
    return toNumber(intPart.replace(/,/g, ''), fraction);
  }
  return undefined;
}

/**
 * Reads a run such as "250 000", "1 234 567,5", "1.234.567" or "2015 12" (two numbers). Spaces group
 * thousands only when every following group has exactly three digits, so "12 15" stays two numbers.
 * Returns undefined when a chunk is malformed.
 */
export function readDigitRun(run: string, locale: ParserLocale): DigitNumber[] | undefined {
  const parts = run.replace(/[.,]+$/, '').split(' ');
  const numbers: DigitNumber[] = [];
  let i = 0;
  while (i < parts.length) {
    let chunk = parts[i];
    i += 1;
    if (SPACE_GROUP_HEAD.test(chunk)) {
      while (i < parts.length && SPACE_GROUP_TAIL.test(parts[i]) && PLAIN.test(chunk)) {
        chunk += parts[i];
        i += 1;
      }
    }
    const read = readChunk(chunk.replace(/[.,]+$/, ''), locale);
    if (read === undefined) return undefined;
    numbers.push(read);
  }
  return numbers;
}

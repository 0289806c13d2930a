import { normalizeFrench } from './normalize.js';
import { failed, parsed, type Parsed } from './parseResult.js';

/**
 * Overseas departments are French numbers with their own country codes; we accept them and store them under
 * that code, as E.164 requires ("0692 12 34 56" is "+262692123456", not "+33692…"). Mayotte shares +262.
 * +269 (now the Comoros) and +508 (Saint-Pierre-et-Miquelon, six-digit numbers) are not accepted.
 */
const OVERSEAS_BY_NATIONAL_PREFIX: ReadonlyArray<readonly [string, string]> = [
  ['262', '262'],
  ['263', '262'],
  ['692', '262'],
  ['693', '262'],
  ['269', '262'],
  ['639', '262'],
  ['590', '590'],
  ['690', '590'],
  ['691', '590'],
  ['594', '594'],
  ['694', '594'],
  ['596', '596'],
  ['696', '596'],
  ['697', '596'],
];
const OVERSEAS_CODES = new Set(['262', '590', '594', '596']);

// Digits with the usual separators, an optional "+" or "(0)"; at least 8 characters.
const CANDIDATE = /\+?\s*(?:\(\s*0\s*\)\s*)?\d(?:[\s.\-/]*(?:\(\s*0\s*\)\s*)?\d){7,}/g;

/** "612345678" (9 digits, trunk "0" removed) → the E.164 form, or why not. */
function fromNationalSignificant(nine: string, countryCode: string): Parsed<string> {
  if (nine.length !== 9) return failed('invalid_format');
  if (nine.startsWith('0')) return failed('invalid_format');
  if (countryCode === '33') {
    const overseas = OVERSEAS_BY_NATIONAL_PREFIX.find(([prefix]) => nine.startsWith(prefix));
    return parsed(`+${overseas?.[1] ?? '33'}${nine}`);
  }
  const belongs = OVERSEAS_BY_NATIONAL_PREFIX.some(
    ([prefix, code]) => code === countryCode && nine.startsWith(prefix),
  );
  return belongs ? parsed(`+${countryCode}${nine}`) : failed('invalid_format');
}

function fromInternational(digits: string): Parsed<string> {
  // "+33 06 12 34 56 78": the trunk "0" kept after the country code is a common slip, harmless to drop.
  if (digits.startsWith('330') && digits.length === 12) return fromNationalSignificant(digits.slice(3), '33');
  if (digits.startsWith('33')) return fromNationalSignificant(digits.slice(2), '33');
  const code = digits.slice(0, 3);
  if (OVERSEAS_CODES.has(code)) return fromNationalSignificant(digits.slice(3), code);
  return digits.length >= 8 && digits.length <= 15 ? failed('not_french') : failed('invalid_format');
}

/**
 * Reads a French phone number and returns it in E.164: "06 12 34 56 78", "06.12.34.56.78", "+33 6 12 34 56 78",
 * "+33 (0)6 12 34 56 78", "0033 6 12 34 56 78" → "+33612345678". A foreign number gives 'not_french'.
 */
export function parseFrenchPhone(text: string): Parsed<string> {
  const normalized = normalizeFrench(text);
  if (normalized === '') return failed('empty');
  const candidates: string[] = normalized.match(CANDIDATE) ?? [];
  const [candidate] = candidates;
  if (candidate === undefined) return failed(/\d/.test(normalized) ? 'invalid_format' : 'not_understood');
  if (candidates.length > 1) return failed('ambiguous');
  const raw = candidate.replace(/\(\s*0\s*\)/g, '');
  const digits = raw.replace(/\D/g, '');
  if (raw.trimStart().startsWith('+')) return fromInternational(digits);
  if (digits.startsWith('00') && digits.length > 10) return fromInternational(digits.slice(2));
  if (digits.length === 10 && digits.startsWith('0')) return fromNationalSignificant(digits.slice(1), '33');
  return failed('invalid_format');
}

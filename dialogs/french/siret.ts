import { normalizeFrench } from './normalize.js';
import { failed, parsed, type Parsed } from './parseResult.js';

const LA_POSTE_SIREN = '356000000';
// Digits with the separators people type: "732 829 320 00074", "732.829.320.00074", "732-829-320-00074".
const DIGIT_RUN = /\d(?:[\s.\-/]*\d)*/g;

/** Luhn: from the right, double every second digit; the sum must be a multiple of 10. */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function digitSum(digits: string): number {
  let sum = 0;
  for (const char of digits) sum += char.charCodeAt(0) - 48;
  return sum;
}

export function isValidSiren(siren: string): boolean {
  return /^\d{9}$/.test(siren) && !isPlaceholder(siren) && luhnValid(siren);
}

/**
 * Luhn on the 14 digits. La Poste (SIREN 356 000 000) numbers its many establishments differently: their
 * SIRET is valid when the digit sum is a multiple of 5. Its head office 356 000 000 00048 passes Luhn but not
 * that rule, so for La Poste either check is accepted (as INSEE-based validators do).
 */
export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret) || isPlaceholder(siret)) return false;
  if (luhnValid(siret)) return true;
  return siret.startsWith(LA_POSTE_SIREN) && digitSum(siret) % 5 === 0;
}

/** One digit repeated ("11111111111111"), or a SIREN of zeros: typed to get past the question, never real. */
function isPlaceholder(digits: string): boolean {
  return /^(\d)\1+$/.test(digits) || digits.startsWith('000000000');
}

/** Reads a SIRET typed with or without spaces or dots, possibly in a sentence ("mon siret : 732 829 …"). */
export function parseSiret(text: string): Parsed<string> {
  const normalized = normalizeFrench(text);
  if (normalized === '') return failed('empty');
  const runs = (normalized.match(DIGIT_RUN) ?? []).map((run) => run.replace(/\D/g, ''));
  if (runs.length === 0) return failed('not_understood');
  if (runs.length > 1) {
    // Several groups may still be one SIRET split by words or odd separators: only 14 digits in all is accepted.
    const joined = runs.join('');
    if (joined.length !== 14) return failed(runs.some((r) => r.length === 14) ? 'ambiguous' : 'siret_length');
    return isValidSiret(joined) ? parsed(joined, false) : failed('checksum');
  }
  const [digits] = runs;
  if (digits.length !== 14 || /\d[\p{L}]|[\p{L}]\d/u.test(normalized)) return failed('siret_length');
  return isValidSiret(digits) ? parsed(digits) : failed('checksum');
}

import { isValidSiret } from './french/siret.js';

/** 14 digits, grouped or not by spaces or dots ("732 829 320 00074"), and not part of a longer number. */
const SIRET_RUN = /(?<![\d.])\d(?:[ .\u00a0\u202f]?\d){13}(?![ .\u00a0\u202f]?\d)/g;

/**
 * A valid SIRET given in a first message ("SARL Dupont, SIRET 732 829 320 00074, 12 salariés"): the company
 * lookup starts with it, asking nothing. Only a SIRET that passes its checksum counts; a sentence holding two
 * different ones gives none (which company is meant is then asked, as for any answer).
 */
export function siretIn(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const found = new Set<string>();
  for (const match of text.matchAll(SIRET_RUN)) {
    const digits = match[0].replace(/\D/g, '');
    if (isValidSiret(digits)) found.add(digits);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

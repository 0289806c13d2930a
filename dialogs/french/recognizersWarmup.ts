import { parseAmountEuros } from './amounts.js';
import { parseFrenchDate } from './dates.js';
import { parseEmail } from './email.js';
import { parseFrenchNumber, parseInteger } from './numbers.js';
import { parseFrenchPhone } from './phone.js';
import { parseSiret } from './siret.js';
import { isDontKnow, parseYesNo } from './yesNo.js';

// Our own parsers are fast, but their regular expressions are compiled on first use: run each once per path.
function exerciseOwnParsers(now: Date): void {
  for (const text of ['1 234,56', 'quatre-vingt-dix-neuf', 'environ 40', '12 ou 15', 'twelve']) {
    parseFrenchNumber(text);
    parseInteger(text, { locale: 'en' });
  }
  for (const text of [
    '250 000 €',
    '1,5 million d’euros',
    '30k€',
    'aucune',
    '12 $',
    'about 1.2 million euros',
  ]) {
    parseAmountEuros(text, { allowNone: true });
  }
  for (const text of [
    '12/03/2015',
    'le 15 janvier 2027',
    'fin mars',
    'dans trois mois',
    "l'an prochain",
    'lundi',
  ]) {
    parseFrenchDate(text, { now });
  }
  parseFrenchDate('March 15, 2027', { now, locale: 'en' });
  parseEmail('mon mail : jean.dupont@exemple.fr');
  parseFrenchPhone('+33 (0)6 12 34 56 78');
  parseSiret('732 829 320 00074');
  for (const text of ['oui merci', "pas d'accord", 'je ne sais pas', 'yes']) {
    parseYesNo(text);
    isDontKnow(text);
  }
}

/**
 * Our own parsers only (milliseconds): what the server warms before it says ready. No Microsoft recognizer is
 * called any more (the date fallback is gone, issue 19), so there is nothing slower to warm.
 */
export function warmUpParsers(): { ms: number } {
  const started = performance.now();
  exerciseOwnParsers(new Date(2026, 0, 15, 12));
  return { ms: Math.round(performance.now() - started) };
}

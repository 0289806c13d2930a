import { parseAmountEuros } from './amounts.js';
import { parseFrenchDate } from './dates.js';
import { parseEmail } from './email.js';
import { parseFrenchNumber, parseInteger } from './numbers.js';
import { parseFrenchPhone } from './phone.js';
import { recognizers } from './recognizers.js';
import { parseSiret } from './siret.js';
import { isDontKnow, parseYesNo } from './yesNo.js';

/**
 * The only Microsoft recognizer this module calls is the date-time one (fallback of parseFrenchDate). Its huge
 * regular expressions are compiled lazily, and many run only when an earlier one matched: the first call costs
 * seconds, and so does the first input of each new shape (a season, digit groups with spaces, a range…).
 * One input per common shape, in both cultures, makes later calls take milliseconds (measured: 3.3 to 8 s on a
 * 2-core machine, and about 50 MB of memory, then no call above 100 ms on 30 other phrasings).
 *
 * The server does NOT do this before it says ready (docs/benchmarks.md): it would break "ready within 3 s", and
 * the fallback is rarely reached (our own parser reads every common phrasing). It warms `warmUpParsers` only;
 * the first answer that reaches the fallback in a process pays the recognizer's start-up once.
 */
const DATE_TIME_SHAPES: Record<string, string[]> = {
  // Culture.French and Culture.English of the recognizers (read here without loading them).
  'fr-fr': [
    'le premier lundi de mars',
    'blabla',
    '12',
    '250 000 €',
    '1 234,56',
    '12/03',
    'le 15 à 14h30',
    'la semaine du 12 mars',
    "d'ici la fin de l'année prochaine",
    'pendant 3 ans',
    'noël',
    'au printemps',
    'en été 2027',
    '06 12 34 56 78',
    'quelque chose',
    'tous les lundis',
    'du 12 au 15 mars',
    'entre mars et juin',
    'les années 90',
    'ce week-end',
    'demain soir',
    'il y a deux semaines',
    'dans trois mois',
    'la veille',
    'le lendemain',
    'mi-juin',
    'fin mars',
    'début avril',
    'T1 2027',
    'le trimestre prochain',
  ],
  'en-us': [
    'the first monday of march',
    'blabla',
    '12',
    '250,000 €',
    'next friday at 2pm',
    'in two weeks',
    'in the spring',
    'every monday',
    'from the 12th to the 15th of March',
    'the nineties',
    'this weekend',
    'two weeks ago',
    'end of March',
  ],
};

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
    parseFrenchDate(text, { now, fallback: false });
  }
  parseFrenchDate('March 15, 2027', { now, locale: 'en', fallback: false });
  parseEmail('mon mail : jean.dupont@exemple.fr');
  parseFrenchPhone('+33 (0)6 12 34 56 78');
  parseSiret('732 829 320 00074');
  for (const text of ['oui merci', "pas d'accord", 'je ne sais pas', 'yes']) {
    parseYesNo(text);
    isDontKnow(text);
  }
}

function nextTick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Our own parsers only (milliseconds): what the server warms before it says ready. */
export function warmUpParsers(): { ms: number } {
  const started = performance.now();
  exerciseOwnParsers(new Date(2026, 0, 15, 12));
  return { ms: Math.round(performance.now() - started) };
}

/** Our parsers and the Microsoft date-time recognizer of the date fallback (seconds); yields between calls. */
export async function warmUpRecognizers(): Promise<{ ms: number }> {
  const started = performance.now();
  const reference = new Date(2026, 0, 15, 12);
  const { recognizeDateTime } = recognizers();
  for (const [culture, inputs] of Object.entries(DATE_TIME_SHAPES)) {
    for (const input of inputs) {
      recognizeDateTime(input, culture, undefined, reference);
      await nextTick(); // let the server answer health checks between slow calls
    }
  }
  exerciseOwnParsers(reference);
  return { ms: Math.round(performance.now() - started) };
}

import type { ParserLocale } from './locale.js';

// Words that make a value approximate: the value is kept but the bot must confirm it. Folded forms (no accents).
const FRENCH_HEDGES = [
  'environ',
  'env',
  'approximativement',
  'approx',
  'a peu pres',
  'a peu de choses pres',
  'a peu de chose pres',
  'grosso modo',
  'autour de',
  'autour du',
  'aux alentours de',
  'aux alentours du',
  'aux environs de',
  'aux environs du',
  'dans les',
  'pres de',
  'presque',
  'plus ou moins',
  'quelque',
  'a vue de nez',
  'a la louche',
  'en gros',
  'en moyenne',
  'vers',
  'pas loin de',
  'un peu plus de',
  'un peu moins de',
  'un peu plus',
  'un peu moins',
  'plus de',
  'moins de',
  'au moins',
  'au plus',
  'au maximum',
  'au minimum',
  'maximum',
  'minimum',
  'max',
  'min',
  "jusqu'a",
  "jusqu'au",
  'facilement',
  'a peine',
  'estime a',
  'estimee a',
  'probablement',
  'sans doute',
  'peut etre',
  'je pense',
  'je crois',
  'normalement',
  'en principe',
  'a priori',
  'ou plus',
  'ou moins',
];
const ENGLISH_HEDGES = [
  'about',
  'around',
  'approximately',
  'approx',
  'roughly',
  'nearly',
  'almost',
  'circa',
  'some',
  'more than',
  'less than',
  'at least',
  'at most',
  'up to',
  'over',
  'under',
  'or so',
  'give or take',
  'maybe',
  'probably',
  'i think',
  'max',
  'min',
  'maximum',
  'minimum',
];
// Dates have their own list: "dans" and "avant-hier" must survive, and "avant"/"après" only loosen a date.
const FRENCH_DATE_HEDGES = [
  'vers',
  'environ',
  'env',
  'a peu pres',
  'aux alentours de',
  'aux alentours du',
  'autour de',
  'autour du',
  'aux environs de',
  'aux environs du',
  'approximativement',
  'probablement',
  'sans doute',
  'peut etre',
  'peut-etre',
  'normalement',
  'en principe',
  'a priori',
  'je pense',
  'je crois',
  'avant',
  'apres',
  'au plus tard',
  'pas avant',
  "jusqu'a",
  "jusqu'au",
  'plus ou moins',
  'grosso modo',
  'en gros',
];
const ENGLISH_DATE_HEDGES = [
  'around',
  'about',
  'approximately',
  'roughly',
  'probably',
  'maybe',
  'i think',
  'before',
  'after',
  'by',
  'no later than',
  'at the latest',
];

function hedgePattern(phrases: readonly string[]): RegExp {
  // Longest first, so "un peu plus de" wins over "plus de".
  const alternatives = [...phrases].sort((a, b) => b.length - a.length).map((p) => p.replace(/ /g, '\\s+'));
  // "le maximum, 50 000 €" names the value itself, not a bound.
  return new RegExp(`(?<![\\p{L}\\d])(?<!\\ble )(?:${alternatives.join('|')})(?![\\p{L}])|[~≈±]`, 'gu');
}

const PATTERNS = {
  number: { fr: hedgePattern(FRENCH_HEDGES), en: hedgePattern(ENGLISH_HEDGES) },
  date: { fr: hedgePattern(FRENCH_DATE_HEDGES), en: hedgePattern(ENGLISH_DATE_HEDGES) },
};

/** Removes hedge words from folded text and tells whether there were any. */
export function stripHedges(
  folded: string,
  locale: ParserLocale,
  kind: 'number' | 'date' = 'number',
  /** What replaces a hedge: a space, or a mark that keeps its place ("6, peut-être 7" → "6, ≈ 7"). */
  mark = ' ',
): { text: string; hedged: boolean } {
  const pattern = PATTERNS[kind][locale];
  pattern.lastIndex = 0;
  if (!pattern.test(folded)) return { text: folded, hedged: false };
  return { text: folded.replace(pattern, mark), hedged: true };
}

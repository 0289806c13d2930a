/**
 * Deterministic reader for French number words ("quatre vingt dix neuf", "mille deux cents", "vingt et un").
 * Input words are folded (no accents, lower case) and hyphens are already split into separate words.
 * It follows French grammar closely enough to stop at the first word that cannot continue the number,
 * so "douze trois" reads as 12 followed by another number, never as 15.
 */

// Maps, not object literals: user words such as "constructor" must not hit Object.prototype.
const UNITS = new Map(
  Object.entries({ un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9 }),
);
const TEENS = new Map(
  Object.entries({ onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16 }),
);
// Septante / huitante / octante / nonante: Belgian and Swiss forms, cheap to accept.
const TENS = new Map(
  Object.entries({
    vingt: 20,
    trente: 30,
    quarante: 40,
    cinquante: 50,
    soixante: 60,
    septante: 70,
    huitante: 80,
    octante: 80,
    nonante: 90,
  }),
);
export const FRENCH_SCALES = new Map(
  Object.entries({ mille: 1e3, million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9 }),
);

/** "une quarantaine" ≈ 40: always an approximation. */
export const FRENCH_APPROXIMATE_NOUNS = new Map(
  Object.entries({
    dizaine: 10,
    douzaine: 12,
    quinzaine: 15,
    vingtaine: 20,
    trentaine: 30,
    quarantaine: 40,
    cinquantaine: 50,
    soixantaine: 60,
    centaine: 100,
    millier: 1_000,
  }),
);

export interface WordsRead {
  value: number;
  /** Index just after the last word used. */
  end: number;
  /** Largest scale word used ("million" → 1e6), so a caller can add "et demi" or a following group. */
  lastScale: number;
}

export function isFrenchNumberWord(word: string): boolean {
  return (
    UNITS.has(word) ||
    TEENS.has(word) ||
    TENS.has(word) ||
    FRENCH_SCALES.has(word) ||
    word === 'zero' ||
    word === 'dix' ||
    word === 'cent' ||
    word === 'cents' ||
    word === 'vingts'
  );
}

/** Reads the longest valid French number starting at `words[start]`, or undefined if none starts there. */
export function readFrenchWords(words: readonly string[], start: number): WordsRead | undefined {
  if (words[start] === 'zero') return { value: 0, end: start + 1, lastScale: 1 };
  let total = 0; // completed "mille" / "million" groups
  let hundreds = 0;
  let small = 0; // 0..99 under construction
  let previous = ''; // previous word, to check what may follow it
  let lastScale = Number.POSITIVE_INFINITY;
  let best: WordsRead | undefined;

  for (let i = start; i < words.length; i += 1) {
    const word = words[i];
    const afterTens = TENS.has(previous) || (previous === 'vingt' && small === 80) || previous === 'vingts';
    if (word === 'et') {
      // Only "vingt et un", "soixante et onze" …: "et" must be followed by un/une/onze.
      const next = words[i + 1];
      const joinsUnit = (next === 'un' || next === 'une') && small >= 20 && small % 10 === 0 && small !== 80;
      if (!(joinsUnit || (next === 'onze' && small === 60))) break;
      previous = word;
      continue;
    }
    if (UNITS.has(word)) {
      const unit = UNITS.get(word) ?? 0;
      const ok =
        (small === 0 && !UNITS.has(previous) && !TEENS.has(previous)) ||
        (afterTens && small % 10 === 0 && small >= 20 && previous !== 'et') ||
        (previous === 'et' && unit === 1) ||
        // dix-sept, soixante-dix-huit, quatre-vingt-dix-neuf
        (previous === 'dix' && unit >= 7 && small % 20 === 10);
      if (!ok) break;
      small += unit;
    } else if (word === 'dix') {
      if (!(small === 0 && !UNITS.has(previous)) && !(afterTens && (small === 60 || small === 80))) break;
      small += 10;
    } else if (TEENS.has(word)) {
      const ok =
        (small === 0 && !UNITS.has(previous)) ||
        (afterTens && (small === 60 || small === 80)) ||
        (previous === 'et' && small === 60 && word === 'onze');
      if (!ok) break;
      small += TEENS.get(word) ?? 0;
    } else if (word === 'vingt' || word === 'vingts') {
      // "quatre-vingt(s)" multiplies; otherwise "vingt" starts the tens.
      if (previous === 'quatre' && small % 100 === 4) small += 76;
      else if (small === 0 && word === 'vingt' && !UNITS.has(previous)) small = 20;
      else break;
    } else if (TENS.has(word)) {
      if (small !== 0 || UNITS.has(previous) || TEENS.has(previous)) break;
      small = TENS.get(word) ?? 0;
    } else if (word === 'cent' || word === 'cents') {
      // "douze cents" (1 200) is colloquial but common; "un cent" is not French.
      if (hundreds !== 0 || small >= 20 || small === 1) break;
      hundreds = (small || 1) * 100;
      small = 0;
    } else if (FRENCH_SCALES.has(word)) {
      const scale = FRENCH_SCALES.get(word) ?? 1;
      const group = hundreds + small;
      // "mille" takes no "un" and no plural; millions need a count ("un million", "deux millions").
      if (scale >= lastScale || (scale === 1_000 && previous === 'un')) break;
      if (scale > 1_000 && group === 0 && i === start) break;
      total += (group || 1) * scale;
      hundreds = 0;
      small = 0;
      lastScale = scale;
    } else {
      break;
    }
    previous = word;
    best = {
      value: total + hundreds + small,
      end: i + 1,
      lastScale: Number.isFinite(lastScale) ? lastScale : 1,
    };
  }
  return best;
}

import type { WordsRead } from './frenchNumberWords.js';

// English is the second locale: a compact additive reader is enough ("twelve", "two hundred and five").
const SMALL = new Map(
  Object.entries({
    zero: 0,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    thirteen: 13,
    fourteen: 14,
    fifteen: 15,
    sixteen: 16,
    seventeen: 17,
    eighteen: 18,
    nineteen: 19,
  }),
);
const TENS = new Map(
  Object.entries({
    twenty: 20,
    thirty: 30,
    forty: 40,
    fifty: 50,
    sixty: 60,
    seventy: 70,
    eighty: 80,
    ninety: 90,
  }),
);
export const ENGLISH_SCALES = new Map(
  Object.entries({ thousand: 1e3, million: 1e6, millions: 1e6, billion: 1e9, billions: 1e9 }),
);

export function isEnglishNumberWord(word: string): boolean {
  return (
    SMALL.has(word) || TENS.has(word) || ENGLISH_SCALES.has(word) || word === 'hundred' || word === 'dozen'
  );
}

export function readEnglishWords(words: readonly string[], start: number): WordsRead | undefined {
  let total = 0;
  let group = 0;
  let lastScale = Number.POSITIVE_INFINITY;
  let previous = '';
  let best: WordsRead | undefined;
  for (let i = start; i < words.length; i += 1) {
    const word = words[i];
    const small = SMALL.get(word);
    const tens = TENS.get(word);
    const scale = ENGLISH_SCALES.get(word);
    if (
      word === 'a' &&
      i === start &&
      (words[i + 1] === 'hundred' || ENGLISH_SCALES.has(words[i + 1] ?? ''))
    ) {
      group = 1;
    } else if (
      word === 'and' &&
      group >= 100 &&
      (SMALL.has(words[i + 1] ?? '') || TENS.has(words[i + 1] ?? ''))
    ) {
      previous = word;
      continue;
    } else if (small !== undefined) {
      if (group % 100 !== 0 && !(TENS.has(previous) && small < 10)) break;
      group += small;
    } else if (tens !== undefined) {
      if (group % 100 !== 0) break;
      group += tens;
    } else if (word === 'hundred') {
      if (group === 0 || group >= 10) break;
      group *= 100;
    } else if (word === 'dozen') {
      group = (group || 1) * 12;
    } else if (scale !== undefined) {
      if (scale >= lastScale || group === 0) break;
      total += group * scale;
      group = 0;
      lastScale = scale;
    } else {
      break;
    }
    previous = word;
    if (word !== 'a') {
      best = { value: total + group, end: i + 1, lastScale: Number.isFinite(lastScale) ? lastScale : 1 };
    }
  }
  return best;
}

// Invisible characters pasted from Word, PDFs or phones; they must not split or glue words.
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u02BC\u2032\u00B4`]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/g;
// Non-breaking hyphens and the minus sign, so that "soixante‑dix" and "−5" read like their ASCII forms.
const DASHES = /[\u2010-\u2013\u2212\uFE63\uFF0D]/g;
// JavaScript's \s already covers NBSP (U+00A0), narrow NBSP (U+202F), thin and other Unicode spaces.
const SPACES = /\s+/g;

/**
 * Canonical form of what a user typed: French typography (NBSP before "€" or ":", narrow NBSP as thousands
 * separator, curly apostrophes) becomes plain ASCII spacing and quotes; whitespace is collapsed and trimmed.
 */
export function normalizeFrench(text: string): string {
  return text
    .replace(ZERO_WIDTH, '')
    .replace(APOSTROPHES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(SPACES, ' ')
    .trim();
}

const COMBINING_MARKS = /\p{M}/gu;

/** Lower-case, accent-free form for keyword matching ("Néant" → "neant", "Août" → "aout", "œuvre" → "oeuvre"). */
export function foldForMatch(text: string): string {
  return normalizeFrench(text)
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

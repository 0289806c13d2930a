/**
 * French typography for locale sentences, as the Imprimerie nationale's rules have it: a narrow no-break space
 * (U+202F) before « ? ! ; », a no-break space (U+00A0) before « : » and inside « … », the typographic apostrophe
 * (U+2019). English keeps its own spacing and only gets typographic apostrophes.
 * Placeholders (`{{x}}`, `$t(key)`), URLs and e-mail addresses are never touched; times like 14:30 have no space.
 */
export type TypographyLocale = 'fr' | 'en';

export const NARROW_NBSP = '\u202F';
export const NBSP = '\u00A0';
export const APOSTROPHE = '\u2019';

/** Parts of a sentence that are code or addresses, not prose. */
const PROTECTED = /\{\{[^}]*\}\}|\$t\([^)]*\)|\bhttps?:\/\/[^\s«»]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|<[A-Z_]+>/g;

/** Splits a sentence into prose (even indexes) and protected parts (odd indexes). */
function split(text: string): string[] {
  const parts: string[] = [];
  let last = 0;
  for (const match of text.matchAll(PROTECTED)) {
    parts.push(text.slice(last, match.index), match[0]);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

const SPACES = '[ \\t\\u00A0\\u202F\\u2009]';

function frenchProse(prose: string): string {
  return prose
    .replace(/'/g, APOSTROPHE)
    .replace(new RegExp(`(?<!«)${SPACES}+(?=[?!;])`, 'g'), NARROW_NBSP)
    .replace(new RegExp(`(?<!«)${SPACES}+(?=:)`, 'g'), NBSP)
    .replace(new RegExp(`«${SPACES}*`, 'g'), `«${NBSP}`)
    .replace(new RegExp(`${SPACES}*»`, 'g'), `${NBSP}»`);
}

/** English: only the apostrophes of contractions and possessives ("don't", "company's", "partners'"). */
function englishProse(prose: string): string {
  return prose.replace(/(?<=[A-Za-zÀ-ÿ])'(?=[A-Za-zÀ-ÿ]|[\s,.;:!?)]|$)/g, APOSTROPHE);
}

/** The sentence with the locale's typography; applying it twice changes nothing. */
export function typeset(text: string, locale: TypographyLocale): string {
  const fix = locale === 'fr' ? frenchProse : englishProse;
  return split(text)
    .map((part, index) => (index % 2 === 0 ? fix(part) : part))
    .join('');
}

export type TypographyFault =
  'spaceBeforePunctuation' | 'spaceInsideGuillemets' | 'straightApostrophe' | 'missingSpaceInsideGuillemets';

/** What is wrong with a sentence's typography (empty when it is right). */
export function typographyFaults(text: string, locale: TypographyLocale): TypographyFault[] {
  const faults = new Set<TypographyFault>();
  split(text).forEach((part, index) => {
    if (index % 2 === 1) return;
    if (locale === 'en') {
      if (englishProse(part) !== part) faults.add('straightApostrophe');
      return;
    }
    if (/[ \t\u2009][?!;:]/.test(part)) faults.add('spaceBeforePunctuation');
    if (/«[ \t\u2009]|[ \t\u2009]»/.test(part)) faults.add('spaceInsideGuillemets');
    if (/«[^\u00A0\u202F]|[^\u00A0\u202F]»/.test(part)) faults.add('missingSpaceInsideGuillemets');
    if (part.includes("'")) faults.add('straightApostrophe');
  });
  return [...faults];
}

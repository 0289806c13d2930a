/**
 * The structure of NAF rév. 2 codes: sections, divisions, reading a code from text. No programme rule here,
 * so that the programme settings (which name sections) and the sector rules (naf.ts) both build on it.
 */
/** NAF rév. 2 sections. T (households as employers) and U (extraterritorial bodies) exist too: default rule. */
export const NAF_SECTIONS = [
  'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U',
] as const; // prettier-ignore
export type NafSection = (typeof NAF_SECTIONS)[number];

/** First and last division of each section; NAF rév. 2 has no division outside these ranges. */
const SECTION_DIVISIONS: ReadonlyArray<readonly [NafSection, number, number]> = [
  ['A', 1, 3], ['B', 5, 9], ['C', 10, 33], ['D', 35, 35], ['E', 36, 39], ['F', 41, 43], ['G', 45, 47],
  ['H', 49, 53], ['I', 55, 56], ['J', 58, 63], ['K', 64, 66], ['L', 68, 68], ['M', 69, 75], ['N', 77, 82],
  ['O', 84, 84], ['P', 85, 85], ['Q', 86, 88], ['R', 90, 93], ['S', 94, 96], ['T', 97, 98], ['U', 99, 99],
]; // prettier-ignore

/** The section of a two-digit division ('25' → 'C'); undefined for a number that is no NAF division ('83'). */
export function sectionOfDivision(division: string): NafSection | undefined {
  if (!/^\d{2}$/.test(division)) return undefined;
  const number = Number(division);
  return SECTION_DIVISIONS.find(([, first, last]) => number >= first && number <= last)?.[0];
}

export type NafCodeParse = { ok: true; code: string; division: string; section: NafSection } | { ok: false };

/**
 * Finds a NAF/APE code in what the user typed: `25.62B`, `2562B`, `25.62b`, `25 62 B`, "code NAF 2562B".
 * The letter is required (it is part of the code), and so is a real division.
 */
export function parseNafCode(text: string): NafCodeParse {
  const [first] = nafCodesIn(text);
  return first ?? { ok: false };
}

const NAF_CODE = /(?<!\d)(\d{2})\s*[.,\s-]?\s*(\d{2})\s*([a-z])(?![a-z])/gi;

/** Every distinct NAF code in a text, in order ("62.01Z ou 62.02A" gives two). */
export function nafCodesIn(text: string): Extract<NafCodeParse, { ok: true }>[] {
  const codes: Extract<NafCodeParse, { ok: true }>[] = [];
  for (const [, division, rest, letter] of text.normalize('NFC').matchAll(NAF_CODE)) {
    const section = sectionOfDivision(division);
    const code = `${division}.${rest}${letter.toUpperCase()}`;
    if (section !== undefined && !codes.some((c) => c.code === code)) {
      codes.push({ ok: true, code, division, section });
    }
  }
  return codes;
}

/** The section of a stored NAF code ('25.62B' → 'C'), for a field asked only in some sectors; else undefined. */
export function nafSectionOf(code: unknown): NafSection | undefined {
  if (typeof code !== 'string') return undefined;
  const parsed = parseNafCode(code);
  return parsed.ok ? parsed.section : undefined;
}

/**
 * Bidirectional controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, LRM, RLM, ALM): invisible characters
 * that reorder what is shown, so `gnp.exe` can read as `exe.png` and a name can hide another. Nobody needs
 * them to write a French application: they are removed from what applicants type and from what is shown.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function stripBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

const MAX_DEPTH = 20;

/** The same value with every string inside (object values and array items, not keys) stripped. */
export function stripBidiDeep<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return stripBidi(value) as T;
  if (depth >= MAX_DEPTH || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => stripBidiDeep(item, depth + 1)) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    copy[key] = stripBidiDeep(item, depth + 1);
  }
  return copy as T;
}

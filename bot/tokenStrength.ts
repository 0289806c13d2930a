/** The shortest COMMITTEE_TOKEN accepted: 32 characters, e.g. `openssl rand -hex 32` gives 64. */
export const MIN_TOKEN_LENGTH = 32;
/** Below this estimate (bits) a token is refused as guessable, whatever its length. */
const MIN_ENTROPY_BITS = 96;
const MIN_DISTINCT_CHARACTERS = 10;

/** Shannon entropy of the token's own characters, times its length: a rough upper bound of its strength. */
export function estimatedEntropyBits(token: string): number {
  const counts = new Map<string, number>();
  for (const char of token) counts.set(char, (counts.get(char) ?? 0) + 1);
  const length = [...token].length;
  let perChar = 0;
  for (const count of counts.values()) {
    const p = count / length;
    perChar -= p * Math.log2(p);
  }
  return perChar * length;
}

/** True when the token is a shorter piece repeated (`abcabcabc…`). */
function isRepeated(token: string): boolean {
  for (let period = 1; period <= token.length / 2; period += 1) {
    if (token.length % period === 0 && token.slice(0, period).repeat(token.length / period) === token) {
      return true;
    }
  }
  return false;
}

/** True when most neighbours follow each other on the keyboard of character codes (`abcdef…`, `0123…`). */
function isMostlySequential(token: string): boolean {
  let steps = 0;
  for (let i = 1; i < token.length; i += 1) {
    if (Math.abs(token.charCodeAt(i) - token.charCodeAt(i - 1)) <= 1) steps += 1;
  }
  return steps >= (token.length - 1) / 2;
}

/**
 * Why a token is too weak to guard the committee's files, or undefined when it is fine. The reason never
 * contains the token: it is a secret, and start-up messages end up in logs.
 */
export function tokenWeakness(token: string): string | undefined {
  if (token.length < MIN_TOKEN_LENGTH) {
    return `is too short (${token.length} characters): use at least ${MIN_TOKEN_LENGTH} random characters`;
  }
  const distinct = new Set(token).size;
  if (
    distinct < MIN_DISTINCT_CHARACTERS ||
    isRepeated(token) ||
    isMostlySequential(token) ||
    estimatedEntropyBits(token) < MIN_ENTROPY_BITS
  ) {
    return `is too easy to guess (${distinct} different characters, repeated or in sequence): use random characters`;
  }
  return undefined;
}

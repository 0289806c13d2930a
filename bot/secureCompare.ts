import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * True when two secrets are equal, in a time that tells an attacker nothing: both are hashed first, so that
 * timingSafeEqual compares buffers of the same length and not even the length of the secret leaks.
 */
export function secureCompare(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

import { createHash, randomInt } from 'node:crypto';
import type { Storage } from 'botbuilder';

/** Whose draft a resume code opens: the bot-state key of the owner's user state. */
export interface ResumeOwner {
  stateKey: string;
}

interface StoredCode extends ResumeOwner {
  createdAt: string;
  expiresAt: string;
}

export const RESUME_CODE_HOURS = 24;
// No 0/O, 1/I/L, as the advisors' handover codes: read on one screen, typed on another.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const GROUP = '[A-HJKMNP-Z2-9]{4}';
// Three groups (about 59 bits), where a handover code has two: the two never look alike.
const CODE_SHAPE = new RegExp(`^(${GROUP})[-\\s]?(${GROUP})[-\\s]?(${GROUP})$`);

/** "k7m4 p2xq 9hjr", "K7M4-P2XQ-9HJR" → "K7M4-P2XQ-9HJR"; anything else → undefined. */
export function resumeCodeIn(text: string): string | undefined {
  const match = text.trim().toUpperCase().replace(/\s+/g, ' ').match(CODE_SHAPE);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

function newCode(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${group()}-${group()}-${group()}`;
}

/** Codes are stored under a hash: whoever reads the bot state learns no code that still works. */
const digest = (value: string): string => createHash('sha256').update(value).digest('hex');
const codeKey = (code: string) => `alize/resumeCodes/code/${digest(code)}`;
const ownerKey = (owner: ResumeOwner) => `alize/resumeCodes/owner/${digest(owner.stateKey)}`;

/**
 * The owner's resume codes, in the bot's Storage (lowdb files or Azure blobs): one live code per owner (a new
 * one replaces it), single use, expiring after RESUME_CODE_HOURS. The code itself is never stored nor logged.
 */
export class ResumeCodeStore {
  constructor(private readonly storage: Storage) {}

  async issue(owner: ResumeOwner, now: Date): Promise<{ code: string; expiresAt: Date }> {
    await this.revoke(owner);
    const code = newCode();
    const expiresAt = new Date(now.getTime() + RESUME_CODE_HOURS * 3600 * 1000);
    const stored: StoredCode = { ...owner, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() };
    await this.storage.write({
      [codeKey(code)]: { ...stored, eTag: '*' },
      [ownerKey(owner)]: { codeKey: codeKey(code), eTag: '*' },
    });
    return { code, expiresAt };
  }

  /** The owner the code opens, and the code is gone; undefined when unknown, used or expired. */
  async claim(code: string, now: Date): Promise<ResumeOwner | undefined> {
    const key = codeKey(code);
    const found = (await this.storage.read([key]))[key] as StoredCode | undefined;
    if (!found) return undefined;
    await this.storage.delete([key, ownerKey(found)]);
    return found.expiresAt > now.toISOString() ? { stateKey: found.stateKey } : undefined;
  }

  /** The owner's live code stops working (a new one, or erasure). */
  async revoke(owner: ResumeOwner): Promise<void> {
    const index = ownerKey(owner);
    const found = (await this.storage.read([index]))[index] as { codeKey?: string } | undefined;
    await this.storage.delete(found?.codeKey ? [found.codeKey, index] : [index]);
  }
}

/** Retention: expired resume codes (a state key each) are deleted by `committee purge`; returns how many. */
export async function purgeExpiredResumeCodes(
  storage: Storage,
  keys: AsyncIterable<string>,
  now: Date,
  options: { dryRun?: boolean } = {},
): Promise<number> {
  let expired = 0;
  for await (const key of keys) {
    if (!key.startsWith('alize/resumeCodes/code/')) continue;
    const found = (await storage.read([key]))[key] as StoredCode | undefined;
    if (!found || found.expiresAt > now.toISOString()) continue;
    expired += 1;
    if (!options.dryRun) await storage.delete([key, ownerKey(found)]);
  }
  return expired;
}

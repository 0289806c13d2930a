import { randomInt } from 'node:crypto';
import type { Storage } from 'botbuilder';
import type { EligibilityRecord } from './userProfile.js';

/** A pre-screen an advisor hands over to a company: claimed once with its code, then gone. */
export interface Handover {
  code: string;
  advisorId: string;
  eligibility: EligibilityRecord;
  createdAt: string;
  expiresAt: string;
}

export const HANDOVER_DAYS = 30;
// No 0/O, 1/I/L: a code read over the phone must not be mistyped.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_SHAPE = /^([A-HJKMNP-Z2-9]{4})-?([A-HJKMNP-Z2-9]{4})$/;

const keyOf = (code: string) => `handovers/${code}`;

/** "k7m4 p2xq", "K7M4-P2XQ" → "K7M4-P2XQ"; anything else → undefined. */
export function handoverCodeIn(text: string): string | undefined {
  const match = text.trim().toUpperCase().replace(/\s+/g, '-').match(CODE_SHAPE);
  return match ? `${match[1]}-${match[2]}` : undefined;
}

function newCode(): string {
  const pick = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${pick()}-${pick()}`;
}

/** Handovers live in the bot's own Storage (lowdb files or Azure blobs), like conversation state. */
export class HandoverStore {
  constructor(private readonly storage: Storage) {}

  async create(advisorId: string, eligibility: EligibilityRecord, now: Date): Promise<Handover> {
    const expires = new Date(now.getTime() + HANDOVER_DAYS * 24 * 3600 * 1000);
    const handover: Handover = {
      code: newCode(),
      advisorId,
      eligibility,
      createdAt: now.toISOString(),
      expiresAt: expires.toISOString(),
    };
    await this.storage.write({ [keyOf(handover.code)]: { ...handover, eTag: '*' } });
    return handover;
  }

  /** Returns the handover and deletes it, or undefined when unknown or expired. */
  async claim(code: string, now: Date): Promise<Handover | undefined> {
    const key = keyOf(code);
    const found = (await this.storage.read([key]))[key] as Handover | undefined;
    if (!found) return undefined;
    await this.storage.delete([key]);
    return found.expiresAt > now.toISOString() ? found : undefined;
  }
}

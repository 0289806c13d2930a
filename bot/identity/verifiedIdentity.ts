import type { TurnContext } from 'botbuilder';

/**
 * Who the server itself verified as speaking in this turn. Nothing the client sends can set it: it is
 * put in the turn state by the server, from a Bot Framework JWT (Teams), from an Entra ID sign-in bound to a
 * Direct Line conversation (web page), or from a loopback request with ADVISOR_LOCAL=1 (local use).
 * Advisor rights are granted from this only, never from `activity.from`.
 */
export interface VerifiedIdentity {
  /** Where the proof came from. */
  source: 'teams' | 'web-signin' | 'local';
  /** Microsoft Entra object id (`oid`), when the proof carries one. */
  objectId?: string;
  /** Entra tenant id (`tid`), when the proof carries one. */
  tenantId?: string;
  /** Entra group ids from the token's `groups` claim, when present. */
  groups?: readonly string[];
}

const VERIFIED_IDENTITY = Symbol('alize.verifiedIdentity');

export function setVerifiedIdentity(context: TurnContext, identity: VerifiedIdentity): void {
  context.turnState.set(VERIFIED_IDENTITY, Object.freeze({ ...identity }));
}

export function verifiedIdentityOf(context: TurnContext): VerifiedIdentity | undefined {
  return context.turnState.get(VERIFIED_IDENTITY) as VerifiedIdentity | undefined;
}

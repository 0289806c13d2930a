import type { TurnContext } from 'botbuilder';
import { AuthenticationConstants, type ClaimsIdentity } from 'botframework-connector';
import type { Request } from 'restify';
import type { VerifiedIdentity } from './verifiedIdentity.js';

export interface RequestIdentityPolicy {
  /** MicrosoftAppId is set: the request's Bot Framework token was validated before the turn started. */
  authRequired: boolean;
  /** The issuer of tokens the channels (Teams) sign: only those prove a Teams user. */
  channelIssuer: string;
  /** ADVISOR_LOCAL=1 (only allowed without MicrosoftAppId). */
  advisorLocal: boolean;
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/** A reverse proxy's headers: the request is someone else's, whatever address it comes from. */
export const isRelayed = (req: Request): boolean =>
  Boolean(req.header('x-forwarded-for') || req.header('forwarded') || req.header('x-real-ip'));

/** This machine speaking directly: a loopback address and no sign of a proxy relaying someone else. */
export function isLoopbackRequest(req: Request): boolean {
  return !isRelayed(req) && LOOPBACK.test(req.socket?.remoteAddress ?? '');
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/**
 * Who /api/messages verified, for the turn state (bot/identity/verifiedIdentity.ts):
 * - with MicrosoftAppId, a Teams activity whose token the channel signed (validated by the adapter, issuer
 *   checked here): the sender's Entra object id and tenant, which the authenticated channel vouches for;
 * - without it, with ADVISOR_LOCAL=1, a loopback request: the id it gives, on the operator's word;
 * - anything else: nobody, whatever `from` says.
 */
export function identityOfRequest(
  context: TurnContext,
  req: Request,
  policy: RequestIdentityPolicy,
): VerifiedIdentity | undefined {
  const { activity } = context;
  if (policy.authRequired) {
    const claims = context.turnState.get(context.adapter.BotIdentityKey) as ClaimsIdentity | undefined;
    const issuer = claims?.getClaimValue(AuthenticationConstants.IssuerClaim);
    if (!claims?.isAuthenticated || issuer !== policy.channelIssuer) return undefined;
    if (activity.channelId !== 'msteams') return undefined;
    const objectId = text(activity.from?.aadObjectId);
    const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
    const tenantId = text(channelData?.tenant?.id) ?? text(activity.conversation?.tenantId);
    if (!objectId) return undefined;
    return { source: 'teams', objectId, ...(tenantId ? { tenantId } : {}) };
  }
  if (!policy.advisorLocal || !isLoopbackRequest(req)) return undefined;
  const id = text(activity.from?.id);
  return id ? { source: 'local', objectId: id } : undefined;
}

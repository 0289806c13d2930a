import type { TurnContext } from 'botbuilder';
import { AppCredentials, AuthenticationConstants, type ClaimsIdentity } from 'botframework-connector';

/** The channels Azure's Direct Line speaks as: Web Chat on the page, and Direct Line clients. */
export const DIRECT_LINE_CHANNELS: readonly string[] = ['webchat', 'directline'];

/**
 * The claims of a turn whose channel token the adapter validated (MicrosoftAppId set, issuer the Bot Framework
 * channels'), otherwise undefined. The local Direct Line's in-process turns carry no issuer: never these.
 */
export function channelClaims(context: TurnContext, authRequired: boolean): ClaimsIdentity | undefined {
  if (!authRequired) return undefined;
  const claims = context.turnState.get(context.adapter.BotIdentityKey) as ClaimsIdentity | undefined;
  const issuer = claims?.getClaimValue(AuthenticationConstants.IssuerClaim);
  return claims?.isAuthenticated === true && issuer === AuthenticationConstants.ToBotFromChannelTokenIssuer
    ? claims
    : undefined;
}

/**
 * The origin of the serviceUrl the channel signed (the token's `serviceurl` claim, which the adapter checked
 * against the activity's): the Direct Line service that sent this turn, and so the one that holds its uploads.
 */
export function signedServiceOrigin(context: TurnContext, claims: ClaimsIdentity): string | undefined {
  const claimed = claims.getClaimValue(AuthenticationConstants.ServiceUrlClaim);
  const sent = context.activity.serviceUrl;
  const origin = (raw: string | null | undefined): string | undefined => {
    if (!raw) return undefined;
    try {
      return new URL(raw).origin;
    } catch {
      return undefined;
    }
  };
  const signed = origin(claimed);
  return signed && signed === origin(sent) ? signed : undefined;
}

/**
 * The bot's own Bearer token for the channel, from the turn's ConnectorClient (CloudAdapter builds it with the
 * bot's credentials: password, certificate or managed identity), as it would use to reply.
 */
export async function botBearerToken(context: TurnContext): Promise<string | undefined> {
  const connector = context.turnState.get(context.adapter.ConnectorClientKey) as
    { credentials?: unknown } | undefined;
  const credentials = connector?.credentials;
  return credentials instanceof AppCredentials ? credentials.getToken() : undefined;
}

/**
 * DIRECT_LINE_ATTACHMENT_HOSTS entries: a host name (`europe.directline.botframework.com`) or a suffix pattern
 * (`*.blob.core.windows.net`, any host under it, not the suffix itself).
 */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const name = host.toLowerCase();
  return allowed.some((entry) =>
    entry.startsWith('*.') ? name.endsWith(entry.slice(1)) && name.length > entry.length - 1 : name === entry,
  );
}

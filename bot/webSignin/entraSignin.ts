import * as client from 'openid-client';
import type { PendingSignin } from './advisorSessions.js';
import type { WebSigninConfig } from './signinConfig.js';

/** Why a callback was refused; each has its own French page (locales web:signin.error.*). */
export type SigninFailure = 'expired' | 'denied' | 'rejected' | 'tenant' | 'unavailable';

export class SigninError extends Error {
  constructor(
    readonly failure: SigninFailure,
    readonly detail: string,
  ) {
    super(`${failure}: ${detail}`);
    this.name = 'SigninError';
  }
}

/** What the ID token proved about the person who signed in. */
export interface SignedInClaims {
  objectId: string;
  tenantId?: string;
  groups: string[];
  displayName: string;
}

const USER_REFUSALS = new Set([
  'access_denied',
  'consent_required',
  'login_required',
  'interaction_required',
]);

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * The OpenID Connect client of the advisors' sign-in (openid-client): authorization code with PKCE (S256),
 * state and nonce, the ID token's signature checked against the provider's JWKS, as well as its issuer,
 * audience, expiry and nonce; then the Entra tenant. The provider's metadata is read on first use and kept.
 */
export class EntraSignin {
  private configuration?: Promise<client.Configuration>;

  constructor(
    private readonly config: WebSigninConfig,
    private readonly redirectUrl: () => string,
  ) {}

  /** The provider's authorization URL for a new sign-in, and what the callback will need to check it. */
  async start(): Promise<{ url: URL; pending: Omit<PendingSignin, 'createdAt'> }> {
    const configuration = await this.discover();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUrl(),
      scope: 'openid profile',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, pending: { state, nonce, codeVerifier } };
  }

  /** Exchanges the callback's code and checks everything; throws a SigninError when anything is off. */
  async finish(query: URLSearchParams, pending: PendingSignin): Promise<SignedInClaims> {
    const configuration = await this.discover();
    // The URL the provider was told to come back to, with the callback's parameters: never the Host header.
    const currentUrl = new URL(this.redirectUrl());
    currentUrl.search = query.toString();
    let claims: client.IDToken | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (error) {
      if (error instanceof client.AuthorizationResponseError) {
        // The person said no (or could not sign in); anything else is a faulty request or configuration.
        const refusal = USER_REFUSALS.has(error.error);
        throw new SigninError(refusal ? 'denied' : 'rejected', error.error);
      }
      if (error instanceof client.ResponseBodyError) throw new SigninError('rejected', error.error);
      const code = (error as { code?: unknown }).code;
      throw new SigninError('rejected', typeof code === 'string' ? code : 'invalid_response');
    }
    const objectId = text(claims?.oid);
    if (!claims || !objectId) throw new SigninError('rejected', 'no oid claim');
    const tenantId = text(claims.tid);
    if (this.config.tenantId !== '' && tenantId?.toLowerCase() !== this.config.tenantId.toLowerCase()) {
      throw new SigninError('tenant', 'tid is not MicrosoftAppTenantId');
    }
    const groups = Array.isArray(claims.groups)
      ? claims.groups.filter((g): g is string => typeof g === 'string')
      : [];
    const displayName = text(claims.name) ?? text(claims.preferred_username) ?? '';
    return { objectId, ...(tenantId ? { tenantId } : {}), groups, displayName: displayName.slice(0, 100) };
  }

  private discover(): Promise<client.Configuration> {
    if (!this.configuration) {
      const issuer = new URL(this.config.issuer);
      const auth = this.config.clientSecret
        ? client.ClientSecretPost(this.config.clientSecret)
        : client.None();
      const execute = [client.enableNonRepudiationChecks];
      // Plain HTTP is accepted by the configuration for a provider on this machine only (tests, local use).
      if (issuer.protocol === 'http:') execute.push(client.allowInsecureRequests);
      this.configuration = client
        .discovery(issuer, this.config.clientId, undefined, auth, { execute, timeout: 10 })
        .catch((error: unknown) => {
          this.configuration = undefined; // tried again on the next sign-in
          throw new SigninError('unavailable', String(error));
        });
    }
    return this.configuration;
  }
}

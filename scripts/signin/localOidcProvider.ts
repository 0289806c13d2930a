import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

/** A person who can sign in at the local provider, by typing their login (any password). */
export interface TestAccount {
  login: string;
  oid: string;
  tid: string;
  name: string;
  groups?: string[];
}

export interface LocalOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registers the app's callback once the app listens (its port is only known then). */
  allowRedirect: (redirectUrl: string) => void;
  close: () => Promise<void>;
}

/**
 * A real OpenID Connect provider (panva's oidc-provider, as certified) on loopback, standing in for Microsoft
 * Entra ID: authorization code with PKCE required, ID tokens signed with its own keys and published in its
 * JWKS, Entra's `oid`, `tid` and `groups` claims. Its development login form takes any password. Used by the
 * tests and by `npm run signin:local`; a dev dependency, never part of the server.
 */
export async function startOidcProvider(
  accounts: TestAccount[],
  listen: { host: string; port: number } = { host: '127.0.0.1', port: 0 },
): Promise<LocalOidcProvider> {
  let handler: http.RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, resolve);
  });
  const issuer = `http://${listen.host}:${(server.address() as AddressInfo).port}`;
  const clientId = 'alize-test-client';
  const clientSecret = 'a-test-client-secret-that-is-long-enough-0123456789';

  // The provider's own signing key, published at its jwks_uri; the app checks ID tokens against it.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key-1', alg: 'RS256', use: 'sig' };
  const byLogin = new Map(accounts.map((a) => [a.login, a]));
  const configuration = (redirectUrl: string): Configuration => ({
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUrl],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [signingKey] },
    pkce: { required: () => true },
    claims: { openid: ['sub', 'oid', 'tid', 'groups'], profile: ['name'] },
    // Entra puts its claims in the ID token itself.
    conformIdTokenClaims: false,
    findAccount: async (_ctx: KoaContextWithOIDC, id: string) => {
      const account = byLogin.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: async () => ({
          sub: account.oid,
          oid: account.oid,
          tid: account.tid,
          name: account.name,
          ...(account.groups ? { groups: account.groups } : {}),
        }),
      };
    },
    // A first-party app: no consent screen, as with an Entra app the tenant's admin consented to.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const session = ctx.oidc.session;
      const client = ctx.oidc.client;
      if (!session?.accountId || !client) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid profile');
      await grant.save();
      return grant;
    },
    features: { devInteractions: { enabled: true } },
  });

  return {
    issuer,
    clientId,
    clientSecret,
    allowRedirect: (redirectUrl: string) => {
      const provider = new Provider(issuer, configuration(redirectUrl));
      handler = provider.callback();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

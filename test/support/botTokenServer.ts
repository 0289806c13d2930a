import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AppCredentials,
  AuthenticationConstants,
  type AuthenticatorResult,
  type ServiceClientCredentials,
  ServiceClientCredentialsFactory,
} from 'botframework-connector';

export interface BotTokenServer {
  /** For startTestServer's overrides: the bot's credentials ask this server for their token. */
  credentials: ServiceClientCredentialsFactory;
  /** The access tokens handed out so far: what a channel service should accept as the bot's. */
  issued: string[];
  close: () => Promise<void>;
}

/**
 * Entra ID's token endpoint, on loopback (MSAL only speaks to https authorities): a client-credentials grant
 * for the bot's app id and secret returns a random access token. The credentials the adapter builds with it are
 * the SDK's own AppCredentials (cache included); only where the token comes from differs from production.
 */
export async function startBotTokenServer(appId: string, appPassword: string): Promise<BotTokenServer> {
  const issued: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      const granted =
        req.method === 'POST' &&
        req.url === '/oauth2/v2.0/token' &&
        form.get('grant_type') === 'client_credentials' &&
        form.get('client_id') === appId &&
        form.get('client_secret') === appPassword;
      if (!granted) {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid_client"}');
        return;
      }
      const token = randomBytes(24).toString('base64url');
      issued.push(token);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ token_type: 'Bearer', expires_in: 3600, access_token: token }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const tokenUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oauth2/v2.0/token`;

  class LoopbackCredentials extends AppCredentials {
    constructor(audience: string | undefined) {
      super(appId, undefined, audience ?? AuthenticationConstants.ToChannelFromBotOAuthScope);
      // The SDK's token cache is process-wide: a token of another test's server must not be reused.
      this.tokenCacheKey = `${tokenUrl}-${randomUUID()}`;
    }

    protected async refreshToken(): Promise<AuthenticatorResult> {
      const response = await fetch(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: appId,
          client_secret: appPassword,
          scope: `${this.oAuthScope}/.default`,
        }),
      });
      if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
      const body = (await response.json()) as { access_token: string; expires_in: number };
      return { accessToken: body.access_token, expiresOn: new Date(Date.now() + body.expires_in * 1000) };
    }
  }

  class LoopbackCredentialsFactory extends ServiceClientCredentialsFactory {
    async isValidAppId(candidate: string): Promise<boolean> {
      return candidate === appId;
    }
    async isAuthenticationDisabled(): Promise<boolean> {
      return false;
    }
    async createCredentials(_appId: string, audience: string | undefined): Promise<ServiceClientCredentials> {
      return new LoopbackCredentials(audience);
    }
  }

  return {
    credentials: new LoopbackCredentialsFactory(),
    issued,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

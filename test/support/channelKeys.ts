import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The issuer of the tokens Bot Framework channels (Teams) sign for a bot. */
export const CHANNEL_ISSUER = 'https://api.botframework.com';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function newSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: randomUUID(), privateKey, publicKey };
}

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An RS256 JWT, as the Bot Connector service signs the requests it sends to a bot. */
export function signJwt(key: SigningKey, claims: Record<string, unknown>): string {
  const input = `${b64url({ alg: 'RS256', typ: 'JWT', kid: key.kid })}.${b64url(claims)}`;
  const signature = createSign('RSA-SHA256').update(input).sign(key.privateKey).toString('base64url');
  return `${input}.${signature}`;
}

export interface ChannelKeyServer {
  /** For botframework-connector's ToBotFromChannelOpenIdMetadataUrl. */
  metadataUrl: string;
  /** The key the server publishes; `signJwt(keys.key, …)` makes tokens the bot accepts. */
  key: SigningKey;
  /** A channel token for the bot (`aud`), for this serviceUrl, valid for an hour unless told otherwise. */
  channelToken: (appId: string, serviceUrl: string, overrides?: Record<string, unknown>) => string;
  close: () => Promise<void>;
}

/**
 * The channel's OpenID metadata and JWKS, on loopback: what login.botframework.com publishes for the real
 * channels, with one RSA key endorsed for Microsoft Teams (or the channels given: `webchat` for Azure's Direct
 * Line). The bot's own JWT validation fetches and checks it.
 */
export async function startChannelKeyServer(
  endorsements: readonly string[] = ['msteams'],
): Promise<ChannelKeyServer> {
  const key = newSigningKey();
  const jwk = {
    ...key.publicKey.export({ format: 'jwk' }),
    kid: key.kid,
    use: 'sig',
    endorsements: [...endorsements],
  };
  let base = '';
  const server = http.createServer((req, res) => {
    const send = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/v1/.well-known/openidconfiguration') {
      send({
        issuer: CHANNEL_ISSUER,
        authorization_endpoint: `${base}/v1/authorize`,
        jwks_uri: `${base}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    } else if (req.url === '/v1/.well-known/keys') {
      send({ keys: [jwk] });
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    key,
    channelToken: (appId, serviceUrl, overrides = {}) => {
      const now = Math.floor(Date.now() / 1000);
      return signJwt(key, {
        iss: CHANNEL_ISSUER,
        aud: appId,
        serviceurl: serviceUrl,
        nbf: now - 60,
        iat: now - 60,
        exp: now + 3600,
        ...overrides,
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

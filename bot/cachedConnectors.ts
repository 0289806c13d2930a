import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import {
  AuthenticationConstants,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import { LruCache } from '../storage/lruCache.js';

/** Bot identities × channel service URLs × audiences: a handful in practice, bounded all the same. */
const CLIENTS_KEPT = 100;

/** The bot's app id a connector speaks as, read as botframework-connector reads it (audience, then appid). */
function appIdOf(claims: ClaimsIdentity): string {
  return (
    claims.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    claims.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}

/** Keeps a cache entry only while its client could be built: a failure is retried on the next turn. */
function remembered<T>(cache: LruCache<Promise<T>>, key: string, build: () => Promise<T>): Promise<T> {
  const kept = cache.get(key);
  if (kept) return kept;
  const built = build();
  cache.set(key, built);
  built.catch(() => {
    if (cache.get(key) === built) cache.delete(key);
  });
  return built;
}

/** Hands out one ConnectorClient per (bot id, service URL, audience) instead of a new one per call. */
class CachedConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly clients: LruCache<Promise<ConnectorClient>>,
  ) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = JSON.stringify([this.appId, serviceUrl, audience ?? null]);
    return remembered(this.clients, key, () => this.inner.create(serviceUrl, audience));
  }
}

/**
 * ConfigurationBotFrameworkAuthentication whose connector and user-token clients are kept between turns.
 * CloudAdapter otherwise builds both for every activity (a ServiceClient, its HTTP pipeline, its policies: about
 * a tenth of a turn's allocation), although a reply asked with expectReplies never uses them. The clients hold
 * no per-turn state (a base URL, the credentials, which renew their own token), as BotFrameworkAdapter's own
 * cache of connector clients already assumed.
 */
export class CachedConnectorsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new LruCache<Promise<ConnectorClient>>(CLIENTS_KEPT);
  private readonly userTokens = new LruCache<Promise<UserTokenClient>>(CLIENTS_KEPT);

  override async authenticateRequest(
    activity: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>[0],
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    return this.withCachedFactory(await super.authenticateRequest(activity, authHeader));
  }

  override async authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    return this.withCachedFactory(await super.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.cached(super.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return remembered(this.userTokens, appIdOf(claimsIdentity), () =>
      super.createUserTokenClient(claimsIdentity),
    );
  }

  private withCachedFactory(result: AuthenticateRequestResult): AuthenticateRequestResult {
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: this.cached(result.connectorFactory, result.claimsIdentity) };
  }

  private cached(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new CachedConnectorFactory(factory, appIdOf(claimsIdentity), this.connectors);
  }
}

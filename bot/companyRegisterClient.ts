import {
  queryKey,
  readRegisterResponse,
  type CompanyRegister,
  type LookupOutcome,
  type RegisterQuery,
} from '../dialogs/domain/companyRegister.js';
import { LruCache } from '../storage/lruCache.js';
import type { Logger } from './logger.js';

/** The State's public API Recherche d'entreprises (no key needed). */
export const DEFAULT_COMPANY_LOOKUP_URL = 'https://recherche-entreprises.api.gouv.fr';
/** The ceiling: an owner never waits longer than this for the register. */
export const COMPANY_LOOKUP_TIMEOUT_MS = 3000;
const CACHE_ENTRIES = 200;
const CACHE_MS = 60 * 60 * 1000;
/** Five results are enough to offer "the few best" for a name; one is what a SIRET finds. */
const PER_PAGE = 5;

export interface CompanyRegisterClientOptions {
  /** COMPANY_LOOKUP_URL: the API's root, without `/search`. */
  baseUrl: string;
  timeoutMs?: number;
  logger?: Logger;
  /** The current time, for the cache's expiry (tests). */
  now?: () => number;
}

/**
 * Asks the register `GET <baseUrl>/search?q=<SIRET or name>&per_page=5`: only the SIRET or the name the owner
 * typed leaves the server. Whatever goes wrong (unreachable, slower than the timeout, 429, 5xx, a body not in
 * the documented shape) is an `unavailable` outcome: the dialog then asks the questions as usual. Found and
 * not-found answers are kept an hour in a small cache; failures are not, so the next owner tries again.
 * Logs hold the outcome and the duration, never the query.
 */
export function createCompanyRegisterClient(options: CompanyRegisterClientOptions): CompanyRegister {
  const timeoutMs = Math.min(options.timeoutMs ?? COMPANY_LOOKUP_TIMEOUT_MS, COMPANY_LOOKUP_TIMEOUT_MS);
  const now = options.now ?? Date.now;
  const cache = new LruCache<{ at: number; outcome: LookupOutcome }>(CACHE_ENTRIES);
  const root = options.baseUrl.replace(/\/+$/, '');

  async function ask(query: RegisterQuery): Promise<LookupOutcome> {
    const url = new URL(`${root}/search`);
    url.searchParams.set('q', query.kind === 'siret' ? query.siret : query.name);
    url.searchParams.set('per_page', String(PER_PAGE));
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const name = (error as { name?: unknown }).name;
      return { kind: 'unavailable', reason: name === 'TimeoutError' ? 'timeout' : 'unreachable' };
    }
    try {
      if (response.status === 429) return { kind: 'unavailable', reason: 'rateLimited' };
      if (response.status === 404) return { kind: 'none' };
      if (!response.ok) return { kind: 'unavailable', reason: 'serverError' };
      const body: unknown = await response.json();
      const companies = readRegisterResponse(body, query);
      if (!companies) return { kind: 'unavailable', reason: 'malformed' };
      return companies.length > 0 ? { kind: 'found', companies } : { kind: 'none' };
    } catch (error) {
      const name = (error as { name?: unknown }).name;
      return { kind: 'unavailable', reason: name === 'TimeoutError' ? 'timeout' : 'malformed' };
    } finally {
      // A body left unread keeps the connection busy.
      if (!response.bodyUsed) await response.body?.cancel().catch(() => undefined);
    }
  }

  return {
    async search(query) {
      const key = queryKey(query);
      const cached = cache.get(key);
      if (cached && now() - cached.at < CACHE_MS) return cached.outcome;
      const started = performance.now();
      const outcome = await ask(query);
      if (outcome.kind !== 'unavailable') cache.set(key, { at: now(), outcome });
      options.logger?.info(
        {
          event: 'company_lookup',
          by: query.kind,
          outcome: outcome.kind === 'unavailable' ? outcome.reason : outcome.kind,
          ...(outcome.kind === 'found' ? { results: outcome.companies.length } : {}),
          ms: Math.round(performance.now() - started),
        },
        'company register consulted',
      );
      return outcome;
    },
  };
}

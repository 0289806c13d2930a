export interface RateLimitConfig {
  /** Requests per minute per client address on the public routes (0 = no limit). */
  perIpPerMinute: number;
  /** Messages per minute per conversation (0 = no limit). */
  perConversationPerMinute: number;
  /** TRUSTED_PROXIES: only these callers' X-Forwarded-For is read (addresses and CIDR ranges). */
  trustedProxies: string[];
}

export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  perIpPerMinute: 120,
  perConversationPerMinute: 60,
  trustedProxies: [],
};

/** The outcome of asking for tokens: go on, or wait this many seconds. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

export interface TokenBucketOptions {
  /** Tokens refilled per minute, also the bucket's size (the burst allowed after a quiet minute). 0 = no limit. */
  perMinute: number;
  /** Most keys remembered; the least recently seen are forgotten first, so memory stays bounded. */
  maxKeys?: number;
  /** Milliseconds, monotonic; injected by tests. */
  now?: () => number;
}

export const DEFAULT_MAX_KEYS = 10_000;

/**
 * A token bucket per key (an IP address, a conversation). Each request takes its cost in tokens; tokens come
 * back continuously at `perMinute` per minute up to `perMinute`. Forgetting a key only ever gives it a full
 * bucket again, so the bound on memory can make the limit more lenient, never stricter.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(private readonly options: TokenBucketOptions) {
    this.perMs = options.perMinute / 60_000;
    this.maxKeys = Math.max(1, options.maxKeys ?? DEFAULT_MAX_KEYS);
    this.now = options.now ?? (() => performance.now());
  }

  get enabled(): boolean {
    return this.options.perMinute > 0;
  }

  get size(): number {
    return this.buckets.size;
  }

  take(key: string, cost = 1): RateDecision {
    if (!this.enabled) return { allowed: true };
    const capacity = this.options.perMinute;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    const tokens = Math.min(capacity, bucket.tokens + Math.max(0, now - bucket.at) * this.perMs);
    // Re-inserted on every use: the map's order is recency order, the oldest first.
    this.buckets.delete(key);
    if (tokens >= cost) {
      this.buckets.set(key, { tokens: tokens - cost, at: now });
      this.evictOverflow();
      return { allowed: true };
    }
    this.buckets.set(key, { tokens, at: now });
    this.evictOverflow();
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((cost - tokens) / this.perMs / 1000)) };
  }

  private evictOverflow(): void {
    while (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) return;
      this.buckets.delete(oldest);
    }
  }
}

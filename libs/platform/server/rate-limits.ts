import type { RateLimiterAbstract } from 'rate-limiter-flexible';

export interface RateLimitOptions {
  points: number;
  /** Seconds. */
  duration: number;
  keyPrefix: string;
}

/**
 * Makes the rate limiters of the public limits (logins, visitor sessions and messages). With REDIS_URL
 * they are counted in Redis, so N processes enforce the limit once, not N times; else in memory.
 */
export abstract class RateLimiters {
  abstract create(options: RateLimitOptions): RateLimiterAbstract;
}

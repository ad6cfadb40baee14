import { HttpException } from '@nestjs/common';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { errorBody } from './errors';

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

/** 429 with the seconds to wait; the host sends them as `Retry-After` (HTTP) or `retryAfter` (socket ack). */
export class TooManyRequestsException extends HttpException {
  readonly retryAfterS: number;
  /**
   * `key` is an `errors` text rendered with params and `seconds` (the wait, also what the English says):
   * `new TooManyRequestsException('base.tooManyFailedSignIns', failures.msBeforeNext)`.
   */
  constructor(key: string, msBeforeNext: number, params: Record<string, string | number> = {}) {
    const retryAfterS = Math.max(1, Math.ceil(msBeforeNext / 1000));
    super(errorBody(429, [{ key, params: { seconds: retryAfterS, ...params } }], false), 429);
    this.retryAfterS = retryAfterS;
  }
}

/** Takes a point for `key`, or throws the 429 with the `errors` text `messageKey` (a failing store is not the caller's fault: that error goes on). */
export async function consumeOrThrow(limiter: RateLimiterAbstract, key: string, messageKey: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw new TooManyRequestsException(messageKey, rejection.msBeforeNext);
    throw rejection;
  }
}

import { HttpException } from '@nestjs/common';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

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
  constructor(message: string, msBeforeNext: number) {
    super({ statusCode: 429, message, error: 'Too Many Requests' }, 429);
    this.retryAfterS = Math.max(1, Math.ceil(msBeforeNext / 1000));
  }
}

/** Takes a point for `key`, or throws the 429 (a failing store is not the caller's fault: that error goes on). */
export async function consumeOrThrow(limiter: RateLimiterAbstract, key: string, message: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw new TooManyRequestsException(message, rejection.msBeforeNext);
    throw rejection;
  }
}

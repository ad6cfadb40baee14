import { Inject, Injectable } from '@nestjs/common';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { APP_CONFIG, RateLimiters, TooManyRequestsException, type AppConfig } from '@lc/platform/server';

/**
 * Failed current-password checks per user, limited like failed logins: a borrowed session must not be a
 * way to guess the password. Past the limit every attempt is 429, before any hashing.
 */
@Injectable()
export class PasswordCheckThrottle {
  private readonly failures: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) config: AppConfig, limiters: RateLimiters) {
    this.failures = limiters.create({ points: config.rateLimits.failedLoginsPerMinute, duration: 60, keyPrefix: 'password-check-fail' });
  }

  async assertAllowed(userId: number): Promise<void> {
    const state = await this.failures.get(String(userId));
    if (!state || state.remainingPoints > 0) return;
    throw new TooManyRequestsException('base.tooManyWrongPasswords', state.msBeforeNext);
  }

  async recordFailure(userId: number): Promise<void> {
    await this.failures.consume(String(userId)).catch(() => undefined); // over the limit: assertAllowed answers next time
  }

  async recordSuccess(userId: number): Promise<void> {
    await this.failures.delete(String(userId));
  }
}

import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, RateLimiters, type AppConfig } from '@lc/platform/server';

/** Counts failed logins per login name (DESIGN: 10 failed a minute per login); past it every attempt is 429. */
@Injectable()
export class LoginThrottle {
  private readonly failures: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) config: AppConfig, limiters: RateLimiters) {
    this.failures = limiters.create({ points: config.rateLimits.failedLoginsPerMinute, duration: 60, keyPrefix: 'login-fail' });
  }

  async assertAllowed(login: string): Promise<void> {
    const state = await this.failures.get(login.toLowerCase());
    if (state && state.remainingPoints <= 0) throw tooMany(state);
  }

  async recordFailure(login: string): Promise<void> {
    await this.failures.consume(login.toLowerCase()).catch(() => undefined);
  }

  async recordSuccess(login: string): Promise<void> {
    await this.failures.delete(login.toLowerCase());
  }
}

function tooMany(state: RateLimiterRes): HttpException {
  const seconds = Math.ceil(state.msBeforeNext / 1000);
  return new HttpException({ statusCode: 429, message: `Too many failed sign-ins for this login; try again in ${seconds}s`, error: 'Too Many Requests' }, HttpStatus.TOO_MANY_REQUESTS);
}

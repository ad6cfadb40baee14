import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { APP_CONFIG, RateLimiters, type AppConfig } from '@lc/platform/server';

/** DESIGN's visitor limits: session starts per client address, messages per session. */
@Injectable()
export class VisitorRateLimits {
  private readonly starts: RateLimiterAbstract;
  private readonly messages: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) config: AppConfig, limiters: RateLimiters) {
    this.starts = limiters.create({ points: config.rateLimits.visitorSessionStartsPerMinute, duration: 60, keyPrefix: 'visitor-starts' });
    this.messages = limiters.create({ points: config.rateLimits.visitorMessagesPer10s, duration: 10, keyPrefix: 'visitor-messages' });
  }

  sessionStart(address: string): Promise<void> {
    return consume(this.starts, address, 'Too many chats started from this address; try again in a minute');
  }

  message(sessionId: number): Promise<void> {
    return consume(this.messages, String(sessionId), 'You are sending messages too fast');
  }
}

async function consume(limiter: RateLimiterAbstract, key: string, message: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection; // a store failure is not the visitor's fault
    throw new HttpException({ statusCode: 429, message, error: 'Too Many Requests' }, HttpStatus.TOO_MANY_REQUESTS);
  }
}

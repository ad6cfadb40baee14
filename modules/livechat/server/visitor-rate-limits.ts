import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '@lc/platform/server';

/** DESIGN's visitor limits: session starts per client address, messages per session. */
@Injectable()
export class VisitorRateLimits {
  private readonly starts: RateLimiterMemory;
  private readonly messages: RateLimiterMemory;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.starts = new RateLimiterMemory({ points: config.rateLimits.visitorSessionStartsPerMinute, duration: 60, keyPrefix: 'visitor-starts' });
    this.messages = new RateLimiterMemory({ points: config.rateLimits.visitorMessagesPer10s, duration: 10, keyPrefix: 'visitor-messages' });
  }

  sessionStart(address: string): Promise<void> {
    return consume(this.starts, address, 'Too many chats started from this address; try again in a minute');
  }

  message(sessionId: number): Promise<void> {
    return consume(this.messages, String(sessionId), 'You are sending messages too fast');
  }
}

async function consume(limiter: RateLimiterMemory, key: string, message: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch {
    throw new HttpException({ statusCode: 429, message, error: 'Too Many Requests' }, HttpStatus.TOO_MANY_REQUESTS);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { APP_CONFIG, consumeOrThrow, RateLimiters, type AppConfig } from '@lc/platform/server';

/**
 * DESIGN's visitor limits: session starts per client address, messages and page reports per session; transcript mails per
 * session, per recipient and per client address (nobody mails a stranger's inbox full of their text).
 */
@Injectable()
export class VisitorRateLimits {
  private readonly starts: RateLimiterAbstract;
  private readonly messages: RateLimiterAbstract;
  private readonly pages: RateLimiterAbstract;
  private readonly mailsPerSession: RateLimiterAbstract;
  private readonly mailsPerRecipient: RateLimiterAbstract;
  private readonly mailsPerAddress: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) config: AppConfig, limiters: RateLimiters) {
    this.starts = limiters.create({ points: config.rateLimits.visitorSessionStartsPerMinute, duration: 60, keyPrefix: 'visitor-starts' });
    this.messages = limiters.create({ points: config.rateLimits.visitorMessagesPer10s, duration: 10, keyPrefix: 'visitor-messages' });
    this.pages = limiters.create({ points: config.rateLimits.visitorPagesPerMinute, duration: 60, keyPrefix: 'visitor-pages' });
    this.mailsPerSession = limiters.create({ points: config.rateLimits.transcriptMailsPerSession, duration: 24 * 3600, keyPrefix: 'transcript-mails-session' });
    this.mailsPerRecipient = limiters.create({ points: config.rateLimits.transcriptMailsPerHour, duration: 3600, keyPrefix: 'transcript-mails-to' });
    this.mailsPerAddress = limiters.create({ points: config.rateLimits.transcriptMailsPerHour, duration: 3600, keyPrefix: 'transcript-mails-from' });
  }

  sessionStart(address: string): Promise<void> {
    return consumeOrThrow(this.starts, address, 'livechat.tooManyChats');
  }

  /** A session's messages, counted by its conversation (one per session): a socket message knows it before the session is read. */
  message(conversationId: number): Promise<void> {
    return consumeOrThrow(this.messages, String(conversationId), 'livechat.tooFast');
  }

  /** A page report: a visitor clicking through a site reports a few a minute; a script, no more than this. */
  pageReport(sessionId: number): Promise<void> {
    return consumeOrThrow(this.pages, String(sessionId), 'livechat.tooManyPages');
  }

  /** Before a transcript is mailed: the recipient is compared lower-cased. */
  async transcriptMail(sessionId: number, recipient: string, clientAddress: string): Promise<void> {
    await consumeOrThrow(this.mailsPerSession, String(sessionId), 'livechat.mailedTooOften');
    await consumeOrThrow(this.mailsPerRecipient, recipient.toLowerCase(), 'livechat.tooManyMailsTo');
    await consumeOrThrow(this.mailsPerAddress, clientAddress, 'livechat.tooManyMailsFrom');
  }
}

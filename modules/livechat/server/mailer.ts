import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '@lc/platform/server';

export interface OutgoingMail {
  to: string | string[];
  subject: string;
  text: string;
  html: string;
}

/**
 * Live chat's outgoing mail (transcripts, offline messages) over SMTP_URL, from MAIL_FROM. Sending never
 * holds up nor fails the request that asked for it: the mail goes out after the answer, a failure is logged.
 * Without SMTP_URL there is no transport and `enabled` is false: the email features are not offered.
 */
@Injectable()
export class LivechatMailer implements OnModuleDestroy {
  private readonly logger = new Logger('LivechatMailer');
  private readonly transport: Transporter | null;
  private readonly from: string;
  private readonly pending = new Set<Promise<void>>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // nodemailer (~10 MB of RSS) is loaded only when there is a mail server to talk to.
    this.transport = config.smtpUrl ? (require('nodemailer') as typeof import('nodemailer')).createTransport(config.smtpUrl) : null;
    this.from = config.mailFrom;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Queues the mail and returns at once. */
  send(mail: OutgoingMail): void {
    if (!this.transport) return;
    const transport = this.transport;
    const sending = (async () => {
      try {
        await transport.sendMail({ from: this.from, ...mail });
      } catch (error) {
        this.logger.error(`Mail "${mail.subject}" to ${[mail.to].flat().length} recipient(s) not sent: ${(error as Error).message}`);
      }
    })();
    this.pending.add(sending);
    void sending.finally(() => this.pending.delete(sending));
  }

  /** On shutdown, the mails under way are given their chance before the transport closes. */
  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.pending]);
    this.transport?.close();
  }
}

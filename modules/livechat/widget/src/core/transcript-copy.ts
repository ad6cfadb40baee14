import type { TextId } from './texts';
import type { Reply } from './visitor-api';

export const EMAIL_MAX = 200;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export type CopyState = 'ask' | 'sending' | 'sent';

/**
 * "Send me a copy" at the end of a chat, when the server sends mail (`/public`'s emailTranscripts): the
 * conversation mailed to the address the visitor gives. Belongs to one session, like the rating: a later
 * chat asks again. The server accepts a few copies per session (then 429).
 */
export class TranscriptCopy {
  /** Why the last request failed (or what is wrong with the address), shown under the field. */
  error = '';
  /** Where the last copy went. */
  sentTo = '';
  private sessionId: number | null = null;
  private state: CopyState = 'ask';

  constructor(
    private readonly post: (sessionId: number, email: string) => Promise<Reply>,
    private readonly changed: () => void,
    private readonly t: (id: TextId) => string,
  ) {}

  stateFor(sessionId: number | null): CopyState {
    return sessionId !== null && sessionId === this.sessionId ? this.state : 'ask';
  }

  /** Resolves to whether the server took the request (202); anything else leaves the field open. */
  async send(sessionId: number, address: string): Promise<boolean> {
    if (this.stateFor(sessionId) === 'sending') return false;
    if (sessionId !== this.sessionId) this.sentTo = '';
    this.sessionId = sessionId;
    const email = address.trim();
    if (!EMAIL.test(email) || email.length > EMAIL_MAX) {
      this.set('ask', this.t('widget.emailInvalid'));
      return false;
    }
    this.set('sending', '');
    let reply: Reply;
    try {
      reply = await this.post(sessionId, email);
    } catch {
      this.set('ask', this.t('widget.copy.failedOffline'));
      return false;
    }
    if (reply.status === 202) {
      this.sentTo = email;
      this.set('sent', '');
      return true;
    }
    const why = reply.status === 429 ? 'widget.copy.enough' : reply.status === 400 ? 'widget.emailInvalid' : reply.status === 409 ? 'widget.copy.unavailable' : 'widget.copy.failed';
    this.set('ask', this.t(why));
    return false;
  }

  private set(state: CopyState, error: string): void {
    this.state = state;
    this.error = error;
    this.changed();
  }
}

import type { TextId } from './texts';
import type { Reply } from './visitor-api';

/** Odoo's three faces: 5 happy, 3 okay, 1 unhappy (the server refuses any other value). */
export type RatingValue = 5 | 3 | 1;
/** RATING_COMMENT_MAX of libs/protocol (the widget cannot import it without bundling class-validator). */
export const RATING_COMMENT_MAX = 1000;
export type RatingState = 'ask' | 'sending' | 'thanks';

/**
 * "How was this conversation?" at the end of a chat. Its answer belongs to one session: a later chat, once
 * ended, asks again. Sending again after an error (or to change one's mind) replaces the rating.
 */
export class RatingPrompt {
  /** Why the last send failed, shown under the faces. */
  error = '';
  private sessionId: number | null = null;
  private state: RatingState = 'ask';

  constructor(
    private readonly post: (sessionId: number, body: { value: RatingValue; comment?: string }) => Promise<Reply>,
    private readonly changed: () => void,
    private readonly t: (id: TextId) => string,
  ) {}

  stateFor(sessionId: number | null): RatingState {
    return sessionId !== null && sessionId === this.sessionId ? this.state : 'ask';
  }

  /** Resolves to whether the rating was stored; a network failure or a refusal leaves the question open. */
  async rate(sessionId: number, value: RatingValue, comment = ''): Promise<boolean> {
    if (this.stateFor(sessionId) === 'sending') return false; // a double click sends once
    this.sessionId = sessionId;
    this.set('sending', '');
    const text = comment.trim().slice(0, RATING_COMMENT_MAX);
    let reply: Reply;
    try {
      reply = await this.post(sessionId, text ? { value, comment: text } : { value });
    } catch {
      this.set('ask', this.t('widget.rate.failedOffline'));
      return false;
    }
    const stored = reply.status === 200;
    this.set(stored ? 'thanks' : 'ask', stored ? '' : this.t(reply.status === 429 ? 'widget.rate.tooMany' : 'widget.rate.failed'));
    return stored;
  }

  private set(state: RatingState, error: string): void {
    this.state = state;
    this.error = error;
    this.changed();
  }
}

import type { StartedSession } from '@lc/protocol';
import type { Reply } from './visitor-api';

export interface SessionStartHost {
  /** Still wanted: a first message waits and there is no session (one another tab started meanwhile is followed instead). */
  wanted(): boolean;
  request(): Promise<Reply<StartedSession>>;
  started(session: StartedSession): void;
  /** 4xx other than 429: this start will never be accepted. */
  refused(reply: Reply): void;
  /** 429, 5xx or no network (status 0): asked again after a pause. */
  waiting(status: number): void;
}

const FIRST_RETRY_MS = 1000;
const LONGEST_RETRY_MS = 30000;
const THROTTLED_RETRY_MS = 6000;

/**
 * Starts the session the visitor's first message goes to, retried until the server answers. One request
 * at a time: a double click or a second message while it runs waits for the same start, never a second session.
 */
export class SessionStart {
  private running: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;

  constructor(private readonly host: SessionStartHost) {}

  run(): Promise<void> {
    if (!this.running) this.running = this.attempts().finally(() => (this.running = null));
    return this.running;
  }

  /** Cuts a pause between retries short: the network is back. */
  wake(): void {
    if (this.wakeUp) this.wakeUp();
  }

  private async attempts(): Promise<void> {
    let delay = FIRST_RETRY_MS;
    while (this.host.wanted()) {
      let reply: Reply<StartedSession> | null = null;
      try {
        reply = await this.host.request();
      } catch {
        /* network: retried below */
      }
      if (!this.host.wanted()) return;
      const status = reply ? reply.status : 0;
      if (status >= 200 && status < 300 && reply!.data && reply!.data.sessionId) return this.host.started(reply!.data);
      if (status >= 400 && status < 500 && status !== 429) return this.host.refused(reply!);
      this.host.waiting(status);
      await this.pause(status === 429 ? THROTTLED_RETRY_MS : delay);
      delay = Math.min(delay * 2, LONGEST_RETRY_MS);
    }
  }

  private async pause(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      this.wakeUp = resolve;
      setTimeout(resolve, ms);
    });
    this.wakeUp = null;
  }
}

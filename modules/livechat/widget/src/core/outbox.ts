import type { Reply } from './visitor-api';

/** A message the visitor sent that the server has not acknowledged yet. */
export interface OutgoingMessage {
  /** Kept until acknowledged, through retries and reloads: the server stores a clientId once. */
  clientId: string;
  body: string;
  /** Refused, or its session ended: never sent again. */
  failed?: boolean;
  /** Waiting to be sent again after a 429, a 5xx or a network failure. */
  retrying?: boolean;
}

export interface OutboxHost {
  /** The session to post to now; null when there is none or it has ended. */
  openSessionId(): number | null;
  /** The session shown now: an answer about another one is dropped. */
  shownSessionId(): number | null;
  post(sessionId: number, message: OutgoingMessage): Promise<Reply>;
  /** 2xx: stored (the reply holds the message) and no longer in the outbox. */
  sent(reply: Reply): void;
  /** 400: the server will never take this message; it stays, marked failed. */
  refused(reply: Reply): void;
  /** 429, 5xx or no network (status 0): the message is sent again after a pause. */
  waiting(status: number): void;
  /** 409 (the session ended), 401 or 404 (the server forgot it): nothing more is sent. */
  stopped(status: number): void;
}

const FIRST_RETRY_MS = 1000;
const LONGEST_RETRY_MS = 30000;
/** After a 429; the "too fast" notice shows as long. */
const THROTTLED_RETRY_MS = 6000;

/** The visitor's messages, posted one at a time in order, each retried with its clientId until acknowledged. */
export class Outbox {
  items: OutgoingMessage[] = [];
  private flushing = false;
  private wakeUp: (() => void) | null = null;

  constructor(private readonly host: OutboxHost) {}

  add(body: string): void {
    this.items.push({ clientId: newClientId(), body });
  }

  /** Takes over the messages a previous page left unsent. */
  restore(saved: unknown): void {
    this.items = (Array.isArray(saved) ? saved : []).filter((p) => p && typeof p.body === 'string' && typeof p.clientId === 'string');
  }

  clear(): void {
    this.items = [];
  }

  failAll(): void {
    this.items.forEach((p) => (p.failed = true));
  }

  /** The server has this message (its answer or a socket event said so); true when it was still waiting here. */
  acknowledge(clientId: string): boolean {
    const before = this.items.length;
    this.items = this.items.filter((p) => p.clientId !== clientId);
    return this.items.length !== before;
  }

  /** What a reload must send again. */
  unsent(): Array<{ clientId: string; body: string }> {
    return this.items.filter((p) => !p.failed).map(({ clientId, body }) => ({ clientId, body }));
  }

  /** Cuts a pause between retries short: the network or the socket is back. */
  wake(): void {
    if (this.wakeUp) this.wakeUp();
  }

  /** Posts until nothing is left to post; a second call while one runs does nothing (the first one goes on). */
  async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    let delay = FIRST_RETRY_MS;
    try {
      for (;;) {
        const sessionId = this.host.openSessionId();
        const message = this.items.find((p) => !p.failed);
        if (!message || !sessionId) break;
        let reply: Reply | null = null;
        try {
          reply = await this.host.post(sessionId, message);
        } catch {
          /* network: retried below */
        }
        if (sessionId !== this.host.shownSessionId()) break;
        const status = reply ? reply.status : 0;
        if (status >= 200 && status < 300) {
          this.items = this.items.filter((p) => p !== message);
          this.host.sent(reply!);
          delay = FIRST_RETRY_MS;
        } else if (status === 400) {
          message.failed = true;
          this.host.refused(reply!);
        } else if (status === 409 || status === 401 || status === 404) {
          return this.host.stopped(status);
        } else {
          message.retrying = true;
          this.host.waiting(status);
          await this.pause(status === 429 ? THROTTLED_RETRY_MS : delay);
          delay = Math.min(delay * 2, LONGEST_RETRY_MS);
        }
      }
    } finally {
      this.flushing = false;
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

/** A random id (a clientId, a start key): 128 bits, hex or a UUID. */
export function newClientId(): string {
  const c = typeof crypto !== 'undefined' ? crypto : undefined;
  if (c && c.randomUUID) return c.randomUUID();
  const b = new Uint8Array(16);
  if (c) c.getRandomValues(b);
  else for (let i = 0; i < 16; i++) b[i] = (Math.random() * 256) | 0;
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

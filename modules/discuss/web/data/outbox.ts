import { HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { RealtimeService } from '@lc/platform/web';
import type { Message, MessageAuthor } from '@lc/protocol';
import { newClientId, type ChatMessage } from './chat-message';
import { DiscussApi } from './discuss-api.service';

interface Send {
  conversationId: number;
  body: string;
  clientId: string;
  attempts: number;
  /** The newest attempt: an older one still waiting for its ack (on a dead socket) no longer decides. */
  latest: number;
  timer?: ReturnType<typeof setTimeout>;
}

interface SocketError {
  error: string;
  status?: number;
}

/** Refusals that the same request will meet again: shown to the user instead of retried. */
const PERMANENT_STATUSES = new Set([400, 403, 404, 409, 413]);
const MAX_BACKOFF_MS = 15_000;

class SendFailure extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/**
 * Our messages on their way: each keeps its clientId across retries, so that the server stores it once
 * however often it is sent (a lost ack, a reconnect). By socket when connected, else by HTTP; transient
 * failures are retried with backoff and at once after a reconnect.
 */
@Injectable({ providedIn: 'root' })
export class Outbox {
  private readonly realtime = inject(RealtimeService);
  private readonly api = inject(DiscussApi);
  private readonly sends = new Map<string, Send>();
  private stored: (message: Message) => void = () => undefined;
  private failed: (clientId: string, conversationId: number, error: string) => void = () => undefined;

  deliverTo(handler: (message: Message) => void): void {
    this.stored = handler;
  }

  failedTo(handler: (clientId: string, conversationId: number, error: string) => void): void {
    this.failed = handler;
  }

  /** Queues a new message and returns its pending copy for the thread. */
  add(conversationId: number, body: string, author: MessageAuthor): ChatMessage {
    const clientId = newClientId();
    void this.attempt(this.track({ conversationId, body, clientId, attempts: 0, latest: 0 }));
    return { id: 0, conversationId, author, body, clientId, createdAt: new Date().toISOString(), pending: true };
  }

  /** Sends a refused message again (the user clicked Retry), with its clientId. */
  resend(message: ChatMessage): void {
    if (!message.clientId || this.sends.has(message.clientId)) return;
    void this.attempt(this.track({ conversationId: message.conversationId, body: message.body, clientId: message.clientId, attempts: 0, latest: 0 }));
  }

  /**
   * After a reconnect: sends everything again at once, even what still waits for an ack on the old socket
   * (that ack may never come); the clientId makes the repeat harmless.
   */
  retryAll(): void {
    for (const send of this.sends.values()) void this.attempt(send);
  }

  clear(): void {
    for (const send of this.sends.values()) clearTimeout(send.timer);
    this.sends.clear();
  }

  private track(send: Send): Send {
    this.sends.set(send.clientId, send);
    return send;
  }

  private async attempt(send: Send): Promise<void> {
    clearTimeout(send.timer);
    const attempt = ++send.latest;
    try {
      const message = this.realtime.isConnected ? await this.viaSocket(send) : await this.api.postMessage(send.conversationId, send.body, send.clientId);
      if (this.sends.get(send.clientId) !== send) return; // already stored by another attempt, or cleared (logout)
      this.sends.delete(send.clientId);
      clearTimeout(send.timer);
      this.stored(message);
    } catch (error) {
      if (this.sends.get(send.clientId) !== send || attempt !== send.latest) return;
      const failure = toFailure(error);
      if (failure.permanent) {
        this.sends.delete(send.clientId);
        this.failed(send.clientId, send.conversationId, failure.message);
      } else {
        send.attempts++;
        send.timer = setTimeout(() => void this.attempt(send), Math.min(MAX_BACKOFF_MS, 1000 * 2 ** send.attempts));
      }
    }
  }

  private async viaSocket(send: Send): Promise<Message> {
    const ack = await this.realtime.emit<Message | SocketError>('message', { conversationId: send.conversationId, body: send.body, clientId: send.clientId });
    if ('error' in ack) throw new SendFailure(ack.error, PERMANENT_STATUSES.has(ack.status ?? 0));
    return ack;
  }
}

function toFailure(error: unknown): SendFailure {
  if (error instanceof SendFailure) return error;
  if (error instanceof HttpErrorResponse) {
    const message = (error.error as { message?: unknown } | null)?.message;
    const text = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : error.statusText;
    return new SendFailure(text || `Request failed (${error.status})`, PERMANENT_STATUSES.has(error.status));
  }
  return new SendFailure(error instanceof Error ? error.message : String(error), false); // a timeout, the network
}

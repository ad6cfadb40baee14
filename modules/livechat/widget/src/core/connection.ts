import type { SessionEvent, TypingEvent } from '@lc/protocol';
import { safe } from './safe';

/** The part of a socket.io client socket the widget uses. */
export interface SocketLike {
  readonly connected: boolean;
  /** False once socket.io has given up reconnecting by itself. */
  readonly active: boolean;
  on(event: string, listener: (payload: any) => void): unknown;
  emit(event: string, payload: unknown): unknown;
  connect(): unknown;
  disconnect(): unknown;
}

export interface ConnectionEvents {
  /** Connected, or connected again: what was missed meanwhile must be fetched. */
  connected(): void;
  disconnected(): void;
  /** About to reconnect after the server closed or refused the socket: the session may be gone. */
  reconnecting(): void;
  message(payload: unknown): void;
  session(event: SessionEvent): void;
  typing(event: TypingEvent): void;
}

/** Retry delays when socket.io does not reconnect by itself. */
const AFTER_SERVER_CLOSE_MS = 3000;
const AFTER_REFUSAL_MS = 10000;

/** The visitor's real-time connection; events of a socket that was replaced or closed are ignored. */
export class Connection {
  private socket: SocketLike | null = null;
  /** Lost while a session is shown (socket.io is reconnecting). */
  down = false;

  constructor(
    private readonly open: (visitorToken: string) => SocketLike,
    private readonly events: ConnectionEvents,
  ) {}

  get connected(): boolean {
    return !!this.socket && this.socket.connected;
  }

  connect(visitorToken: string): void {
    if (this.socket) return;
    const s = this.open(visitorToken);
    this.socket = s;
    const on = (event: string, fn: (payload: any) => void) => s.on(event, (payload: any) => safe(() => this.socket === s && fn(payload)));
    const retryIn = (ms: number) =>
      setTimeout(() => {
        if (this.socket !== s) return;
        safe(() => this.events.reconnecting());
        s.connect();
      }, ms);
    on('connect', () => {
      this.down = false;
      this.events.connected();
    });
    on('disconnect', (reason: string) => {
      this.down = true;
      this.events.disconnected();
      // socket.io reconnects by itself, except when the server closed the connection.
      if (reason === 'io server disconnect') retryIn(AFTER_SERVER_CLOSE_MS);
    });
    // Refused by the server (not a network blip, which socket.io retries itself): try again later.
    on('connect_error', () => !s.active && retryIn(AFTER_REFUSAL_MS));
    on('message', (m) => this.events.message(m));
    on('livechat.session', (e: SessionEvent) => this.events.session(e));
    on('typing', (e: TypingEvent) => this.events.typing(e));
  }

  emit(event: string, payload: unknown): void {
    if (this.socket && this.socket.connected) this.socket.emit(event, payload);
  }

  disconnect(): void {
    const s = this.socket;
    this.socket = null;
    this.down = false;
    if (s) s.disconnect();
  }
}

import { Injectable, signal } from '@angular/core';
import { Observable, Subject } from 'rxjs';
import type { Socket } from 'socket.io-client';

type Handler = (payload: unknown) => void;

/**
 * The shell's one socket.io connection (per tab). It authenticates with the session cookie sent in the
 * handshake. Modules subscribe with on(event) and send with emit(event, payload) -> ack.
 * socket.io-client is loaded on the first connect(), which keeps it out of the initial bundle (the login
 * page does not need it). Subscriptions outlive a disconnect: they are attached again to the next socket.
 */
@Injectable({ providedIn: 'root' })
export class RealtimeService {
  private socket?: Socket;
  private opening?: Promise<Socket>;
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly connected$ = new Subject<void>();
  private readonly closedByServer$ = new Subject<void>();
  private readonly connectedState = signal(false);

  /** Fires on every (re)connection, so that views can fetch what they missed. */
  readonly connected = this.connected$.asObservable();
  /** Whether the socket is up right now (for a status indicator). */
  readonly online = this.connectedState.asReadonly();
  /**
   * The server closed the socket (its sign-in was revoked: logout elsewhere, password changed, user
   * archived). socket.io does not reconnect by itself then; the shell checks the session and reconnects.
   */
  readonly closedByServer = this.closedByServer$.asObservable();

  connect(): Promise<Socket> {
    return (this.opening ??= import('socket.io-client').then(({ io }) => {
      const socket = io({ path: '/socket.io', withCredentials: true, transports: ['websocket', 'polling'] });
      socket.on('connect', () => {
        this.connectedState.set(true);
        this.connected$.next();
      });
      socket.on('disconnect', (reason) => {
        this.connectedState.set(false);
        if (reason === 'io server disconnect') this.closedByServer$.next();
      });
      for (const [event, handlers] of this.handlers) handlers.forEach((handler) => socket.on(event, handler));
      this.socket = socket;
      return socket;
    }));
  }

  disconnect(): void {
    const opening = this.opening;
    this.opening = undefined;
    this.socket = undefined;
    this.connectedState.set(false);
    void opening?.then((socket) => socket.disconnect());
  }

  /** Opens the same socket again (after closedByServer, when the session is still valid). */
  reconnect(): void {
    this.socket?.connect();
  }

  get isConnected(): boolean {
    return !!this.socket?.connected;
  }

  on<T>(event: string): Observable<T> {
    return new Observable<T>((subscriber) => {
      const handler: Handler = (payload) => subscriber.next(payload as T);
      if (!this.handlers.has(event)) this.handlers.set(event, new Set());
      this.handlers.get(event)!.add(handler);
      this.socket?.on(event, handler);
      void this.connect();
      return () => {
        this.handlers.get(event)?.delete(handler);
        this.socket?.off(event, handler);
      };
    });
  }

  /** Sends an event and resolves with the server's acknowledgement (rejects after the timeout). */
  async emit<T>(event: string, payload?: unknown, timeoutMs = 10000): Promise<T> {
    const socket = (await this.connect()).timeout(timeoutMs);
    return payload === undefined ? socket.emitWithAck(event) : socket.emitWithAck(event, payload);
  }
}

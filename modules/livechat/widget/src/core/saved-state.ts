import type { OperatorRef } from '@lc/protocol';

/** What survives navigation and reload, in localStorage under `lc-widget:<server>:<channel>` (README.md). */
export interface SavedState {
  visitorToken?: string | null;
  sessionId?: number | null;
  conversationId?: number | null;
  status?: 'queued' | 'active' | null;
  operator?: OperatorRef | null;
  open?: boolean;
  /** Messages typed but not yet acknowledged; posted again with the same clientId (the server stores it once). */
  pending?: Array<{ clientId: string; body: string }>;
  /** The key of a session start not answered yet (StartSessionRequest.startKey): its retry finds the same session. */
  startKey?: string | null;
  /** Pages seen before the first message, oldest first: sent with the session start (the operator sees them). */
  pages?: PageVisit[];
}

/** A page the visitor saw (the server keeps its URL when http(s), its title and when). */
export interface PageVisit {
  url: string;
  title?: string;
  at: string;
}

/** localStorage, or whatever stands in for it; any call may throw (storage disabled, full, or sandboxed). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const storageKey = (server: string, channelId: number) => `lc-widget:${server}:${channelId}`;

export class SavedStateStore {
  constructor(
    private readonly storage: StorageLike,
    readonly key: string,
  ) {}

  load(): SavedState {
    try {
      const v = JSON.parse(this.storage.getItem(this.key) || '{}');
      return v && typeof v === 'object' ? v : {};
    } catch {
      return {};
    }
  }

  save(state: SavedState): void {
    try {
      this.storage.setItem(this.key, JSON.stringify(state));
    } catch {
      /* storage disabled or full: the chat still works on this page */
    }
  }
}

/** A saved session the widget can show again: the server is asked at once whether it still exists. */
export const hasSession = (s: SavedState) => !!(s.sessionId && s.conversationId && s.visitorToken);

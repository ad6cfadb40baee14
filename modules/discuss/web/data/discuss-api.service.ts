import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { silentErrors } from '@lc/platform/web';
import type { ConversationItem, Message } from '@lc/protocol';

export interface Colleague {
  id: number;
  name: string;
}

export interface ChannelSummary {
  id: number;
  name: string;
  memberCount: number;
  isMember: boolean;
}

export interface HistoryQuery {
  before?: number;
  after?: number;
  limit?: number;
}

/**
 * The discuss HTTP API. Background reads (list refresh, gap-fill) are silent: the store retries them on the
 * next reconnect; user actions (create, invite, leave) let the global interceptor toast their errors.
 */
@Injectable({ providedIn: 'root' })
export class DiscussApi {
  private readonly http = inject(HttpClient);

  conversations(): Promise<ConversationItem[]> {
    return firstValueFrom(this.http.get<ConversationItem[]>('/api/discuss/conversations', { context: silentErrors() }));
  }

  conversation(id: number): Promise<ConversationItem> {
    return firstValueFrom(this.http.get<ConversationItem>(`/api/discuss/conversations/${id}`, { context: silentErrors() }));
  }

  /** Newest first, as the server answers. */
  messages(id: number, query: HistoryQuery = {}): Promise<Message[]> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params = params.set(key, String(value));
    return firstValueFrom(this.http.get<Message[]>(`/api/discuss/conversations/${id}/messages`, { params, context: silentErrors() }));
  }

  postMessage(id: number, body: string, clientId: string): Promise<Message> {
    return firstValueFrom(this.http.post<Message>(`/api/discuss/conversations/${id}/messages`, { body, clientId }, { context: silentErrors() }));
  }

  markSeen(id: number, lastMessageId: number): Promise<ConversationItem> {
    return firstValueFrom(this.http.post<ConversationItem>(`/api/discuss/conversations/${id}/seen`, { lastMessageId }, { context: silentErrors() }));
  }

  leave(id: number): Promise<unknown> {
    return firstValueFrom(this.http.post(`/api/discuss/conversations/${id}/leave`, {}));
  }

  colleagues(): Promise<Colleague[]> {
    return firstValueFrom(this.http.get<Colleague[]>('/api/discuss/users'));
  }

  channels(): Promise<ChannelSummary[]> {
    return firstValueFrom(this.http.get<ChannelSummary[]>('/api/discuss/channels'));
  }

  createChannel(name: string, memberIds: number[] = []): Promise<ConversationItem> {
    return firstValueFrom(this.http.post<ConversationItem>('/api/discuss/channels', { name, memberIds }));
  }

  joinChannel(id: number): Promise<ConversationItem> {
    return firstValueFrom(this.http.post<ConversationItem>(`/api/discuss/channels/${id}/join`, {}));
  }

  invite(id: number, userId: number): Promise<ConversationItem> {
    return firstValueFrom(this.http.post<ConversationItem>(`/api/discuss/conversations/${id}/members`, { userId }));
  }

  openChat(userId: number): Promise<ConversationItem> {
    return firstValueFrom(this.http.post<ConversationItem>('/api/discuss/chats', { userId }));
  }
}

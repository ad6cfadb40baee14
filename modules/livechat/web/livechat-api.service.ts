import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { silentErrors } from '@lc/platform/web';
import type { ChannelColors, Language, LivechatChannelItem, LivechatSessionItem, SessionStatus, User } from '@lc/protocol';

export interface ChannelInput {
  name?: string;
  buttonText?: string;
  welcomeMessage?: string;
  colors?: ChannelColors;
  maxSessionsPerOperator?: number | null;
  operatorIds?: number[];
}

export interface SessionsFilter {
  channelId?: number | null;
  status?: SessionStatus | null;
}

/** The live chat HTTP API used by the operators' and managers' pages. */
@Injectable({ providedIn: 'root' })
export class LivechatApi {
  private readonly http = inject(HttpClient);

  channels(): Promise<LivechatChannelItem[]> {
    return firstValueFrom(this.http.get<LivechatChannelItem[]>('/api/livechat/channels'));
  }

  /** Form saves show their errors in the form. */
  createChannel(input: ChannelInput): Promise<LivechatChannelItem> {
    return firstValueFrom(this.http.post<LivechatChannelItem>('/api/livechat/channels', input, { context: silentErrors() }));
  }

  updateChannel(id: number, input: ChannelInput): Promise<LivechatChannelItem> {
    return firstValueFrom(this.http.patch<LivechatChannelItem>(`/api/livechat/channels/${id}`, input, { context: silentErrors() }));
  }

  join(id: number): Promise<{ areYouInside: boolean }> {
    return firstValueFrom(this.http.post<{ areYouInside: boolean }>(`/api/livechat/channels/${id}/join`, {}));
  }

  leave(id: number): Promise<{ areYouInside: boolean }> {
    return firstValueFrom(this.http.post<{ areYouInside: boolean }>(`/api/livechat/channels/${id}/leave`, {}));
  }

  sessions(filter: SessionsFilter = {}): Promise<LivechatSessionItem[]> {
    let params = new HttpParams();
    if (filter.channelId) params = params.set('channelId', filter.channelId);
    if (filter.status) params = params.set('status', filter.status);
    return firstValueFrom(this.http.get<LivechatSessionItem[]>('/api/livechat/sessions', { params }));
  }

  closeSession(id: number): Promise<LivechatSessionItem> {
    return firstValueFrom(this.http.post<LivechatSessionItem>(`/api/livechat/sessions/${id}/close`, {}));
  }

  languages(): Promise<Language[]> {
    return firstValueFrom(this.http.get<Language[]>('/api/languages'));
  }

  /** Administrators see groups (to offer operators only); others get every colleague. */
  async operatorCandidates(isAdmin: boolean): Promise<Array<{ id: number; name: string }>> {
    if (isAdmin) {
      const users = await firstValueFrom(this.http.get<User[]>('/api/users'));
      return users.filter((u) => u.groups.includes('livechat_operator')).map((u) => ({ id: u.id, name: u.name }));
    }
    return firstValueFrom(this.http.get<Array<{ id: number; name: string }>>('/api/discuss/users'));
  }
}

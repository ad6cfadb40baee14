import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { silentErrors } from '@lc/platform/web';
import type { ChannelColors, ChannelTranslations, HelpRequestItem, Language, LivechatChannelItem, LivechatSessionItem, ReportGroupBy, SessionsReport, SessionStatus, SessionTranscript, TransferTargets, User, VisitorBlock, VisitorContext } from '@lc/protocol';

export interface ChannelInput {
  name?: string;
  buttonText?: string;
  welcomeMessage?: string;
  colors?: ChannelColors;
  maxSessionsPerOperator?: number | null;
  operatorIds?: number[];
  translations?: ChannelTranslations;
}

export interface SessionsFilter {
  channelId?: number | null;
  status?: SessionStatus | null;
  /** '5', '3', '1' or 'none' (not rated). */
  rating?: string | null;
  operatorId?: number | null;
  /** Only the sessions whose operator is looking for help. */
  needsHelp?: boolean;
}

/** GET /api/livechat/reports/sessions's parameters; `to` is exclusive. */
export interface ReportQuery {
  from: string;
  to: string;
  groupBy: ReportGroupBy;
  tz: string;
  channelId?: number | null;
  operatorId?: number | null;
  language?: string | null;
}

/** A file the server sent for download. */
export interface DownloadedFile {
  blob: Blob;
  filename: string;
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
    if (filter.rating) params = params.set('rating', filter.rating);
    if (filter.operatorId) params = params.set('operatorId', filter.operatorId);
    if (filter.needsHelp) params = params.set('needsHelp', 'true');
    return firstValueFrom(this.http.get<LivechatSessionItem[]>('/api/livechat/sessions', { params }));
  }

  /** The session's operator or a manager; 403/404 are shown by the page, not as a toast. */
  transcript(id: number): Promise<SessionTranscript> {
    return firstValueFrom(this.http.get<SessionTranscript>(`/api/livechat/sessions/${id}/transcript`, { context: silentErrors() }));
  }

  closeSession(id: number): Promise<LivechatSessionItem> {
    return firstValueFrom(this.http.post<LivechatSessionItem>(`/api/livechat/sessions/${id}/close`, {}));
  }

  /** The dialogs show the server's refusal themselves (409: offline, full, not inside the channel). */
  transferTargets(sessionId: number): Promise<TransferTargets> {
    return firstValueFrom(this.http.get<TransferTargets>(`/api/livechat/sessions/${sessionId}/transfer-targets`, { context: silentErrors() }));
  }

  transfer(sessionId: number, to: { operatorId: number } | { channelId: number }): Promise<LivechatSessionItem> {
    return firstValueFrom(this.http.post<LivechatSessionItem>(`/api/livechat/sessions/${sessionId}/transfer`, to, { context: silentErrors() }));
  }

  askForHelp(sessionId: number, needHelp: boolean): Promise<LivechatSessionItem> {
    return firstValueFrom(this.http.post<LivechatSessionItem>(`/api/livechat/sessions/${sessionId}/help`, { needHelp }));
  }

  /** Read in the background (HelpRequestsStore): a failure is no news for the user, the next reconnect reads it again. */
  helpRequests(): Promise<HelpRequestItem[]> {
    return firstValueFrom(this.http.get<HelpRequestItem[]>('/api/livechat/help-requests', { context: silentErrors() }));
  }

  joinSession(sessionId: number): Promise<LivechatSessionItem> {
    return firstValueFrom(this.http.post<LivechatSessionItem>(`/api/livechat/sessions/${sessionId}/join`, {}));
  }

  block(sessionId: number, input: { days: number; reason?: string }): Promise<VisitorBlock> {
    return firstValueFrom(this.http.post<VisitorBlock>(`/api/livechat/sessions/${sessionId}/block`, input, { context: silentErrors() }));
  }

  blocks(): Promise<VisitorBlock[]> {
    return firstValueFrom(this.http.get<VisitorBlock[]>('/api/livechat/blocks'));
  }

  liftBlock(id: number): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/livechat/blocks/${id}`));
  }

  /** The panel says itself when it cannot show the details (a conversation handed over meanwhile). */
  visitorContext(sessionId: number): Promise<VisitorContext> {
    return firstValueFrom(this.http.get<VisitorContext>(`/api/livechat/sessions/${sessionId}/visitor`, { context: silentErrors() }));
  }

  sessionsReport(query: ReportQuery): Promise<SessionsReport> {
    return firstValueFrom(this.http.get<SessionsReport>('/api/livechat/reports/sessions', { params: reportParams(query), context: silentErrors() }));
  }

  /** The same report's rows as CSV, with the file name the server gives it. */
  async sessionsReportCsv(query: ReportQuery): Promise<DownloadedFile> {
    const response = await firstValueFrom(this.http.get('/api/livechat/reports/sessions', { params: reportParams(query), headers: { Accept: 'text/csv' }, responseType: 'blob', observe: 'response' }));
    const filename = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'livechat-sessions.csv';
    return { blob: response.body!, filename };
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

function reportParams(query: ReportQuery): HttpParams {
  let params = new HttpParams().set('from', query.from).set('to', query.to).set('groupBy', query.groupBy).set('tz', query.tz);
  if (query.channelId) params = params.set('channelId', query.channelId);
  if (query.operatorId) params = params.set('operatorId', query.operatorId);
  if (query.language) params = params.set('language', query.language);
  return params;
}

import type { PublicChannel, StartedSession } from '@lc/protocol';
import type { PageVisit } from './saved-state';

/** An HTTP answer; a request throws only on a network failure (never on an HTTP status). */
export interface Reply<T = any> {
  status: number;
  data: T;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<{ status: number; json(): Promise<unknown> }>;

/** The visitor routes of DESIGN.md (Public API v1), at `server` (origin and path prefix). */
export class VisitorApi {
  constructor(
    private readonly server: string,
    private readonly channelId: number,
    private readonly fetch: FetchLike,
    /** The visitor's languages, best first: sent as Accept-Language where the server answers or stores by language. */
    private readonly languages: () => readonly string[],
  ) {}

  /**
   * With the token of an earlier session: a blocked visitor reads `blocked: true`. The browser's languages go
   * as Accept-Language (what a page's script may send cross-origin without a preflight), so that the channel's
   * texts come in the language the widget speaks.
   */
  channel(token: string | null): Promise<Reply<PublicChannel>> {
    return this.request(`/api/livechat/channels/${this.channelId}/public`, 'GET', undefined, token, true);
  }

  /** The widget's words in a shipped language (a static, cacheable file). */
  texts(lang: string): Promise<Reply> {
    return this.request(`/livechat/i18n/${encodeURIComponent(lang)}.json`);
  }

  startSession(body: { pageUrl?: string; startKey?: string; pages?: PageVisit[] }, token: string | null): Promise<Reply<StartedSession>> {
    return this.request(`/api/livechat/channels/${this.channelId}/sessions`, 'POST', body, token, true); // the welcome it stores is the one /public gave
  }

  leaveMessage(body: { name?: string; email: string; body: string }, token: string | null): Promise<Reply> {
    return this.request(`/api/livechat/channels/${this.channelId}/offline-messages`, 'POST', body, token, true);
  }

  /** The page the visitor is on now: 204 (409 once the session ended). */
  reportPage(sessionId: number, page: { url: string; title?: string }, token: string | null): Promise<Reply> {
    return this.request(`/api/livechat/sessions/${sessionId}/pages`, 'POST', page, token);
  }

  messages(sessionId: number, token: string | null): Promise<Reply> {
    return this.request(`/api/livechat/sessions/${sessionId}/messages`, 'GET', undefined, token);
  }

  send(sessionId: number, message: { body: string; clientId: string }, token: string | null): Promise<Reply> {
    return this.request(`/api/livechat/sessions/${sessionId}/messages`, 'POST', message, token);
  }

  /** The visitor's rating of an ended chat: 200 with the session, 409 while it goes on or when nobody answered. */
  rate(sessionId: number, body: { value: 5 | 3 | 1; comment?: string }, token: string | null): Promise<Reply> {
    return this.request(`/api/livechat/sessions/${sessionId}/rating`, 'POST', body, token);
  }

  /** The conversation mailed to the visitor: 202 (the mail follows), 409 when the server sends no mail, 429 past a few. */
  emailTranscript(sessionId: number, email: string, token: string | null): Promise<Reply> {
    return this.request(`/api/livechat/sessions/${sessionId}/transcript/email`, 'POST', { email }, token);
  }

  close(sessionId: number, token: string | null): Promise<Reply> {
    return this.request(`/api/livechat/sessions/${sessionId}/close`, 'POST', undefined, token);
  }

  private async request<T>(path: string, method = 'GET', body?: unknown, token?: string | null, withLanguages = false): Promise<Reply<T>> {
    const headers: Record<string, string> = {};
    const languages = withLanguages ? acceptLanguage(this.languages()) : '';
    if (languages) headers['Accept-Language'] = languages;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers['X-Visitor-Token'] = token;
    // No cookies: a visitor is known by the token only, even on the server's own origin.
    const res = await this.fetch(this.server + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit', mode: 'cors' });
    let data: any = null;
    try {
      data = await res.json();
    } catch {
      /* empty or non-JSON body */
    }
    return { status: res.status, data };
  }
}

/** Language tags only, at most 128 characters: a CORS-safelisted Accept-Language. */
function acceptLanguage(languages: readonly string[]): string {
  let header = '';
  for (const tag of languages) {
    if (!/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(tag) || header.length + tag.length + 1 > 128) continue;
    header += (header ? ',' : '') + tag;
  }
  return header;
}

/** The first line of a Nest error body. */
export const errorText = (data: any): string | undefined => {
  const m = data && data.message;
  return Array.isArray(m) ? String(m[0]) : typeof m === 'string' ? m : undefined;
};

import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { silentErrors } from '@lc/platform/web';
import type { CannedResponseItem } from '../server/dto';

export type CannedResponseInput = Pick<CannedResponseItem, 'shortcut' | 'body'>;

/** How long the composer reuses the list before asking the server again (the list page refreshes it at once). */
const CACHE_MS = 30_000;

/** GET/POST/PATCH/DELETE /api/canned-responses. Saves leave their errors to the form, which lists them. */
@Injectable({ providedIn: 'root' })
export class CannedResponsesApi {
  private readonly http = inject(HttpClient);
  private cached?: { at: number; list: Promise<CannedResponseItem[]> };

  list(): Promise<CannedResponseItem[]> {
    const list = firstValueFrom(this.http.get<CannedResponseItem[]>('/api/canned-responses'));
    this.cached = { at: Date.now(), list };
    list.catch(() => (this.cached = undefined));
    return list;
  }

  /** The list for the composer: recent enough, fetched once for a burst of keystrokes, quiet on errors. */
  cachedList(): Promise<CannedResponseItem[]> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.list;
    const list = firstValueFrom(this.http.get<CannedResponseItem[]>('/api/canned-responses', { context: silentErrors() }));
    this.cached = { at: Date.now(), list };
    list.catch(() => (this.cached = undefined));
    return list;
  }

  get(id: number): Promise<CannedResponseItem> {
    return firstValueFrom(this.http.get<CannedResponseItem>(`/api/canned-responses/${id}`, { context: silentErrors() }));
  }

  create(input: CannedResponseInput): Promise<CannedResponseItem> {
    return this.changed(firstValueFrom(this.http.post<CannedResponseItem>('/api/canned-responses', input, { context: silentErrors() })));
  }

  update(id: number, input: Partial<CannedResponseInput>): Promise<CannedResponseItem> {
    return this.changed(firstValueFrom(this.http.patch<CannedResponseItem>(`/api/canned-responses/${id}`, input, { context: silentErrors() })));
  }

  remove(id: number): Promise<unknown> {
    return this.changed(firstValueFrom(this.http.delete(`/api/canned-responses/${id}`)));
  }

  private changed<T>(request: Promise<T>): Promise<T> {
    return request.finally(() => (this.cached = undefined));
  }
}

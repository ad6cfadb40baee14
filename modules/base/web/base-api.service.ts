import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { Group } from '@lc/platform';
import { silentErrors } from '@lc/platform/web';
import type { Language, ModuleInfo, User } from '@lc/protocol';

export interface UserInput {
  login?: string;
  name?: string;
  password?: string;
  groups?: Group[];
  lang?: string;
}

/** The base module's HTTP API. Errors of user saves are left to the form, which lists them. */
@Injectable({ providedIn: 'root' })
export class BaseApi {
  private readonly http = inject(HttpClient);

  modules(): Promise<ModuleInfo[]> {
    return firstValueFrom(this.http.get<ModuleInfo[]>('/api/modules'));
  }

  setModuleEnabled(name: string, enabled: boolean): Promise<ModuleInfo> {
    return firstValueFrom(this.http.post<ModuleInfo>(`/api/modules/${encodeURIComponent(name)}/${enabled ? 'enable' : 'disable'}`, {}));
  }

  users(): Promise<User[]> {
    return firstValueFrom(this.http.get<User[]>('/api/users'));
  }

  createUser(input: UserInput): Promise<User> {
    return firstValueFrom(this.http.post<User>('/api/users', input, { context: silentErrors() }));
  }

  updateUser(id: number, input: UserInput): Promise<User> {
    return firstValueFrom(this.http.patch<User>(`/api/users/${id}`, input, { context: silentErrors() }));
  }

  languages(): Promise<Language[]> {
    return firstValueFrom(this.http.get<Language[]>('/api/languages'));
  }

  setLanguageEnabled(code: string, enabled: boolean): Promise<Language> {
    return firstValueFrom(this.http.post<Language>(`/api/languages/${encodeURIComponent(code)}/${enabled ? 'enable' : 'disable'}`, {}));
  }
}

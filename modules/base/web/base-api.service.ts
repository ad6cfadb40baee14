import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { Group, GroupInfo } from '@lc/platform';
import { silentErrors, translateGroups } from '@lc/platform/web';
import type { DisableImpact, Language, ModuleInfo, User } from '@lc/protocol';

export interface UserInput {
  login?: string;
  name?: string;
  password?: string;
  groups?: Group[];
  lang?: string;
  /** false archives the user: they are signed out everywhere and can no longer sign in. */
  active?: boolean;
}

/** The base module's HTTP API. Errors of user saves are left to the form, which lists them. */
@Injectable({ providedIn: 'root' })
export class BaseApi {
  private readonly http = inject(HttpClient);

  /** What disabling the module would stop (409 when it cannot be disabled, shown by the interceptor). */
  disableImpact(name: string): Promise<DisableImpact> {
    return firstValueFrom(this.http.get<DisableImpact>(`/api/modules/${encodeURIComponent(name)}/disable-impact`));
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

  /** The groups the modules declare (admins). */
  groups(): Promise<GroupInfo[]> {
    return firstValueFrom(this.http.get<GroupInfo[]>('/api/groups')).then(translateGroups);
  }

  languages(): Promise<Language[]> {
    return firstValueFrom(this.http.get<Language[]>('/api/languages'));
  }

  setLanguageEnabled(code: string, enabled: boolean): Promise<Language> {
    return firstValueFrom(this.http.post<Language>(`/api/languages/${encodeURIComponent(code)}/${enabled ? 'enable' : 'disable'}`, {}));
  }
}

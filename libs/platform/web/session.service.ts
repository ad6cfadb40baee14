import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, InjectionToken, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { Group } from '@lc/platform';
import type { LoginResponse, Me, MenuNode, ModuleInfo, ModuleStatus } from '@lc/protocol';
import { silentErrors } from './silent-errors';
import { translateMenus, translateModules } from './i18n';

/** The user the shell's start-up read (null: signed out), so that the first guard does not ask again. */
export const USER_AT_START = new InjectionToken<Me | null | undefined>('USER_AT_START', { factory: () => undefined });

/**
 * Who is signed in, the menus and the enabled modules. The session itself is the HttpOnly cookie set at
 * login (sent with every request and with the socket.io handshake), so no token is kept in JS.
 */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly http = inject(HttpClient);
  private restoring?: Promise<boolean>;
  private userAtStart = inject(USER_AT_START);

  readonly user = signal<Me | null>(null);
  readonly menus = signal<MenuNode[]>([]);
  readonly modules = signal<ModuleInfo[]>([]);
  readonly enabledModules = computed(() => new Set(this.modules().filter((m) => m.enabled).map((m) => m.name)));
  readonly isAdmin = computed(() => this.user()?.groups.includes('admin') ?? false);

  hasGroup(group: Group): boolean {
    return this.user()?.groups.includes(group) ?? false;
  }

  /** For guards: true when signed in, restoring the session from the cookie once if needed. */
  ensureSignedIn(): Promise<boolean> {
    if (this.user()) return Promise.resolve(true);
    // Concurrent navigations share one GET /api/me.
    return (this.restoring ??= this.restore().finally(() => (this.restoring = undefined)));
  }

  /** Loads the user, menus and modules; false when not signed in. */
  async restore(): Promise<boolean> {
    try {
      const atStart = this.userAtStart;
      this.userAtStart = undefined;
      if (atStart === null) throw new Error('signed out at start');
      const user = atStart ?? (await firstValueFrom(this.http.get<Me>('/api/me', { context: silentErrors() })));
      await this.reloadMenus();
      this.user.set(user);
      return true;
    } catch {
      this.clear();
      return false;
    }
  }

  /** Rejects with the HttpErrorResponse (401 wrong credentials, 429 too many attempts) for the login page. */
  async login(login: string, password: string): Promise<void> {
    const response = await firstValueFrom(this.http.post<LoginResponse>('/api/auth/login', { login, password }, { context: silentErrors() }));
    await this.reloadMenus();
    this.user.set(response.user);
  }

  async logout(): Promise<void> {
    await firstValueFrom(this.http.post('/api/auth/logout', {}, { context: silentErrors() })).catch(() => undefined);
    this.clear();
  }

  /** Forgets the session locally (logout, or the server answered 401 because it expired). */
  clear(): void {
    this.user.set(null);
    this.menus.set([]);
    this.modules.set([]);
  }

  /** Called after a module is enabled or disabled: menus and slots change without a reload. */
  async reloadMenus(): Promise<void> {
    const [menus, modules] = await Promise.all([
      firstValueFrom(this.http.get<MenuNode[]>('/api/menus')),
      firstValueFrom(this.http.get<ModuleInfo[]>('/api/modules')),
    ]);
    this.menus.set(translateMenus(menus));
    this.modules.set(translateModules(modules));
  }

  /** Takes the states of the `modules` event at once (slots, services and routes follow); menus come with reloadMenus. */
  applyModuleStates(states: readonly ModuleStatus[]): void {
    const enabled = new Map(states.map((s) => [s.name, s.enabled]));
    this.modules.update((modules) => modules.map((m) => ({ ...m, enabled: enabled.get(m.name) ?? m.enabled })));
  }

  setUser(user: Me): void {
    this.user.set(user);
  }
}

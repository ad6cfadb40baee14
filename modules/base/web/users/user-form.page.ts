import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router } from '@angular/router';
import type { Group } from '@lc/platform';
import type { Language, User } from '@lc/protocol';
import { ControlPanelComponent, errorMessages, NotificationService, SessionService } from '@lc/platform/web';
import { BaseApi, type UserInput } from '../base-api.service';
import { explicitGroups, GROUP_OPTIONS, impliedBy } from './groups';

const DEFAULT_LANGUAGE = 'en-US';

/** Settings → Users → a user (or "New"): Odoo's form view with a sheet. */
@Component({
  selector: 'lc-user-form-page',
  imports: [ControlPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './user-form.page.html',
  styleUrl: './user-form.page.css',
})
export default class UserFormPage {
  /** The `:id` route parameter; absent on /settings/users/new. */
  readonly id = input<string>();

  private readonly api = inject(BaseApi);
  private readonly router = inject(Router);
  private readonly notifications = inject(NotificationService);
  private readonly session = inject(SessionService);

  protected readonly groupOptions = GROUP_OPTIONS;
  protected readonly isNew = computed(() => this.id() === undefined);
  protected readonly loaded = signal(false);
  protected readonly notFound = signal(false);
  protected readonly saving = signal(false);
  protected readonly errors = signal<string[]>([]);

  protected readonly savedName = signal('');
  protected readonly login = signal('');
  protected readonly name = signal('');
  protected readonly password = signal('');
  protected readonly lang = signal(DEFAULT_LANGUAGE);
  protected readonly groups = signal<ReadonlySet<Group>>(new Set());
  protected readonly languages = signal<Language[]>([]);

  /** Enabled languages, plus the user's own if it has been disabled since (so the select shows it). */
  protected readonly languageOptions = computed(() =>
    this.languages().filter((l) => l.enabled || l.code === this.lang()),
  );

  protected readonly breadcrumbs = computed(() => [
    { label: 'Users', link: '/settings/users' },
    { label: this.isNew() ? 'New' : this.savedName() || '…' },
  ]);

  constructor() {
    void this.api.languages().then((languages) => this.languages.set(languages));
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  protected impliedBy(group: Group): string | undefined {
    return impliedBy(group, this.groups())?.label;
  }

  protected toggleGroup(group: Group, checked: boolean): void {
    this.groups.update((current) => {
      const next = new Set(current);
      if (checked) next.add(group);
      else next.delete(group);
      return next;
    });
  }

  protected async save(event?: Event): Promise<void> {
    event?.preventDefault();
    if (this.saving()) return;
    const problems = this.validate();
    this.errors.set(problems);
    if (problems.length) return;

    const input: UserInput = { name: this.name().trim(), groups: explicitGroups(this.groups()), lang: this.lang() };
    if (this.password()) input.password = this.password();
    this.saving.set(true);
    try {
      if (this.isNew()) {
        const created = await this.api.createUser({ ...input, login: this.login().trim() });
        this.notifications.success(`User ${created.name} created.`);
        await this.router.navigate(['/settings/users', created.id], { replaceUrl: true });
      } else {
        const saved = await this.api.updateUser(Number(this.id()), input);
        this.fill(saved);
        this.notifications.success('Changes saved.');
        // Editing oneself changes the navbar's name and maybe the menus one may see.
        if (saved.id === this.session.user()?.id) await this.session.restore();
      }
    } catch (error) {
      this.errors.set(errorMessages(error));
    } finally {
      this.saving.set(false);
    }
  }

  protected discard(): void {
    void this.router.navigate(['/settings/users']);
  }

  private validate(): string[] {
    const problems: string[] = [];
    if (!this.name().trim()) problems.push('Name is required.');
    if (this.isNew() && !this.login().trim()) problems.push('Login is required.');
    if (this.isNew() && !this.password()) problems.push('Password is required for a new user.');
    return problems;
  }

  private async load(id: string | undefined): Promise<void> {
    this.errors.set([]);
    this.notFound.set(false);
    if (id === undefined) {
      this.fill({ id: 0, login: '', name: '', groups: [], lang: DEFAULT_LANGUAGE });
      this.loaded.set(true);
      return;
    }
    this.loaded.set(false);
    const user = (await this.api.users()).find((u) => String(u.id) === id);
    if (user) this.fill(user);
    else this.notFound.set(true);
    this.loaded.set(true);
  }

  private fill(user: User): void {
    this.savedName.set(user.name);
    this.login.set(user.login);
    this.name.set(user.name);
    this.password.set('');
    this.lang.set(user.lang);
    this.groups.set(new Set(user.groups.filter((g) => g !== 'user')));
  }
}

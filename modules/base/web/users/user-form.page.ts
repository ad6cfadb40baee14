import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router } from '@angular/router';
import type { Group, GroupInfo } from '@lc/platform';
import type { Language, User } from '@lc/protocol';
import { ControlPanelComponent, DialogComponent, DropdownComponent, FormErrorsComponent, IconComponent, namedInUserLanguage, NotificationService, SessionService } from '@lc/platform/web';
import { BaseApi, type UserInput } from '../base-api.service';
import { assignableGroups, explicitGroups, impliedBy } from './groups';

const DEFAULT_LANGUAGE = 'en-US';

/**
 * Settings → Users → a user (or "New"): Odoo's form view with a sheet. Archive / Unarchive in the
 * gear menu (Odoo's `active`) sign the user out everywhere or let them back in; the server refuses (409)
 * to archive the last active administrator, and the form shows why.
 */
@Component({
  selector: 'lc-user-form-page',
  imports: [ControlPanelComponent, DialogComponent, DropdownComponent, FormErrorsComponent, IconComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './user-form.page.html',
  styleUrl: './user-form.page.css',
})
export default class UserFormPage {
  protected readonly unchangedPlaceholder = $localize`:@@base.userForm.unchanged:Unchanged`;
  /** The `:id` route parameter; absent on /settings/users/new. */
  readonly id = input<string>();

  private readonly api = inject(BaseApi);
  private readonly router = inject(Router);
  private readonly notifications = inject(NotificationService);
  private readonly session = inject(SessionService);

  /** Every group the modules declare, as the server lists them. */
  private readonly groupCatalog = signal<GroupInfo[]>([]);
  protected readonly groupOptions = computed(() => assignableGroups(this.groupCatalog()));
  protected readonly isNew = computed(() => this.id() === undefined);
  protected readonly loaded = signal(false);
  protected readonly notFound = signal(false);
  protected readonly saving = signal(false);
  /** The form's own problems or the server's refusal, for lc-form-errors. */
  protected readonly saveError = signal<unknown>(null);
  /** The archive confirmation is open. */
  protected readonly confirmingArchive = signal(false);

  protected readonly savedName = signal('');
  protected readonly login = signal('');
  protected readonly name = signal('');
  protected readonly password = signal('');
  protected readonly lang = signal(DEFAULT_LANGUAGE);
  protected readonly groups = signal<ReadonlySet<Group>>(new Set());
  /** As saved: archiving is its own action, not a field of the draft. */
  protected readonly active = signal(true);
  protected readonly isSelf = computed(() => !this.isNew() && Number(this.id()) === this.session.user()?.id);
  protected readonly languages = signal<Language[]>([]);

  /** Enabled languages, plus the user's own if it has been disabled since (so the select shows it). */
  protected readonly languageOptions = computed(() =>
    this.languages().filter((l) => l.enabled || l.code === this.lang()),
  );

  protected readonly breadcrumbs = computed(() => [
    { label: $localize`:@@base.users.title:Users`, link: '/settings/users' },
    { label: this.isNew() ? $localize`:@@base.userForm.new:New` : this.savedName() || '…' },
  ]);

  constructor() {
    void this.api.languages().then((languages) => this.languages.set(namedInUserLanguage(languages)));
    void this.api.groups().then((groups) => this.groupCatalog.set(groups));
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  protected impliedBy(group: Group): string | undefined {
    return impliedBy(group, this.groups(), this.groupCatalog())?.label;
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
    this.saveError.set(problems);
    if (problems.length) return;

    const input: UserInput = { name: this.name().trim(), groups: explicitGroups(this.groups(), this.groupCatalog()), lang: this.lang() };
    if (this.password()) input.password = this.password();
    this.saving.set(true);
    try {
      if (this.isNew()) {
        const created = await this.api.createUser({ ...input, login: this.login().trim() });
        this.notifications.success($localize`:@@base.userForm.userCreated:User ${created.name}:NAME: created.`);
        await this.router.navigate(['/settings/users', created.id], { replaceUrl: true });
      } else {
        const saved = await this.api.updateUser(Number(this.id()), input);
        this.fill(saved);
        this.notifications.success($localize`:@@base.userForm.changesSaved:Changes saved.`);
        // Editing oneself changes the navbar's name and maybe the menus one may see.
        if (saved.id === this.session.user()?.id) await this.session.restore();
      }
    } catch (error) {
      this.saveError.set(error);
    } finally {
      this.saving.set(false);
    }
  }

  /** Archive (after the confirmation) or unarchive; archiving oneself ends this session too. */
  protected async setActive(active: boolean): Promise<void> {
    this.confirmingArchive.set(false);
    if (this.saving()) return;
    this.saving.set(true);
    this.saveError.set(null);
    try {
      const saved = await this.api.updateUser(Number(this.id()), { active });
      this.active.set(saved.active);
      this.notifications.success(active ? `${saved.name} can sign in again.` : `${saved.name} is archived and signed out everywhere.`);
      if (!active && this.isSelf()) {
        this.session.clear();
        await this.router.navigate(['/login']);
      }
    } catch (error) {
      this.saveError.set(error);
    } finally {
      this.saving.set(false);
    }
  }

  protected discard(): void {
    void this.router.navigate(['/settings/users']);
  }

  private validate(): string[] {
    const problems: string[] = [];
    if (!this.name().trim()) problems.push($localize`:@@base.userForm.nameRequired:Name is required.`);
    if (this.isNew() && !this.login().trim()) problems.push($localize`:@@base.userForm.loginRequired:Login is required.`);
    if (this.isNew() && !this.password()) problems.push($localize`:@@base.userForm.passwordRequired:Password is required for a new user.`);
    return problems;
  }

  private async load(id: string | undefined): Promise<void> {
    this.saveError.set(null);
    this.notFound.set(false);
    if (id === undefined) {
      this.fill({ id: 0, login: '', name: '', groups: [], lang: DEFAULT_LANGUAGE, active: true });
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
    this.active.set(user.active);
  }
}

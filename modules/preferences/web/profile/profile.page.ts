import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { Language, Me } from '@lc/protocol';
import {
  AvatarComponent,
  ControlPanelComponent,
  errorMessages,
  NotificationService,
  PreferencesDraft,
  SessionService,
  silentErrors,
  SlotOutletComponent,
} from '@lc/platform/web';

const GROUP_LABELS: Array<[string, string]> = [
  ['admin', 'Administrator'],
  ['livechat_manager', 'Live Chat Manager'],
  ['livechat_operator', 'Live Chat Operator'],
];

/** My Profile: who I am, and my preferences (language here, more from other modules' slot fields). */
@Component({
  selector: 'lc-profile-page',
  imports: [AvatarComponent, ControlPanelComponent, SlotOutletComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './profile.page.html',
  styleUrl: './profile.page.css',
})
export default class ProfilePage {
  protected readonly session = inject(SessionService);
  protected readonly draft = inject(PreferencesDraft);
  private readonly http = inject(HttpClient);
  private readonly notifications = inject(NotificationService);

  protected readonly languages = signal<Language[]>([]);
  protected readonly saving = signal(false);
  protected readonly errors = signal<string[]>([]);

  protected readonly lang = computed(() => this.draft.changes().lang ?? this.session.user()?.lang ?? 'en-US');
  protected readonly languageOptions = computed(() => this.languages().filter((l) => l.enabled || l.code === this.lang()));
  protected readonly access = computed(() => {
    const groups: readonly string[] = this.session.user()?.groups ?? [];
    return GROUP_LABELS.find(([group]) => groups.includes(group))?.[1] ?? 'Internal User';
  });

  constructor() {
    this.draft.reset();
    inject(DestroyRef).onDestroy(() => this.draft.reset());
    void firstValueFrom(this.http.get<Language[]>('/api/languages')).then((languages) => this.languages.set(languages));
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving() || !this.draft.dirty()) return;
    this.saving.set(true);
    this.errors.set([]);
    try {
      const me = await firstValueFrom(this.http.patch<Me>('/api/me/preferences', this.draft.changes(), { context: silentErrors() }));
      this.session.setUser(me);
      this.draft.reset();
      this.notifications.success('Preferences saved.');
    } catch (error) {
      this.errors.set(errorMessages(error));
    } finally {
      this.saving.set(false);
    }
  }

  protected discard(): void {
    this.draft.reset();
    this.errors.set([]);
  }
}

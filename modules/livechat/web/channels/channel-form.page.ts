import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router } from '@angular/router';
import { ControlPanelComponent, errorMessages, NotificationService, SessionService, TagsInputComponent, type TagOption } from '@lc/platform/web';
import type { ChannelColors, LivechatChannelItem } from '@lc/protocol';
import { LivechatApi, type ChannelInput } from '../livechat-api.service';
import { WidgetPreviewComponent } from './widget-preview.component';

const DEFAULT_COLORS: Required<ChannelColors> = { button: '#71639e', buttonText: '#ffffff', header: '#71639e', headerText: '#ffffff' };
const COLOR_FIELDS: Array<{ key: keyof ChannelColors; label: string }> = [
  { key: 'button', label: 'Button' },
  { key: 'buttonText', label: 'Button text' },
  { key: 'header', label: 'Header' },
  { key: 'headerText', label: 'Header text' },
];

interface ChannelDraft {
  name: string;
  buttonText: string;
  welcomeMessage: string;
  colors: Required<ChannelColors>;
  maxSessions: string;
  operatorIds: number[];
}

/** A live chat channel's form (managers): texts and colours of the widget with a preview, the session limit and the operators. */
@Component({
  selector: 'lc-channel-form-page',
  imports: [ControlPanelComponent, TagsInputComponent, WidgetPreviewComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './channel-form.page.html',
  styleUrl: './channel-form.page.css',
})
export default class ChannelFormPage {
  /** Route parameter; absent on /livechat/channels/new. */
  readonly id = input<string>();

  private readonly api = inject(LivechatApi);
  private readonly router = inject(Router);
  private readonly notifications = inject(NotificationService);
  private readonly session = inject(SessionService);

  protected readonly colorFields = COLOR_FIELDS;
  protected readonly loaded = signal(false);
  protected readonly saving = signal(false);
  protected readonly errors = signal<string[]>([]);
  protected readonly channel = signal<LivechatChannelItem | null>(null);
  protected readonly draft = signal<ChannelDraft>({ name: '', buttonText: 'Chat with us', welcomeMessage: 'Hello! How may I help you?', colors: DEFAULT_COLORS, maxSessions: '', operatorIds: [] });
  protected readonly operatorOptions = signal<TagOption<number>[]>([]);
  protected readonly isNew = computed(() => !this.id() || this.id() === 'new');
  protected readonly title = computed(() => (this.isNew() ? 'New' : (this.channel()?.name ?? '…')));

  constructor() {
    // Inputs are bound after construction: load once the route's id is known (and again if it changes).
    effect(() => {
      this.id();
      untracked(() => void this.load());
    });
  }

  protected update<K extends keyof ChannelDraft>(key: K, value: ChannelDraft[K]): void {
    this.draft.update((d) => ({ ...d, [key]: value }));
  }

  protected setColor(key: keyof ChannelColors, value: string): void {
    this.draft.update((d) => ({ ...d, colors: { ...d.colors, [key]: value } }));
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const d = this.draft();
    const max = d.maxSessions.trim() ? Number(d.maxSessions) : null;
    if (!d.name.trim()) return this.errors.set(['The channel needs a name.']);
    if (max !== null && (!Number.isInteger(max) || max < 1)) return this.errors.set(['Max sessions per operator must be a whole number of at least 1, or empty for no limit.']);
    const input: ChannelInput = { name: d.name.trim(), buttonText: d.buttonText, welcomeMessage: d.welcomeMessage, colors: d.colors, maxSessionsPerOperator: max };
    this.saving.set(true);
    this.errors.set([]);
    try {
      let saved = this.isNew() ? await this.api.createChannel(input) : await this.api.updateChannel(this.channel()!.id, { ...input, operatorIds: d.operatorIds });
      if (this.isNew() && d.operatorIds.length) saved = await this.api.updateChannel(saved.id, { operatorIds: d.operatorIds });
      this.notifications.success(`Channel ${saved.name} saved.`);
      void this.router.navigate(['/livechat/channels']);
    } catch (error) {
      this.errors.set(errorMessages(error));
    } finally {
      this.saving.set(false);
    }
  }

  protected discard(): void {
    void this.router.navigate(['/livechat/channels']);
  }

  private async load(): Promise<void> {
    this.loaded.set(false);
    this.errors.set([]);
    try {
      const [channels, candidates] = await Promise.all([this.isNew() ? Promise.resolve([]) : this.api.channels(), this.api.operatorCandidates(this.session.isAdmin())]);
      const channel = channels.find((c) => String(c.id) === this.id()) ?? null;
      // Operators inside who are no longer candidates (e.g. their group was removed) still show.
      const known = new Map(candidates.map((c) => [c.id, c.name]));
      channel?.operators.forEach((o) => known.set(o.id, o.name));
      this.operatorOptions.set([...known].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label)));
      if (channel) {
        this.channel.set(channel);
        this.draft.set({
          name: channel.name,
          buttonText: channel.buttonText,
          welcomeMessage: channel.welcomeMessage,
          colors: { ...DEFAULT_COLORS, ...channel.colors },
          maxSessions: channel.maxSessionsPerOperator ? String(channel.maxSessionsPerOperator) : '',
          operatorIds: channel.operators.map((o) => o.id),
        });
      } else if (!this.isNew()) {
        this.errors.set([`Channel ${this.id()} was not found.`]);
      }
    } catch (error) {
      this.errors.set(errorMessages(error));
    } finally {
      this.loaded.set(true);
    }
  }
}

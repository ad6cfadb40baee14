import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router } from '@angular/router';
import { ControlPanelComponent, FormErrorsComponent, NotificationService, SessionService, TagsInputComponent, type TagOption } from '@lc/platform/web';
import type { ChannelColors, ChannelTexts, ChannelTranslations, Lang, LivechatChannelItem } from '@lc/protocol';
// Not through @lc/protocol's index, which would bring the DTOs' class-validator into the shell.
import { SHIPPED_LANGS, SOURCE_LANG } from '../../../../libs/protocol/src/languages';
import { LivechatApi, type ChannelInput } from '../livechat-api.service';
import { WidgetPreviewComponent } from './widget-preview.component';

const DEFAULT_COLORS: Required<ChannelColors> = { button: '#71639e', buttonText: '#ffffff', header: '#71639e', headerText: '#ffffff' };
const colorFields = (): Array<{ key: keyof ChannelColors; label: string }> => [
  { key: 'button', label: $localize`:@@livechat.channelForm.colorButton:Button` },
  { key: 'buttonText', label: $localize`:@@livechat.channelForm.colorButtonText:Button text` },
  { key: 'header', label: $localize`:@@livechat.channelForm.colorHeader:Header` },
  { key: 'headerText', label: $localize`:@@livechat.channelForm.colorHeaderText:Header text` },
];

/** Each shipped language by its own name (what a speaker of it looks for). */
const LANGUAGE_NAMES: Record<Lang, string> = { 'en-US': 'English', 'fr-FR': 'Français', 'de-DE': 'Deutsch', 'es-ES': 'Español', 'zh-CN': '中文' };

interface ChannelDraft {
  name: string;
  buttonText: string;
  welcomeMessage: string;
  translations: ChannelTranslations;
  colors: Required<ChannelColors>;
  maxSessions: string;
  operatorIds: number[];
}

/** A live chat channel's form (managers): texts and colours of the widget with a preview, the session limit and the operators. */
@Component({
  selector: 'lc-channel-form-page',
  imports: [ControlPanelComponent, FormErrorsComponent, TagsInputComponent, WidgetPreviewComponent],
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

  protected readonly colorFields = colorFields();
  protected readonly channelsCrumb = $localize`:@@livechat.routes.channels:Channels`;
  protected readonly textLanguages = SHIPPED_LANGS.map((code) => ({ code, name: LANGUAGE_NAMES[code] }));
  /** The language whose button text and welcome message the Widget tab edits (and the preview shows). */
  protected readonly textLang = signal<Lang>(SOURCE_LANG);
  /** The texts shown in the fields: the defaults in English, else that language's own (empty: the default applies). */
  protected readonly shownTexts = computed(() => {
    const d = this.draft();
    const lang = this.textLang();
    return lang === SOURCE_LANG ? { buttonText: d.buttonText, welcomeMessage: d.welcomeMessage } : { buttonText: d.translations[lang]?.buttonText ?? '', welcomeMessage: d.translations[lang]?.welcomeMessage ?? '' };
  });
  /** What the visitor of the picked language reads: its text, else the default. */
  protected readonly previewTexts = computed(() => {
    const d = this.draft();
    const own = this.shownTexts();
    return { buttonText: own.buttonText || d.buttonText, welcomeMessage: own.welcomeMessage || d.welcomeMessage };
  });
  protected readonly loaded = signal(false);
  protected readonly saving = signal(false);
  /** The form's own problems or the server's refusal, for lc-form-errors. */
  protected readonly saveError = signal<unknown>(null);
  protected readonly channel = signal<LivechatChannelItem | null>(null);
  protected readonly draft = signal<ChannelDraft>({ name: '', buttonText: 'Chat with us', welcomeMessage: 'Hello! How may I help you?', translations: {}, colors: DEFAULT_COLORS, maxSessions: '', operatorIds: [] });
  protected readonly operatorOptions = signal<TagOption<number>[]>([]);
  protected readonly isNew = computed(() => !this.id() || this.id() === 'new');
  protected readonly title = computed(() => (this.isNew() ? $localize`:@@livechat.channelForm.new:New` : (this.channel()?.name ?? '…')));

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

  /** A button text or welcome message in the language of the picked tab. */
  protected setText(key: keyof ChannelTexts, value: string): void {
    const lang = this.textLang();
    if (lang === SOURCE_LANG) return this.update(key, value);
    this.draft.update((d) => ({ ...d, translations: { ...d.translations, [lang]: { ...d.translations[lang], [key]: value } } }));
  }

  protected setColor(key: keyof ChannelColors, value: string): void {
    this.draft.update((d) => ({ ...d, colors: { ...d.colors, [key]: value } }));
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const d = this.draft();
    const max = d.maxSessions.trim() ? Number(d.maxSessions) : null;
    if (!d.name.trim()) return this.saveError.set([$localize`:@@livechat.channelForm.nameRequired:The channel needs a name.`]);
    if (max !== null && (!Number.isInteger(max) || max < 1)) return this.saveError.set([$localize`:@@livechat.channelForm.maxSessionsInvalid:Max sessions per operator must be a whole number of at least 1, or empty for no limit.`]);
    const input: ChannelInput = { name: d.name.trim(), buttonText: d.buttonText, welcomeMessage: d.welcomeMessage, colors: d.colors, maxSessionsPerOperator: max };
    const translations = Object.keys(d.translations).length ? { translations: d.translations } : {};
    this.saving.set(true);
    this.saveError.set(null);
    try {
      let saved = this.isNew() ? await this.api.createChannel(input) : await this.api.updateChannel(this.channel()!.id, { ...input, ...translations, operatorIds: d.operatorIds });
      // Creating takes neither operators nor translations: they follow at once.
      if (this.isNew() && (d.operatorIds.length || translations.translations)) saved = await this.api.updateChannel(saved.id, { ...translations, operatorIds: d.operatorIds });
      this.notifications.success($localize`:@@livechat.channelForm.saved:Channel ${saved.name}:CHANNEL: saved.`);
      void this.router.navigate(['/livechat/channels']);
    } catch (error) {
      this.saveError.set(error);
    } finally {
      this.saving.set(false);
    }
  }

  protected discard(): void {
    void this.router.navigate(['/livechat/channels']);
  }

  private async load(): Promise<void> {
    this.loaded.set(false);
    this.saveError.set(null);
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
          translations: channel.translations ?? {},
          colors: { ...DEFAULT_COLORS, ...channel.colors },
          maxSessions: channel.maxSessionsPerOperator ? String(channel.maxSessionsPerOperator) : '',
          operatorIds: channel.operators.map((o) => o.id),
        });
      } else if (!this.isNew()) {
        this.saveError.set([$localize`:@@livechat.channelForm.notFound:Channel ${this.id()}:NUMBER: was not found.`]);
      }
    } catch (error) {
      this.saveError.set(error);
    } finally {
      this.loaded.set(true);
    }
  }
}

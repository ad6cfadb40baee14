import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { languageName, PreferencesDraft, SessionService, TagsInputComponent, type TagOption, uiLocale } from '@lc/platform/web';
import type { Language } from '@lc/protocol';
import { LivechatApi } from '../livechat-api.service';

const NAME_MAX = 64;

/**
 * Live chat's fields on My Profile → Preferences (the `preferences` slot): the Online Chat Name and the
 * Online Chat Languages. They write to PreferencesDraft; the page's Save sends them with the rest.
 * Only languages enabled on the database can be added; ones enabled before and disabled since stay
 * visible, marked "disabled", so that the operator sees why they no longer count.
 */
@Component({
  selector: 'lc-livechat-preferences',
  imports: [TagsInputComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (isOperator()) {
      <div i18n="@@livechat.livechatPreferences.liveChat" class="lc-form-separator">Live Chat</div>
      <div class="lc-form-row">
        <label i18n="@@livechat.livechatPreferences.onlineChatName" class="lc-label" for="livechat-username">Online Chat Name</label>
        <div>
          <input
            id="livechat-username"
            class="lc-input"
            [maxLength]="nameMax"
            [placeholder]="session.user()?.name ?? ''"
            [value]="name()"
            (input)="draft.set('livechatUsername', $any($event.target).value)"
          />
          <div i18n="@@livechat.livechatPreferences.theNameVisitorsSee" class="lc-help">The name visitors see; empty means your user name</div>
        </div>
      </div>
      <div class="lc-form-row">
        <label i18n="@@livechat.livechatPreferences.onlineChatLanguages" class="lc-label" for="livechat-languages">Online Chat Languages</label>
        <div>
          <lc-tags-input i18n-placeholder="@@livechat.livechatPreferences.addALanguage" i18n-label="@@livechat.livechatPreferences.onlineChatLanguages"
            inputId="livechat-languages"
            label="Online Chat Languages"
            placeholder="Add a language…"
            [options]="options()"
            [values]="languages()"
            (valuesChange)="draft.set('livechatLanguages', $event)"
          />
          <div i18n="@@livechat.livechatPreferences.besidesYourMainLanguage" class="lc-help">Besides your main language, the languages you chat in: visitors who speak them are sent to you first.</div>
        </div>
      </div>
    }
  `,
  styles: `:host { display: block; }`,
})
export class LivechatPreferencesComponent {
  protected readonly session = inject(SessionService);
  protected readonly draft = inject(PreferencesDraft);
  protected readonly nameMax = NAME_MAX;
  private readonly available = signal<Language[]>([]);

  protected readonly isOperator = computed(() => this.session.user()?.groups.includes('livechat_operator') ?? false);
  protected readonly name = computed(() => this.draft.value('livechatUsername', ''));
  protected readonly languages = computed(() => this.draft.value<string[]>('livechatLanguages', []));
  protected readonly options = computed<TagOption<string>[]>(() =>
    this.available()
      .filter((l) => l.enabled || this.languages().includes(l.code))
      .map((l) => ({ value: l.code, label: languageName(l.code, uiLocale()), ...(!l.enabled && { note: $localize`:@@livechat.livechatPreferences.disabled:disabled` }) }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  );

  constructor() {
    void inject(LivechatApi)
      .languages()
      .then((list) => this.available.set(list), () => undefined);
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { IconComponent } from '@lc/platform/web';
import type { ConversationItem } from '@lc/protocol';
import { LanguageNames } from './language-names';
import { livechatOf } from './livechat-conversations';

/** The visitor's language, channel and page in one line above a live chat's chat window (the livechat kind's banner), and whether its operator is looking for help. */
@Component({
  selector: 'lc-visitor-banner',
  imports: [IconComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (chat(); as chat) {
      <div class="lc-thread-banner" [title]="chat.pageUrl ?? ''">
        <lc-icon name="language" [size]="14" />
        <span data-field="language">@if (language(); as language) {{{ language }}} @else {<ng-container i18n="@@livechat.banner.languageUnknown">Language unknown</ng-container>}</span>
        <span class="lc-thread-banner-sep">·</span>
        <span>{{ chat.channelName }}</span>
        @if (chat.pageUrl) {
          <span class="lc-thread-banner-sep">·</span>
          <span class="lc-thread-banner-page">{{ chat.pageUrl }}</span>
        }
        @if (chat.needsHelp && chat.status !== 'ended') {
          <span class="lc-thread-banner-help" data-field="needs-help"><lc-icon name="lifebuoy" [size]="13" /> <ng-container i18n="@@livechat.visitorBanner.lookingForHelp">Looking for help</ng-container></span>
        }
      </div>
    }
  `,
  styles: `
    :host { display: block; }
    .lc-thread-banner {
      display: flex;
      align-items: center;
      gap: 5px;
      padding: 4px 10px;
      background: var(--lc-gray-100);
      border-bottom: 1px solid var(--lc-gray-200);
      font-size: 12px;
      color: var(--lc-gray-700);
      white-space: nowrap;
      overflow: hidden;
    }
    .lc-thread-banner lc-icon { color: var(--lc-gray-500); }
    .lc-thread-banner-sep { color: var(--lc-gray-400); }
    .lc-thread-banner-page { overflow: hidden; text-overflow: ellipsis; color: var(--lc-gray-600); }
    .lc-thread-banner-help { flex: none; margin-left: auto; display: inline-flex; align-items: center; gap: 3px; padding: 0 6px; border-radius: 9px; background: #fff3d6; color: #8a5a00; font-weight: 600; }
  `,
})
export class VisitorBannerComponent {
  readonly conversation = input.required<ConversationItem>();
  protected readonly chat = computed(() => livechatOf(this.conversation()));
  private readonly languages = inject(LanguageNames);
  protected readonly language = computed(() => this.languages.nameOf(this.chat()?.visitorLanguage));
}

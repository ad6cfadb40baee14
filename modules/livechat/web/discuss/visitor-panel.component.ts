import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { httpUrl } from '@lc/platform';
import { AvatarComponent, IconComponent, SessionService, uiLocale } from '@lc/platform/web';
import type { ConversationItem, LivechatDetails, VisitorContext } from '@lc/protocol';
import { browserName } from './browser-name';
import { LanguageNames } from './language-names';
import { livechatOf } from './livechat-conversations';
import { LivechatApi } from '../livechat-api.service';
import { AssignmentSentencePipe } from '../sessions/assignment-sentence.pipe';
import { RATING_FACES, ratingText } from '../sessions/rating-format';
import { dateTime } from '../sessions/session-format';

const statusLabels = (): Record<LivechatDetails['status'], string> => ({
  queued: $localize`:@@livechat.visitorPanel.waitingForOperator:Waiting for an operator`,
  active: $localize`:@@livechat.status.inProgress:In progress`,
  ended: $localize`:@@livechat.status.ended:Ended`,
});

/**
 * Who the visitor is and how they reached us, beside a live chat in Discuss (Odoo's visitor info panel):
 * the side panel of the livechat kind, inside Discuss's frame. The pages they saw (the last ones, with
 * times) and their earlier chats (date, operator, rating, the transcript one click away) are read from
 * the server whenever the conversation's page or state changes.
 */
@Component({
  selector: 'lc-visitor-panel',
  imports: [AvatarComponent, AssignmentSentencePipe, IconComponent, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './visitor-panel.component.html',
  styleUrl: './visitor-panel.component.css',
  host: { class: 'lc-visitor-panel' },
})
export class VisitorPanelComponent {
  protected readonly notAssignedYet = $localize`:@@livechat.visitorPanel.notAssignedYet:Not assigned yet`;
  readonly conversation = input.required<ConversationItem>();
  private readonly session = inject(SessionService);
  private readonly languages = inject(LanguageNames);
  private readonly api = inject(LivechatApi);

  protected readonly faces = RATING_FACES;
  protected readonly dateTime = dateTime;
  /** Null while loading, or when it cannot be read (a conversation handed over meanwhile). */
  protected readonly context = signal<VisitorContext | null>(null);
  protected readonly ratingText = ratingText;
  protected readonly chat = computed(() => livechatOf(this.conversation()));
  protected readonly statusLabel = computed(() => (this.chat() ? statusLabels()[this.chat()!.status] : ''));
  protected readonly language = computed(() => this.languages.nameOf(this.chat()?.visitorLanguage) ?? $localize`:@@livechat.sessionPanel.unknown:Unknown`);
  protected readonly country = computed(() => this.languages.countryOf(this.chat()?.visitorCountry));
  protected readonly browser = computed(() => browserName(this.chat()?.userAgent));
  /** Only an http(s) page is a link: a `javascript:` or `data:` URL a visitor reported is shown as text. */
  protected readonly pageLink = computed(() => httpUrl(this.chat()?.pageUrl));
  /** The name the visitor sees for us: the Online Chat Name, else the user name. */
  protected readonly shownName = computed(() => {
    const user = this.session.user();
    return user?.livechatUsername || user?.name || '';
  });
  protected readonly isMine = computed(() => this.chat()?.operatorId === this.session.user()?.id);
  /** Its pages, links only for http(s) ones (a visitor reports what they like). */
  protected readonly pages = computed(() => (this.context()?.pages ?? []).map((page) => ({ ...page, link: httpUrl(page.url) })));

  constructor() {
    let generation = 0;
    effect(() => {
      const chat = this.chat();
      // What changes what the server would answer: another chat, the visitor's page, its state.
      const key = chat && `${chat.sessionId}:${chat.pageUrl}:${chat.status}`;
      if (!chat || !key) return;
      untracked(() => {
        const mine = ++generation;
        this.api.visitorContext(chat.sessionId).then(
          (context) => mine === generation && this.context.set(context),
          () => mine === generation && this.context.set(null),
        );
      });
    });
  }

  /** "14:05" today, else "3 Dec, 14:05". */
  protected when(iso: string): string {
    const date = new Date(iso);
    return date.toDateString() === new Date().toDateString() ? date.toLocaleTimeString(uiLocale(), { hour: '2-digit', minute: '2-digit' }) : dateTime(iso);
  }
}

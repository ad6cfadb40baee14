import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import { AvatarComponent, ControlPanelComponent, errorMessages, errorStatus, SessionService, uiLocale, shownNameOrNull } from '@lc/platform/web';
import type { LivechatChannelItem, Message, SessionTranscript } from '@lc/protocol';
import { LivechatApi } from '../livechat-api.service';
import { SessionPanelComponent } from './session-panel.component';
import { SYSTEM_MESSAGE_TEXTS, systemText } from '../../../discuss/web/public-api';

/**
 * Live Chat → Sessions → one session (/livechat/sessions/:id): the conversation read back, with its
 * details and rating beside it. For managers (from Sessions) and the session's operator (from the
 * conversation's visitor panel in Discuss).
 */
@Component({
  selector: 'lc-livechat-transcript-page',
  imports: [AvatarComponent, ControlPanelComponent, SessionPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './transcript.page.html',
  styleUrl: './transcript.page.css',
})
export default class TranscriptPage {
  private readonly api = inject(LivechatApi);
  private readonly user = inject(SessionService);
  private readonly systemTexts = inject(SYSTEM_MESSAGE_TEXTS);
  /** A system message in the reader's language (discuss's systemText). */
  protected readonly systemText = (message: Message) => systemText(message, this.systemTexts);
  private readonly id = Number(inject(ActivatedRoute).snapshot.paramMap.get('id'));

  protected readonly transcript = signal<SessionTranscript | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly channels = signal<LivechatChannelItem[]>([]);
  protected readonly channelName = computed(() => this.channels().find((c) => c.id === this.transcript()?.session.channelId)?.name ?? '');
  protected readonly breadcrumbs = computed(() => [
    this.user.hasGroup('livechat_manager') ? { label: $localize`:@@livechat.routes.sessions:Sessions`, link: '/livechat/sessions' } : { label: $localize`:@@livechat.routes.sessions:Sessions` },
    { label: shownNameOrNull(this.transcript()?.session.visitorName) ?? $localize`:@@livechat.transcript.sessionNumber:Session #${this.id}:NUMBER:` },
  ]);

  constructor() {
    void this.api.channels().then((list) => this.channels.set(list), () => undefined);
    this.api.transcript(this.id).then(
      (t) => this.transcript.set(t),
      (e) => this.error.set(errorStatus(e) === 403
            ? $localize`:@@livechat.transcript.forbidden:Only the operator of this conversation and live chat managers can read it.`
            : errorStatus(e) === 404
              ? $localize`:@@livechat.transcript.notFound:This session does not exist.`
              : errorMessages(e)[0]),
    );
  }

  protected time(iso: string): string {
    return new Date(iso).toLocaleString(uiLocale(), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  }
}

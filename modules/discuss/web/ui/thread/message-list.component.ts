import { afterNextRender, ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, Injector, input, output } from '@angular/core';
import { AvatarComponent, SessionService, UserAvatarComponent, ShownNamePipe } from '@lc/platform/web';
import { messageKey, type ChatMessage } from '../../data/chat-message';
import { Clock } from '../../data/clock';
import { timeOfDay } from '../format';
import { messageRows } from './message-rows';
import { SYSTEM_MESSAGE_TEXTS, systemText } from './system-text';

/** Within this distance of the bottom, new messages keep the list scrolled to the bottom. */
const STICK_PX = 48;
/** Within this distance of the top, older messages are loaded. */
const LOAD_OLDER_PX = 80;

/**
 * The messages of a thread, grouped by author and day. It scrolls itself: to the bottom on arrival while
 * the reader is there, steady when older messages are prepended, and asks for older ones near the top.
 * Bodies are text (interpolation), never HTML.
 */
@Component({
  selector: 'lc-message-list',
  imports: [AvatarComponent, ShownNamePipe, UserAvatarComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './message-list.component.html',
  styleUrl: './message-list.component.css',
  host: { class: 'lc-message-list', '[class.compact]': 'compact()', '(scroll)': 'onScroll()' },
})
export class MessageListComponent {
  readonly messages = input.required<readonly ChatMessage[]>();
  readonly hasOlder = input(false);
  readonly loadingOlder = input(false);
  readonly ready = input(true);
  /** Chat windows: smaller avatars and spacing. */
  readonly compact = input(false);
  readonly loadOlder = output<void>();
  readonly retry = output<string>();
  readonly discard = output<string>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);
  private readonly session = inject(SessionService);
  private readonly clock = inject(Clock);
  private stickToBottom = true;
  private previous = { first: '', last: '', height: 0 };

  protected readonly rows = computed(() => messageRows(this.messages(), this.session.user()?.id, this.clock.now()));
  protected readonly avatarSize = computed(() => (this.compact() ? 28 : 36));
  protected readonly time = timeOfDay;
  protected readonly key = messageKey;
  private readonly systemTexts = inject(SYSTEM_MESSAGE_TEXTS);
  /** A system message in the user's language (see systemText). */
  protected readonly systemText = (message: ChatMessage) => systemText(message, this.systemTexts);

  constructor() {
    effect(() => {
      this.rows();
      afterNextRender(() => this.adjustScroll(), { injector: this.injector });
    });
  }

  protected onScroll(): void {
    const el = this.host;
    this.stickToBottom = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
    if (el.scrollTop < LOAD_OLDER_PX) this.requestOlder();
  }

  private requestOlder(): void {
    if (this.ready() && this.hasOlder() && !this.loadingOlder()) this.loadOlder.emit();
  }

  private adjustScroll(): void {
    const el = this.host;
    const messages = this.messages();
    const first = messages[0] ? messageKey(messages[0]) : '';
    const lastMessage = messages.at(-1);
    const last = lastMessage ? messageKey(lastMessage) : '';
    const prepended = !!this.previous.first && first !== this.previous.first && last === this.previous.last;
    const sentByMe = last !== this.previous.last && !!lastMessage?.pending;
    if (prepended) el.scrollTop += el.scrollHeight - this.previous.height;
    else if (this.stickToBottom || sentByMe) el.scrollTop = el.scrollHeight;
    this.previous = { first, last, height: el.scrollHeight };
    // Not enough messages to scroll: there is no scroll event to load older ones, so ask now.
    if (el.scrollHeight <= el.clientHeight) this.requestOlder();
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { AvatarComponent, avatarColor, IconComponent, UserAvatarComponent } from '@lc/platform/web';
import { ConversationLook } from '../data/conversation-look';
import type { ConversationItem } from '@lc/protocol';

/**
 * How a conversation looks in lists and headers: a "#" tile for a channel, the colleague (with presence)
 * of a chat, the neutral visitor avatar for a kind that says so (live chats), else the initials of its name
 * (another kind's conversation is named after the person in it).
 */
@Component({
  selector: 'lc-conversation-avatar',
  imports: [AvatarComponent, IconComponent, UserAvatarComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (conversation().kind === 'channel') {
      <span class="lc-channel-tile" [style.width.px]="size()" [style.height.px]="size()" [style.background-color]="color()">
        <lc-icon name="hash" [size]="size() * 0.6" />
      </span>
    } @else if (visitor()) {
      <lc-avatar [name]="conversation().name" [size]="size()" [visitor]="true" />
    } @else {
      <lc-user-avatar [name]="personName()" [userId]="colleague()?.id" [size]="size()" />
    }
  `,
  styles: `
    :host { display: inline-flex; flex: none; }
    .lc-channel-tile { display: inline-flex; align-items: center; justify-content: center; border-radius: 22%; color: #fff; }
  `,
})
export class ConversationAvatarComponent {
  readonly conversation = input.required<ConversationItem>();
  readonly size = input(32);
  private readonly look = inject(ConversationLook);
  protected readonly visitor = computed(() => this.look.visitorAvatar(this.conversation()));

  /** The other member of a one-to-one chat. */
  protected readonly colleague = computed(() => (this.conversation().kind === 'chat' ? this.conversation().members?.[0] : undefined));
  protected readonly personName = computed(() => this.colleague()?.name ?? this.conversation().name);
  protected readonly color = computed(() => avatarColor(this.conversation().name));
}

import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { avatarColor, IconComponent, UserAvatarComponent } from '@lc/platform/web';
import type { ConversationItem } from '@lc/protocol';

/**
 * How a conversation looks in lists and headers: the colleague (with presence) of a chat, the visitor of a
 * live chat, a "#" tile for a channel.
 */
@Component({
  selector: 'lc-conversation-avatar',
  imports: [IconComponent, UserAvatarComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (conversation().kind === 'channel') {
      <span class="lc-channel-tile" [style.width.px]="size()" [style.height.px]="size()" [style.background-color]="color()">
        <lc-icon name="hash" [size]="size() * 0.6" />
      </span>
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

  /** The other member of a one-to-one chat. */
  protected readonly colleague = computed(() => (this.conversation().kind === 'chat' ? this.conversation().members?.[0] : undefined));
  protected readonly personName = computed(() => this.conversation().livechat?.visitorName ?? this.colleague()?.name ?? this.conversation().name);
  protected readonly color = computed(() => avatarColor(this.conversation().name));
}

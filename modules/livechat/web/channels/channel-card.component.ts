import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DropdownComponent, IconComponent, plural, UserAvatarComponent } from '@lc/platform/web';
import type { LivechatChannelItem } from '@lc/protocol';
import { satisfactionText } from '../sessions/rating-format';

/** Odoo's live chat channel card: name, ongoing sessions, satisfaction, Join/Leave, and the operators inside. */
@Component({
  selector: 'lc-channel-card',
  imports: [DropdownComponent, IconComponent, RouterLink, UserAvatarComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './channel-card.component.html',
  styleUrl: './channel-card.component.css',
  host: { class: 'lc-kanban-card lc-channel-card', '[attr.data-channel-id]': 'channel().id' },
})
export class ChannelCardComponent {
  protected sessionsLabel(): string {
    return plural($localize`:@@livechat.channelCard.sessionCount:{count, plural, one {# Session} other {# Sessions}}`, this.channel().ongoingSessions);
  }
  readonly channel = input.required<LivechatChannelItem>();
  readonly canConfigure = input(false);
  readonly busy = input(false);
  readonly joinChange = output<boolean>();
  protected readonly satisfaction = computed(() => satisfactionText(this.channel().satisfaction));
}

import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DropdownComponent, IconComponent, UserAvatarComponent } from '@lc/platform/web';
import type { LivechatChannelItem } from '@lc/protocol';

/** Odoo's live chat channel card: name, ongoing sessions, Join/Leave, and the operators inside. */
@Component({
  selector: 'lc-channel-card',
  imports: [DropdownComponent, IconComponent, RouterLink, UserAvatarComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './channel-card.component.html',
  styleUrl: './channel-card.component.css',
  host: { class: 'lc-kanban-card lc-channel-card', '[attr.data-channel-id]': 'channel().id' },
})
export class ChannelCardComponent {
  readonly channel = input.required<LivechatChannelItem>();
  readonly canConfigure = input(false);
  readonly busy = input(false);
  readonly joinChange = output<boolean>();
}

import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { PresenceStatus } from '@lc/protocol';
import { AvatarComponent } from './avatar.component';
import { PresenceStore } from './presence.store';

export const presenceLabels = (): Record<PresenceStatus, string> => ({
  online: $localize`:@@base.presence.online:Online`,
  away: $localize`:@@base.presence.away:Away`,
  offline: $localize`:@@base.presence.offline:Offline`,
});

/**
 * Odoo's presence dot: online filled green, away half-filled yellow, offline hollow grey. Give a user id
 * (read from PresenceStore) or a `status` directly (e.g. a visitor's); nothing is drawn when unknown.
 */
@Component({
  selector: 'lc-presence-dot',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '',
  host: {
    class: 'lc-presence-dot',
    role: 'img',
    '[class.lc-presence-online]': "shown() === 'online'",
    '[class.lc-presence-away]': "shown() === 'away'",
    '[class.lc-presence-offline]': "shown() === 'offline'",
    '[hidden]': '!shown()',
    '[attr.aria-label]': 'label()',
    '[attr.title]': 'label()',
    '[attr.data-status]': 'shown()',
    '[style.width.px]': 'size()',
    '[style.height.px]': 'size()',
  },
})
export class PresenceDotComponent {
  readonly userId = input<number | null | undefined>(null);
  readonly status = input<PresenceStatus | null | undefined>(null);
  readonly size = input(10);
  private readonly presence = inject(PresenceStore);

  protected readonly shown = computed<PresenceStatus | null>(() => {
    const id = this.userId();
    return this.status() ?? (id ? this.presence.status(id) : null);
  });
  protected readonly label = computed(() => (this.shown() ? presenceLabels()[this.shown()!] : null));
}

/** An avatar with its presence dot at the bottom right: how people appear in menus, lists and headers. */
@Component({
  selector: 'lc-user-avatar',
  imports: [AvatarComponent, PresenceDotComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <lc-avatar [name]="name()" [size]="size()" />
    <lc-presence-dot class="lc-user-avatar-dot" [userId]="userId()" [status]="status()" [size]="dotSize()" />
  `,
  host: { class: 'lc-user-avatar' },
})
export class UserAvatarComponent {
  readonly name = input.required<string>();
  readonly userId = input<number | null | undefined>(null);
  readonly status = input<PresenceStatus | null | undefined>(null);
  readonly size = input(32);
  protected readonly dotSize = computed(() => Math.max(8, Math.round(this.size() * 0.32)));
}

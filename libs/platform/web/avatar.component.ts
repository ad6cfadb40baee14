import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ICON_SET, iconHref } from './icons';

const AVATAR_COLORS = ['#71639e', '#017e84', '#e07a5f', '#3d85c6', '#6aa84f', '#c27ba0', '#b45f06', '#674ea7', '#0b8a8a', '#a64d79'];

/** A visitor's avatar: one neutral look for every visitor (a person on grey), never initials of "Visitor #12". */
export const VISITOR_AVATAR_COLOR = '#adb5bd';

/** Initials in a coloured circle; the colour is stable per name (Odoo's default avatars). */
export function avatarColor(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return AVATAR_COLORS[Math.abs(hash) % AVATAR_COLORS.length];
}

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return '?';
  const letters = words.length === 1 ? [[...words[0]][0]] : [[...words[0]][0], [...words[words.length - 1]][0]];
  return letters.join('').toUpperCase();
}

@Component({
  selector: 'lc-avatar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (visitor()) {
      <svg [attr.width]="size() * 0.62" [attr.height]="size() * 0.62" fill="currentColor" aria-hidden="true" focusable="false"><use [attr.href]="person" /></svg>
    } @else {
      {{ letters() }}
    }
  `,
  host: {
    class: 'lc-avatar',
    role: 'img',
    '[class.lc-avatar-visitor]': 'visitor()',
    '[attr.aria-label]': 'name()',
    '[style.background-color]': 'color()',
    '[style.width.px]': 'size()',
    '[style.height.px]': 'size()',
    '[style.font-size.px]': 'size() * 0.42',
  },
})
export class AvatarComponent {
  readonly name = input.required<string>();
  readonly size = input(32);
  /** A website visitor: the neutral visitor avatar, the same for all. */
  readonly visitor = input(false);
  protected readonly person = iconHref(inject(ICON_SET), 'user');
  protected readonly letters = computed(() => initials(this.name()));
  protected readonly color = computed(() => (this.visitor() ? VISITOR_AVATAR_COLOR : avatarColor(this.name())));
}

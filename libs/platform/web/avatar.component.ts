import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

const AVATAR_COLORS = ['#71639e', '#017e84', '#e07a5f', '#3d85c6', '#6aa84f', '#c27ba0', '#b45f06', '#674ea7', '#0b8a8a', '#a64d79'];

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
  template: `{{ letters() }}`,
  host: {
    class: 'lc-avatar',
    role: 'img',
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
  protected readonly letters = computed(() => initials(this.name()));
  protected readonly color = computed(() => avatarColor(this.name()));
}

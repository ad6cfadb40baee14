import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { IconComponent } from '@lc/platform/web';
import type { ConversationItem, ConversationKind } from '@lc/protocol';
import { ConversationsStore } from '../../data/conversations.store';
import { ConversationAvatarComponent } from '../conversation-avatar.component';

interface Category {
  kind: ConversationKind;
  label: string;
  /** The "+" button's tooltip; none for live chats (visitors start them). */
  addLabel?: string;
  items: ConversationItem[];
  unread: number;
}

const COLLAPSED_KEY = 'lc.discuss.collapsedCategories';

/** Discuss's left panel: Channels, Direct messages and (when there are any) Livechat, each collapsible. */
@Component({
  selector: 'lc-discuss-sidebar',
  imports: [ConversationAvatarComponent, IconComponent, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sidebar.component.html',
  styleUrl: './sidebar.component.css',
  host: { class: 'lc-discuss-sidebar' },
})
export class DiscussSidebarComponent {
  readonly selectedId = input<number | null>(null);
  readonly add = output<ConversationKind>();
  private readonly store = inject(ConversationsStore);

  protected readonly collapsed = signal<ReadonlySet<string>>(new Set(readCollapsed()));
  protected readonly categories = computed<Category[]>(() => {
    const list = this.store.list();
    const of = (kind: ConversationKind) => list.filter((c) => c.kind === kind);
    const categories: Category[] = [
      { kind: 'channel', label: 'Channels', addLabel: 'Browse or create channels', items: of('channel').sort((a, b) => a.name.localeCompare(b.name)), unread: 0 },
      { kind: 'chat', label: 'Direct messages', addLabel: 'Start a conversation', items: of('chat'), unread: 0 },
    ];
    const livechats = of('livechat');
    if (livechats.length) categories.push({ kind: 'livechat', label: 'Livechat', items: livechats, unread: 0 });
    return categories.map((c) => ({ ...c, unread: c.items.filter((i) => i.unreadCount > 0).length }));
  });

  protected toggle(kind: string): void {
    this.collapsed.update((set) => {
      const next = new Set(set);
      if (!next.delete(kind)) next.add(kind);
      localStorage.setItem(COLLAPSED_KEY, JSON.stringify([...next]));
      return next;
    });
  }
}

function readCollapsed(): string[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(COLLAPSED_KEY) ?? '[]');
    return Array.isArray(saved) ? saved.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { IconComponent, ShownNamePipe } from '@lc/platform/web';
import type { ConversationItem, ConversationKind } from '@lc/protocol';
import { ConversationLook } from '../../data/conversation-look';
import { ConversationsStore } from '../../data/conversations.store';
import { ConversationAvatarComponent } from '../conversation-avatar.component';

interface Category {
  /** The kind of its conversations; `other` gathers the kinds nobody declared. */
  kind: string;
  label: string;
  /** The "+" button's tooltip: Discuss's own kinds only (others start elsewhere, e.g. by a visitor). */
  addLabel?: string;
  items: ConversationItem[];
  unread: number;
}

const COLLAPSED_KEY = 'lc.discuss.collapsedCategories';

/**
 * Discuss's left panel: Channels, Direct messages, then the other modules' kinds, each collapsible. As in
 * Odoo, a category with nothing in it is hidden; starting a first channel or chat stays one click away.
 */
@Component({
  selector: 'lc-discuss-sidebar',
  imports: [ConversationAvatarComponent, IconComponent, RouterLink, ShownNamePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sidebar.component.html',
  styleUrl: './sidebar.component.css',
  host: { class: 'lc-discuss-sidebar' },
})
export class DiscussSidebarComponent {
  readonly selectedId = input<number | null>(null);
  readonly add = output<ConversationKind>();
  private readonly store = inject(ConversationsStore);
  protected readonly look = inject(ConversationLook);

  protected readonly collapsed = signal<ReadonlySet<string>>(new Set(readCollapsed()));
  private readonly all = computed<Category[]>(() => {
    const list = this.store.list();
    const of = (kind: ConversationKind) => list.filter((c) => c.kind === kind);
    const categories: Category[] = [
      { kind: 'channel', label: $localize`:@@discuss.sidebar.channels:Channels`, addLabel: $localize`:@@discuss.sidebar.browseOrCreateChannels:Browse or create channels`, items: of('channel').sort((a, b) => a.name.localeCompare(b.name)), unread: 0 },
      { kind: 'chat', label: $localize`:@@discuss.sidebar.directMessages:Direct messages`, addLabel: $localize`:@@discuss.sidebar.startAConversation:Start a conversation`, items: of('chat'), unread: 0 },
    ];
    for (const view of this.look.declared) categories.push({ kind: view.kind, label: view.label, items: of(view.kind), unread: 0 });
    categories.push({ kind: 'other', label: $localize`:@@discuss.sidebar.otherConversations:Other conversations`, items: list.filter((c) => !this.look.knows(c.kind)), unread: 0 });
    return categories.map((c) => ({ ...c, unread: c.items.filter((i) => i.unreadCount > 0).length }));
  });
  protected readonly categories = computed(() => this.all().filter((c) => c.items.length));
  /** The "+" of Discuss's own categories that are hidden, empty. */
  protected readonly starters = computed(() => this.all().filter((c) => c.addLabel && !c.items.length));

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

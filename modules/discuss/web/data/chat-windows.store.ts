import { DOCUMENT } from '@angular/common';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { Subscription } from 'rxjs';
import { SessionService, type ModuleService } from '@lc/platform/web';
import { ConversationLook } from './conversation-look';
import { ConversationsStore } from './conversations.store';

export interface ChatWindowState {
  conversationId: number;
  folded: boolean;
}

/** Odoo's dock geometry: 360 px windows, 10 px apart and from the right edge. */
export const CHAT_WINDOW_WIDTH = 360;
const GAP = 10;
const EDGE = 10;
/** Room for the "+N" button of hidden windows. */
const HIDDEN_BUTTON_WIDTH = 56;

/**
 * The chat windows open at the bottom right of every page: which, in what order (first = rightmost) and
 * whether folded. Kept in localStorage per user so that a reload shows the same windows.
 */
@Injectable({ providedIn: 'root' })
export class ChatWindowsStore implements ModuleService {
  private readonly conversations = inject(ConversationsStore);
  private readonly look = inject(ConversationLook);
  private readonly session = inject(SessionService);
  private readonly window = inject(DOCUMENT).defaultView!;
  private readonly states = signal<readonly ChatWindowState[]>([]);
  private readonly viewportWidth = signal(this.window.innerWidth);
  private readonly onResize = () => this.viewportWidth.set(this.window.innerWidth);
  private subscription?: Subscription;
  private storageKey?: string;

  /** Open windows whose conversation we know (a left or deleted one disappears once the list is loaded). */
  readonly windows = computed(() => {
    const loaded = this.conversations.loaded();
    return this.states().filter((w) => !loaded || !!this.conversations.conversation(w.conversationId));
  });
  private readonly shownCount = computed(() => {
    const count = this.windows().length;
    const width = this.viewportWidth() - 2 * EDGE + GAP;
    const fitting = Math.floor(width / (CHAT_WINDOW_WIDTH + GAP));
    if (count <= fitting) return count;
    return Math.max(1, Math.floor((width - HIDDEN_BUTTON_WIDTH - GAP) / (CHAT_WINDOW_WIDTH + GAP)));
  });
  readonly shown = computed(() => this.windows().slice(0, this.shownCount()));
  readonly hidden = computed(() => this.windows().slice(this.shownCount()));
  /** Discuss shows a conversation in full: its window would only repeat it there. */
  shownBeside(conversationId: number | null): ChatWindowState[] {
    return this.shown().filter((w) => w.conversationId !== conversationId);
  }
  /** The window whose composer should take the focus (opened by the user, not by an incoming chat). */
  readonly focusRequest = signal<{ conversationId: number } | null>(null);

  start(): void {
    const userId = this.session.user()?.id;
    this.storageKey = userId ? `lc.discuss.chatWindows.${userId}` : undefined;
    this.states.set(this.restore());
    this.window.addEventListener('resize', this.onResize);
    // A conversation that needs someone (its kind says so: a live chat assigned) opens without taking the focus.
    this.subscription = this.conversations.appeared$.subscribe((item) => this.look.opensWindow(item) && this.open(item.id, { focus: false }));
  }

  stop(): void {
    this.window.removeEventListener('resize', this.onResize);
    this.subscription?.unsubscribe();
    this.states.set([]);
    this.storageKey = undefined;
  }

  isOpen(conversationId: number): boolean {
    return this.states().some((w) => w.conversationId === conversationId);
  }

  /** Shows the conversation's window unfolded, among the visible ones (first when it was not). */
  open(conversationId: number, { focus = true } = {}): void {
    const existing = this.states().find((w) => w.conversationId === conversationId);
    const visible = existing && this.shown().includes(existing);
    const others = this.states().filter((w) => w.conversationId !== conversationId);
    const opened = { conversationId, folded: false };
    if (existing && visible) this.save(this.states().map((w) => (w === existing ? opened : w)));
    else this.save([opened, ...others]);
    if (focus) this.focusRequest.set({ conversationId });
  }

  close(conversationId: number): void {
    this.save(this.states().filter((w) => w.conversationId !== conversationId));
  }

  toggleFold(conversationId: number): void {
    this.save(this.states().map((w) => (w.conversationId === conversationId ? { ...w, folded: !w.folded } : w)));
  }

  private save(states: ChatWindowState[]): void {
    this.states.set(states);
    if (!this.storageKey) return;
    try {
      this.window.localStorage.setItem(this.storageKey, JSON.stringify(states));
    } catch {
      // Storage full or disabled: windows just will not survive a reload.
    }
  }

  private restore(): ChatWindowState[] {
    try {
      const saved: unknown = JSON.parse((this.storageKey && this.window.localStorage.getItem(this.storageKey)) || '[]');
      if (!Array.isArray(saved)) return [];
      return saved
        .filter((w): w is ChatWindowState => Number.isInteger(w?.conversationId) && typeof w?.folded === 'boolean')
        .map((w) => ({ conversationId: w.conversationId, folded: w.folded }));
    } catch {
      return [];
    }
  }
}

import { DOCUMENT } from '@angular/common';
import { inject, Injectable, signal } from '@angular/core';
import { SessionService } from '@lc/platform/web';

const KEY_PREFIX = 'lc.discuss.draft';

/**
 * What the user has typed but not sent, per conversation (Odoo keeps a composer draft per thread): one
 * text shared by the conversation's chat window and Discuss, kept in localStorage per user so that it
 * survives folding, navigation and a reload. Sending clears it.
 */
@Injectable({ providedIn: 'root' })
export class DraftsStore {
  private readonly session = inject(SessionService);
  private readonly storage = inject(DOCUMENT).defaultView?.localStorage;
  /** Texts typed in this page: every composer of the conversation reads them, so they agree as you type. */
  private readonly drafts = signal<ReadonlyMap<string, string>>(new Map());
  /** What storage held when first asked (an earlier page, another tab), read once per conversation. */
  private readonly saved = new Map<string, string>();

  draft(conversationId: number): string {
    const key = this.key(conversationId);
    if (!key) return '';
    const typed = this.drafts().get(key);
    if (typed !== undefined) return typed;
    if (!this.saved.has(key)) this.saved.set(key, this.read(key));
    return this.saved.get(key)!;
  }

  set(conversationId: number, text: string): void {
    const key = this.key(conversationId);
    if (!key) return;
    this.drafts.update((map) => new Map(map).set(key, text));
    try {
      if (text) this.storage?.setItem(key, text);
      else this.storage?.removeItem(key);
    } catch {
      // Storage full or disabled: the draft lasts until the page is left.
    }
  }

  clear(conversationId: number): void {
    this.set(conversationId, '');
  }

  private key(conversationId: number): string | undefined {
    const userId = this.session.user()?.id;
    return userId ? `${KEY_PREFIX}.${userId}.${conversationId}` : undefined;
  }

  private read(key: string): string {
    try {
      return this.storage?.getItem(key) ?? '';
    } catch {
      return '';
    }
  }
}

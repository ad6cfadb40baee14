import { inject, Injectable } from '@angular/core';
import { plural, presenceLabels, PresenceStore, SessionService, shownName, type ConversationKindView, type WebModule, WEB_MODULES } from '@lc/platform/web';
import type { ConversationItem, Message } from '@lc/protocol';


/**
 * How a conversation looks and behaves in Discuss, by kind, in one place: Discuss's own (`channel`,
 * `chat`), the kinds other modules declare (`conversationKinds` of their web part), and the generic look
 * of a kind nobody declares.
 */
@Injectable({ providedIn: 'root' })
export class ConversationLook {
  private readonly presence = inject(PresenceStore);
  private readonly session = inject(SessionService);
  private readonly views = declaredKinds(inject(WEB_MODULES));
  /** The other modules' kinds in order: their sidebar sections and menu tabs come after Discuss's own. */
  readonly declared: readonly ConversationKindView[] = [...this.views.values()].sort((a, b) => (a.sequence ?? 50) - (b.sequence ?? 50));

  /** Discuss's own kind or one a module declared: the others get the generic look. */
  knows(kind: string): boolean {
    return kind === 'channel' || kind === 'chat' || this.views.has(kind);
  }

  /** "#general" for a channel, else the name. */
  title(c: ConversationItem): string {
    return c.kind === 'channel' ? `#${c.name}` : shownName(c.name);
  }

  subtitle(c: ConversationItem): string {
    if (c.kind === 'channel') {
      const count = (c.members?.length ?? 0) + 1;
      return plural($localize`:@@discuss.look.members:{count, plural, one {# member} other {# members}}`, count);
    }
    if (c.kind === 'chat') {
      const status = c.members?.[0] ? this.presence.status(c.members[0].id) : null;
      return status ? presenceLabels()[status] : '';
    }
    return this.views.get(c.kind)?.subtitle?.(c) ?? '';
  }

  ended(c: ConversationItem): boolean {
    return this.views.get(c.kind)?.ended?.(c) ?? false;
  }

  canLeave(c: ConversationItem): boolean {
    return this.views.get(c.kind)?.canLeave?.(c, this.session.user()?.id ?? 0) ?? true;
  }

  emptyPreview(c: ConversationItem): string {
    return this.views.get(c.kind)?.emptyPreview ?? $localize`:@@discuss.look.noMessageYet:No message yet`;
  }

  notificationTitle(c: ConversationItem, message: Message): string {
    if (c.kind === 'chat') return shownName(message.author.name, message.author.kind);
    const declared = this.views.get(c.kind)?.notificationTitle;
    return declared ? declared(c, message) : `${shownName(message.author.name, message.author.kind)} in ${this.title(c)}`;
  }

  opensWindow(c: ConversationItem): boolean {
    return this.views.get(c.kind)?.opensWindow?.(c) ?? false;
  }

  panel(c: ConversationItem): ConversationKindView['panel'] {
    return this.views.get(c.kind)?.panel;
  }

  /** The neutral visitor avatar instead of initials. */
  visitorAvatar(c: ConversationItem): boolean {
    return this.views.get(c.kind)?.visitorAvatar ?? false;
  }

  banner(c: ConversationItem): ConversationKindView['banner'] {
    return this.views.get(c.kind)?.banner;
  }
}

/** The kinds declared by the web modules; a kind declared again (or one of Discuss's own) is left out, and said. */
function declaredKinds(modules: readonly WebModule[]): ReadonlyMap<string, ConversationKindView> {
  const views = new Map<string, ConversationKindView>();
  for (const module of modules) {
    for (const view of module.conversationKinds ?? []) {
      if (views.has(view.kind) || view.kind === 'channel' || view.kind === 'chat') console.error(`Module "${module.name}": conversation kind "${view.kind}" is Discuss's own or already declared`);
      else views.set(view.kind, view);
    }
  }
  return views;
}

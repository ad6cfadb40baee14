import { Injectable, signal } from '@angular/core';
import type { ConversationItem } from '@lc/protocol';

/** An action another module adds to conversations (chat window menu, Discuss header), e.g. "End conversation". */
export interface ConversationAction {
  id: string;
  label: string;
  icon?: string;
  /** Drawn in red: it ends or removes something. */
  danger?: boolean;
  appliesTo(conversation: ConversationItem): boolean;
  run(conversation: ConversationItem): Promise<void>;
}

/**
 * Where modules register conversation actions without the discuss module knowing them: a module's
 * service registers its action in start() and removes it in stop(), so it is offered only while enabled.
 */
@Injectable({ providedIn: 'root' })
export class ConversationActions {
  private readonly actions = signal<readonly ConversationAction[]>([]);
  readonly all = this.actions.asReadonly();

  /** Returns the function that removes it again. */
  register(action: ConversationAction): () => void {
    this.actions.update((list) => [...list.filter((a) => a.id !== action.id), action]);
    return () => this.actions.update((list) => list.filter((a) => a !== action));
  }

  for(conversation: ConversationItem): ConversationAction[] {
    return this.actions().filter((action) => action.appliesTo(conversation));
  }
}

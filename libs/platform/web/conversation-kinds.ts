import type { Type } from '@angular/core';
import type { ConversationItem, Message } from '@lc/protocol';

/** A component that Discuss loads when it first shows it, with one input: `conversation` (the list item). */
export type ConversationComponent = () => Promise<Type<unknown>>;

/**
 * How Discuss shows the conversations of a kind another module brings (declared in its
 * `defineWebModule({ conversationKinds })`). Discuss itself knows only its own kinds, `channel` and `chat`;
 * a kind that no module declares gets the generic look (an "Other conversations" section, its name as
 * avatar, nothing beside the thread). Everything here reads the item alone, as the server sends it,
 * so that the list, the windows and the notifications agree without asking the server.
 */
export interface ConversationKindView {
  /** The `kind` of the items it describes. */
  kind: string;
  /** Its section in Discuss's sidebar (drawn upper-case, shown while it has conversations) and its tab in the messaging menu. */
  label: string;
  /** Order among the other modules' kinds, which come after Discuss's own (default 50). */
  sequence?: number;
  /** The line under the name in Discuss's header. */
  subtitle?(conversation: ConversationItem): string;
  /** No one can write any more: the composer is off with "This conversation has ended", the sidebar row is dimmed. */
  ended?(conversation: ConversationItem): boolean;
  /** Whether Discuss offers "Leave" to the signed-in user `me` (default: always). */
  canLeave?(conversation: ConversationItem, me: number): boolean;
  /** The preview line while it has no message (default "No message yet"). */
  emptyPreview?: string;
  /** The title of a desktop notification (default "Ann in Name"). */
  notificationTitle?(conversation: ConversationItem, message: Message): string;
  /** A conversation of this kind that reaches the user after sign-in opens its chat window by itself. */
  opensWindow?(conversation: ConversationItem): boolean;
  /** Beside the thread in Discuss, shown or hidden with a header button named `label` (on a phone, instead of the thread when asked for). */
  panel?: { label: string; component: ConversationComponent };
  /** Its conversations are named after a website visitor: they show the neutral visitor avatar. */
  visitorAvatar?: boolean;
  /** Above the thread in a chat window, a line of context. */
  banner?: ConversationComponent;
}

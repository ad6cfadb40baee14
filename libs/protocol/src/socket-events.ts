import type { ModulesEvent } from './base';
import type { ErrorI18n } from './languages';
import { LivechatSocketEvents } from './livechat';

/** The platform's and discuss's socket event names (DESIGN.md, "Socket.io"); each module adds its own. */
export const CoreSocketEvents = {
  message: 'message',
  conversation: 'conversation',
  /** ConversationLeftEvent: the user is no longer a member (they left, or a live chat was handed to someone else). */
  conversationLeft: 'conversation.left',
  presence: 'presence',
  typing: 'typing',
  activity: 'activity',
  /** ModulesEvent: a module was enabled or disabled (menus, slots and services follow at once). */
  modules: 'modules',
} as const;

/** Every socket event name, one table for server, web and tests. */
export const SocketEvents = { ...CoreSocketEvents, ...LivechatSocketEvents } as const;

/*
 * The socket.io events of each module, by direction, for the AsyncAPI document (/api/asyncapi.yaml): the
 * host reads `<Module>ServerEvents` (what the server emits), `<Module>ClientEvents` (what it handles),
 * `<Module>ClientAcks` (their acknowledgements; any of them may instead be a SocketError) and
 * `<Module>Handshake` (a credential of the handshake's `auth`), `Platform…` for the host's own. Property
 * names are the event names.
 */

/** The error acknowledgement of any client event: malformed, refused, a disabled module's, or a flood (429). */
export interface SocketError {
  error: string;
  /** The HTTP status it would be: 400, 403, 404, 429, 503… */
  status?: number;
  /** With 429: seconds to wait. */
  retryAfter?: number;
  /** The messages of `error` as translatable keys, as in an HTTP error's `i18n`. */
  i18n?: ErrorI18n[];
}

/** What the host emits itself. */
export interface PlatformServerEvents {
  modules: ModulesEvent;
}

/** A signed-in user's handshake: `auth: {token}` with the token login answered (or, from the shell's own origin, the session cookie alone). */
export interface PlatformHandshake {
  token: string;
}

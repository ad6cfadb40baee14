import type { ConversationItem, Message } from '@lc/protocol';

/** A message as the views show it: a stored one, or one of ours still on its way (`pending`) or refused (`error`). */
export interface ChatMessage extends Message {
  /** Sent, not yet acknowledged: drawn faded; it is retried with the same clientId until stored. */
  pending?: boolean;
  /** Refused by the server (e.g. the live chat has ended): drawn in red with the reason. */
  error?: string;
}

/**
 * Key for @for tracking: by clientId (unique per author and conversation) when there is one, so that our
 * pending row becomes the stored message in place.
 */
export const messageKey = (message: ChatMessage): string =>
  message.clientId ? `c:${message.author.kind}:${message.author.id}:${message.clientId}` : `m:${message.id}`;

const isSameSend = (a: ChatMessage, b: Message) => !!a.clientId && a.clientId === b.clientId && a.author.kind === b.author.kind && a.author.id === b.author.id;

/**
 * Adds stored messages to a thread: each once (by id), in id order, replacing our pending copy of the same
 * clientId; pending ones stay last, in the order they were sent.
 */
export function mergeMessages(current: readonly ChatMessage[], incoming: readonly Message[]): ChatMessage[] {
  if (!incoming.length) return current as ChatMessage[];
  const stored = new Map<number, ChatMessage>();
  let outbox: ChatMessage[] = [];
  for (const message of current) {
    if (message.pending || message.error) outbox.push(message);
    else stored.set(message.id, message);
  }
  for (const message of incoming) {
    stored.set(message.id, message);
    outbox = outbox.filter((local) => !isSameSend(local, message));
  }
  return [...[...stored.values()].sort((a, b) => a.id - b.id), ...outbox];
}

/** The newest stored message id of a thread (0 when none): where a gap-fill starts. */
export function lastStoredId(messages: readonly ChatMessage[]): number {
  for (let i = messages.length - 1; i >= 0; i--) if (!messages[i].pending && !messages[i].error) return messages[i].id;
  return 0;
}

/** Conversations by most recent activity, as the server sorts them. */
export function byLastActivity(a: ConversationItem, b: ConversationItem): number {
  return (b.lastMessage?.id ?? 0) - (a.lastMessage?.id ?? 0) || b.id - a.id;
}

/** A new clientId: unique per send, matching the server's /^[\w.:-]{1,64}$/. */
export function newClientId(): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  return `web-${random}`;
}

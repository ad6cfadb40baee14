import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppSocket, Sql } from '@lc/platform/server';
import type { AuthorKind, ConversationItem, Message, SocketMessageDto } from '@lc/protocol';
import type { Conversation } from './entities';

/** What a module adds to the items of its conversations: fields of its own, or another `name`. */
export type ItemDetails = Partial<Pick<ConversationItem, 'name'>> & Record<string, unknown>;

export type GuestMessageHandler = (socket: AppSocket, dto: SocketMessageDto) => Promise<Message>;

/**
 * Facts a module keeps about the messages of its own kind of conversation (say, when a guest first wrote
 * and when a user first answered), written in the message's own transaction. Called for
 * every message `MessagesService.post` stores in a conversation of that kind: the hot path, so `statement`
 * answers null for nearly all of them, from memory, and allocates nothing then.
 */
export interface MessageFactsHook {
  /**
   * Inside the message's transaction: an UPDATE, INSERT or DELETE of the module's own tables, or null. On
   * PostgreSQL it runs within the message's one statement (a WITH part), also for a repeated clientId that
   * stores nothing: it must then change nothing (write "if not yet set" facts).
   */
  statement(conversationId: number, authorKind: AuthorKind, createdAt: Date): Sql | null;
  /** Once the transaction that ran that statement committed. */
  committed(conversationId: number, authorKind: AuthorKind): void;
}

/**
 * Who guests write as in a module's kind of conversation, and whether they may write now, as SQL: a SELECT
 * of "conversationId", "authorId" and "authorName", at most one row per conversation, for the conversations
 * a guest may write in now (a live chat that has not ended). Discuss reads it inside the message's own
 * statement (`MessagesService.postAsGuest`): the guest's message needs no read of its own before it.
 */
export type GuestAuthorsSql = string;

/**
 * Called inside the transaction that removes a member from a conversation of the module's kind, before the
 * removal: it may refuse (throw an HttpException) or store a system message (its id, delivered once committed).
 */
export type LeaveHook = (tx: EntityManager, conversation: Conversation, userId: number) => Promise<number | null>;

/**
 * How modules that depend on discuss extend it without discuss knowing them: named hooks that discuss
 * calls, each registered once by the module that owns it (never a slot another module could overwrite).
 */
@Injectable()
export class DiscussHooks {
  /** Extra fields for conversation items, by conversation id. */
  readonly itemDetails: Array<(conversations: Array<Pick<Conversation, 'id' | 'kind'>>) => Promise<Map<number, ItemDetails>>> = [];
  private readonly guestMessages = new Map<string, GuestMessageHandler>();
  private readonly messageFactsByKind = new Map<string, MessageFactsHook>();
  private readonly leaveByKind = new Map<string, LeaveHook>();
  private readonly guestAuthorsByKind = new Map<string, GuestAuthorsSql>();

  /** The module that recognises a kind of guest (socket identity) answers their `message` events. */
  onGuestMessage(module: string, handler: GuestMessageHandler): void {
    if (this.guestMessages.has(module)) throw new Error(`The ${module} module registered its guest message handler twice`);
    this.guestMessages.set(module, handler);
  }

  guestMessageHandler(module: string): GuestMessageHandler | undefined {
    return this.guestMessages.get(module);
  }

  /** The module that brings a kind of conversation keeps facts about its messages (one hook per kind). */
  onMessageFacts(kind: string, hook: MessageFactsHook): void {
    if (this.messageFactsByKind.has(kind)) throw new Error(`Message facts of "${kind}" conversations were registered twice`);
    this.messageFactsByKind.set(kind, hook);
  }

  messageFacts(kind: string): MessageFactsHook | undefined {
    return this.messageFactsByKind.get(kind);
  }

  /** The module that brings a kind of conversation says who its guests write as (one per kind). */
  onGuestAuthors(kind: string, select: GuestAuthorsSql): void {
    if (this.guestAuthorsByKind.has(kind)) throw new Error(`Guest authors of "${kind}" conversations were registered twice`);
    this.guestAuthorsByKind.set(kind, select);
  }

  guestAuthors(kind: string): GuestAuthorsSql | undefined {
    return this.guestAuthorsByKind.get(kind);
  }

  /** The module that brings a kind of conversation decides what a member leaving it means (one hook per kind). */
  onLeave(kind: string, hook: LeaveHook): void {
    if (this.leaveByKind.has(kind)) throw new Error(`Leaving "${kind}" conversations was registered twice`);
    this.leaveByKind.set(kind, hook);
  }

  leaveHook(kind: string): LeaveHook | undefined {
    return this.leaveByKind.get(kind);
  }
}

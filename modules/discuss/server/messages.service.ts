import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, LessThan, MoreThan, type FindOptionsWhere } from 'typeorm';
import { Realtime, sql, SqlRunner, userRoom } from '@lc/platform/server';
import { MESSAGES_PAGE_MAX, SocketEvents, type AuthorKind, type ConversationKind, type Message, type MessagesQueryDto } from '@lc/protocol';
import { User } from '../../base/server/public-api';
import { conversationRoom } from './conversation-rooms';
import { ConversationsService } from './conversations.service';
import { Conversation, Member, MessageRecord } from './entities';
import { toMessage } from './message-mapper';

export interface Author {
  kind: AuthorKind;
  id: number | null;
  name: string;
}

/** What posting needs of a conversation (kind: live chats use the Online Chat Name and have a session). */
export type ConversationRef = Pick<Conversation, 'id' | 'kind'>;

export interface PostResult {
  message: Message;
  /** False when the clientId was seen before: nothing was stored or delivered again. */
  created: boolean;
}

@Injectable()
export class MessagesService {
  /** Reads the conversation, the user and their membership at once (the user table is the base module's). */
  private readonly postContextQuery: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sql: SqlRunner,
    private readonly conversations: ConversationsService,
    private readonly realtime: Realtime,
  ) {
    this.postContextQuery = `SELECT c."kind", u."name", u."livechatUsername", m."id" AS "memberId"
      FROM "discuss_conversation" c JOIN "${db.getMetadata(User).tableName}" u ON u."id" = ?
      LEFT JOIN "discuss_member" m ON m."conversationId" = c."id" AND m."userId" = u."id"
      WHERE c."id" = ?`;
  }

  /**
   * Stores the message, then delivers it: acknowledged only once committed. One transaction (shared with
   * the other messages of this moment) stores it, moves the conversation's last message and the author's
   * read position, and reads who to deliver to. A repeated clientId of the same author returns the stored
   * message and delivers nothing again. `senderSocketId`: the socket that sent it gets it in its ack only.
   */
  async post(conversation: ConversationRef, author: Author, body: string, clientId?: string, senderSocketId?: string): Promise<PostResult> {
    const createdAt = new Date();
    const authorName = author.name.slice(0, 100);
    const stored = await this.sql.write(function* () {
      const [inserted] = yield sql`INSERT INTO "discuss_message" ("conversationId", "authorKind", "authorId", "authorName", "body", "clientId", "createdAt")
        VALUES (${conversation.id}, ${author.kind}, ${author.id}, ${authorName}, ${body}, ${clientId ?? null}, ${createdAt})
        ON CONFLICT DO NOTHING RETURNING "id"`;
      if (!inserted) return null; // the unique (conversation, author, clientId) index already holds this send
      const id = Number(inserted.id);
      yield sql`UPDATE "discuss_conversation" SET "lastMessageId" = ${id} WHERE "id" = ${conversation.id} AND ("lastMessageId" IS NULL OR "lastMessageId" < ${id})`;
      if (author.kind === 'user') yield sql`UPDATE "discuss_member" SET "lastSeenMessageId" = ${id} WHERE "conversationId" = ${conversation.id} AND "userId" = ${author.id} AND "lastSeenMessageId" < ${id}`;
      const members = yield sql`SELECT "userId" FROM "discuss_member" WHERE "conversationId" = ${conversation.id}`;
      return { id, memberIds: members.map((m) => Number(m.userId)) };
    });
    if (!stored) {
      const existing = clientId && (await this.findByClientId(conversation.id, author, clientId));
      if (!existing) throw new Error(`Message of conversation ${conversation.id} was neither stored nor found`);
      return { message: toMessage(existing), created: false };
    }

    const message: Message = { id: stored.id, conversationId: conversation.id, author: { kind: author.kind, id: author.id, name: authorName }, body, clientId: clientId ?? null, createdAt: createdAt.toISOString() };
    const rooms = [...stored.memberIds.map(userRoom), conversationRoom(conversation.id)];
    (senderSocketId ? this.realtime.server.to(rooms).except(senderSocketId) : this.realtime.server.to(rooms)).emit(SocketEvents.message, message);
    return { message, created: true };
  }

  /**
   * The conversation a user may post in, and who they write as (their Online Chat Name in live chats, their
   * name when it is empty), in one read: 404 when unknown or private, 403 for a channel they are not in.
   */
  async userPostContext(conversationId: number, userId: number): Promise<{ conversation: ConversationRef; author: Author }> {
    const [row] = await this.sql.read({ text: this.postContextQuery, params: [userId, conversationId] });
    const kind = row?.kind as ConversationKind | undefined;
    if (!kind || (row.memberId === null && kind !== 'channel')) throw new NotFoundException(`Conversation ${conversationId} not found`);
    if (row.memberId === null) throw new ForbiddenException(`You are not a member of conversation ${conversationId}`);
    const name = String(row.name);
    return { conversation: { id: conversationId, kind }, author: { kind: 'user', id: userId, name: kind === 'livechat' ? (row.livechatUsername as string | null) || name : name } };
  }

  /** Newest first; `before` pages back, `after` gap-fills after a reconnect. */
  async history(conversationId: number, query: MessagesQueryDto): Promise<Message[]> {
    const where: FindOptionsWhere<MessageRecord> = { conversationId };
    if (query.before) where.id = LessThan(query.before);
    if (query.after !== undefined) where.id = MoreThan(query.after);
    const records = await this.db.getRepository(MessageRecord).find({ where, order: { id: 'DESC' }, take: Math.min(query.limit ?? 30, MESSAGES_PAGE_MAX) });
    return records.map(toMessage);
  }

  /** The whole conversation, oldest first (the visitor's view). */
  async all(conversationId: number): Promise<Message[]> {
    return (await this.db.getRepository(MessageRecord).find({ where: { conversationId }, order: { id: 'ASC' } })).map(toMessage);
  }

  /** Moves the member's read position forward (never back, never past the last message). */
  async markSeen(conversation: Conversation, userId: number, lastMessageId: number): Promise<void> {
    const messageId = Math.min(lastMessageId, conversation.lastMessageId ?? 0);
    await this.db.getRepository(Member).update({ conversationId: conversation.id, userId, lastSeenMessageId: LessThan(messageId) }, { lastSeenMessageId: messageId });
    await this.conversations.announce(conversation.id, [userId]); // every tab and device of the user un-bolds it
  }

  private findByClientId(conversationId: number, author: Author, clientId: string): Promise<MessageRecord | null> {
    return this.db.getRepository(MessageRecord).findOneBy({ conversationId, authorKind: author.kind, authorId: author.id ?? IsNull(), clientId });
  }
}

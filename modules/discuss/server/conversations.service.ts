import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { joinSql, Realtime, sql, SqlRunner, translatableError } from '@lc/platform/server';
import { SocketEvents, type ConversationItem, type ConversationKind, type ConversationLeftEvent } from '@lc/protocol';
import { User } from '../../base/server/public-api';
import { DiscussHooks } from './discuss.hooks';
import { Conversation, Member } from './entities';
import { messageFromRow } from './message-mapper';

@Injectable()
export class ConversationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sql: SqlRunner,
    private readonly hooks: DiscussHooks,
    private readonly realtime: Realtime,
  ) {}

  /** `within`: the caller's transaction, when the conversation is part of a larger write (a live chat session). */
  async create(kind: ConversationKind, name: string, memberIds: number[], within?: EntityManager): Promise<Conversation> {
    // By hand (SqlRunner): a live chat's start creates one, and the ORM's insert costs more than the row.
    const work = async (tx: EntityManager) => {
      const createdAt = new Date();
      const [row] = await this.sql.read(sql`INSERT INTO "discuss_conversation" ("kind", "name", "lastMessageId", "createdAt") VALUES (${kind}, ${name}, ${null}, ${createdAt}) RETURNING "id"`, tx);
      const conversation = Object.assign(new Conversation(), { id: Number(row.id), kind, name, lastMessageId: null, createdAt });
      for (const userId of new Set(memberIds)) await this.addMemberWithin(tx, conversation.id, userId);
      return conversation;
    };
    return within ? work(within) : this.db.transaction(work);
  }

  async get(id: number): Promise<Conversation> {
    const conversation = await this.db.getRepository(Conversation).findOneBy({ id });
    if (!conversation) throw translatableError(404, 'discuss.conversationNotFound', { id });
    return conversation;
  }

  /** The conversation if the user is a member: 404 when unknown or private, 403 for a channel they are not in. */
  async requireMember(id: number, userId: number): Promise<Conversation> {
    const conversation = await this.get(id);
    if (await this.isMember(id, userId)) return conversation;
    if (conversation.kind === 'channel') throw translatableError(403, 'discuss.notMember', { id });
    throw translatableError(404, 'discuss.conversationNotFound', { id });
  }

  isMember(conversationId: number, userId: number): Promise<boolean> {
    return this.db.getRepository(Member).existsBy({ conversationId, userId });
  }

  async memberIds(conversationId: number): Promise<number[]> {
    return (await this.sql.read(sql`SELECT "userId" FROM "discuss_member" WHERE "conversationId" = ${conversationId}`)).map((m) => Number(m.userId));
  }

  /** Adds a member (no-op if present) and tells them the conversation is now in their list. */
  async addMember(conversationId: number, userId: number): Promise<void> {
    await this.addMemberWithin(this.db.manager, conversationId, userId);
    await this.announce(conversationId, [userId]);
  }

  /** Renames a conversation inside the caller's transaction (a live chat is named after its session, known only once inserted). */
  async renameWithin(tx: EntityManager, conversationId: number, name: string): Promise<void> {
    await this.sql.read(sql`UPDATE "discuss_conversation" SET "name" = ${name} WHERE "id" = ${conversationId}`, tx);
  }

  /** Adds a member inside the caller's transaction (no-op if present); the caller announces it once committed. */
  async addMemberWithin(tx: EntityManager, conversationId: number, userId: number): Promise<void> {
    await this.sql.read(sql`INSERT INTO "discuss_member" ("conversationId", "userId", "lastSeenMessageId") VALUES (${conversationId}, ${userId}, ${0}) ON CONFLICT DO NOTHING`, tx);
  }

  /**
   * A member leaves: the module of the conversation's kind may refuse or post a message (its id is returned,
   * for the caller to deliver), in the transaction that removes them; their tabs drop it once committed.
   */
  async leave(conversation: Conversation, userId: number): Promise<number | null> {
    const hook = this.hooks.leaveHook(conversation.kind);
    const messageId = await this.db.transaction(async (tx) => {
      const stored = hook ? await hook(tx, conversation, userId) : null;
      await this.removeMemberWithin(tx, conversation.id, userId);
      return stored;
    });
    this.announceLeft(conversation.id, [userId]);
    return messageId;
  }

  /** Removes a member inside the caller's transaction; the caller calls announceLeft once committed. */
  async removeMemberWithin(tx: EntityManager, conversationId: number, userId: number): Promise<void> {
    await tx.getRepository(Member).delete({ conversationId, userId });
  }

  announceLeft(conversationId: number, userIds: number[]): void {
    const event: ConversationLeftEvent = { conversationId };
    this.realtime.toUsers(userIds, SocketEvents.conversationLeft, event);
  }

  /** Whether the user is a member of any of these conversations (one read). */
  async isMemberOfAny(conversationIds: number[], userId: number): Promise<boolean> {
    return conversationIds.length > 0 && (await this.db.getRepository(Member).existsBy({ conversationId: In(conversationIds), userId }));
  }

  async listFor(userId: number): Promise<ConversationItem[]> {
    const items = await this.items(userId);
    return items.sort((a, b) => (b.lastMessage?.id ?? 0) - (a.lastMessage?.id ?? 0) || b.id - a.id);
  }

  async itemFor(conversationId: number, userId: number): Promise<ConversationItem> {
    const [item] = await this.items(userId, conversationId);
    if (!item) throw translatableError(404, 'discuss.conversationNotFound', { id: conversationId });
    return item;
  }

  /** Sends the `conversation` event (its list item) to each of these users, e.g. a new live chat assigned. */
  async announce(conversationId: number, userIds: number[]): Promise<void> {
    for (const userId of userIds) {
      const item = await this.itemFor(conversationId, userId).catch(() => undefined);
      if (item) this.realtime.toUser(userId, SocketEvents.conversation, item);
    }
  }

  /**
   * The user's conversations as list items (or the one given, if they are a member), in three reads by hand
   * (SqlRunner): each one, with its last message; the unread counts; the other members' names. A live chat's
   * start announces one to its operator, and through the ORM that was seven queries.
   */
  private async items(userId: number, conversationId?: number): Promise<ConversationItem[]> {
    const which = conversationId === undefined ? sql`mb."userId" = ${userId}` : sql`mb."userId" = ${userId} AND mb."conversationId" = ${conversationId}`;
    const rows = await this.sql.read(joinSql([this.itemsQuery.conversations, which]));
    if (!rows.length) return [];
    const unread = new Map((await this.sql.read(joinSql([this.itemsQuery.unread, which, this.itemsQuery.unreadGroup]))).map((r) => [Number(r.conversationId), Number(r.count)]));
    const members = await this.sql.read(joinSql([this.itemsQuery.members, which, this.itemsQuery.membersOrder]));
    const conversations = rows.map((r) => ({ id: Number(r.id), kind: r.kind as ConversationKind }));
    const details = new Map<number, object>();
    for (const provide of this.hooks.itemDetails) for (const [id, extra] of await provide(conversations)) details.set(id, { ...details.get(id), ...extra });

    return rows.map((c) => {
      const id = Number(c.id);
      const others = members.filter((m) => Number(m.conversationId) === id).map((m) => ({ id: Number(m.userId), name: (m.name as string | null) ?? '?' }));
      const name = c.kind === 'chat' ? (others[0]?.name ?? String(c.name)) : String(c.name);
      const lastMessage = c.messageId === null ? null : messageFromRow({ ...c, id: c.messageId, conversationId: id });
      return { id, kind: c.kind as ConversationKind, name, unreadCount: unread.get(id) ?? 0, lastMessage, members: others, ...details.get(id) };
    });
  }

  /** The statements of `items`, made once; each is completed by the membership condition. */
  private readonly itemsQuery = {
    conversations: `SELECT c."id", c."kind", c."name", m."id" AS "messageId", m."authorKind", m."authorId", m."authorName", m."body", m."clientId", m."createdAt", m."i18n"
      FROM "discuss_member" mb JOIN "discuss_conversation" c ON c."id" = mb."conversationId" LEFT JOIN "discuss_message" m ON m."id" = c."lastMessageId" WHERE `,
    // Messages after the member's read position, not counting their own nor system notices ("Marc ended the conversation" is no news to read).
    unread: `SELECT m."conversationId", COUNT(*) AS "count" FROM "discuss_member" mb
      JOIN "discuss_message" m ON m."conversationId" = mb."conversationId" AND m."id" > mb."lastSeenMessageId"
        AND NOT (m."authorKind" = 'user' AND m."authorId" = mb."userId") AND m."authorKind" <> 'system' WHERE `,
    unreadGroup: ' GROUP BY m."conversationId"',
    members: `SELECT o."conversationId", o."userId", u."name" FROM "discuss_member" mb
      JOIN "discuss_member" o ON o."conversationId" = mb."conversationId" AND o."userId" <> mb."userId"
      LEFT JOIN "${this.db.getMetadata(User).tableName}" u ON u."id" = o."userId" WHERE `,
    membersOrder: ' ORDER BY o."id"',
  };
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Realtime, sql, SqlRunner, translatableError } from '@lc/platform/server';
import { SocketEvents, type ConversationItem, type ConversationKind, type ConversationLeftEvent } from '@lc/protocol';
import { User } from '../../base/server/public-api';
import { DiscussHooks } from './discuss.hooks';
import { Conversation, Member, MessageRecord } from './entities';
import { toMessage } from './message-mapper';

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
    const memberships = await this.db.getRepository(Member).findBy({ userId });
    const items = await this.items(memberships);
    return items.sort((a, b) => (b.lastMessage?.id ?? 0) - (a.lastMessage?.id ?? 0) || b.id - a.id);
  }

  async itemFor(conversationId: number, userId: number): Promise<ConversationItem> {
    const membership = await this.db.getRepository(Member).findOneBy({ conversationId, userId });
    if (!membership) throw translatableError(404, 'discuss.conversationNotFound', { id: conversationId });
    return (await this.items([membership]))[0];
  }

  /** Sends the `conversation` event (its list item) to each of these users, e.g. a new live chat assigned. */
  async announce(conversationId: number, userIds: number[]): Promise<void> {
    for (const userId of userIds) {
      const item = await this.itemFor(conversationId, userId).catch(() => undefined);
      if (item) this.realtime.toUser(userId, SocketEvents.conversation, item);
    }
  }

  private async items(memberships: Member[]): Promise<ConversationItem[]> {
    if (!memberships.length) return [];
    const ids = memberships.map((m) => m.conversationId);
    const conversations = await this.db.getRepository(Conversation).findBy({ id: In(ids) });
    const lastIds = conversations.map((c) => c.lastMessageId).filter((id): id is number => id !== null);
    const lastMessages = new Map((lastIds.length ? await this.db.getRepository(MessageRecord).findBy({ id: In(lastIds) }) : []).map((m) => [m.id, m]));
    const unread = await this.unreadCounts(memberships);
    const members = await this.db.getRepository(Member).findBy({ conversationId: In(ids) });
    const users = new Map((await this.db.getRepository(User).findBy({ id: In([...new Set(members.map((m) => m.userId))]) })).map((u) => [u.id, u]));
    const details = new Map<number, object>();
    for (const provide of this.hooks.itemDetails) for (const [id, extra] of await provide(conversations)) details.set(id, { ...details.get(id), ...extra });

    return conversations.map((c) => {
      const self = memberships.find((m) => m.conversationId === c.id)!;
      const others = members.filter((m) => m.conversationId === c.id && m.userId !== self.userId).map((m) => ({ id: m.userId, name: users.get(m.userId)?.name ?? '?' }));
      const last = c.lastMessageId ? lastMessages.get(c.lastMessageId) : undefined;
      const name = c.kind === 'chat' ? (others[0]?.name ?? c.name) : c.name;
      return { id: c.id, kind: c.kind, name, unreadCount: unread.get(c.id) ?? 0, lastMessage: last ? toMessage(last) : null, members: others, ...details.get(c.id) };
    });
  }

  /** Messages after each member's read position, not counting their own nor system notices. */
  private async unreadCounts(memberships: Member[]): Promise<Map<number, number>> {
    const query = this.db
      .getRepository(MessageRecord)
      .createQueryBuilder('m')
      .innerJoin(Member, 'mb', 'mb.conversationId = m.conversationId AND m.id > mb.lastSeenMessageId')
      .where('mb.userId = :userId', { userId: memberships[0].userId });
    // One conversation (a new live chat announced to its operator): its own count, not all of theirs.
    if (memberships.length === 1) query.andWhere('mb.conversationId = :conversationId', { conversationId: memberships[0].conversationId });
    const rows = await query
      .andWhere("NOT (m.authorKind = 'user' AND m.authorId = mb.userId)")
      .andWhere("m.authorKind <> 'system'") // "Marc ended the conversation" is no news to read
      .select('m.conversationId', 'conversationId')
      .addSelect('COUNT(*)', 'count')
      .groupBy('m.conversationId')
      .getRawMany<{ conversationId: number; count: string | number }>();
    return new Map(rows.map((r) => [Number(r.conversationId), Number(r.count)]));
  }
}

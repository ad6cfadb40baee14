import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, LessThan, MoreThan, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { Metrics, Realtime, sql, SqlRunner, Translations, userRoom, type CounterMetric, type HistogramMetric, translatableError } from '@lc/platform/server';
import { MESSAGES_PAGE_MAX, SocketEvents, SOURCE_LANG, type AuthorKind, type ConversationKind, type Message, type MessageI18n, type MessagesQueryDto } from '@lc/protocol';
import { User } from '../../base/server/public-api';
import { AuthorNames } from './author-names';
import { conversationRoom } from './conversation-rooms';
import { ConversationsService } from './conversations.service';
import { DiscussHooks, type GuestAuthorsSql } from './discuss.hooks';
import { Conversation, Member, MessageRecord } from './entities';
import { toMessage } from './message-mapper';
import { MessageStore } from './message-store';

export interface Author {
  kind: AuthorKind;
  id: number | null;
  name: string;
}

/** What a message says: typed text, or a system message's key in its module's `messages` translations. */
export type MessageText = string | MessageI18n;

/** What posting needs of a conversation (its kind decides the name its authors write under, see AuthorNames). */
export type ConversationRef = Pick<Conversation, 'id' | 'kind'>;

export interface PostResult {
  message: Message;
  /** False when the clientId was seen before: nothing was stored or delivered again. */
  created: boolean;
}

@Injectable()
export class MessagesService {
  /** FROM of the post-context read: the conversation, the user and their membership at once (the user table is base's). */
  private readonly postContextFrom: string;
  private postContext?: { kindName: string; text: string };
  private readonly stored: CounterMetric;
  private readonly delivered: CounterMetric;
  private readonly deliverySeconds: HistogramMetric;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sql: SqlRunner,
    private readonly messageStore: MessageStore,
    private readonly conversations: ConversationsService,
    private readonly realtime: Realtime,
    private readonly authorNames: AuthorNames,
    private readonly hooks: DiscussHooks,
    private readonly translations: Translations,
    metrics: Metrics,
  ) {
    this.stored = metrics.counter({ name: 'discuss_messages_stored_total', help: 'Messages posted and committed (a repeated clientId is not counted again)' });
    this.delivered = metrics.counter({ name: 'discuss_messages_delivered_total', help: 'Messages emitted to their recipients (once per message, whatever the number of sockets)' });
    this.deliverySeconds = metrics.histogram({
      name: 'discuss_message_delivery_seconds',
      help: 'From a post reaching the server to its emit: storage (the shared commit) included',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    });
    this.postContextFrom = `FROM "discuss_conversation" c JOIN "${db.getMetadata(User).tableName}" u ON u."id" = ?
      LEFT JOIN "discuss_member" m ON m."conversationId" = c."id" AND m."userId" = u."id"
      WHERE c."id" = ?`;
  }

  /**
   * Stores the message, then delivers it: acknowledged only once committed (MessageStore: one transaction
   * stores it, moves the conversation's last message and the author's read position, and reads who to
   * deliver to; the module of the conversation's kind may add a statement of its own, MessageFactsHook).
   * A repeated clientId of the same author returns the stored message and delivers nothing again. `senderSocketId`: the socket that sent it gets it in its ack only.
   */
  async post(conversation: ConversationRef, author: Author, text: MessageText, clientId?: string, senderSocketId?: string): Promise<PostResult> {
    const posted = await this.store(conversation, author, undefined, text, clientId, senderSocketId);
    if (!posted) throw new Error(`Message of conversation ${conversation.id} was refused`); // only guests' can be
    return posted;
  }

  /**
   * A guest's message (a visitor in a live chat): who they write as, and whether they may write now, come
   * from the GuestAuthorsSql of the conversation's kind, read in the message's own statement. Null: refused
   * (no row for this conversation: say, the chat has ended), nothing stored.
   */
  postAsGuest(conversation: ConversationRef, kind: AuthorKind, text: MessageText, clientId?: string, senderSocketId?: string): Promise<PostResult | null> {
    const guestAuthors = this.hooks.guestAuthors(conversation.kind);
    if (!guestAuthors) throw new Error(`No guest authors for "${conversation.kind}" conversations`);
    return this.store(conversation, { kind, id: null, name: '' }, guestAuthors, text, clientId, senderSocketId);
  }

  private async store(conversation: ConversationRef, author: Author, guestAuthors: GuestAuthorsSql | undefined, text: MessageText, clientId?: string, senderSocketId?: string): Promise<PostResult | null> {
    const received = performance.now();
    const { body, i18n } = this.bodyOf(text);
    const createdAt = new Date();
    const facts = this.hooks.messageFacts(conversation.kind);
    const fact = facts?.statement(conversation.id, author.kind, createdAt) ?? null;
    const stored = await this.messageStore.store(
      { conversationId: conversation.id, authorKind: author.kind, authorId: author.id, authorName: author.name.slice(0, 100), body, clientId: clientId ?? null, createdAt, i18n: i18n && JSON.stringify(i18n), guestAuthors },
      fact,
    );
    if (!stored) return null;
    if (stored.id === null) {
      const existing = clientId && (await this.findByClientId(conversation.id, author.kind, stored.authorId, clientId));
      if (!existing) throw new Error(`Message of conversation ${conversation.id} was neither stored nor found`);
      return { message: toMessage(existing), created: false };
    }
    if (fact) facts!.committed(conversation.id, author.kind);

    const message: Message = { id: stored.id, conversationId: conversation.id, author: { kind: author.kind, id: stored.authorId, name: stored.authorName }, body, clientId: clientId ?? null, createdAt: createdAt.toISOString(), ...(i18n && { i18n }) };
    const rooms = stored.memberIds.map(userRoom);
    rooms.push(conversationRoom(conversation.id));
    this.stored.inc();
    (senderSocketId ? this.realtime.server.to(rooms).except(senderSocketId) : this.realtime.server.to(rooms)).emit(SocketEvents.message, message);
    this.delivered.inc();
    this.deliverySeconds.observe((performance.now() - received) / 1000);
    return { message, created: true };
  }

  /**
   * Stores a message inside the caller's transaction, delivering nothing (the conversation is being
   * created with it: an offline message or a live chat's welcome is written with its session, all or
   * nothing; members read it once announced). A user's own message is read by them, as in `post`.
   */
  async storeWithin(tx: EntityManager, conversationId: number, author: Author, text: MessageText): Promise<number> {
    const { body, i18n } = this.bodyOf(text);
    const [row] = await this.sql.read(
      sql`INSERT INTO "discuss_message" ("conversationId", "authorKind", "authorId", "authorName", "body", "clientId", "createdAt", "i18n")
        VALUES (${conversationId}, ${author.kind}, ${author.id}, ${author.name.slice(0, 100)}, ${body}, ${null}, ${new Date()}, ${i18n && JSON.stringify(i18n)}) RETURNING "id"`,
      tx,
    );
    const id = Number(row.id);
    await this.sql.read(sql`UPDATE "discuss_conversation" SET "lastMessageId" = ${id} WHERE "id" = ${conversationId}`, tx);
    if (author.kind === 'user' && author.id !== null) await this.sql.read(sql`UPDATE "discuss_member" SET "lastSeenMessageId" = ${id} WHERE "conversationId" = ${conversationId} AND "userId" = ${author.id}`, tx);
    return id;
  }

  /** A keyed message's body is its English text (for clients that know no keys, and for transcripts by mail). */
  private bodyOf(text: MessageText): { body: string; i18n: MessageI18n | null } {
    return typeof text === 'string' ? { body: text, i18n: null } : { body: this.translations.text(SOURCE_LANG, 'messages', text.key, text.params), i18n: text };
  }

  /**
   * Delivers messages stored with storeWithin once their transaction has committed (a live chat handed to
   * another operator: its system message is written with the hand-over), to the members and the
   * conversation's other followers.
   */
  async deliverStored(conversationId: number, messageIds: number[]): Promise<void> {
    if (!messageIds.length) return;
    const records = await this.db.getRepository(MessageRecord).find({ where: { id: In(messageIds), conversationId }, order: { id: 'ASC' } });
    const rooms = [...(await this.conversations.memberIds(conversationId)).map(userRoom), conversationRoom(conversationId)];
    for (const record of records) this.realtime.server.to(rooms).emit(SocketEvents.message, toMessage(record));
    this.delivered.inc(records.length);
  }

  /**
   * The conversation a user may post in, and who they write as (the name declared for its kind in
   * AuthorNames, else their user name), in one read: 404 when unknown or private, 403 for a channel they
   * are not in.
   */
  async userPostContext(conversationId: number, userId: number): Promise<{ conversation: ConversationRef; author: Author }> {
    const kindName = this.authorNames.expression('c."kind"', userId);
    // The same text for every post (AuthorNames builds its part once): joined once, not per message.
    if (this.postContext?.kindName !== kindName.text) this.postContext = { kindName: kindName.text, text: `SELECT c."kind", u."name", ${kindName.text} AS "kindName", m."id" AS "memberId" ${this.postContextFrom}` };
    kindName.params.push(userId, conversationId);
    const [row] = await this.sql.read({ text: this.postContext.text, params: kindName.params });
    const kind = row?.kind as ConversationKind | undefined;
    if (!kind || (row.memberId === null && kind !== 'channel')) throw translatableError(404, 'discuss.conversationNotFound', { id: conversationId });
    if (row.memberId === null) throw translatableError(403, 'discuss.notMember', { id: conversationId });
    return { conversation: { id: conversationId, kind }, author: { kind: 'user', id: userId, name: (row.kindName as string | null) || String(row.name) } };
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

  private findByClientId(conversationId: number, authorKind: AuthorKind, authorId: number | null, clientId: string): Promise<MessageRecord | null> {
    return this.db.getRepository(MessageRecord).findOneBy({ conversationId, authorKind, authorId: authorId ?? IsNull(), clientId });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, LessThan, MoreThan, type FindOptionsWhere } from 'typeorm';
import { Realtime, userRoom } from '@lc/platform/server';
import { MESSAGES_PAGE_MAX, SocketEvents, type AuthorKind, type Message, type MessagesQueryDto } from '@lc/protocol';
import { User } from '../../base/server/public-api';
import { conversationRoom } from './conversation-rooms';
import { ConversationsService } from './conversations.service';
import { DiscussHooks } from './discuss.hooks';
import { Conversation, Member, MessageRecord } from './entities';
import { toMessage } from './message-mapper';

export interface Author {
  kind: AuthorKind;
  id: number | null;
  name: string;
}

export interface PostResult {
  message: Message;
  /** False when the clientId was seen before: nothing was stored or delivered again. */
  created: boolean;
}

@Injectable()
export class MessagesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conversations: ConversationsService,
    private readonly hooks: DiscussHooks,
    private readonly realtime: Realtime,
  ) {}

  /**
   * Stores the message, then delivers it: acknowledged only once stored. A repeated clientId of the same
   * author returns the stored message and delivers nothing again.
   */
  async post(conversation: Conversation, author: Author, body: string, clientId?: string): Promise<PostResult> {
    if (clientId) {
      const existing = await this.findByClientId(conversation.id, author, clientId);
      if (existing) return { message: toMessage(existing), created: false };
    }
    let record: MessageRecord;
    try {
      record = await this.db.getRepository(MessageRecord).save({
        conversationId: conversation.id,
        authorKind: author.kind,
        authorId: author.id,
        authorName: author.name.slice(0, 100),
        body,
        clientId: clientId ?? null,
      });
    } catch (error) {
      // Two copies of one send raced past the check above: the unique index kept one.
      const existing = clientId && (await this.findByClientId(conversation.id, author, clientId));
      if (existing) return { message: toMessage(existing), created: false };
      throw error;
    }
    await this.db.getRepository(Conversation).update({ id: conversation.id }, { lastMessageId: record.id });
    if (author.kind === 'user' && author.id) await this.advanceSeen(conversation.id, author.id, record.id);

    const message = toMessage(record);
    const memberIds = await this.conversations.memberIds(conversation.id);
    this.realtime.server.to([...memberIds.map(userRoom), conversationRoom(conversation.id)]).emit(SocketEvents.message, message);
    this.hooks.posted$.next({ conversation, message });
    return { message, created: true };
  }

  /** A user writes under their Online Chat Name in live chats (their name when it is empty), else their name. */
  async userAuthor(conversation: Conversation, userId: number): Promise<Author> {
    const user = await this.db.getRepository(User).findOneByOrFail({ id: userId });
    return { kind: 'user', id: userId, name: conversation.kind === 'livechat' ? user.livechatUsername || user.name : user.name };
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
    await this.advanceSeen(conversation.id, userId, Math.min(lastMessageId, conversation.lastMessageId ?? 0));
    await this.conversations.announce(conversation.id, [userId]); // every tab and device of the user un-bolds it
  }

  private async advanceSeen(conversationId: number, userId: number, messageId: number): Promise<void> {
    await this.db.getRepository(Member).update({ conversationId, userId, lastSeenMessageId: LessThan(messageId) }, { lastSeenMessageId: messageId });
  }

  private findByClientId(conversationId: number, author: Author, clientId: string): Promise<MessageRecord | null> {
    return this.db.getRepository(MessageRecord).findOneBy({ conversationId, authorKind: author.kind, authorId: author.id ?? IsNull(), clientId });
  }
}

import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type QueryDeepPartialEntity } from 'typeorm';
import { sql, type Sql } from '@lc/platform/server';
import type { AuthorKind } from '@lc/protocol';
import { DiscussHooks, messagesReadModel, type MessageFactsHook } from '../../discuss/server/public-api';
import { LivechatSession } from './entities';

const VISITOR_WROTE = 1;
const OPERATOR_ANSWERED = 2;
/** Past this many conversations remembered, all are forgotten: each then costs one more no-op update. */
const MAX_REMEMBERED = 50_000;

const factOf = (authorKind: AuthorKind) => (authorKind === 'visitor' ? VISITOR_WROTE : authorKind === 'user' ? OPERATOR_ANSWERED : 0);

/**
 * The facts of a session that the reports read, each written once: the visitor's first message and an
 * operator's first (a conditional update in that message's own transaction), and the number of messages
 * when the session ends. Every later message of a conversation costs nothing: this process remembers
 * whose facts are written (another process may write them once more, a no-op). The welcome stored at the
 * start is not posted through discuss, so it never counts as an answer.
 */
@Injectable()
export class SessionFacts implements MessageFactsHook, OnApplicationBootstrap {
  private readonly written = new Map<number, number>();
  private readonly messageCount: string;

  constructor(
    @InjectDataSource() db: DataSource,
    private readonly hooks: DiscussHooks,
  ) {
    this.messageCount = messagesReadModel(db).writtenCount('"livechat_session"."conversationId"', '"livechat_session"."welcomeMessageId"');
  }

  onApplicationBootstrap(): void {
    this.hooks.onMessageFacts('livechat', this);
  }

  /** Only while the session runs: a message in a chat that has ended (livechat disabled too) changes nothing. */
  statement(conversationId: number, authorKind: AuthorKind, createdAt: Date): Sql | null {
    const fact = factOf(authorKind);
    if (!fact || (this.written.get(conversationId) ?? 0) & fact) return null;
    const at = createdAt.getTime();
    return fact === VISITOR_WROTE
      ? sql`UPDATE "livechat_session" SET "firstVisitorMessageAt" = ${at} WHERE "conversationId" = ${conversationId} AND "firstVisitorMessageAt" IS NULL AND "endedAt" IS NULL`
      : sql`UPDATE "livechat_session" SET "firstAnswerAt" = ${at} WHERE "conversationId" = ${conversationId} AND "firstAnswerAt" IS NULL AND "endedAt" IS NULL`;
  }

  committed(conversationId: number, authorKind: AuthorKind): void {
    if (this.written.size >= MAX_REMEMBERED) this.written.clear();
    this.written.set(conversationId, (this.written.get(conversationId) ?? 0) | factOf(authorKind));
  }

  /** The columns of a session that ends now: its messages are counted once, in the same statement. */
  endColumns(endedAt: number): QueryDeepPartialEntity<LivechatSession> {
    return { status: 'ended', endedAt, messageCount: () => this.messageCount };
  }

  /** After the session ended: its conversation's later messages write nothing. */
  forget(conversationId: number): void {
    this.written.delete(conversationId);
  }
}

import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Realtime, sql, SqlRunner, Translations, type AuthUser, translatableError } from '@lc/platform/server';
import type { MessageI18n, AssignmentSummary, LivechatSessionItem, Message, PageReportRequest, StartedSession } from '@lc/protocol';
import { ConversationsService, MessagesService, conversationRoom, type PostResult } from '../../discuss/server/public-api';
import { AssignmentService } from './assignment.service';
import { channelTexts } from './channel-texts';
import { LivechatChannel, LivechatSession } from './entities';
import { HelpSignals } from './help-signals';
import { OperatorNames } from './operator-names';
import { SessionFacts } from './session-facts';
import { SessionList } from './session-list.service';
import { SessionQueue } from './session-queue.service';
import { SYSTEM_AUTHOR, SystemMessages } from './system-messages';
import { VisitorPages } from './visitor-pages.service';
import { MAX_ACCEPT_LANGUAGE, pageUrlOrNull, visitorLanguages } from './visitor-languages';
import { hashVisitorToken, newVisitorToken, visitorRoom, visitorSessionRoom } from './visitor-token';

const OFFLINE_SUMMARY: AssignmentSummary = { rule: 'offline', language: null, sameLanguageOnly: false, unspokenLanguages: [], ongoing: null, available: 0, tie: 'none' };

/**
 * Who visitors write as in live chats (discuss's GuestAuthorsSql): the session's visitor, under the name
 * they gave or "Visitor #<session>", while the session has not ended.
 */
export const VISITOR_AUTHORS = `SELECT "conversationId", "id" AS "authorId", COALESCE("visitorName", 'Visitor #' || CAST("id" AS TEXT)) AS "authorName"
  FROM "livechat_session" WHERE "status" <> 'ended'`;

export interface VisitorContext {
  acceptLanguage?: string;
  userAgent?: string;
  visitorToken?: string;
  visitorName?: string;
  pageUrl?: string;
  /** StartSessionRequest.startKey. */
  startKey?: string;
  /** ISO 3166-1 alpha-2, from a trusted proxy's header (clientCountry). */
  country?: string | null;
  /** The client address (clientAddress), kept to block it. */
  address?: string | null;
  /** StartSessionRequest.pages: what the visitor saw before the first message. */
  pages?: PageReportRequest[];
}

/** A visitor's session from start to end: starting it, writing in it, leaving a message offline, closing it. */
@Injectable()
export class VisitorSessions {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: SessionQueue,
    private readonly assignment: AssignmentService,
    private readonly operatorNames: OperatorNames,
    private readonly sessionList: SessionList,
    private readonly conversations: ConversationsService,
    private readonly messages: MessagesService,
    private readonly realtime: Realtime,
    private readonly pages: VisitorPages,
    private readonly helpSignals: HelpSignals,
    private readonly facts: SessionFacts,
    private readonly translations: Translations,
    private readonly sql: SqlRunner,
  ) {}

  /**
   * A visitor starts a chat (with their first message, which they post next): a conversation, a session,
   * at once an operator or a place in the queue, and the channel's welcome message as the conversation's
   * first message, so that the operator and managers read what the visitor saw. All of it is one
   * transaction under the assignment's lock: never a session without its welcome.
   */
  async start(channel: LivechatChannel, visitor: VisitorContext): Promise<StartedSession> {
    let startKeyHash = visitor.startKey ? hashVisitorToken(visitor.startKey) : null;
    const keyed = startKeyHash && (await this.sessions().findOneBy({ startKeyHash }));
    if (keyed && keyed.channelId === channel.id && keyed.status !== 'ended') return this.startedAgain(keyed, visitor.visitorToken);
    if (keyed) startKeyHash = null; // the key of a session that is over (or of another channel): a plain start
    const knownToken = visitor.visitorToken && (await this.sessions().existsBy({ visitorTokenHash: hashVisitorToken(visitor.visitorToken) }));
    const visitorToken = knownToken ? visitor.visitorToken! : newVisitorToken();
    const tokenHash = hashVisitorToken(visitorToken);
    const outcome = await this.assignment.assignQueued(channel.id, {
      before: (tx) => this.insertSession(tx, channel, visitor, tokenHash, startKeyHash),
      after: (tx, { assigned }, { conversationId, sessionId }) => this.storeWelcome(tx, channel, visitor, conversationId, sessionId, assigned.find((s) => s.id === sessionId)?.operatorId ?? null),
    });
    const { sessionId, conversationId } = outcome.value!;
    // The visitor's open sockets (an earlier session's) follow this one too.
    this.realtime.server.in(visitorRoom(tokenHash)).socketsJoin([visitorSessionRoom(sessionId), conversationRoom(conversationId)]);
    const event = (await this.queue.tell(outcome)).find((e) => e.sessionId === sessionId)!;
    return { sessionId, conversationId, visitorToken, status: event.status === 'active' ? 'active' : 'queued', queuePosition: event.queuePosition, operator: event.operator };
  }

  /**
   * The answer of a start whose first answer was lost: the same session. The token it was started with is
   * only known by its hash; when the retry does not bring it, the key holder gets a new one, as the first
   * answer never reached anyone.
   */
  private async startedAgain(session: LivechatSession, visitorToken: string | undefined): Promise<StartedSession> {
    let token = visitorToken;
    if (!token || hashVisitorToken(token) !== session.visitorTokenHash) {
      token = newVisitorToken();
      await this.sessions().update({ id: session.id }, { visitorTokenHash: hashVisitorToken(token) });
      session.visitorTokenHash = hashVisitorToken(token);
    }
    const event = await this.queue.sessionEvent(session);
    return { sessionId: session.id, conversationId: session.conversationId, visitorToken: token, status: event.status === 'active' ? 'active' : 'queued', queuePosition: event.queuePosition, operator: event.operator };
  }

  private async insertSession(tx: EntityManager, channel: LivechatChannel, visitor: VisitorContext, tokenHash: string, startKeyHash: string | null): Promise<{ conversationId: number; sessionId: number }> {
    const now = Date.now();
    const conversation = await this.conversations.create('livechat', visitor.visitorName ?? 'Visitor', [], tx);
    // By hand (SqlRunner), as the rest of a start's assignment: the ORM's insert costs more than the row.
    const [row] = await this.sql.read(
      sql`INSERT INTO "livechat_session" ("channelId", "conversationId", "status", "visitorTokenHash", "visitorName", "visitorLanguage", "acceptLanguage", "pageUrl", "userAgent", "visitorCountry", "clientAddress", "offline", "startedAt", "lastActivityAt", "startKeyHash")
        VALUES (${channel.id}, ${conversation.id}, ${'queued'}, ${tokenHash}, ${visitor.visitorName ?? null}, ${visitorLanguages(visitor.acceptLanguage)[0] ?? null}, ${visitor.acceptLanguage?.slice(0, MAX_ACCEPT_LANGUAGE) ?? null},
          ${pageUrlOrNull(visitor.pageUrl)}, ${visitor.userAgent?.slice(0, 300) ?? null}, ${visitor.country ?? null}, ${visitor.address ?? null}, ${false}, ${now}, ${now}, ${startKeyHash})
        RETURNING "id"`,
      tx,
    );
    const sessionId = Number(row.id);
    if (!visitor.visitorName) await this.conversations.renameWithin(tx, conversation.id, `Visitor #${sessionId}`);
    await this.pages.storeAtStart(tx, sessionId, visitor.pages, pageUrlOrNull(visitor.pageUrl));
    return { conversationId: conversation.id, sessionId };
  }

  /**
   * From the operator assigned at once, under their Online Chat Name as they write in live chats; else from
   * the system. Kept as the session's welcome: the operator's name is on it, yet it answers nobody. In the
   * visitor's language (the channel's translation, else its default), as the widget showed it.
   */
  private async storeWelcome(tx: EntityManager, channel: LivechatChannel, visitor: VisitorContext, conversationId: number, sessionId: number, operatorId: number | null): Promise<void> {
    const operator = operatorId === null ? null : await this.operatorNames.ref(operatorId, tx);
    const author = operator ? { kind: 'user' as const, id: operator.id, name: operator.name } : SYSTEM_AUTHOR;
    const welcomeMessageId = await this.messages.storeWithin(tx, conversationId, author, channelTexts(channel, this.translations.negotiate(visitorLanguages(visitor.acceptLanguage))).welcomeMessage);
    await this.sql.read(sql`UPDATE "livechat_session" SET "welcomeMessageId" = ${welcomeMessageId} WHERE "id" = ${sessionId}`, tx);
  }

  /** "Leave a message" when nobody is inside: kept for managers as an ended session. */
  async offlineMessage(channel: LivechatChannel, input: { name?: string; email: string; body: string }, visitor: VisitorContext): Promise<LivechatSessionItem> {
    const name = input.name?.trim() || input.email;
    const now = Date.now();
    // Session, conversation and message together or not at all: never a session without its message.
    const sessionId = await this.db.transaction(async (tx) => {
      const conversation = await this.conversations.create('livechat', name.slice(0, 100), [], tx);
      const { identifiers } = await tx.getRepository(LivechatSession).insert({
        channelId: channel.id, conversationId: conversation.id, status: 'ended', operatorId: null,
        visitorTokenHash: hashVisitorToken(newVisitorToken()), visitorName: name.slice(0, 100),
        visitorLanguage: visitorLanguages(visitor.acceptLanguage)[0] ?? null, acceptLanguage: visitor.acceptLanguage?.slice(0, MAX_ACCEPT_LANGUAGE) ?? null,
        pageUrl: null, userAgent: visitor.userAgent?.slice(0, 300) ?? null, visitorCountry: visitor.country ?? null, clientAddress: visitor.address ?? null, needsHelpSince: null, transferredFromId: null, email: input.email, offline: true,
        assignmentReason: 'offline message: no operator in the channel', assignmentSummary: OFFLINE_SUMMARY, startedAt: now, assignedAt: null, endedAt: now, lastActivityAt: now,
        firstVisitorMessageAt: now, messageCount: 1,
      });
      const id = identifiers[0].id as number;
      await this.messages.storeWithin(tx, conversation.id, { kind: 'visitor', id, name }, input.body);
      return id;
    });
    return this.sessionList.item(sessionId);
  }

  /**
   * A visitor's message by HTTP or socket: only to their own session, not once it ended. The visitor writes
   * under their name, else "Visitor #<session>" (the conversation's name either way).
   */
  /** A visitor's message in their live chat. Null: refused, the chat has ended (or is gone); nothing was stored. */
  postAsVisitor(conversationId: number, body: string, clientId?: string, senderSocketId?: string): Promise<PostResult | null> {
    return this.messages.postAsGuest({ id: conversationId, kind: 'livechat' }, 'visitor', body, clientId, senderSocketId);
  }

  history(session: LivechatSession): Promise<Message[]> {
    return this.messages.all(session.conversationId);
  }

  /**
   * Ends a session (visitor, its operator or a manager); the visitor is told (`reason`: why, when the server
   * decided it, e.g. a block) and a slot frees up. A call for help ends with it.
   */
  async close(session: LivechatSession, by: { kind: 'visitor' } | { kind: 'user'; user: AuthUser }, reason?: MessageI18n): Promise<LivechatSessionItem> {
    if (session.status !== 'ended') {
      const { affected } = await this.sessions().update({ id: session.id, status: In(['queued', 'active']) }, { ...this.facts.endColumns(Date.now()), needsHelpSince: null });
      if (affected) {
        this.facts.forget(session.conversationId);
        const conversation = await this.conversations.get(session.conversationId);
        // The visitor reads it too: an operator is named as visitors know them (their Online Chat Name).
        const who = by.kind === 'visitor' ? (session.visitorName ?? undefined) : ((await this.operatorNames.ref(by.user.id))?.name ?? by.user.name);
        await this.messages.post(conversation, SYSTEM_AUTHOR, SystemMessages.ended(who));
        await this.queue.notify(session.id, reason);
        if (session.needsHelpSince !== null) await this.helpSignals.send({ sessionId: session.id, channelId: session.channelId, needHelp: false });
        // The operator, and whoever joined to help: the conversation shows as ended everywhere.
        await this.conversations.announce(session.conversationId, await this.conversations.memberIds(session.conversationId));
        await this.queue.assignQueuedAndNotify(session.channelId);
      }
    }
    return this.sessionList.item(session.id);
  }

  /** Visitor credentials: no or unknown token 401; another visitor's session 404. */
  async requireVisitorSession(sessionId: number, visitorToken: string | undefined): Promise<LivechatSession> {
    if (!visitorToken) throw new UnauthorizedException('X-Visitor-Token is required');
    const tokenHash = hashVisitorToken(visitorToken);
    if (!(await this.sessions().existsBy({ visitorTokenHash: tokenHash }))) throw new UnauthorizedException('Unknown visitor token');
    const session = await this.sessions().findOneBy({ id: sessionId, visitorTokenHash: tokenHash });
    if (!session) throw translatableError(404, 'livechat.sessionNotFound', { id: sessionId });
    return session;
  }

  async get(sessionId: number): Promise<LivechatSession> {
    const session = await this.sessions().findOneBy({ id: sessionId });
    if (!session) throw translatableError(404, 'livechat.sessionNotFound', { id: sessionId });
    return session;
  }

  private sessions() {
    return this.db.getRepository(LivechatSession);
  }
}

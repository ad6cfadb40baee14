import { ConflictException, Injectable, Logger, NotFoundException, UnauthorizedException, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Realtime, visitorSessionRoom, type AuthUser } from '@lc/platform/server';
import { SocketEvents, type LivechatSessionItem, type Message, type SessionEvent, type StartedSession, type PublicChannel } from '@lc/protocol';
import { User } from '../../base/server/public-api';
import { Conversation, ConversationsService, MessagesService, MessageRecord, conversationRoom } from '../../discuss/server/public-api';
import { PresenceService } from '../../presence/server';
import { AssignmentService } from './assignment.service';
import { ChannelOperator, LivechatChannel, LivechatSession } from './entities';
import { operatorRef } from './operator-name';
import { visitorLanguages } from './visitor-languages';
import { hashVisitorToken, newVisitorToken, visitorRoom } from './visitor-token';

/** What posting as the visitor needs of their session. */
export type VisitorSessionRef = Pick<LivechatSession, 'id' | 'conversationId' | 'status' | 'visitorName'>;

export interface VisitorContext {
  acceptLanguage?: string;
  userAgent?: string;
  visitorToken?: string;
  visitorName?: string;
  pageUrl?: string;
}

@Injectable()
export class SessionsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Livechat');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly assignment: AssignmentService,
    private readonly conversations: ConversationsService,
    private readonly messages: MessagesService,
    private readonly presence: PresenceService,
    private readonly realtime: Realtime,
  ) {}

  onApplicationBootstrap(): void {
    // An operator coming online may take queued visitors.
    this.presence.changes$.subscribe(({ userId, status }) => {
      if (status === 'online') void this.drainChannelsOf(userId).catch((e) => this.logger.error(e));
    });
  }

  async publicChannel(channelId: number): Promise<PublicChannel> {
    const channel = await this.channel(channelId);
    const inside = await this.db.getRepository(ChannelOperator).findBy({ channelId });
    const online = await this.presence.onlineAmong(inside.map((o) => o.userId));
    return { id: channel.id, name: channel.name, buttonText: channel.buttonText, welcomeMessage: channel.welcomeMessage, colors: channel.colors, operatorsInside: inside.length, available: online.length > 0 };
  }

  /** A visitor starts a chat: a conversation, a session, and at once an operator or a place in the queue. */
  async start(channelId: number, visitor: VisitorContext): Promise<StartedSession> {
    const channel = await this.channel(channelId);
    const knownToken = visitor.visitorToken && (await this.sessions().existsBy({ visitorTokenHash: hashVisitorToken(visitor.visitorToken) }));
    const visitorToken = knownToken ? visitor.visitorToken! : newVisitorToken();
    const tokenHash = hashVisitorToken(visitorToken);
    const conversation = await this.conversations.create('livechat', visitor.visitorName ?? 'Visitor', []);
    const now = Date.now();
    const { identifiers } = await this.sessions().insert({
      channelId: channel.id,
      conversationId: conversation.id,
      status: 'queued',
      operatorId: null,
      visitorTokenHash: tokenHash,
      visitorName: visitor.visitorName ?? null,
      visitorLanguage: visitorLanguages(visitor.acceptLanguage)[0] ?? null,
      acceptLanguage: visitor.acceptLanguage?.slice(0, 200) ?? null,
      pageUrl: visitor.pageUrl ?? null,
      userAgent: visitor.userAgent?.slice(0, 300) ?? null,
      email: null,
      offline: false,
      assignmentReason: null,
      startedAt: now,
      assignedAt: null,
      endedAt: null,
      lastActivityAt: now,
    });
    const sessionId = identifiers[0].id as number;
    if (!visitor.visitorName) await this.db.getRepository(Conversation).update({ id: conversation.id }, { name: `Visitor #${sessionId}` });
    // The visitor's open sockets (an earlier session's) follow this one too.
    this.realtime.server.in(visitorRoom(tokenHash)).socketsJoin([visitorSessionRoom(sessionId), conversationRoom(conversation.id)]);

    await this.drain(channel.id);
    const session = await this.sessions().findOneByOrFail({ id: sessionId });
    const event = await this.sessionEvent(session);
    return { sessionId, conversationId: conversation.id, visitorToken, status: session.status === 'active' ? 'active' : 'queued', queuePosition: event.queuePosition, operator: event.operator };
  }

  /** "Leave a message" when nobody is inside: kept for managers as an ended session. */
  async offlineMessage(channelId: number, input: { name?: string; email: string; body: string }, visitor: VisitorContext): Promise<LivechatSessionItem> {
    const channel = await this.channel(channelId);
    const name = input.name?.trim() || input.email;
    const conversation = await this.conversations.create('livechat', name.slice(0, 100), []);
    const now = Date.now();
    const { identifiers } = await this.sessions().insert({
      channelId: channel.id, conversationId: conversation.id, status: 'ended', operatorId: null,
      visitorTokenHash: hashVisitorToken(newVisitorToken()), visitorName: name.slice(0, 100),
      visitorLanguage: visitorLanguages(visitor.acceptLanguage)[0] ?? null, acceptLanguage: visitor.acceptLanguage?.slice(0, 200) ?? null,
      pageUrl: null, userAgent: visitor.userAgent?.slice(0, 300) ?? null, email: input.email, offline: true,
      assignmentReason: 'offline message: no operator in the channel', startedAt: now, assignedAt: null, endedAt: now, lastActivityAt: now,
    });
    const sessionId = identifiers[0].id as number;
    await this.messages.post(conversation, { kind: 'visitor', id: sessionId, name }, input.body);
    return (await this.list({ ids: [sessionId] }))[0];
  }

  /** A visitor's message by HTTP or socket: only to their own session, not once it ended. */
  /** The visitor writes under their name, else "Visitor #<session>" (the conversation's name either way). */
  async postAsVisitor(session: VisitorSessionRef, body: string, clientId?: string, senderSocketId?: string): Promise<{ message: Message; created: boolean }> {
    if (session.status === 'ended') throw new ConflictException(`Session ${session.id} has ended`);
    const author = { kind: 'visitor' as const, id: session.id, name: session.visitorName ?? `Visitor #${session.id}` };
    return this.messages.post({ id: session.conversationId, kind: 'livechat' }, author, body, clientId, senderSocketId);
  }

  visitorHistory(session: LivechatSession): Promise<Message[]> {
    return this.messages.all(session.conversationId);
  }

  /** Ends a session (visitor, its operator or a manager); the visitor is told and a slot frees up. */
  async close(session: LivechatSession, by: { kind: 'visitor' } | { kind: 'user'; user: AuthUser }): Promise<LivechatSessionItem> {
    if (session.status !== 'ended') {
      const { affected } = await this.sessions().update({ id: session.id, status: In(['queued', 'active']) }, { status: 'ended', endedAt: Date.now() });
      if (affected) {
        const conversation = await this.conversations.get(session.conversationId);
        const who = by.kind === 'visitor' ? (session.visitorName ?? 'The visitor') : (await this.db.getRepository(User).findOneByOrFail({ id: by.user.id })).name;
        await this.messages.post(conversation, { kind: 'system', id: null, name: 'System' }, `${who} ended the conversation`);
        await this.notifySession(session.id);
        if (session.operatorId) await this.conversations.announce(session.conversationId, [session.operatorId]);
        await this.drain(session.channelId);
      }
    }
    return (await this.list({ ids: [session.id] }))[0];
  }

  /** Visitor credentials: no or unknown token 401; another visitor's session 404. */
  async requireVisitorSession(sessionId: number, visitorToken: string | undefined): Promise<LivechatSession> {
    if (!visitorToken) throw new UnauthorizedException('X-Visitor-Token is required');
    const tokenHash = hashVisitorToken(visitorToken);
    if (!(await this.sessions().existsBy({ visitorTokenHash: tokenHash }))) throw new UnauthorizedException('Unknown visitor token');
    const session = await this.sessions().findOneBy({ id: sessionId, visitorTokenHash: tokenHash });
    if (!session) throw new NotFoundException(`Session ${sessionId} not found`);
    return session;
  }

  async get(sessionId: number): Promise<LivechatSession> {
    const session = await this.sessions().findOneBy({ id: sessionId });
    if (!session) throw new NotFoundException(`Session ${sessionId} not found`);
    return session;
  }

  /** Assigns what can be assigned in the channel, then tells every affected visitor and operator. */
  async drain(channelId: number): Promise<void> {
    const assigned = await this.assignment.drain(channelId);
    for (const { sessionId, operatorId } of assigned) {
      const session = await this.sessions().findOneByOrFail({ id: sessionId });
      await this.conversations.announce(session.conversationId, [operatorId!]);
    }
    const queued = await this.sessions().find({ where: { channelId, status: 'queued' }, select: { id: true } });
    for (const id of [...assigned.map((a) => a.sessionId), ...queued.map((q) => q.id)]) await this.notifySession(id);
  }

  async drainChannelsOf(userId: number): Promise<void> {
    for (const { channelId } of await this.db.getRepository(ChannelOperator).findBy({ userId })) await this.drain(channelId);
  }

  /** Sends `livechat.session` to the visitor's sockets. */
  async notifySession(sessionId: number): Promise<void> {
    const session = await this.sessions().findOneBy({ id: sessionId });
    if (session) this.realtime.server.to(visitorSessionRoom(sessionId)).emit(SocketEvents.livechatSession, await this.sessionEvent(session));
  }

  async sessionEvent(session: LivechatSession): Promise<SessionEvent> {
    const operator = session.operatorId ? await this.db.getRepository(User).findOneBy({ id: session.operatorId }) : null;
    let queuePosition: number | null = null;
    if (session.status === 'queued') {
      queuePosition = (await this.sessions().createQueryBuilder('s').where("s.channelId = :c AND s.status = 'queued' AND s.id < :id", { c: session.channelId, id: session.id }).getCount()) + 1;
    }
    return { sessionId: session.id, status: session.status, operator: operator ? operatorRef(operator) : null, queuePosition };
  }

  /** Sessions for managers, newest first. */
  async list(filter: { channelId?: number; status?: string; ids?: number[] }): Promise<LivechatSessionItem[]> {
    const where: Record<string, unknown> = {};
    if (filter.channelId) where.channelId = filter.channelId;
    if (filter.status) where.status = filter.status;
    if (filter.ids) where.id = In(filter.ids);
    const sessions = await this.sessions().find({ where, order: { id: 'DESC' }, take: 500 });
    const operatorIds = [...new Set(sessions.map((s) => s.operatorId).filter((id): id is number => id !== null))];
    const operators = new Map((operatorIds.length ? await this.db.getRepository(User).findBy({ id: In(operatorIds) }) : []).map((u) => [u.id, u]));
    const counts = await this.messageCounts(sessions.map((s) => s.conversationId));
    return sessions.map((s) => ({
      id: s.id,
      channelId: s.channelId,
      conversationId: s.conversationId,
      status: s.status,
      operator: s.operatorId && operators.get(s.operatorId) ? operatorRef(operators.get(s.operatorId)!) : null,
      visitorLanguage: s.visitorLanguage,
      assignmentReason: s.assignmentReason,
      startedAt: new Date(s.startedAt).toISOString(),
      endedAt: s.endedAt ? new Date(s.endedAt).toISOString() : null,
      visitorName: s.visitorName ?? `Visitor #${s.id}`,
      email: s.email,
      messageCount: counts.get(s.conversationId) ?? 0,
      offline: s.offline,
    }));
  }

  private async messageCounts(conversationIds: number[]): Promise<Map<number, number>> {
    if (!conversationIds.length) return new Map();
    const rows = await this.db
      .getRepository(MessageRecord)
      .createQueryBuilder('m')
      .select('m.conversationId', 'conversationId')
      .addSelect('COUNT(*)', 'count')
      .where('m.conversationId IN (:...ids)', { ids: conversationIds })
      .andWhere("m.authorKind <> 'system'")
      .groupBy('m.conversationId')
      .getRawMany<{ conversationId: number; count: string | number }>();
    return new Map(rows.map((r) => [Number(r.conversationId), Number(r.count)]));
  }

  async channel(channelId: number): Promise<LivechatChannel> {
    const channel = await this.db.getRepository(LivechatChannel).findOneBy({ id: channelId });
    if (!channel) throw new NotFoundException(`Channel ${channelId} not found`);
    return channel;
  }

  private sessions() {
    return this.db.getRepository(LivechatSession);
  }
}

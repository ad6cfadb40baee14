import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Metrics, ModuleRegistry, Realtime, sql, SqlRunner, Translations } from '@lc/platform/server';
import { SocketEvents, SOURCE_LANG, type MessageI18n, type SessionEvent } from '@lc/protocol';
import { ConversationsService } from '../../discuss/server/public-api';
import { PresenceService } from '../../presence/server/public-api';
import { AssignmentService, type QueueOutcome } from './assignment.service';
import { ChannelOperator, LivechatSession } from './entities';
import { OperatorNames } from './operator-names';
import { LIVECHAT_MODULE, visitorSessionRoom } from './visitor-token';

/** The queue of each channel: assigning it when something changes, and telling visitors where they stand. */
@Injectable()
export class SessionQueue implements OnApplicationBootstrap {
  private readonly logger = new Logger('Livechat');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly assignment: AssignmentService,
    private readonly conversations: ConversationsService,
    private readonly presence: PresenceService,
    private readonly realtime: Realtime,
    private readonly operatorNames: OperatorNames,
    private readonly registry: ModuleRegistry,
    private readonly sqlRunner: SqlRunner,
    metrics: Metrics,
    private readonly translations: Translations,
  ) {
    // The database's count, the same from every process (take the max across them, not the sum).
    metrics.gauge({
      name: 'livechat_sessions_queued',
      help: 'Visitor sessions waiting for an operator, in all channels',
      read: async () => Number((await sqlRunner.read(sql`SELECT COUNT(*) AS "n" FROM "livechat_session" WHERE "status" = ${'queued'}`))[0].n),
    });
  }

  onApplicationBootstrap(): void {
    // An operator coming online may take queued visitors (presence's stream runs while livechat is off too).
    this.presence.changes$.subscribe(({ userId, status }) => {
      if (status === 'online' && this.registry.isEnabled(LIVECHAT_MODULE)) void this.assignQueuedInChannelsOf(userId).catch((e) => this.logger.error(e));
    });
  }

  /**
   * Assigns what can be assigned in the channel, then tells every affected visitor and operator. Returns
   * the events sent, built from the sessions the assignment read (no session is read again).
   */
  async assignQueuedAndNotify(channelId: number): Promise<SessionEvent[]> {
    return this.tell(await this.assignment.assignQueued(channelId));
  }

  /** Tells the operators and visitors what an assignment did (once committed); returns the events sent. */
  async tell({ assigned, stillQueued }: QueueOutcome): Promise<SessionEvent[]> {
    for (const session of assigned) await this.conversations.announce(session.conversationId, [session.operatorId]);
    const operators = await this.operatorNames.refs(assigned.map((s) => s.operatorId));
    const events: SessionEvent[] = [
      ...assigned.map((s) => ({ sessionId: s.id, status: s.status, operator: operators.get(s.operatorId) ?? null, queuePosition: null })),
      ...stillQueued.map((s, i) => ({ sessionId: s.id, status: s.status, operator: null, queuePosition: i + 1 })),
    ];
    for (const event of events) this.emit(event);
    return events;
  }

  async assignQueuedInChannelsOf(userId: number): Promise<void> {
    for (const { channelId } of await this.db.getRepository(ChannelOperator).findBy({ userId })) await this.assignQueuedAndNotify(channelId);
  }

  /** Sends `livechat.session` with the session's current state to the visitor's sockets (`reason`: why it ended, for them). */
  async notify(sessionId: number, reason?: MessageI18n): Promise<void> {
    const session = await this.db.getRepository(LivechatSession).findOneBy({ id: sessionId });
    if (session) this.emit({ ...(await this.sessionEvent(session)), ...(reason && { reason: this.translations.text(SOURCE_LANG, 'messages', reason.key, reason.params), reasonI18n: reason }) });
  }

  /** What the visitor's widget shows of a session: its status, operator and place in the queue. */
  async sessionEvent(session: Pick<LivechatSession, 'id' | 'channelId' | 'status' | 'operatorId'>): Promise<SessionEvent> {
    const operator = session.operatorId ? await this.operatorNames.ref(session.operatorId) : null;
    const queuePosition = session.status === 'queued' ? await this.queuePosition(session) : null;
    return { sessionId: session.id, status: session.status, operator, queuePosition };
  }

  /**
   * 1 for the first in line: queued sessions of the channel that started before it, plus one. By hand
   * (SqlRunner): the ORM on SQLite writes the ids into the text, a statement prepared at each call.
   */
  private async queuePosition(session: Pick<LivechatSession, 'id' | 'channelId'>): Promise<number> {
    const [{ ahead }] = await this.sqlRunner.read(sql`SELECT COUNT(*) AS "ahead" FROM "livechat_session" WHERE "channelId" = ${session.channelId} AND "status" = 'queued' AND "id" < ${session.id}`);
    return Number(ahead) + 1;
  }

  private emit(event: SessionEvent): void {
    this.realtime.server.to(visitorSessionRoom(event.sessionId)).emit(SocketEvents.livechatSession, event);
  }
}

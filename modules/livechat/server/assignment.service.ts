import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { atomically, sql, SqlRunner } from '@lc/platform/server';
import { LanguagesService, User } from '../../base/server/public-api';
import { Member } from '../../discuss/server/public-api';
import { PresenceService } from '../../presence/server';
import { UserPresence } from '../../presence/server/entities';
import { decideAssignment, type CandidateFacts } from './assignment';
import { LivechatChannel, LivechatSession } from './entities';
import { visitorLanguages } from './visitor-languages';

/** All assignment decisions of all processes take this lock, so limits hold under concurrent starts. */
const ASSIGNMENT_LOCK = 0x6c630001;

export interface AssignmentOutcome {
  sessionId: number;
  operatorId: number | null;
}

@Injectable()
export class AssignmentService {
  private readonly logger = new Logger('Assignment');

  /** Joined active operators of a channel: presence, ongoing sessions (all channels, this one), last assignment. */
  private readonly operatorFactsQuery: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sql: SqlRunner,
    private readonly presence: PresenceService,
    private readonly languages: LanguagesService,
  ) {
    this.operatorFactsQuery = `SELECT o."userId", u."name", u."lang", u."livechatLanguages", p."status" AS "presenceStatus", p."lastActivityAt",
        (SELECT COUNT(*) FROM "livechat_session" s WHERE s."operatorId" = o."userId" AND s."status" = 'active') AS "ongoing",
        (SELECT COUNT(*) FROM "livechat_session" s WHERE s."operatorId" = o."userId" AND s."status" = 'active' AND s."channelId" = o."channelId") AS "inChannel",
        (SELECT MAX(s."assignedAt") FROM "livechat_session" s WHERE s."operatorId" = o."userId") AS "lastAssignedAt"
      FROM "livechat_channel_operator" o JOIN "${db.getMetadata(User).tableName}" u ON u."id" = o."userId"
      LEFT JOIN "${db.getMetadata(UserPresence).tableName}" p ON p."userId" = o."userId"
      WHERE o."channelId" = ? AND u."active" = ?
      ORDER BY o."userId"`;
  }

  /**
   * Assigns the queued sessions of a channel first come first served, as long as an operator is
   * available. Returns the sessions that got an operator.
   */
  async drain(channelId: number): Promise<AssignmentOutcome[]> {
    // Languages are read before taking the lock: under it, only the lock's own connection is used, so that
    // waiting requests holding pooled connections can never starve the lock holder.
    const enabled = await this.languages.enabledCodes();
    return atomically(this.db, ASSIGNMENT_LOCK, async (manager) => {
      const channel = await manager.getRepository(LivechatChannel).findOneBy({ id: channelId });
      if (!channel) return [];
      const queued = await manager.getRepository(LivechatSession).find({ where: { channelId, status: 'queued' }, order: { id: 'ASC' } });
      const assigned: AssignmentOutcome[] = [];
      for (const session of queued) {
        const operatorId = await this.assignOne(manager, channel, session, enabled);
        if (operatorId === null) break;
        assigned.push({ sessionId: session.id, operatorId });
      }
      return assigned;
    });
  }

  /** Decides for one queued session and records the decision; null leaves it queued. */
  private async assignOne(manager: EntityManager, channel: LivechatChannel, session: LivechatSession, enabled: Set<string>): Promise<number | null> {
    const facts = await this.gatherFacts(manager, channel, session, enabled);
    const decision = decideAssignment(facts);
    const sessions = manager.getRepository(LivechatSession);
    if (decision.operatorId === null) {
      await sessions.update({ id: session.id, status: 'queued' }, { assignmentReason: decision.reason });
      return null;
    }
    const now = Date.now();
    const { affected } = await sessions.update({ id: session.id, status: 'queued' }, { status: 'active', operatorId: decision.operatorId, assignedAt: now, assignmentReason: decision.reason });
    if (!affected) return null; // ended meanwhile
    await manager.createQueryBuilder().insert().into(Member).values({ conversationId: session.conversationId, userId: decision.operatorId, lastSeenMessageId: 0 }).orIgnore().execute();
    this.logger.debug(`session ${session.id}: ${decision.reason}`);
    return decision.operatorId;
  }

  /**
   * Everything the rules need about the joined operators in one read (no entity per operator: with a
   * thousand operators, loading them through the ORM was most of a session start).
   */
  private async gatherFacts(manager: EntityManager, channel: LivechatChannel, session: LivechatSession, enabled: Set<string>) {
    const rows = await this.sql.read({ text: this.operatorFactsQuery, params: [channel.id, true] }, manager);
    const candidates: CandidateFacts[] = [];
    const excluded: Array<{ name: string; why: string }> = [];
    for (const row of rows) {
      const userId = Number(row.userId);
      const name = String(row.name);
      if (!this.presence.isOnline(userId, row.presenceStatus as string | null, row.lastActivityAt === null ? null : Number(row.lastActivityAt))) excluded.push({ name, why: 'not online' });
      else if (channel.maxSessionsPerOperator && Number(row.inChannel) >= channel.maxSessionsPerOperator) excluded.push({ name, why: `full: ${channel.maxSessionsPerOperator} sessions` });
      else
        candidates.push({
          userId,
          name,
          languages: [String(row.lang), ...String(row.livechatLanguages ?? '').split(',')].filter((l) => enabled.has(l)),
          ongoing: Number(row.ongoing),
          lastAssignedAt: row.lastAssignedAt === null ? null : Number(row.lastAssignedAt),
        });
    }
    const [previous] = await this.sql.read(
      sql`SELECT "operatorId" FROM "livechat_session" WHERE "visitorTokenHash" = ${session.visitorTokenHash} AND "operatorId" IS NOT NULL AND "id" <> ${session.id} ORDER BY "assignedAt" DESC LIMIT 1`,
      manager,
    );
    return { candidates, excluded, previousOperatorId: previous ? Number(previous.operatorId) : null, visitorLanguages: visitorLanguages(session.acceptLanguage ?? undefined) };
  }
}

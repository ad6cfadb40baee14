import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Not, IsNull, type EntityManager } from 'typeorm';
import { atomically } from '@lc/platform/server';
import { LanguagesService, User } from '../../base/server/public-api';
import { Member } from '../../discuss/server/public-api';
import { PresenceService } from '../../presence/server';
import { decideAssignment, type CandidateFacts } from './assignment';
import { ChannelOperator, LivechatChannel, LivechatSession } from './entities';
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

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly presence: PresenceService,
    private readonly languages: LanguagesService,
  ) {}

  /**
   * Assigns the queued sessions of a channel first come first served, as long as an operator is
   * available. Returns the sessions that got an operator.
   */
  async drain(channelId: number): Promise<AssignmentOutcome[]> {
    // Presence and languages are read before taking the lock: under it, only the lock's own connection is
    // used, so that waiting requests holding pooled connections can never starve the lock holder.
    const joined = await this.db.getRepository(ChannelOperator).findBy({ channelId });
    const online = new Set(await this.presence.onlineAmong(joined.map((j) => j.userId)));
    const enabled = await this.languages.enabledCodes();
    return atomically(this.db, ASSIGNMENT_LOCK, async (manager) => {
      const channel = await manager.getRepository(LivechatChannel).findOneBy({ id: channelId });
      if (!channel) return [];
      const queued = await manager.getRepository(LivechatSession).find({ where: { channelId, status: 'queued' }, order: { id: 'ASC' } });
      const assigned: AssignmentOutcome[] = [];
      for (const session of queued) {
        const operatorId = await this.assignOne(manager, channel, session, online, enabled);
        if (operatorId === null) break;
        assigned.push({ sessionId: session.id, operatorId });
      }
      return assigned;
    });
  }

  /** Decides for one queued session and records the decision; null leaves it queued. */
  private async assignOne(manager: EntityManager, channel: LivechatChannel, session: LivechatSession, online: Set<number>, enabled: Set<string>): Promise<number | null> {
    const facts = await this.gatherFacts(manager, channel, session, online, enabled);
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

  private async gatherFacts(manager: EntityManager, channel: LivechatChannel, session: LivechatSession, online: Set<number>, enabled: Set<string>) {
    const joined = await manager.getRepository(ChannelOperator).findBy({ channelId: channel.id });
    const ids = joined.map((j) => j.userId);
    const users = ids.length ? await manager.getRepository(User).findBy({ id: In(ids), active: true }) : [];
    const inThisChannel = channel.maxSessionsPerOperator ? await this.countOngoing(manager, ids, channel.id) : new Map<number, number>();
    const ongoing = await this.countOngoing(manager, ids);
    const lastAssigned = await this.lastAssignedAt(manager, ids);

    const candidates: CandidateFacts[] = [];
    const excluded: Array<{ name: string; why: string }> = [];
    for (const user of users) {
      if (!online.has(user.id)) excluded.push({ name: user.name, why: 'not online' });
      else if (channel.maxSessionsPerOperator && (inThisChannel.get(user.id) ?? 0) >= channel.maxSessionsPerOperator) excluded.push({ name: user.name, why: `full: ${channel.maxSessionsPerOperator} sessions` });
      else
        candidates.push({
          userId: user.id,
          name: user.name,
          languages: [user.lang, ...user.livechatLanguages].filter((l) => enabled.has(l)),
          ongoing: ongoing.get(user.id) ?? 0,
          lastAssignedAt: lastAssigned.get(user.id) ?? null,
        });
    }
    const previous = await manager.getRepository(LivechatSession).findOne({
      where: { visitorTokenHash: session.visitorTokenHash, operatorId: Not(IsNull()), id: Not(session.id) },
      order: { assignedAt: 'DESC' },
    });
    return { candidates, excluded, previousOperatorId: previous?.operatorId ?? null, visitorLanguages: visitorLanguages(session.acceptLanguage ?? undefined) };
  }

  /** Sessions assigned and not ended per operator, in one channel or in all. */
  private async countOngoing(manager: EntityManager, operatorIds: number[], channelId?: number): Promise<Map<number, number>> {
    if (!operatorIds.length) return new Map();
    const query = manager
      .getRepository(LivechatSession)
      .createQueryBuilder('s')
      .select('s.operatorId', 'operatorId')
      .addSelect('COUNT(*)', 'count')
      .where("s.status = 'active'")
      .andWhere('s.operatorId IN (:...operatorIds)', { operatorIds })
      .groupBy('s.operatorId');
    if (channelId) query.andWhere('s.channelId = :channelId', { channelId });
    const rows = await query.getRawMany<{ operatorId: number; count: string | number }>();
    return new Map(rows.map((r) => [Number(r.operatorId), Number(r.count)]));
  }

  private async lastAssignedAt(manager: EntityManager, operatorIds: number[]): Promise<Map<number, number>> {
    if (!operatorIds.length) return new Map();
    const rows = await manager
      .getRepository(LivechatSession)
      .createQueryBuilder('s')
      .select('s.operatorId', 'operatorId')
      .addSelect('MAX(s.assignedAt)', 'at')
      .where('s.operatorId IN (:...operatorIds)', { operatorIds })
      .groupBy('s.operatorId')
      .getRawMany<{ operatorId: number; at: string | number }>();
    return new Map(rows.map((r) => [Number(r.operatorId), Number(r.at)]));
  }
}

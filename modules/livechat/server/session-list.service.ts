import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not } from 'typeorm';
import type { LivechatSessionItem, RatingValue, SessionRating } from '@lc/protocol';
import { messagesReadModel } from '../../discuss/server/public-api';
import { LivechatSession } from './entities';
import { OperatorNames } from './operator-names';

export interface SessionFilter {
  channelId?: number;
  status?: string;
  ids?: number[];
  /** A rating value, or `none`: the sessions not rated. */
  rating?: string;
  operatorId?: number;
  /** `true`: whose operator is looking for help; `false`: the others. */
  needsHelp?: string;
}

/** A session's rating as its items show it. */
export const ratingOf = (s: Pick<LivechatSession, 'ratingValue' | 'ratingComment' | 'ratedAt'>): SessionRating | null =>
  s.ratingValue && s.ratedAt ? { value: s.ratingValue as RatingValue, comment: s.ratingComment, ratedAt: new Date(s.ratedAt).toISOString() } : null;

/** Sessions as managers see them (Live Chat → Sessions), with their operator and number of messages. */
@Injectable()
export class SessionList {
  private readonly liveMessageCount: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly operatorNames: OperatorNames,
  ) {
    this.liveMessageCount = messagesReadModel(db).writtenCount('s."conversationId"', 's."welcomeMessageId"');
  }

  /** Newest first, at most 500. */
  async list(filter: SessionFilter): Promise<LivechatSessionItem[]> {
    const where: Record<string, unknown> = {};
    if (filter.channelId) where.channelId = filter.channelId;
    if (filter.status) where.status = filter.status;
    if (filter.ids) where.id = In(filter.ids);
    if (filter.rating) where.ratingValue = filter.rating === 'none' ? IsNull() : Number(filter.rating);
    if (filter.operatorId) where.operatorId = filter.operatorId;
    if (filter.needsHelp) where.needsHelpSince = filter.needsHelp === 'true' ? Not(IsNull()) : IsNull();
    const sessions = await this.db.getRepository(LivechatSession).find({ where, order: { id: 'DESC' }, take: 500 });
    const operatorIds = [...new Set(sessions.map((s) => s.operatorId).filter((id): id is number => id !== null))];
    const operators = await this.operatorNames.refs(operatorIds);
    const counts = await this.liveMessageCounts(sessions.filter((s) => s.messageCount === null).map((s) => s.id));
    return sessions.map((s) => ({
      id: s.id,
      channelId: s.channelId,
      conversationId: s.conversationId,
      status: s.status,
      operator: (s.operatorId && operators.get(s.operatorId)) || null,
      visitorLanguage: s.visitorLanguage,
      visitorCountry: s.visitorCountry,
      assignmentReason: s.assignmentReason,
      assignmentSummary: s.assignmentSummary,
      startedAt: new Date(s.startedAt).toISOString(),
      endedAt: s.endedAt ? new Date(s.endedAt).toISOString() : null,
      visitorName: s.visitorName ?? `Visitor #${s.id}`,
      email: s.email,
      messageCount: s.messageCount ?? counts.get(s.id) ?? 0,
      offline: s.offline,
      rating: ratingOf(s),
      needsHelp: s.needsHelpSince !== null,
      helpRequestedAt: s.needsHelpSince === null ? null : new Date(s.needsHelpSince).toISOString(),
    }));
  }

  /** One session, as the list shows it. */
  async item(sessionId: number): Promise<LivechatSessionItem> {
    return (await this.list({ ids: [sessionId] }))[0];
  }

  /**
   * Messages people wrote so far in sessions that have not ended (an ended one keeps its count), as the
   * reports count them: no system message, not the welcome.
   */
  private async liveMessageCounts(sessionIds: number[]): Promise<Map<number, number>> {
    if (!sessionIds.length) return new Map();
    const rows: Array<{ id: number; count: string | number }> = await this.db
      .getRepository(LivechatSession)
      .createQueryBuilder('s')
      .select('s.id', 'id')
      .addSelect(this.liveMessageCount, 'count')
      .where('s.id IN (:...ids)', { ids: sessionIds })
      .getRawMany();
    return new Map(rows.map((r) => [Number(r.id), Number(r.count)]));
  }
}

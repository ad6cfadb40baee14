import { ForbiddenException, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SocketIdentities, sql, SqlRunner, translatableError, TurnBatch, type Row } from '@lc/platform/server';
import type { LivechatDetails } from '@lc/protocol';
import { DiscussHooks, conversationRoom } from '../../discuss/server/public-api';
import { LivechatSession } from './entities';
import { ratingOf } from './session-list.service';
import { VisitorBlocks } from './visitor-blocks.service';
import { VisitorRateLimits } from './visitor-rate-limits';
import { VisitorSessions, type VisitorSessionRef } from './visitor-sessions.service';
import { hashVisitorToken, LIVECHAT_MODULE, visitorClaims, visitorRoom, visitorSessionRoom, type VisitorClaims } from './visitor-token';

/**
 * Connects visitors to the platform: their socket handshake (visitor token), their `message` socket
 * events, and the live chat details shown beside a conversation in Discuss.
 */
@Injectable()
export class VisitorBridge implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sql: SqlRunner,
    private readonly hooks: DiscussHooks,
    private readonly sessions: VisitorSessions,
    private readonly limits: VisitorRateLimits,
    private readonly identities: SocketIdentities,
    private readonly blocks: VisitorBlocks,
  ) {}

  onApplicationBootstrap(): void {
    this.identities.register({ module: LIVECHAT_MODULE, authKey: 'visitorToken', label: 'visitor token', authenticate: (token) => this.authenticate(token) });
    this.hooks.onGuestMessage(LIVECHAT_MODULE, async (socket, dto) => {
      if (!visitorClaims(socket)) throw new ForbiddenException();
      if (!socket.rooms.has(conversationRoom(dto.conversationId))) throw translatableError(404, 'livechat.conversationNotFound', { id: dto.conversationId });
      // The limit (Redis, with several processes) and the session's read (the database) at once: neither waits for the other.
      const [ref] = await Promise.all([this.sessionOf(dto.conversationId), this.limits.message(dto.conversationId)]);
      if (!ref) throw translatableError(404, 'livechat.conversationNotFound', { id: dto.conversationId });
      return (await this.sessions.postAsVisitor(ref, dto.body, dto.clientId, socket.id)).message;
    });
    this.hooks.itemDetails.push((conversations) => this.details(conversations.filter((c) => c.kind === 'livechat').map((c) => c.id)));
  }

  /**
   * The session a visitor's message goes to, read at each message (it may have ended meanwhile, on any
   * process). On PostgreSQL the reads of one turn are one statement: a round trip costs more than the read.
   */
  private sessionOf(conversationId: number): Promise<VisitorSessionRef | null> {
    if (this.sql.dialect === 'postgres') return this.sessionReads.add(conversationId);
    return this.sql.read(sql`SELECT "id", "conversationId", "status", "visitorName" FROM "livechat_session" WHERE "conversationId" = ${conversationId}`).then(([row]) => (row ? toSessionRef(row) : null));
  }

  private readonly sessionReads = new TurnBatch<number, VisitorSessionRef | null>((conversationIds) => this.readSessions(conversationIds));

  private async readSessions(conversationIds: number[]): Promise<Array<VisitorSessionRef | null>> {
    const rows = await this.sql.read(sql`SELECT "id", "conversationId", "status", "visitorName" FROM "livechat_session" WHERE "conversationId" = ANY(${conversationIds}::int[])`);
    const byConversation = new Map(rows.map((row) => [Number(row.conversationId), toSessionRef(row)]));
    return conversationIds.map((id) => byConversation.get(id) ?? null);
  }

  /** A visitor token from the handshake: the visitor's sessions and the rooms their socket joins, or null. */
  async authenticate(visitorToken: string): Promise<{ key: string; claims: VisitorClaims; rooms: string[] } | null> {
    if (visitorToken.length > 100) return null;
    const tokenHash = hashVisitorToken(visitorToken);
    const sessions = await this.db.getRepository(LivechatSession).find({ where: { visitorTokenHash: tokenHash }, select: { id: true, conversationId: true } });
    if (!sessions.length || (await this.blocks.isBlocked(tokenHash, null))) return null;
    const sessionIds = sessions.map((s) => s.id);
    return {
      key: tokenHash,
      claims: { tokenHash, sessionIds },
      rooms: [visitorRoom(tokenHash), ...sessionIds.map(visitorSessionRoom), ...sessions.map((s) => conversationRoom(s.conversationId))],
    };
  }

  /** By hand (SqlRunner): every live chat started is announced to its operator with these details. */
  private async details(conversationIds: number[]): Promise<Map<number, { livechat: LivechatDetails }>> {
    if (!conversationIds.length) return new Map();
    const rows = await this.sql.read({
      text: `SELECT s."id", s."conversationId", s."status", s."visitorName", s."visitorLanguage", s."visitorCountry", s."operatorId", s."pageUrl", s."userAgent",
          s."assignmentReason", s."assignmentSummary", s."ratingValue", s."ratingComment", s."ratedAt", s."needsHelpSince", c."name" AS "channelName"
        FROM "livechat_session" s LEFT JOIN "livechat_channel" c ON c."id" = s."channelId" WHERE s."conversationId" IN (${conversationIds.map(() => '?').join(', ')})`,
      params: conversationIds,
    });
    return new Map(
      rows.map((s) => [
        Number(s.conversationId),
        {
          livechat: {
            sessionId: Number(s.id),
            status: s.status as LivechatSession['status'],
            visitorName: (s.visitorName as string | null) ?? `Visitor #${s.id}`,
            visitorLanguage: s.visitorLanguage as string | null,
            visitorCountry: s.visitorCountry as string | null,
            operatorId: s.operatorId === null ? null : Number(s.operatorId),
            channelName: (s.channelName as string | null) ?? '',
            pageUrl: s.pageUrl as string | null,
            userAgent: s.userAgent as string | null,
            assignmentReason: s.assignmentReason as string | null,
            assignmentSummary: s.assignmentSummary === null ? null : JSON.parse(String(s.assignmentSummary)),
            rating: ratingOf({ ratingValue: s.ratingValue === null ? null : Number(s.ratingValue), ratingComment: s.ratingComment as string | null, ratedAt: s.ratedAt === null ? null : Number(s.ratedAt) }),
            needsHelp: s.needsHelpSince !== null,
          },
        },
      ]),
    );
  }
}

const toSessionRef = (row: Row): VisitorSessionRef => ({
  id: Number(row.id),
  conversationId: Number(row.conversationId),
  status: row.status as LivechatSession['status'],
  visitorName: row.visitorName as string | null,
});

import { ForbiddenException, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SocketIdentities, sql, SqlRunner, translatableError } from '@lc/platform/server';
import type { LivechatDetails } from '@lc/protocol';
import { DiscussHooks, conversationRoom } from '../../discuss/server/public-api';
import { LivechatSession } from './entities';
import { ratingOf } from './session-list.service';
import { VisitorBlocks } from './visitor-blocks.service';
import { VisitorRateLimits } from './visitor-rate-limits';
import { VISITOR_AUTHORS, VisitorSessions } from './visitor-sessions.service';
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
      await this.limits.message(dto.conversationId);
      // Whether the chat still runs, and the visitor's name, are read by the message's own statement.
      const posted = await this.sessions.postAsVisitor(dto.conversationId, dto.body, dto.clientId, socket.id);
      if (posted) return posted.message;
      const [session] = await this.sql.read(sql`SELECT "id" FROM "livechat_session" WHERE "conversationId" = ${dto.conversationId}`);
      if (!session) throw translatableError(404, 'livechat.conversationNotFound', { id: dto.conversationId });
      throw translatableError(409, 'livechat.sessionEnded', { id: Number(session.id) });
    });
    this.hooks.onGuestAuthors('livechat', VISITOR_AUTHORS);
    this.hooks.itemDetails.push((conversations) => this.details(conversations.filter((c) => c.kind === 'livechat').map((c) => c.id)));
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

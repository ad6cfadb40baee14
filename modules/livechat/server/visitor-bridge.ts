import { ForbiddenException, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { SocketIdentities, sql, SqlRunner, translatableError, TurnBatch, type Row } from '@lc/platform/server';
import type { LivechatDetails } from '@lc/protocol';
import { DiscussHooks, conversationRoom } from '../../discuss/server/public-api';
import { LivechatChannel, LivechatSession } from './entities';
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

  private async details(conversationIds: number[]): Promise<Map<number, { livechat: LivechatDetails }>> {
    if (!conversationIds.length) return new Map();
    const sessions = await this.db.getRepository(LivechatSession).findBy({ conversationId: In(conversationIds) });
    const channels = new Map((await this.db.getRepository(LivechatChannel).findBy({ id: In([...new Set(sessions.map((s) => s.channelId))]) })).map((c) => [c.id, c]));
    return new Map(
      sessions.map((s) => [
        s.conversationId,
        {
          livechat: {
            sessionId: s.id,
            status: s.status,
            visitorName: s.visitorName ?? `Visitor #${s.id}`,
            visitorLanguage: s.visitorLanguage,
            visitorCountry: s.visitorCountry,
            operatorId: s.operatorId,
            channelName: channels.get(s.channelId)?.name ?? '',
            pageUrl: s.pageUrl,
            userAgent: s.userAgent,
            assignmentReason: s.assignmentReason,
            assignmentSummary: s.assignmentSummary,
            rating: ratingOf(s),
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

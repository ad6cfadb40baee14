import { WebSocketGateway, type OnGatewayConnection, type OnGatewayDisconnect } from '@nestjs/websockets';
import { ModuleRegistry, sql, SqlRunner, type AppSocket } from '@lc/platform/server';
import { SocketEvents } from '@lc/protocol';
import type { LivechatSession } from './entities';
import { SessionQueue } from './session-queue.service';
import { LIVECHAT_MODULE, visitorClaims } from './visitor-token';

/**
 * A visitor (re)connecting gets the current state of their open sessions at once, so a widget that was
 * between pages learns that an operator took the chat or ended it. Connecting and disconnecting both count
 * as the visitor's activity: an idle session ends that long after the visitor left, not after they came.
 *
 * By hand (SqlRunner), by the token's hash: every visitor page load runs these, and the ORM on SQLite writes
 * the ids and the time into the statement text, so each connection prepared statements of its own (~10 kB of
 * native memory each that only a full GC gives back: most of the RSS per idle visitor).
 */
@WebSocketGateway()
export class VisitorGateway implements OnGatewayConnection, OnGatewayDisconnect {
  constructor(
    private readonly sql: SqlRunner,
    private readonly queue: SessionQueue,
    private readonly registry: ModuleRegistry,
  ) {}

  async handleConnection(socket: AppSocket): Promise<void> {
    const visitor = visitorClaims(socket);
    if (!visitor || !this.registry.isEnabled(LIVECHAT_MODULE)) return;
    const rows = await this.sql.read(sql`SELECT "id", "channelId", "status", "operatorId" FROM "livechat_session" WHERE "visitorTokenHash" = ${visitor.tokenHash}`);
    for (const row of rows) {
      const session = toSessionState(row);
      // Only the sessions of the handshake: the socket is in their rooms (a later one is announced there).
      if (visitor.sessionIds.includes(session.id)) socket.emit(SocketEvents.livechatSession, await this.queue.sessionEvent(session));
    }
    await this.touch(visitor.tokenHash);
  }

  async handleDisconnect(socket: AppSocket): Promise<void> {
    const visitor = visitorClaims(socket);
    if (visitor) await this.touch(visitor.tokenHash).catch(() => undefined); // the database may be closing
  }

  /** The visitor's open sessions (those the token holds) were active now. */
  private async touch(tokenHash: string): Promise<void> {
    await this.sql.writeStatement(sql`UPDATE "livechat_session" SET "lastActivityAt" = ${Date.now()} WHERE "visitorTokenHash" = ${tokenHash} AND "status" IN ('queued', 'active')`);
  }
}

const toSessionState = (row: Record<string, unknown>): Pick<LivechatSession, 'id' | 'channelId' | 'status' | 'operatorId'> => ({
  id: Number(row.id),
  channelId: Number(row.channelId),
  status: row.status as LivechatSession['status'],
  operatorId: row.operatorId === null ? null : Number(row.operatorId),
});

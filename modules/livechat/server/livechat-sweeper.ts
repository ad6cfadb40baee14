import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { APP_CONFIG, ModuleRegistry, Realtime, sql, SqlRunner, type AppConfig } from '@lc/platform/server';
import { PresenceService } from '../../presence/server/public-api';
import { ChannelsService } from './channels.service';
import { ChannelOperator, LivechatSession } from './entities';
import { VisitorSessions } from './visitor-sessions.service';
import { visitorSessionRoom } from './visitor-token';

/**
 * Runs in every process. Removes operators inactive for the timeout from their channels within
 * min(60 s, timeout / 2), and ends sessions idle past LIVECHAT_SESSION_IDLE_END_S with no visitor
 * connected. Every action is a conditional write, so two processes never act twice.
 */
@Injectable()
export class LivechatSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LivechatSweeper');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sql: SqlRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly channels: ChannelsService,
    private readonly sessions: VisitorSessions,
    private readonly registry: ModuleRegistry,
    private readonly realtime: Realtime,
    private readonly presence: PresenceService,
  ) {}

  get intervalMs(): number {
    return Math.max(100, Math.min(60_000, (this.config.inactivityTimeoutS * 1000) / 2));
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep().catch((e) => this.logger.error(e)), this.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  sweep(): Promise<void> {
    if (!this.registry.isEnabled('livechat')) return Promise.resolve();
    this.running ??= this.removeInactiveOperators()
      .then(() => this.endIdleSessions())
      .finally(() => (this.running = undefined));
    return this.running;
  }

  /** An operator with no activity for the timeout is considered disconnected: out of every channel. */
  private async removeInactiveOperators(): Promise<void> {
    const inside = await this.db.getRepository(ChannelOperator).find();
    if (!inside.length) return;
    const activeSince = Date.now() - this.config.inactivityTimeoutS * 1000;
    const userIds = [...new Set(inside.map((o) => o.userId))];
    const presence = await this.presence.lastActivityOf(userIds);
    for (const operator of inside) {
      const lastActivity = Math.max(presence.get(operator.userId) ?? 0, operator.joinedAt);
      if (lastActivity < activeSince) {
        const removed = await this.channels.removeOperator(operator.channelId, operator.userId);
        if (removed) this.logger.log(`operator ${operator.userId} removed from channel ${operator.channelId} after ${this.config.inactivityTimeoutS}s without activity`);
      }
    }
  }

  /**
   * Idle: no message since the cut-off (the conversation's last one, by anyone) and no visitor connection
   * since then (lastActivityAt moves when a visitor connects) nor now.
   */
  private async endIdleSessions(): Promise<void> {
    const idleSince = Date.now() - this.config.sessionIdleEndS * 1000;
    const rows = await this.sql.read(sql`SELECT s."id" FROM "livechat_session" s
      JOIN "discuss_conversation" c ON c."id" = s."conversationId"
      LEFT JOIN "discuss_message" m ON m."id" = c."lastMessageId"
      WHERE s."status" IN ('queued', 'active') AND s."lastActivityAt" < ${idleSince} AND (m."id" IS NULL OR m."createdAt" < ${new Date(idleSince)})`);
    if (!rows.length) return;
    const idle = await this.db.getRepository(LivechatSession).findBy({ id: In(rows.map((r) => Number(r.id))) });
    for (const session of idle) {
      const connected = await this.realtime.server.in(visitorSessionRoom(session.id)).fetchSockets();
      if (connected.length) continue;
      await this.sessions.close(session, { kind: 'visitor' });
    }
  }
}

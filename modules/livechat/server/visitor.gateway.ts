import { WebSocketGateway, type OnGatewayConnection, type OnGatewayDisconnect } from '@nestjs/websockets';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ModuleRegistry, type AppSocket } from '@lc/platform/server';
import { SocketEvents } from '@lc/protocol';
import { LivechatSession } from './entities';
import { SessionQueue } from './session-queue.service';
import { LIVECHAT_MODULE, visitorClaims } from './visitor-token';

/**
 * A visitor (re)connecting gets the current state of their open sessions at once, so a widget that was
 * between pages learns that an operator took the chat or ended it. Connecting and disconnecting both count
 * as the visitor's activity: an idle session ends that long after the visitor left, not after they came.
 */
@WebSocketGateway()
export class VisitorGateway implements OnGatewayConnection, OnGatewayDisconnect {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: SessionQueue,
    private readonly registry: ModuleRegistry,
  ) {}

  async handleConnection(socket: AppSocket): Promise<void> {
    const visitor = visitorClaims(socket);
    if (!visitor || !this.registry.isEnabled(LIVECHAT_MODULE)) return;
    const open = await this.db.getRepository(LivechatSession).findBy({ id: In(visitor.sessionIds) });
    for (const session of open) socket.emit(SocketEvents.livechatSession, await this.queue.sessionEvent(session));
    await this.touch(visitor.sessionIds);
  }

  async handleDisconnect(socket: AppSocket): Promise<void> {
    const visitor = visitorClaims(socket);
    if (visitor) await this.touch(visitor.sessionIds).catch(() => undefined); // the database may be closing
  }

  private async touch(sessionIds: number[]): Promise<void> {
    await this.db.getRepository(LivechatSession).update({ id: In(sessionIds), status: In(['queued', 'active']) }, { lastActivityAt: Date.now() });
  }
}

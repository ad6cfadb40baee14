import { ForbiddenException, BadRequestException } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, type OnGatewayConnection, type OnGatewayDisconnect } from '@nestjs/websockets';
import { HotSocketEvent, isEmptyPayload, ModuleRegistry, type AppSocket } from '@lc/platform/server';
import { SocketEvents } from '@lc/protocol';
import { PresenceService } from './presence.service';

/** Counts each user socket as a connection and takes `activity` events. */
@WebSocketGateway()
export class PresenceGateway implements OnGatewayConnection, OnGatewayDisconnect {
  /** The connect write of each socket, so that its disconnect never runs before it. */
  private readonly connecting = new WeakMap<AppSocket, Promise<void>>();

  constructor(
    private readonly presence: PresenceService,
    private readonly registry: ModuleRegistry,
  ) {}

  handleConnection(socket: AppSocket): void {
    if (socket.data.kind !== 'user' || !this.registry.isEnabled('presence')) return;
    this.connecting.set(socket, this.presence.connected(socket.id, socket.data.user.id).catch(() => undefined));
  }

  async handleDisconnect(socket: AppSocket): Promise<void> {
    if (socket.data?.kind !== 'user') return;
    await this.connecting.get(socket);
    await this.presence.disconnected(socket.id, socket.data.user.id).catch(() => undefined);
  }

  /** DESIGN: `activity` has no payload and is acknowledged with {ok: true}. */
  @SubscribeMessage(SocketEvents.activity)
  @HotSocketEvent()
  activity(@ConnectedSocket() socket: AppSocket, @MessageBody() body: unknown): { ok: true } {
    if (!isEmptyPayload(body)) throw new BadRequestException('activity takes no payload');
    if (socket.data.kind !== 'user') throw new ForbiddenException('Only users report activity');
    this.presence.recordActivity(socket.data.user.id);
    return { ok: true };
  }
}

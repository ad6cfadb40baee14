import { BadRequestException, ForbiddenException } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { isEmptyPayload, type AppSocket } from '@lc/platform/server';
import { SocketEvents } from '@lc/protocol';
import { CHANNEL_WATCHERS_ROOM } from './channels.service';

/**
 * Who follows the channels' operators live: a signed-in user's socket while the Channels page is open (it
 * may read the same list with GET /api/livechat/channels). A socket leaves the room when it closes.
 */
@WebSocketGateway()
export class ChannelsGateway {
  @SubscribeMessage(SocketEvents.livechatChannelsWatch)
  async watch(@ConnectedSocket() socket: AppSocket, @MessageBody() body: unknown): Promise<{ ok: true }> {
    this.check(socket, body);
    await socket.join(CHANNEL_WATCHERS_ROOM);
    return { ok: true };
  }

  @SubscribeMessage(SocketEvents.livechatChannelsUnwatch)
  async unwatch(@ConnectedSocket() socket: AppSocket, @MessageBody() body: unknown): Promise<{ ok: true }> {
    this.check(socket, body);
    await socket.leave(CHANNEL_WATCHERS_ROOM);
    return { ok: true };
  }

  private check(socket: AppSocket, body: unknown): void {
    if (!isEmptyPayload(body)) throw new BadRequestException('This event takes no payload');
    if (socket.data.kind !== 'user') throw new ForbiddenException('Only signed-in users follow the channels');
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Realtime } from '@lc/platform/server';
import { SocketEvents, type HelpEvent } from '@lc/protocol';
import { ChannelOperator } from './entities';

/**
 * `livechat.help` to exactly the operators inside the session's channel (each one's user room, so that the
 * Redis adapter reaches their sockets in every process): a call for help, or its end.
 */
@Injectable()
export class HelpSignals {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly realtime: Realtime,
  ) {}

  async send(event: HelpEvent): Promise<void> {
    const inside = await this.db.getRepository(ChannelOperator).find({ where: { channelId: event.channelId }, select: { userId: true } });
    this.realtime.toUsers(inside.map((o) => o.userId), SocketEvents.livechatHelp, event);
  }
}

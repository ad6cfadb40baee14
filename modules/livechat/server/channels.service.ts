import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { INTERNAL_USERS_ROOM, Realtime, type AuthUser } from '@lc/platform/server';
import { SocketEvents, type ChannelOperatorsEvent, type CreateChannelRequest, type LivechatChannelItem, type OperatorRef, type UpdateChannelRequest } from '@lc/protocol';
import { User } from '../../base/server/public-api';
import { PresenceService } from '../../presence/server';
import { ChannelOperator, LivechatChannel, LivechatSession } from './entities';
import { SessionsService } from './sessions.service';

export const DEFAULT_COLORS = { button: '#71639e', buttonText: '#ffffff', header: '#71639e', headerText: '#ffffff' };

@Injectable()
export class ChannelsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionsService,
    private readonly presence: PresenceService,
    private readonly realtime: Realtime,
  ) {}

  async list(userId: number, channelIds?: number[]): Promise<LivechatChannelItem[]> {
    const channels = await this.db.getRepository(LivechatChannel).find({ where: channelIds ? { id: In(channelIds) } : {}, order: { id: 'ASC' } });
    const inside = channels.length ? await this.db.getRepository(ChannelOperator).find({ where: { channelId: In(channels.map((c) => c.id)) }, order: { joinedAt: 'ASC' } }) : [];
    const users = new Map((inside.length ? await this.db.getRepository(User).findBy({ id: In([...new Set(inside.map((o) => o.userId))]) }) : []).map((u) => [u.id, u]));
    const ongoing = await this.ongoingPerChannel();
    return channels.map((c) => {
      const operators: OperatorRef[] = inside.filter((o) => o.channelId === c.id && users.has(o.userId)).map((o) => ({ id: o.userId, name: users.get(o.userId)!.name }));
      return {
        id: c.id,
        name: c.name,
        areYouInside: operators.some((o) => o.id === userId),
        operators,
        buttonText: c.buttonText,
        welcomeMessage: c.welcomeMessage,
        colors: c.colors,
        maxSessionsPerOperator: c.maxSessionsPerOperator,
        ongoingSessions: ongoing.get(c.id) ?? 0,
      };
    });
  }

  async create(userId: number, input: CreateChannelRequest): Promise<LivechatChannelItem> {
    const { identifiers } = await this.db.getRepository(LivechatChannel).insert({
      name: input.name.trim(),
      buttonText: input.buttonText?.trim() || 'Chat with us',
      welcomeMessage: input.welcomeMessage?.trim() || 'Hello! How may I help you?',
      colors: { ...DEFAULT_COLORS, ...input.colors },
      maxSessionsPerOperator: input.maxSessionsPerOperator ?? null,
    });
    return (await this.list(userId, [identifiers[0].id]))[0];
  }

  async update(user: AuthUser, channelId: number, input: UpdateChannelRequest): Promise<LivechatChannelItem> {
    const channel = await this.sessions.channel(channelId);
    const { operatorIds, colors, ...fields } = input;
    await this.db.getRepository(LivechatChannel).update({ id: channel.id }, { ...fields, ...(colors && { colors: { ...channel.colors, ...colors } }) });
    if (operatorIds) await this.setOperators(channel.id, operatorIds);
    await this.sessions.drain(channel.id); // a higher limit or new operators may take queued visitors
    return (await this.list(user.id, [channel.id]))[0];
  }

  /** Join: only operators (and managers, admins). Joining counts as activity and may take queued visitors. */
  async join(user: AuthUser, channelId: number): Promise<{ areYouInside: boolean }> {
    if (!user.groups.includes('livechat_operator')) throw new ForbiddenException('Only live chat operators can join a channel');
    await this.sessions.channel(channelId);
    this.presence.recordActivity(user.id);
    await this.db.createQueryBuilder().insert().into(ChannelOperator).values({ channelId, userId: user.id, joinedAt: Date.now() }).orIgnore().execute();
    await this.announceMembership(channelId, user.id, true);
    await this.sessions.drain(channelId);
    return { areYouInside: true };
  }

  /** Leave: conversations in progress stay with the operator. */
  async leave(user: AuthUser, channelId: number): Promise<{ areYouInside: boolean }> {
    if (!user.groups.includes('livechat_operator')) throw new ForbiddenException('Only live chat operators can leave a channel');
    await this.sessions.channel(channelId);
    await this.removeOperator(channelId, user.id);
    return { areYouInside: false };
  }

  /** Removes the operator; returns false when another process (or call) already did. */
  async removeOperator(channelId: number, userId: number): Promise<boolean> {
    const { affected } = await this.db.getRepository(ChannelOperator).delete({ channelId, userId });
    if (affected) await this.announceMembership(channelId, userId, false);
    return !!affected;
  }

  private async setOperators(channelId: number, userIds: number[]): Promise<void> {
    const current = (await this.db.getRepository(ChannelOperator).findBy({ channelId })).map((o) => o.userId);
    const wanted = [...new Set(userIds)];
    const operators = wanted.length ? await this.db.getRepository(User).findBy({ id: In(wanted), active: true }) : [];
    for (const user of operators.filter((u) => !current.includes(u.id))) {
      await this.db.createQueryBuilder().insert().into(ChannelOperator).values({ channelId, userId: user.id, joinedAt: Date.now() }).orIgnore().execute();
      await this.announceMembership(channelId, user.id, true);
    }
    for (const userId of current.filter((id) => !wanted.includes(id))) await this.removeOperator(channelId, userId);
  }

  /** `livechat.channel` to the user's shells; the new operator list to every shell for the kanban. */
  private async announceMembership(channelId: number, userId: number, areYouInside: boolean): Promise<void> {
    const [item] = await this.list(userId, [channelId]);
    this.realtime.toUser(userId, SocketEvents.livechatChannel, { channelId, areYouInside, operators: item?.operators });
    const everyone: ChannelOperatorsEvent = { channelId, operators: item?.operators ?? [] };
    this.realtime.server.to(INTERNAL_USERS_ROOM).emit(SocketEvents.livechatChannelOperators, everyone);
  }

  private async ongoingPerChannel(): Promise<Map<number, number>> {
    const rows = await this.db
      .getRepository(LivechatSession)
      .createQueryBuilder('s')
      .select('s.channelId', 'channelId')
      .addSelect('COUNT(*)', 'count')
      .where("s.status IN ('queued', 'active')")
      .groupBy('s.channelId')
      .getRawMany<{ channelId: number; count: string | number }>();
    return new Map(rows.map((r) => [Number(r.channelId), Number(r.count)]));
  }
}

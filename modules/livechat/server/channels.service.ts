import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Realtime, Translations, type AuthUser, translatableError } from '@lc/platform/server';
import { normalizeChannelTranslations, SocketEvents, type ChannelMembershipEvent, type ChannelOperatorEvent, type CreateChannelRequest, type LivechatChannelItem, type OperatorRef, type PublicChannel, type UpdateChannelRequest } from '@lc/protocol';
import { User } from '../../base/server/public-api';
import { PresenceService } from '../../presence/server/public-api';
import { ChannelOperator, LivechatChannel, LivechatSession } from './entities';
import { channelTexts } from './channel-texts';
import { LivechatMailer } from './mailer';
import { SessionQueue } from './session-queue.service';

/** The sockets that asked for `livechat.channel.operator` (see ChannelsGateway). */
export const CHANNEL_WATCHERS_ROOM = 'livechat:channel-watchers';

export const DEFAULT_COLORS = { button: '#71639e', buttonText: '#ffffff', header: '#71639e', headerText: '#ffffff' };

@Injectable()
export class ChannelsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: SessionQueue,
    private readonly presence: PresenceService,
    private readonly realtime: Realtime,
    private readonly mailer: LivechatMailer,
    private readonly translations: Translations,
  ) {}

  async get(channelId: number): Promise<LivechatChannel> {
    const channel = await this.db.getRepository(LivechatChannel).findOneBy({ id: channelId });
    if (!channel) throw translatableError(404, 'livechat.channelNotFound', { id: channelId });
    return channel;
  }

  /**
   * What the widget shows before a chat starts, in the visitor's language (their Accept-Language tags, best
   * first): the channel's texts and colours, and whether anyone can answer.
   */
  async publicChannel(channelId: number, visitorLanguages: string[]): Promise<PublicChannel> {
    const channel = await this.get(channelId);
    const inside = await this.db.getRepository(ChannelOperator).findBy({ channelId });
    const online = await this.presence.onlineAmong(inside.map((o) => o.userId));
    const lang = this.translations.negotiate(visitorLanguages);
    return { id: channel.id, name: channel.name, lang, ...channelTexts(channel, lang), colors: channel.colors, operatorsInside: inside.length, available: online.length > 0, emailTranscripts: this.mailer.enabled, blocked: false };
  }

  async list(userId: number, channelIds?: number[]): Promise<LivechatChannelItem[]> {
    const channels = await this.db.getRepository(LivechatChannel).find({ where: channelIds ? { id: In(channelIds) } : {}, order: { id: 'ASC' } });
    const inside = channels.length ? await this.db.getRepository(ChannelOperator).find({ where: { channelId: In(channels.map((c) => c.id)) }, order: { joinedAt: 'ASC' } }) : [];
    const users = new Map((inside.length ? await this.db.getRepository(User).findBy({ id: In([...new Set(inside.map((o) => o.userId))]) }) : []).map((u) => [u.id, u]));
    const ongoing = await this.ongoingPerChannel();
    const satisfaction = await this.satisfactionPerChannel();
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
        translations: c.translations ?? {},
        maxSessionsPerOperator: c.maxSessionsPerOperator,
        ongoingSessions: ongoing.get(c.id) ?? 0,
        satisfaction: satisfaction.get(c.id) ?? null,
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
    const channel = await this.get(channelId);
    const { operatorIds, colors, translations, ...fields } = input;
    const changes = Object.fromEntries(
      Object.entries({ ...fields, ...(colors && { colors: { ...channel.colors, ...colors } }), ...(translations && { translations: normalizeChannelTranslations(translations) }) }).filter(([, value]) => value !== undefined),
    );
    // TypeORM refuses an UPDATE without columns (a 500); `{}` or only operatorIds change no column.
    if (Object.keys(changes).length) await this.db.getRepository(LivechatChannel).update({ id: channel.id }, changes);
    if (operatorIds) await this.setOperators(channel.id, operatorIds);
    await this.queue.assignQueuedAndNotify(channel.id); // a higher limit or new operators may take queued visitors
    return (await this.list(user.id, [channel.id]))[0];
  }

  /** Join: only operators (and managers, admins). Joining counts as activity and may take queued visitors. */
  async join(user: AuthUser, channelId: number): Promise<{ areYouInside: boolean }> {
    if (!user.groups.includes('livechat_operator')) throw translatableError(403, 'livechat.onlyOperatorsJoin');
    await this.get(channelId);
    this.presence.recordActivity(user.id);
    await this.db.createQueryBuilder().insert().into(ChannelOperator).values({ channelId, userId: user.id, joinedAt: Date.now() }).orIgnore().execute();
    await this.announceMembership(channelId, user.id, true);
    await this.queue.assignQueuedAndNotify(channelId);
    return { areYouInside: true };
  }

  /** Leave: conversations in progress stay with the operator. */
  async leave(user: AuthUser, channelId: number): Promise<{ areYouInside: boolean }> {
    if (!user.groups.includes('livechat_operator')) throw translatableError(403, 'livechat.onlyOperatorsLeave');
    await this.get(channelId);
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

  /**
   * `livechat.channel` to the user's shells; the change, as a delta, to the shells watching the channels
   * (one small event to the few who look, not the whole list to every internal user: joins stay O(1) each).
   */
  private async announceMembership(channelId: number, userId: number, areYouInside: boolean): Promise<void> {
    const membership: ChannelMembershipEvent = { channelId, areYouInside };
    this.realtime.toUser(userId, SocketEvents.livechatChannel, membership);
    const user = await this.db.getRepository(User).findOne({ where: { id: userId }, select: { id: true, name: true } });
    if (!user) return;
    const change: ChannelOperatorEvent = { channelId, operator: { id: user.id, name: user.name }, inside: areYouInside };
    this.realtime.server.to(CHANNEL_WATCHERS_ROOM).emit(SocketEvents.livechatChannelOperator, change);
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

  /** Happy ÷ rated, per channel with at least one rating (Odoo's kanban card). */
  private async satisfactionPerChannel(): Promise<Map<number, number>> {
    const rows = await this.db
      .getRepository(LivechatSession)
      .createQueryBuilder('s')
      .select('s.channelId', 'channelId')
      .addSelect('COUNT(*)', 'rated')
      .addSelect('SUM(CASE WHEN s.ratingValue = 5 THEN 1 ELSE 0 END)', 'happy')
      .where('s.ratingValue IS NOT NULL')
      .groupBy('s.channelId')
      .getRawMany<{ channelId: number; rated: string | number; happy: string | number }>();
    return new Map(rows.map((r) => [Number(r.channelId), Number(r.happy) / Number(r.rated)]));
  }
}

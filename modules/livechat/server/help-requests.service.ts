import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, IsNull, Not } from 'typeorm';
import { translatableError, type AuthUser } from '@lc/platform/server';
import type { HelpRequestItem, LivechatSessionItem } from '@lc/protocol';
import { ConversationsService, DiscussHooks, MessagesService } from '../../discuss/server/public-api';
import { ChannelOperator, LivechatChannel, LivechatSession } from './entities';
import { HelpSignals } from './help-signals';
import { OperatorNames } from './operator-names';
import { SessionList } from './session-list.service';
import { SYSTEM_AUTHOR, SystemMessages } from './system-messages';

/**
 * "Looking for help" (Odoo's name): an operator flags a conversation, every operator inside its channel
 * sees it at once, and the first to join comes in beside the operator (the visitor sees them arrive, and
 * leave again).
 */
@Injectable()
export class HelpRequests {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conversations: ConversationsService,
    private readonly messages: MessagesService,
    private readonly operatorNames: OperatorNames,
    private readonly sessionList: SessionList,
    private readonly signals: HelpSignals,
    private readonly hooks: DiscussHooks,
  ) {}

  onApplicationBootstrap(): void {
    this.hooks.onLeave('livechat', (tx, conversation, userId) => this.leaving(tx, conversation.id, userId));
  }

  /** Its operator asks for help, or takes the request back. */
  async flag(session: LivechatSession, user: AuthUser, needHelp: boolean): Promise<LivechatSessionItem> {
    if (session.operatorId !== user.id) throw translatableError(403, 'livechat.onlyOperatorAsksHelp');
    const since = needHelp ? (session.needsHelpSince ?? Date.now()) : null;
    const { affected } = await this.sessions().update({ id: session.id, status: 'active' }, { needsHelpSince: since });
    if (!affected) throw translatableError(409, 'livechat.sessionNotInProgress', { id: session.id });
    if ((session.needsHelpSince !== null) !== needHelp) await this.changed(session, needHelp);
    return this.sessionList.item(session.id);
  }

  /** The conversations looking for help in the channels this operator is inside, oldest request first. */
  async list(user: AuthUser): Promise<HelpRequestItem[]> {
    const channelIds = (await this.db.getRepository(ChannelOperator).findBy({ userId: user.id })).map((o) => o.channelId);
    if (!channelIds.length) return [];
    const flagged = await this.sessions().find({ where: { channelId: In(channelIds), status: 'active', needsHelpSince: Not(IsNull()) }, select: { id: true }, order: { needsHelpSince: 'ASC' } });
    if (!flagged.length) return [];
    const channels = new Map((await this.db.getRepository(LivechatChannel).findBy({ id: In(channelIds) })).map((c) => [c.id, c.name]));
    const items = new Map((await this.sessionList.list({ ids: flagged.map((s) => s.id) })).map((item) => [item.id, item]));
    return flagged.map((s) => items.get(s.id)!).map((item) => ({ ...item, channelName: channels.get(item.channelId) ?? '' }));
  }

  /**
   * An operator inside the channel (or a manager) joins: a member beside the operator, a system message the
   * visitor reads too, all in one transaction; the request is over. Joining again changes nothing more.
   */
  async join(session: LivechatSession, user: AuthUser): Promise<LivechatSessionItem> {
    const inside = await this.db.getRepository(ChannelOperator).existsBy({ channelId: session.channelId, userId: user.id });
    if (!inside && !user.groups.includes('livechat_manager')) throw translatableError(403, 'livechat.onlyInsideJoin');
    const already = await this.conversations.isMember(session.conversationId, user.id);
    const messageId = await this.db.transaction(async (tx) => {
      const { affected } = await tx.getRepository(LivechatSession).update({ id: session.id, status: 'active' }, { needsHelpSince: null });
      if (!affected) throw translatableError(409, 'livechat.sessionNotInProgress', { id: session.id });
      if (already) return null;
      await this.conversations.addMemberWithin(tx, session.conversationId, user.id);
      const name = (await this.operatorNames.ref(user.id, tx))?.name ?? user.name;
      return this.messages.storeWithin(tx, session.conversationId, SYSTEM_AUTHOR, SystemMessages.joined(name));
    });
    if (messageId) await this.messages.deliverStored(session.conversationId, [messageId]);
    if (session.needsHelpSince !== null) await this.changed(session, false);
    else if (messageId) await this.conversations.announce(session.conversationId, await this.conversations.memberIds(session.conversationId));
    return this.sessionList.item(session.id);
  }

  /**
   * Someone who joined a running chat leaves it (Discuss → Leave): the visitor and the operator read that they
   * left. Its own operator cannot walk out on the visitor: they end the chat or transfer it.
   */
  private async leaving(tx: EntityManager, conversationId: number, userId: number): Promise<number | null> {
    const session = await tx.getRepository(LivechatSession).findOneBy({ conversationId });
    if (!session || session.status === 'ended') return null;
    if (session.operatorId === userId) throw translatableError(409, 'livechat.operatorCannotLeave');
    const name = (await this.operatorNames.ref(userId, tx))?.name ?? '';
    return this.messages.storeWithin(tx, conversationId, SYSTEM_AUTHOR, SystemMessages.left(name));
  }

  /** The channel's operators are told; the members' items follow (the operator's "Ask for help" state). */
  private async changed(session: LivechatSession, needHelp: boolean): Promise<void> {
    await this.signals.send({ sessionId: session.id, channelId: session.channelId, needHelp });
    await this.conversations.announce(session.conversationId, await this.conversations.memberIds(session.conversationId));
  }

  private sessions() {
    return this.db.getRepository(LivechatSession);
  }
}

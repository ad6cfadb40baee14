import { translatableError } from '@lc/platform/server';
import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { AuthUser } from '@lc/platform/server';
import type { AssignmentSummary, LivechatSessionItem, OperatorRef, TransferSessionRequest, TransferTargets } from '@lc/protocol';
import { LanguagesService, User } from '../../base/server/public-api';
import { ConversationsService, MessagesService } from '../../discuss/server/public-api';
import { withTransfer } from './assignment';
import { AssignmentService } from './assignment.service';
import { LivechatChannel, LivechatSession } from './entities';
import { HelpSignals } from './help-signals';
import { OperatorNames } from './operator-names';
import { SessionList } from './session-list.service';
import { SessionQueue } from './session-queue.service';
import { SYSTEM_AUTHOR, SystemMessages } from './system-messages';

const OPEN = In(['queued', 'active']);
/** A summary that no assignment rule made: a transfer to a named operator, or its channel's queue before the rules run. */
const summaryOf = (rule: 'transfer' | 'queued', ongoing: number | null, available: number): AssignmentSummary => ({ rule, language: null, sameLanguageOnly: false, unspokenLanguages: [], ongoing, available, tie: 'none' });

/**
 * "Transfer to…": a conversation handed to an online operator of its channel, or to another channel's
 * assignment rules. The new operator gets it with its whole history and the visitor's details, the
 * previous one leaves it, the visitor reads "You are now talking with Sofia", and the assignment reason
 * records the transfer and who made it. Each hand-over is one transaction under the assignment's lock.
 */
@Injectable()
export class SessionTransfers {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly assignment: AssignmentService,
    private readonly queue: SessionQueue,
    private readonly conversations: ConversationsService,
    private readonly messages: MessagesService,
    private readonly operatorNames: OperatorNames,
    private readonly languages: LanguagesService,
    private readonly sessionList: SessionList,
    private readonly signals: HelpSignals,
  ) {}

  /** Whom the dialog offers: the channel's other operators (with why not, when they cannot take it) and the other channels. */
  async targets(session: LivechatSession): Promise<TransferTargets> {
    const enabled = await this.languages.enabledCodes();
    const channels = await this.db.getRepository(LivechatChannel).find({ order: { name: 'ASC' } });
    const facts = new Map<number, Awaited<ReturnType<AssignmentService['operatorFacts']>>>();
    for (const channel of channels) facts.set(channel.id, await this.assignment.operatorFacts(this.db.manager, channel, enabled));
    const others = (facts.get(session.channelId) ?? []).filter((o) => o.userId !== session.operatorId);
    return {
      operators: others.map((o) => ({ id: o.userId, name: o.name, languages: o.languages, ongoing: o.ongoing, online: o.online, full: o.full })),
      channels: channels
        .filter((c) => c.id !== session.channelId)
        .map((c) => ({ id: c.id, name: c.name, availableOperators: facts.get(c.id)!.filter((o) => o.online && !o.full && o.userId !== session.operatorId).length })),
    };
  }

  async transfer(session: LivechatSession, by: AuthUser, request: TransferSessionRequest): Promise<LivechatSessionItem> {
    if ((request.operatorId === undefined) === (request.channelId === undefined)) throw new BadRequestException('Give either operatorId or channelId');
    if (session.status === 'ended') throw translatableError(409, 'livechat.sessionEnded', { id: session.id });
    const transferredBy: OperatorRef = { id: by.id, name: by.name };
    if (request.operatorId !== undefined) await this.toOperator(session, request.operatorId, transferredBy);
    else await this.toChannel(session, request.channelId!, transferredBy);
    return this.sessionList.item(session.id);
  }

  /** To a named operator: inside the channel, online, below its limit (else 409 saying which). */
  private async toOperator(session: LivechatSession, operatorId: number, transferredBy: OperatorRef): Promise<void> {
    const target = await this.db.getRepository(User).findOneBy({ id: operatorId, active: true });
    if (!target) throw translatableError(404, 'livechat.operatorNotFound', { id: operatorId });
    if (target.id === session.operatorId) throw translatableError(409, 'livechat.alreadyTalking', { name: target.name });
    const channel = await this.db.getRepository(LivechatChannel).findOneByOrFail({ id: session.channelId });
    const enabled = await this.languages.enabledCodes();
    const messageId = await this.assignment.underLock(async (tx) => {
      const operators = await this.assignment.operatorFacts(tx, channel, enabled);
      const facts = operators.find((o) => o.userId === target.id);
      if (!facts) throw translatableError(409, 'livechat.notInside', { name: target.name, channel: channel.name });
      if (!facts.online) throw translatableError(409, 'livechat.operatorOffline', { name: target.name });
      if (facts.full) throw translatableError(409, 'livechat.operatorFull', { name: target.name, max: channel.maxSessionsPerOperator ?? 0, channel: channel.name });
      const summary = summaryOf('transfer', facts.ongoing, operators.filter((o) => o.online && !o.full).length);
      const decision = withTransfer({ operatorId: target.id, reason: `to ${target.name}: online, ${facts.ongoing} ongoing`, summary }, { transferredBy, transferredFrom: null });
      const changes = { status: 'active' as const, operatorId: target.id, assignedAt: Date.now(), assignmentReason: decision.reason, assignmentSummary: decision.summary, needsHelpSince: null };
      await this.handOver(tx, session, changes);
      await this.conversations.addMemberWithin(tx, session.conversationId, target.id);
      const name = (await this.operatorNames.ref(target.id, tx))!.name;
      return this.messages.storeWithin(tx, session.conversationId, SYSTEM_AUTHOR, SystemMessages.nowTalkingWith(name));
    });
    await this.handedOver(session, messageId);
    await this.queue.notify(session.id);
    // The previous operator has a free slot, or a queued session was taken: the queue moves.
    await this.queue.assignQueuedAndNotify(session.channelId);
  }

  /** To another channel: queued there, assigned by its rules (to someone other than the previous operator) at once when someone is free. */
  private async toChannel(session: LivechatSession, channelId: number, transferredBy: OperatorRef): Promise<void> {
    const target = await this.db.getRepository(LivechatChannel).findOneBy({ id: channelId });
    if (!target) throw translatableError(404, 'livechat.channelNotFound', { id: channelId });
    if (target.id === session.channelId) throw translatableError(409, 'livechat.alreadyInChannel', { channel: target.name });
    const from = await this.db.getRepository(LivechatChannel).findOneByOrFail({ id: session.channelId });
    let messageId = 0;
    const outcome = await this.assignment.assignQueued(target.id, {
      before: async (tx) => {
        // The transfer is written into the summary first: the decision of this pass (or a later one) keeps it.
        const queued = { ...summaryOf('queued', null, 0), transferredBy, transferredFrom: from.name };
        await this.handOver(tx, session, { channelId: target.id, status: 'queued', operatorId: null, assignedAt: null, assignmentSummary: queued, needsHelpSince: null, transferredFromId: session.operatorId });
      },
      after: async (tx, { assigned }) => {
        const operatorId = assigned.find((s) => s.id === session.id)?.operatorId;
        const name = operatorId && (await this.operatorNames.ref(operatorId, tx))?.name;
        messageId = await this.messages.storeWithin(tx, session.conversationId, SYSTEM_AUTHOR, name ? SystemMessages.nowTalkingWith(name) : SystemMessages.transferredToQueue(target.name));
      },
    });
    await this.handedOver(session, messageId);
    await this.queue.tell(outcome);
    await this.queue.assignQueuedAndNotify(from.id);
  }

  /** The session's new state, if it still runs; the previous operator leaves the conversation. */
  private async handOver(tx: EntityManager, session: LivechatSession, changes: Partial<LivechatSession>): Promise<void> {
    const { affected } = await tx.getRepository(LivechatSession).update({ id: session.id, status: OPEN }, changes);
    if (!affected) throw translatableError(409, 'livechat.sessionEnded', { id: session.id });
    if (session.operatorId) await this.conversations.removeMemberWithin(tx, session.conversationId, session.operatorId);
  }

  /** Once committed: the message to the members and the visitor, the previous operator's shells drop it, the others' items follow. */
  private async handedOver(session: LivechatSession, messageId: number): Promise<void> {
    await this.messages.deliverStored(session.conversationId, [messageId]);
    if (session.operatorId) this.conversations.announceLeft(session.conversationId, [session.operatorId]);
    await this.conversations.announce(session.conversationId, await this.conversations.memberIds(session.conversationId));
    if (session.needsHelpSince !== null) await this.signals.send({ sessionId: session.id, channelId: session.channelId, needHelp: false });
  }
}

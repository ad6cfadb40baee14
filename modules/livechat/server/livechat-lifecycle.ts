import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ModuleLifecycle, Realtime } from '@lc/platform/server';
import { SocketEvents, type SessionEvent } from '@lc/protocol';
import { ConversationsService, MessagesService } from '../../discuss/server/public-api';
import { LivechatSession } from './entities';
import { SessionFacts } from './session-facts';
import { SessionQueue } from './session-queue.service';
import { SYSTEM_AUTHOR, SystemMessages } from './system-messages';
import { visitorSessionRoom } from './visitor-token';

/** What the visitor and the operator read in the conversation, and the visitor in the `livechat.session` event. */
const OPEN = In(['queued', 'active']);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Switching Live Chat off ends every live chat cleanly instead of leaving it "In progress" for ever: each
 * queued or active session is ended with a system message in its conversation, and its visitor and
 * operator are told at once. Sessions and conversations stay, so histories are there after re-enabling.
 */
@Injectable()
export class LivechatLifecycle extends ModuleLifecycle {
  private readonly logger = new Logger('Livechat');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: SessionQueue,
    private readonly conversations: ConversationsService,
    private readonly messages: MessagesService,
    private readonly realtime: Realtime,
    private readonly facts: SessionFacts,
  ) {
    super();
  }

  override async describeDisable(): Promise<string[]> {
    const [active, queued] = await Promise.all(['active', 'queued'].map((status) => this.repo().countBy({ status: status as LivechatSession['status'] })));
    return [
      ...(active ? [`${plural(active, 'live chat in progress', 'live chats in progress')} will end`] : []),
      ...(queued ? [`${plural(queued, 'visitor waiting', 'visitors waiting')} in the queue will be told the chat has ended`] : []),
      'The chat button disappears from every website that embeds it',
    ];
  }

  override async onDisable(): Promise<void> {
    const open = await this.repo().find({ where: { status: OPEN }, order: { id: 'ASC' } });
    for (const session of open) await this.end(session);
    if (open.length) this.logger.log(`live chat switched off: ${open.length} session(s) ended`);
  }

  private async end(session: LivechatSession): Promise<void> {
    const endedAt = Date.now();
    // Conditional: a session its visitor or operator is ending right now is ended (and told) once.
    const { affected } = await this.repo().update({ id: session.id, status: OPEN }, { ...this.facts.endColumns(endedAt), needsHelpSince: null });
    if (!affected) return;
    this.facts.forget(session.conversationId);
    // The message first: the widget stops listening once it learns that the session ended.
    const { message } = await this.messages.post({ id: session.conversationId, kind: 'livechat' }, SYSTEM_AUTHOR, SystemMessages.switchedOff());
    const event: SessionEvent = { ...(await this.queue.sessionEvent({ ...session, status: 'ended' })), reason: message.body, reasonI18n: message.i18n };
    this.realtime.server.to(visitorSessionRoom(session.id)).emit(SocketEvents.livechatSession, event);
    await this.conversations.announce(session.conversationId, await this.conversations.memberIds(session.conversationId));
  }

  private repo() {
    return this.db.getRepository(LivechatSession);
  }
}

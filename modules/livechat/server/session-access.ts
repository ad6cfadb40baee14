import { translatableError } from '@lc/platform/server';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '@lc/platform/server';
import { ConversationsService } from '../../discuss/server/public-api';
import { LivechatSession } from './entities';

export const isLivechatManager = (user: AuthUser) => user.groups.includes('livechat_manager');

/** Who may act on a session or read it: its operator, the members of its conversation, managers. */
@Injectable()
export class SessionAccess {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conversations: ConversationsService,
  ) {}

  /** Its operator or a live chat manager, else 403 saying who may `what`. */
  requireOperatorOrManager(session: LivechatSession, user: AuthUser, what: 'transfer' | 'block'): void {
    if (session.operatorId !== user.id && !isLivechatManager(user)) throw translatableError(403, 'livechat.onlyOperatorOrManager', { what });
  }

  /** A member of its conversation (its operator, someone who joined to help) or a live chat manager. */
  async requireMemberOrManager(session: LivechatSession, user: AuthUser, what: 'details'): Promise<void> {
    if (isLivechatManager(user) || (await this.conversations.isMember(session.conversationId, user.id))) return;
    throw translatableError(403, 'livechat.onlyMembersOrManager', { what });
  }

  /**
   * A transcript's readers: its operator, managers, and whoever is (or was) in a conversation with the same
   * visitor, so that the operator of today's chat reads the earlier ones from the visitor's details.
   */
  async requireTranscriptReader(session: LivechatSession, user: AuthUser): Promise<void> {
    if (session.operatorId === user.id || isLivechatManager(user)) return;
    const sameVisitor = await this.db.getRepository(LivechatSession).find({ where: { visitorTokenHash: session.visitorTokenHash }, select: { conversationId: true }, take: 500 });
    if (await this.conversations.isMemberOfAny(sameVisitor.map((s) => s.conversationId), user.id)) return;
    throw translatableError(403, 'livechat.transcriptReaders');
  }
}

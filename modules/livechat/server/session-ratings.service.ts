import { translatableError } from '@lc/platform/server';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { LivechatSessionItem, RatingValue } from '@lc/protocol';
import { MessagesService } from '../../discuss/server/public-api';
import { LivechatSession } from './entities';
import { SessionList } from './session-list.service';
import { SYSTEM_AUTHOR, SystemMessages } from './system-messages';

/** The visitor rates a conversation once it has ended (as Odoo asks at the end); rating again replaces it. */
@Injectable()
export class SessionRatings {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly messages: MessagesService,
    private readonly sessionList: SessionList,
  ) {}

  /** 409 while the chat goes on, and for a chat nobody answered (there is no one to rate). */
  async rate(session: LivechatSession, value: RatingValue, comment?: string): Promise<LivechatSessionItem> {
    if (session.status !== 'ended') throw translatableError(409, 'livechat.rateOnceEnded');
    if (!session.operatorId) throw translatableError(409, 'livechat.nothingToRate');
    const text = comment?.trim() || null;
    await this.db.getRepository(LivechatSession).update({ id: session.id }, { ratingValue: value, ratingComment: text, ratedAt: Date.now() });
    // The operator's chat window shows it at once (the conversation's members get its messages).
    await this.messages.post({ id: session.conversationId, kind: 'livechat' }, SYSTEM_AUTHOR, SystemMessages.rated(value, text));
    return this.sessionList.item(session.id);
  }
}

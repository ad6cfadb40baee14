import { Controller, Get } from '@nestjs/common';
import { ApiRoute, type AuthUser, CurrentUser, IdParam } from '@lc/platform/server';
import type { SessionTranscript, VisitorContext } from '@lc/protocol';
import { MessagesService } from '../../discuss/server/public-api';
import { SessionAccess } from './session-access';
import { SessionList } from './session-list.service';
import { VisitorPages } from './visitor-pages.service';
import { VisitorSessions } from './visitor-sessions.service';

/** A past or ongoing conversation read back, and who the visitor is: by their operators or a livechat manager. */
@Controller('api/livechat')
export class TranscriptController {
  constructor(
    private readonly sessions: VisitorSessions,
    private readonly sessionList: SessionList,
    private readonly messages: MessagesService,
    private readonly access: SessionAccess,
    private readonly pages: VisitorPages,
  ) {}

  /** Unknown session 404; a session of a visitor this operator never talked with 403 (managers see every session anyway). */
  @ApiRoute('A session and its messages, oldest first', { returns: 'SessionTranscript' })
  @Get('sessions/:id/transcript')
  async transcript(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<SessionTranscript> {
    const session = await this.sessions.get(id);
    await this.access.requireTranscriptReader(session, user);
    const [item, messages] = await Promise.all([this.sessionList.item(id), this.messages.all(session.conversationId)]);
    return { session: item, messages };
  }

  /** The visitor's pages, language, browser and earlier sessions: the operators in the conversation, managers. */
  @ApiRoute('The visitor\'s context: language, browser, pages seen, earlier sessions', { returns: 'VisitorContext' })
  @Get('sessions/:id/visitor')
  async visitor(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<VisitorContext> {
    const session = await this.sessions.get(id);
    await this.access.requireMemberOrManager(session, user, 'details');
    return this.pages.context(session);
  }
}

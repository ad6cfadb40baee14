import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiRoute, type AuthUser, CurrentUser, IdParam, Realtime, RequireGroups } from '@lc/platform/server';
import { BlockVisitorRequest, HelpRequest, TransferSessionRequest, type HelpRequestItem, type LivechatSessionItem, type TransferTargets, type VisitorBlock } from '@lc/protocol';
import { HelpRequests } from './help-requests.service';
import { SessionAccess } from './session-access';
import { SessionTransfers } from './session-transfers.service';
import { CHAT_NOT_AVAILABLE, VisitorBlocks } from './visitor-blocks.service';
import { VisitorSessions } from './visitor-sessions.service';
import { visitorRoom } from './visitor-token';

/** Operators working together on a conversation: transfer it, ask for help and join, block an abusive visitor. */
@RequireGroups('livechat_operator')
@Controller('api/livechat')
export class TeamworkController {
  constructor(
    private readonly sessions: VisitorSessions,
    private readonly access: SessionAccess,
    private readonly transfers: SessionTransfers,
    private readonly help: HelpRequests,
    private readonly blocks: VisitorBlocks,
    private readonly realtime: Realtime,
  ) {}

  /** "Transfer to…": the channel's other operators (online, ongoing chats, languages) and the other channels. */
  @ApiRoute('Where a session can be transferred: operators and channels', { returns: 'TransferTargets' })
  @Get('sessions/:id/transfer-targets')
  async transferTargets(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<TransferTargets> {
    const session = await this.sessions.get(id);
    this.access.requireOperatorOrManager(session, user, 'transfer');
    return this.transfers.targets(session);
  }

  /** To an operator (409 when offline, full or not inside the channel) or to a channel (its rules; queued when nobody is free). */
  @ApiRoute('Transfer a session to an online operator or to a channel', { returns: 'LivechatSessionItem', errors: { 409: 'The session has ended, or the operator is offline, full or already on it' } })
  @Post('sessions/:id/transfer')
  @HttpCode(200)
  async transfer(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() body: TransferSessionRequest): Promise<LivechatSessionItem> {
    const session = await this.sessions.get(id);
    this.access.requireOperatorOrManager(session, user, 'transfer');
    return this.transfers.transfer(session, user, body);
  }

  @ApiRoute('Ask for help with your session, or take the request back', { returns: 'LivechatSessionItem', errors: { 409: 'The session is not in progress' } })
  @Post('sessions/:id/help')
  @HttpCode(200)
  async askForHelp(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() body: HelpRequest): Promise<LivechatSessionItem> {
    return this.help.flag(await this.sessions.get(id), user, body.needHelp);
  }

  @ApiRoute('Sessions needing help in the channels you are inside', { returns: ['HelpRequestItem'] })
  @Get('help-requests')
  helpRequests(@CurrentUser() user: AuthUser): Promise<HelpRequestItem[]> {
    return this.help.list(user);
  }

  @ApiRoute('Join a session\'s conversation (clears its help request)', { returns: 'LivechatSessionItem', errors: { 409: 'The session is not in progress' } })
  @Post('sessions/:id/join')
  @HttpCode(200)
  async join(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<LivechatSessionItem> {
    return this.help.join(await this.sessions.get(id), user);
  }

  /**
   * Blocks the visitor (their token and address, `days` days, 30 by default) and ends the session: the
   * widget reads "Chat is not available" and the visitor's sockets are closed.
   */
  @ApiRoute('Block the visitor (token and address) and end the session', { status: 201, returns: 'VisitorBlock', errors: { 409: 'Already blocked, or nothing identifies the visitor' } })
  @Post('sessions/:id/block')
  async block(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() body: BlockVisitorRequest): Promise<VisitorBlock> {
    const session = await this.sessions.get(id);
    this.access.requireOperatorOrManager(session, user, 'block');
    const block = await this.blocks.block(session, user, body);
    await this.sessions.close(session, { kind: 'user', user }, CHAT_NOT_AVAILABLE);
    if (!session.offline) this.realtime.server.in(visitorRoom(session.visitorTokenHash)).disconnectSockets(true);
    return block;
  }

  @RequireGroups('livechat_manager')
  @ApiRoute('The visitor blocks', { returns: ['VisitorBlock'] })
  @Get('blocks')
  blocksList(): Promise<VisitorBlock[]> {
    return this.blocks.list();
  }

  @RequireGroups('livechat_manager')
  @ApiRoute('Lift a block', { status: 204 })
  @Delete('blocks/:id')
  @HttpCode(204)
  async lift(@IdParam() id: number): Promise<void> {
    await this.blocks.lift(id);
  }
}

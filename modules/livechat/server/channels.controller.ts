import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiRoute, type AuthUser, CurrentUser, IdParam, RequireGroups } from '@lc/platform/server';
import { CreateChannelRequest, SessionsQuery, UpdateChannelRequest, type LivechatChannelItem, type LivechatSessionItem } from '@lc/protocol';
import { ChannelsService } from './channels.service';
import { SessionList } from './session-list.service';

@Controller('api/livechat')
export class ChannelsController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly sessionList: SessionList,
  ) {}

  @ApiRoute('The live chat channels, with their operators and whether you are inside', { returns: ['LivechatChannelItem'] })
  @Get('channels')
  list(@CurrentUser() user: AuthUser): Promise<LivechatChannelItem[]> {
    return this.channels.list(user.id);
  }

  @RequireGroups('livechat_manager')
  @ApiRoute('Create a live chat channel', { status: 201, returns: 'LivechatChannelItem' })
  @Post('channels')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateChannelRequest): Promise<LivechatChannelItem> {
    return this.channels.create(user.id, body);
  }

  @RequireGroups('livechat_manager')
  @ApiRoute('Change a live chat channel (any subset of its fields)', { returns: 'LivechatChannelItem' })
  @Patch('channels/:id')
  update(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() body: UpdateChannelRequest): Promise<LivechatChannelItem> {
    return this.channels.update(user, id, body);
  }

  @ApiRoute('Join a channel as an operator', { returns: 'ChannelMembership' })
  @Post('channels/:id/join')
  @HttpCode(200)
  join(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<{ areYouInside: boolean }> {
    return this.channels.join(user, id);
  }

  @ApiRoute('Leave a channel', { returns: 'ChannelMembership' })
  @Post('channels/:id/leave')
  @HttpCode(200)
  leave(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<{ areYouInside: boolean }> {
    return this.channels.leave(user, id);
  }

  @RequireGroups('livechat_manager')
  @ApiRoute('Visitor sessions, by channel and status', { returns: ['LivechatSessionItem'] })
  @Get('sessions')
  sessionsList(@Query() query: SessionsQuery): Promise<LivechatSessionItem[]> {
    return this.sessionList.list(query);
  }
}

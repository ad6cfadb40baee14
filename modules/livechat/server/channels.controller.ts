import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, IdParam, RequireGroups, type AuthUser } from '@lc/platform/server';
import { CreateChannelRequest, SessionsQuery, UpdateChannelRequest, type LivechatChannelItem, type LivechatSessionItem } from '@lc/protocol';
import { ChannelsService } from './channels.service';
import { SessionsService } from './sessions.service';

@ApiTags('livechat')
@Controller('api/livechat')
export class ChannelsController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly sessions: SessionsService,
  ) {}

  @Get('channels')
  list(@CurrentUser() user: AuthUser): Promise<LivechatChannelItem[]> {
    return this.channels.list(user.id);
  }

  @RequireGroups('livechat_manager')
  @Post('channels')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateChannelRequest): Promise<LivechatChannelItem> {
    return this.channels.create(user.id, body);
  }

  @RequireGroups('livechat_manager')
  @Patch('channels/:id')
  update(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() body: UpdateChannelRequest): Promise<LivechatChannelItem> {
    return this.channels.update(user, id, body);
  }

  @Post('channels/:id/join')
  @HttpCode(200)
  join(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<{ areYouInside: boolean }> {
    return this.channels.join(user, id);
  }

  @Post('channels/:id/leave')
  @HttpCode(200)
  leave(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<{ areYouInside: boolean }> {
    return this.channels.leave(user, id);
  }

  @RequireGroups('livechat_manager')
  @Get('sessions')
  sessionsList(@Query() query: SessionsQuery): Promise<LivechatSessionItem[]> {
    return this.sessions.list(query);
  }
}

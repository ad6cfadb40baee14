import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiRoute, type AuthUser, CurrentUser, IdParam } from '@lc/platform/server';
import { MarkSeenDto, MessagesQueryDto, PostMessageDto, type ConversationItem, type Message } from '@lc/protocol';
import { ConversationsService } from './conversations.service';
import { MessagesService } from './messages.service';

@Controller('api/discuss/conversations')
export class DiscussController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly messages: MessagesService,
  ) {}

  @ApiRoute('Your conversations, with their unread counts and last messages', { returns: ['ConversationItem'] })
  @Get()
  list(@CurrentUser() user: AuthUser): Promise<ConversationItem[]> {
    return this.conversations.listFor(user.id);
  }

  @ApiRoute('One of your conversations', { returns: 'ConversationItem' })
  @Get(':id')
  async get(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<ConversationItem> {
    await this.conversations.requireMember(id, user.id);
    return this.conversations.itemFor(id, user.id);
  }

  @ApiRoute('Messages of a conversation, newest first (before/after an id, limit ≤ 100)', { returns: ['Message'] })
  @Get(':id/messages')
  async history(@CurrentUser() user: AuthUser, @IdParam() id: number, @Query() query: MessagesQueryDto): Promise<Message[]> {
    await this.conversations.requireMember(id, user.id);
    return this.messages.history(id, query);
  }

  /** 201 with the stored message; a repeated clientId answers 200 with the message stored the first time. */
  @ApiRoute('Post a message; a repeated clientId answers 200 with the message already stored', { status: 201, returns: 'Message', alternatives: { 200: 'The message with this clientId, already stored' } })
  @Post(':id/messages')
  async post(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() body: PostMessageDto, @Res({ passthrough: true }) res: Response): Promise<Message> {
    const { conversation, author } = await this.messages.userPostContext(id, user.id);
    const { message, created } = await this.messages.post(conversation, author, body.body, body.clientId);
    if (!created) res.status(200);
    return message;
  }

  @ApiRoute('Mark the conversation read up to a message', { returns: 'ConversationItem' })
  @Post(':id/seen')
  @HttpCode(200)
  async seen(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() body: MarkSeenDto): Promise<ConversationItem> {
    const conversation = await this.conversations.requireMember(id, user.id);
    await this.messages.markSeen(conversation, user.id, body.lastMessageId);
    return this.conversations.itemFor(id, user.id);
  }

  @ApiRoute('Leave a conversation', { returns: 'OkAnswer', errors: { 409: 'The module of this kind of conversation refuses (the operator of a running live chat)' } })
  @Post(':id/leave')
  @HttpCode(200)
  async leave(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<{ ok: true }> {
    const conversation = await this.conversations.requireMember(id, user.id);
    const messageId = await this.conversations.leave(conversation, user.id);
    if (messageId) await this.messages.deliverStored(id, [messageId]);
    return { ok: true };
  }
}

import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ApiRoute, type AuthUser, CurrentUser, IdParam, translatableError } from '@lc/platform/server';
import { AddMemberDto, CreateChannelDto, OpenChatDto, type ConversationItem, type DirectoryUser, type DiscussChannelItem } from '@lc/protocol';
import { User } from '../../base/server/public-api';
import { ConversationsService } from './conversations.service';
import { Conversation, Member } from './entities';

/** Internal channels (public to colleagues) and one-to-one chats: Discuss is more than live chat. */
@Controller('api/discuss')
export class ChannelsController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conversations: ConversationsService,
  ) {}

  /** Colleagues to chat with or invite. */
  @ApiRoute('Colleagues to chat with or invite', { returns: ['DirectoryUser'] })
  @Get('users')
  async users(): Promise<DirectoryUser[]> {
    return (await this.db.getRepository(User).find({ where: { active: true }, order: { name: 'ASC' } })).map((u) => ({ id: u.id, name: u.name }));
  }

  /** Every internal channel, to browse and join. */
  @ApiRoute('Every internal channel, to browse and join', { returns: ['DiscussChannelItem'] })
  @Get('channels')
  async channels(@CurrentUser() user: AuthUser): Promise<DiscussChannelItem[]> {
    const channels = await this.db.getRepository(Conversation).find({ where: { kind: 'channel' }, order: { name: 'ASC' } });
    const members = channels.length ? await this.db.getRepository(Member).findBy({ conversationId: In(channels.map((c) => c.id)) }) : [];
    return channels.map((c) => {
      const ofChannel = members.filter((m) => m.conversationId === c.id);
      return { id: c.id, name: c.name, memberCount: ofChannel.length, isMember: ofChannel.some((m) => m.userId === user.id) };
    });
  }

  @ApiRoute('Create an internal channel (you are its first member)', { status: 201, returns: 'ConversationItem' })
  @Post('channels')
  async createChannel(@CurrentUser() user: AuthUser, @Body() body: CreateChannelDto): Promise<ConversationItem> {
    const memberIds = [user.id, ...(await this.existingUsers(body.memberIds ?? []))];
    const channel = await this.conversations.create('channel', body.name.trim(), memberIds);
    await this.conversations.announce(channel.id, memberIds.filter((id) => id !== user.id));
    return this.conversations.itemFor(channel.id, user.id);
  }

  @ApiRoute('Join an internal channel', { returns: 'ConversationItem' })
  @Post('channels/:id/join')
  @HttpCode(200)
  async join(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<ConversationItem> {
    const conversation = await this.conversations.get(id);
    if (conversation.kind !== 'channel') throw translatableError(400, 'discuss.onlyChannelsJoined');
    await this.conversations.addMember(id, user.id);
    return this.conversations.itemFor(id, user.id);
  }

  /** Invites a colleague into a channel the caller is in. */
  @ApiRoute('Add a colleague to a channel you are in', { returns: 'ConversationItem' })
  @Post('conversations/:id/members')
  @HttpCode(200)
  async invite(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() body: AddMemberDto): Promise<ConversationItem> {
    const conversation = await this.conversations.requireMember(id, user.id);
    if (conversation.kind !== 'channel') throw translatableError(400, 'discuss.onlyChannelsTakeMembers');
    await this.existingUsers([body.userId]);
    await this.conversations.addMember(id, body.userId);
    return this.conversations.itemFor(id, user.id);
  }

  /** The one-to-one chat with a colleague, created on first use. */
  @ApiRoute('Open (or find) the one-to-one chat with a colleague', { status: 201, returns: 'ConversationItem' })
  @Post('chats')
  async openChat(@CurrentUser() user: AuthUser, @Body() body: OpenChatDto): Promise<ConversationItem> {
    if (body.userId === user.id) throw translatableError(400, 'discuss.chatWithYourself');
    await this.existingUsers([body.userId]);
    const existing = await this.db
      .getRepository(Conversation)
      .createQueryBuilder('c')
      .innerJoin(Member, 'a', 'a.conversationId = c.id AND a.userId = :me', { me: user.id })
      .innerJoin(Member, 'b', 'b.conversationId = c.id AND b.userId = :other', { other: body.userId })
      .where("c.kind = 'chat'")
      .getOne();
    const chat = existing ?? (await this.conversations.create('chat', 'Direct message', [user.id, body.userId]));
    return this.conversations.itemFor(chat.id, user.id);
  }

  private async existingUsers(ids: number[]): Promise<number[]> {
    const unique = [...new Set(ids)];
    const found = unique.length ? await this.db.getRepository(User).countBy({ id: In(unique), active: true }) : 0;
    if (found !== unique.length) throw translatableError(400, 'discuss.unknownUser');
    return unique;
  }
}

import { NotFoundException } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { userRoom, ValidateSocketPayloads, type AppSocket } from '@lc/platform/server';
import { SocketEvents, SocketMessageDto, TypingDto, type Message, type MessageAuthor, type TypingEvent } from '@lc/protocol';
import { conversationRoom } from './conversation-rooms';
import { ConversationsService } from './conversations.service';
import { DiscussHooks } from './discuss.hooks';
import { MessagesService } from './messages.service';

/** `message` and `typing` from users (members) and from visitors (their live chat, through the hooks). */
@WebSocketGateway()
@ValidateSocketPayloads()
export class DiscussGateway {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly messages: MessagesService,
    private readonly hooks: DiscussHooks,
  ) {}

  @SubscribeMessage(SocketEvents.message)
  async message(@ConnectedSocket() socket: AppSocket, @MessageBody() dto: SocketMessageDto): Promise<Message> {
    if (socket.data.kind === 'visitor') {
      if (!this.hooks.visitorMessage) throw new NotFoundException('Visitors cannot post here');
      return this.hooks.visitorMessage(socket, dto);
    }
    const { conversation, author } = await this.messages.userPostContext(dto.conversationId, socket.data.user.id);
    return (await this.messages.post(conversation, author, dto.body, dto.clientId, socket.id)).message;
  }

  @SubscribeMessage(SocketEvents.typing)
  async typing(@ConnectedSocket() socket: AppSocket, @MessageBody() dto: TypingDto): Promise<{ ok: true }> {
    let author: MessageAuthor;
    if (socket.data.kind === 'visitor') {
      if (!socket.rooms.has(conversationRoom(dto.conversationId))) throw new NotFoundException(`Conversation ${dto.conversationId} not found`);
      const conversation = await this.conversations.get(dto.conversationId);
      author = { kind: 'visitor', id: null, name: conversation.name }; // the visitor's name, or "Visitor #N"
    } else {
      author = (await this.messages.userPostContext(dto.conversationId, socket.data.user.id)).author;
    }
    const memberIds = await this.conversations.memberIds(dto.conversationId);
    const event: TypingEvent = { conversationId: dto.conversationId, author, typing: dto.typing };
    socket.to([...memberIds.map(userRoom), conversationRoom(dto.conversationId)]).emit(SocketEvents.typing, event);
    return { ok: true };
  }
}

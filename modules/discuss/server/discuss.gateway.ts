import { Inject, NotFoundException } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { APP_CONFIG, HotSocketEvent, userRoom, ValidateSocketPayloads, type AppConfig, type AppSocket, translatableError } from '@lc/platform/server';
import { SocketEvents, SocketMessageDto, TypingDto, type Message, type MessageAuthor, type TypingEvent } from '@lc/protocol';
import { conversationRoom } from './conversation-rooms';
import { ConversationsService } from './conversations.service';
import { DiscussHooks } from './discuss.hooks';
import { MessagesService } from './messages.service';
import { TypingThrottle } from './typing-throttle';

/** `message` and `typing` from users (members) and from visitors (their live chat, through the hooks). */
@WebSocketGateway()
@ValidateSocketPayloads()
export class DiscussGateway {
  private readonly typingThrottle: TypingThrottle;

  constructor(
    private readonly conversations: ConversationsService,
    private readonly messages: MessagesService,
    private readonly hooks: DiscussHooks,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.typingThrottle = new TypingThrottle(config.rateLimits.typingEventsPerSecond);
  }

  @SubscribeMessage(SocketEvents.message)
  @HotSocketEvent()
  async message(@ConnectedSocket() socket: AppSocket, @MessageBody() dto: SocketMessageDto): Promise<Message> {
    if (socket.data.kind === 'visitor') {
      const handler = this.hooks.guestMessageHandler(socket.data.module);
      if (!handler) throw new NotFoundException('Visitors cannot post here');
      return handler(socket, dto);
    }
    const { conversation, author } = await this.messages.userPostContext(dto.conversationId, socket.data.user.id);
    return (await this.messages.post(conversation, author, dto.body, dto.clientId, socket.id)).message;
  }

  @SubscribeMessage(SocketEvents.typing)
  @HotSocketEvent()
  async typing(@ConnectedSocket() socket: AppSocket, @MessageBody() dto: TypingDto): Promise<{ ok: true }> {
    let author: MessageAuthor;
    if (socket.data.kind === 'visitor') {
      if (!socket.rooms.has(conversationRoom(dto.conversationId))) throw translatableError(404, 'discuss.conversationNotFound', { id: dto.conversationId });
      const conversation = await this.conversations.get(dto.conversationId);
      author = { kind: 'visitor', id: null, name: conversation.name }; // the visitor's name, or "Visitor #N"
    } else {
      author = (await this.messages.userPostContext(dto.conversationId, socket.data.user.id)).author;
    }
    const memberIds = await this.conversations.memberIds(dto.conversationId);
    const event: TypingEvent = { conversationId: dto.conversationId, author, typing: dto.typing };
    const authorKey = socket.data.kind === 'visitor' ? `${socket.data.module}:${socket.data.key}` : `user:${socket.data.user.id}`;
    const rooms = memberIds.map(userRoom);
    rooms.push(conversationRoom(dto.conversationId));
    // The author's other sockets get it too (except this one): another tab of the same visitor stays in step.
    const senderId = socket.id;
    this.typingThrottle.relay(`${authorKey}:${dto.conversationId}`, () => socket.nsp.to(rooms).except(senderId).emit(SocketEvents.typing, event));
    return { ok: true };
  }
}

import { Injectable } from '@nestjs/common';
import type { AppSocket } from '@lc/platform/server';
import type { ConversationItem, Message, SocketMessageDto } from '@lc/protocol';
import type { Conversation } from './entities';

export type ItemDetails = Pick<ConversationItem, 'livechat' | 'name'>;

/**
 * How modules that depend on discuss extend it without discuss knowing them (the livechat module adds
 * visitor details to conversation items and answers visitors' socket messages).
 */
@Injectable()
export class DiscussHooks {
  /** Extra fields for conversation items, by conversation id. */
  readonly itemDetails: Array<(conversations: Conversation[]) => Promise<Map<number, Partial<ItemDetails>>>> = [];
  /** Answers a `message` socket event from a visitor; without it visitors cannot post by socket. */
  visitorMessage?: (socket: AppSocket, dto: SocketMessageDto) => Promise<Message>;
}

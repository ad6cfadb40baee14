import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';
import type { AppSocket } from '@lc/platform/server';
import type { ConversationItem, Message, SocketMessageDto } from '@lc/protocol';
import type { Conversation } from './entities';
import type { ConversationRef } from './messages.service';

export type ItemDetails = Pick<ConversationItem, 'livechat' | 'name'>;

/**
 * How modules that depend on discuss extend it without discuss knowing them (the livechat module adds
 * visitor details to conversation items and answers visitors' socket messages).
 */
@Injectable()
export class DiscussHooks {
  /** Extra fields for conversation items, by conversation id. */
  readonly itemDetails: Array<(conversations: Conversation[]) => Promise<Map<number, Partial<ItemDetails>>>> = [];
  /** Every stored message, once, in the process that stored it. */
  readonly posted$ = new Subject<{ conversation: ConversationRef; message: Message }>();
  /** Answers a `message` socket event from a visitor; without it visitors cannot post by socket. */
  visitorMessage?: (socket: AppSocket, dto: SocketMessageDto) => Promise<Message>;
}

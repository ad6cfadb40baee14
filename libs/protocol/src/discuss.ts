import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsInt, IsOptional, IsPositive, IsString, Length, Matches, Max, Min, ValidateBy } from 'class-validator';
import type { MessageI18n } from './languages';

export const MESSAGE_BODY_MAX = 4000;
export const MESSAGES_PAGE_MAX = 100;

/** Discuss's own kinds of conversation: a named channel, a one-to-one chat between users. */
export type DiscussKind = 'channel' | 'chat';
/** Discuss's own, or one a module that depends on discuss brings, up to 16 characters (`string & {}` keeps the editor suggesting the own ones). */
export type ConversationKind = DiscussKind | (string & {});
export type AuthorKind = 'user' | 'visitor' | 'system';

export interface MessageAuthor {
  kind: AuthorKind;
  id: number | null;
  name: string;
}

export interface Message {
  id: number;
  conversationId: number;
  author: MessageAuthor;
  body: string;
  clientId: string | null;
  createdAt: string;
  /** A system message's key (in its module's `messages` translations) and parameters, to read in one's own language; `body` is its English text. */
  i18n?: MessageI18n;
}

/**
 * An item of GET /api/discuss/conversations and the `conversation` socket event. A module that brings a
 * kind of conversation adds fields of its own to its items (the server's DiscussHooks.itemDetails),
 * typed in that module's protocol file.
 * @additionalProperties true
 */
export interface ConversationItem {
  id: number;
  kind: ConversationKind;
  name: string;
  unreadCount: number;
  lastMessage: Message | null;
  /** Extension: the other members (id, name), for avatars and presence dots. */
  members?: Array<{ id: number; name: string }>;
}

/** A message body: 1-4,000 characters once trimmed; stored as typed (HTML is text). */
/** A message body: 1–4,000 characters after trimming (DESIGN), kept as typed; the one rule for every route and event. */
export const IsMessageBody = () =>
  ValidateBy({
    name: 'isMessageBody',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && !trimmedBodyProblem(value),
      defaultMessage: (args) => (typeof args?.value === 'string' ? trimmedBodyProblem(args.value)! : 'body must be a string'),
    },
  });

/** Body of POST .../messages and of the `message` socket event (plus conversationId there). */
export class PostMessageDto {
  @IsMessageBody() body!: string;
  @IsOptional() @IsString() @Matches(/^[\w.:-]{1,64}$/, { message: 'clientId must be 1-64 letters, digits or . _ : -' }) clientId?: string;
}

export class SocketMessageDto extends PostMessageDto {
  @IsInt() @IsPositive() conversationId!: number;
}

export class TypingDto {
  @IsInt() @IsPositive() conversationId!: number;
  @IsBoolean() typing!: boolean;
}

export class MarkSeenDto {
  @IsInt() @Min(0) lastMessageId!: number;
}

export class MessagesQueryDto {
  @IsOptional() @Type(() => Number) @IsInt() @IsPositive() before?: number;
  /** Extension for gap-filling after a reconnect: messages newer than this id. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) after?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MESSAGES_PAGE_MAX) limit?: number;
}

export class CreateChannelDto {
  @IsString() @Matches(/\S/, { message: 'name must not be blank', context: { i18n: 'validation.notBlank' } }) @Length(1, 100) name!: string;
  @IsOptional() @IsArray() @IsInt({ each: true }) @IsPositive({ each: true }) memberIds?: number[];
}

export class AddMemberDto {
  @IsInt() @IsPositive() userId!: number;
}

export class OpenChatDto {
  @IsInt() @IsPositive() userId!: number;
}

/** The `conversation.left` event, to every socket of a user who is no longer a member: the shell drops it. */
export interface ConversationLeftEvent {
  conversationId: number;
}

export interface TypingEvent {
  conversationId: number;
  author: MessageAuthor;
  typing: boolean;
}

export function trimmedBodyProblem(body: string): string | undefined {
  const length = body.trim().length;
  if (length === 0) return 'body must not be empty';
  if (length > MESSAGE_BODY_MAX) return `body must be at most ${MESSAGE_BODY_MAX} characters`;
  if (body.includes('\u0000')) return 'body must not contain NUL characters';
  return undefined;
}


/** A colleague to chat with or invite (GET /api/discuss/users). */
export interface DirectoryUser {
  id: number;
  name: string;
}

/** An internal channel to browse and join (GET /api/discuss/channels). */
export interface DiscussChannelItem {
  id: number;
  name: string;
  memberCount: number;
  isMember: boolean;
}

/** discuss's socket events (see socket-events.ts). */
export interface DiscussServerEvents {
  /** A new message in one of your conversations. */
  message: Message;
  /** A conversation was added to your list, or changed (e.g. a live chat assigned to you). */
  conversation: ConversationItem;
  /** You are no longer a member of this conversation. */
  'conversation.left': ConversationLeftEvent;
  /** Someone is typing in one of your conversations (at most 2 a second per author and conversation). */
  typing: TypingEvent;
}

export interface DiscussClientEvents {
  /** Post a message (a visitor: in their session's conversation). */
  message: SocketMessageDto;
  /** You are typing, or stopped. */
  typing: TypingDto;
}

export interface DiscussClientAcks {
  /** The stored message (a repeated clientId: the one stored first). */
  message: Message;
  typing: { ok: true };
}

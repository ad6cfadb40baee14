import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsInt, IsOptional, IsPositive, IsString, Length, Matches, Max, Min, ValidateBy } from 'class-validator';

export const MESSAGE_BODY_MAX = 4000;
export const MESSAGES_PAGE_MAX = 100;

export type ConversationKind = 'livechat' | 'channel' | 'chat';
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
}

/** An item of GET /api/discuss/conversations and the `conversation` socket event. */
export interface ConversationItem {
  id: number;
  kind: ConversationKind;
  name: string;
  unreadCount: number;
  lastMessage: Message | null;
  /** Extension: the other members (id, name), for avatars and presence dots. */
  members?: Array<{ id: number; name: string }>;
  /** Extension: live chat details shown beside the thread. */
  livechat?: LivechatDetails;
}

export interface LivechatDetails {
  sessionId: number;
  status: 'queued' | 'active' | 'ended';
  visitorName: string;
  visitorLanguage: string | null;
  operatorId: number | null;
  channelName: string;
  pageUrl: string | null;
  userAgent: string | null;
  assignmentReason: string | null;
}

/** A message body: 1-4,000 characters once trimmed; stored as typed (HTML is text). */
const IsMessageBody = () =>
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
  @IsString() @Matches(/\S/, { message: 'name must not be blank' }) @Length(1, 100) name!: string;
  @IsOptional() @IsArray() @IsInt({ each: true }) @IsPositive({ each: true }) memberIds?: number[];
}

export class AddMemberDto {
  @IsInt() @IsPositive() userId!: number;
}

export class OpenChatDto {
  @IsInt() @IsPositive() userId!: number;
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

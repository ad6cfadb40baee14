import { Type } from 'class-transformer';
import { IsOptionalNotNull } from './base';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsInt, IsObject, IsOptional, IsPositive, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { Message } from './discuss';

export type SessionStatus = 'queued' | 'active' | 'ended';

export interface OperatorRef {
  id: number;
  name: string;
}

export interface ChannelColors {
  button?: string;
  buttonText?: string;
  header?: string;
  headerText?: string;
}

/** An item of GET /api/livechat/channels (the extension fields feed the kanban and the channel form). */
export interface LivechatChannelItem {
  id: number;
  name: string;
  areYouInside: boolean;
  operators: OperatorRef[];
  buttonText: string;
  welcomeMessage: string;
  colors: ChannelColors;
  maxSessionsPerOperator: number | null;
  ongoingSessions: number;
}

/** GET /api/livechat/channels/:id/public: what the widget needs before a session. */
export interface PublicChannel {
  id: number;
  name: string;
  buttonText: string;
  welcomeMessage: string;
  colors: ChannelColors;
  operatorsInside: number;
  available: boolean;
}

/** 201 of POST /api/livechat/channels/:id/sessions. */
export interface StartedSession {
  sessionId: number;
  conversationId: number;
  visitorToken: string;
  status: 'active' | 'queued';
  queuePosition: number | null;
  operator: OperatorRef | null;
}

/** The `livechat.session` event to the visitor. */
export interface SessionEvent {
  sessionId: number;
  status: SessionStatus;
  operator: OperatorRef | null;
  queuePosition: number | null;
}

/** The `livechat.channel` event to a user (extension: the operators inside, for live kanban cards). */
export interface ChannelMembershipEvent {
  channelId: number;
  areYouInside: boolean;
  operators?: OperatorRef[];
}

/** The `livechat.channel.operators` event: the operators inside the channel after a join or a leave. */
export interface ChannelOperatorsEvent {
  channelId: number;
  operators: OperatorRef[];
}

/** An item of GET /api/livechat/sessions (managers). */
export interface LivechatSessionItem {
  id: number;
  channelId: number;
  conversationId: number;
  status: SessionStatus;
  operator: OperatorRef | null;
  visitorLanguage: string | null;
  assignmentReason: string | null;
  startedAt: string;
  endedAt: string | null;
  visitorName: string;
  email: string | null;
  messageCount: number;
  offline: boolean;
}

export type VisitorMessages = Message[];

const COLOR = /^#[0-9a-fA-F]{3,8}$/;

export class ChannelColorsDto implements ChannelColors {
  @IsOptional() @Matches(COLOR, { message: 'colors.button must be a hex colour like #71639e' }) button?: string;
  @IsOptional() @Matches(COLOR, { message: 'colors.buttonText must be a hex colour' }) buttonText?: string;
  @IsOptional() @Matches(COLOR, { message: 'colors.header must be a hex colour' }) header?: string;
  @IsOptional() @Matches(COLOR, { message: 'colors.headerText must be a hex colour' }) headerText?: string;
}

export class CreateChannelRequest {
  @IsString() @Matches(/\S/, { message: 'name must not be blank' }) @Length(1, 100) name!: string;
  @IsOptional() @IsInt() @Min(1) @Max(1000) maxSessionsPerOperator?: number | null;
  @IsOptional() @IsString() @MaxLength(100) buttonText?: string;
  @IsOptional() @IsString() @MaxLength(1000) welcomeMessage?: string;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ChannelColorsDto) colors?: ChannelColorsDto;
}

export class UpdateChannelRequest {
  @IsOptionalNotNull() @IsString() @Matches(/\S/, { message: 'name must not be blank' }) @Length(1, 100) name?: string;
  @IsOptional() @IsInt() @Min(1) @Max(1000) maxSessionsPerOperator?: number | null;
  @IsOptionalNotNull() @IsString() @MaxLength(100) buttonText?: string;
  @IsOptionalNotNull() @IsString() @MaxLength(1000) welcomeMessage?: string;
  @IsOptionalNotNull() @IsObject() @ValidateNested() @Type(() => ChannelColorsDto) colors?: ChannelColorsDto;
  /** The operators inside the channel, set by a manager. */
  @IsOptionalNotNull() @IsArray() @ArrayMaxSize(1000) @IsInt({ each: true }) @IsPositive({ each: true }) operatorIds?: number[];
}

export class StartSessionRequest {
  @IsOptional() @IsString() @Length(1, 100) visitorName?: string;
  /** Extension: the page the visitor is on (shown to the operator). */
  @IsOptional() @IsString() @MaxLength(500) pageUrl?: string;
}

export class OfflineMessageRequest {
  @IsOptional() @IsString() @Length(1, 100) name?: string;
  @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(200) email!: string;
  @IsString() @Matches(/\S/, { message: 'body must not be blank' }) @Length(1, 4000) body!: string;
}

export class SessionsQuery {
  @IsOptional() @Type(() => Number) @IsInt() @IsPositive() channelId?: number;
  @IsOptional() @IsIn(['queued', 'active', 'ended']) status?: SessionStatus;
}

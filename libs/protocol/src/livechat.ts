import { Transform, Type } from 'class-transformer';
import { IsOptionalNotNull } from './base';
import type { Lang, MessageI18n } from './languages';
import { IsMessageBody, type ConversationItem, type Message } from './discuss';
import { IsChannelTranslations, type ChannelTranslations } from './channel-translations';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsPositive, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export type SessionStatus = 'queued' | 'active' | 'ended';

export const LIVECHAT_USERNAME_MAX = 64;

/** An internal user's live chat profile, in GET /api/me (livechat's user fields). */
export interface OperatorProfileFields {
  /** The Online Chat Name visitors see; null: they see the user name. */
  livechatUsername: string | null;
  /** The Online Chat Languages, besides the user's main language (`lang`). */
  livechatLanguages: string[];
}

/** livechat's fields of PATCH /api/me/preferences. The name is trimmed; an empty one becomes null. */
export class OperatorProfilePatch implements Partial<OperatorProfileFields> {
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value))
  @IsString()
  @MaxLength(LIVECHAT_USERNAME_MAX)
  livechatUsername?: string | null;

  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsString({ each: true }) @MaxLength(35, { each: true })
  livechatLanguages?: string[];
}

/** What livechat adds, as `livechat`, to the Discuss items of its conversations (kind `livechat`). */
export interface LivechatDetails {
  sessionId: number;
  status: SessionStatus;
  visitorName: string;
  visitorLanguage: string | null;
  /** ISO 3166-1 alpha-2 when a trusted proxy or CDN tells it (COUNTRY_HEADER), else null. */
  visitorCountry: string | null;
  operatorId: number | null;
  channelName: string;
  pageUrl: string | null;
  userAgent: string | null;
  assignmentReason: string | null;
  assignmentSummary: AssignmentSummary | null;
  /** The visitor's rating, once given (the operator sees it beside the conversation). */
  rating: SessionRating | null;
  /** Its operator asked for help ("Looking for help"): the operators inside its channel may join. */
  needsHelp: boolean;
}

/** A live chat in GET /api/discuss/conversations and the `conversation` event. */
export interface LivechatConversationItem extends ConversationItem {
  livechat?: LivechatDetails;
}

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
  /** The button text and welcome message per shipped language other than en-US (the defaults above). */
  translations: ChannelTranslations;
  maxSessionsPerOperator: number | null;
  ongoingSessions: number;
  /** Happy ratings ÷ rated sessions (0–1), or null before any rating (the kanban card's satisfaction %). */
  satisfaction: number | null;
}

/** GET /api/livechat/channels/:id/public: what the widget needs before a session. */
export interface PublicChannel {
  id: number;
  name: string;
  /** The shipped language best matching the visitor's Accept-Language (else en-US): the widget's language. */
  lang: Lang;
  /** In `lang` when the channel has it, else the default. */
  buttonText: string;
  welcomeMessage: string;
  colors: ChannelColors;
  operatorsInside: number;
  available: boolean;
  /** The server sends mail (SMTP_URL): the widget offers "Send me a copy" at the end of a chat. */
  emailTranscripts: boolean;
  /** Extension: this visitor (their X-Visitor-Token or address) is blocked: no chat, no message ("Chat is not available"). */
  blocked: boolean;
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
  /** Extension: why the server ended the session on its own (e.g. live chat was switched off), for the visitor. */
  reason?: string;
  /** Extension: the same reason as a key of livechat's `messages` translations, for the widget to say in the visitor's language. */
  reasonI18n?: MessageI18n;
}

/** The `livechat.channel` event to a user. */
export interface ChannelMembershipEvent {
  channelId: number;
  areYouInside: boolean;
}

/**
 * Extension, `livechat.channel.operator`: one operator went into a channel or left it (a join, a leave, a
 * manager's change, the inactivity sweeper), to the sockets watching the channels (`livechat.channels.watch`).
 * A delta: a thousand operators joining cost a thousand small events, not a thousand lists.
 */
export interface ChannelOperatorEvent {
  channelId: number;
  operator: OperatorRef;
  inside: boolean;
}

/** An item of GET /api/livechat/sessions (managers). */
/**
 * Why a session went to its operator (or waits), as data: the shell words it in the reader's language
 * ("Speaks French (fr-FR), fewest ongoing chats (0) of 2 available operators"); `assignmentReason` keeps
 * the complete record (every operator considered).
 */
export interface AssignmentSummary {
  /**
   * The rule that decided: the visitor's previous operator, a language match, the least busy of all, no one
   * (queued), an offline message, or a transfer straight to this operator (`transfer`).
   */
  rule: 'previous-operator' | 'language' | 'least-busy' | 'queued' | 'offline' | 'transfer';
  /** The visitor's language tag that found speakers (`language`). */
  language: string | null;
  /** The speakers have the same primary language only (fr-CA visitor, fr-FR operator). */
  sameLanguageOnly: boolean;
  /** The visitor's languages that no available operator speaks (`least-busy`). */
  unspokenLanguages: string[];
  /** Ongoing chats of the chosen operator when chosen. */
  ongoing: number | null;
  /** Operators available then: inside the channel, online, active, not full. */
  available: number;
  /** How a tie among the least busy was broken. */
  tie: 'none' | 'longest-waiting' | 'lowest-id';
  /** Who handed the conversation over, when a transfer brought it here (to an operator, or to this channel's rules). */
  transferredBy?: OperatorRef | null;
  /** The channel a transfer to another channel came from (its name), else null. */
  transferredFrom?: string | null;
}

export interface LivechatSessionItem {
  id: number;
  channelId: number;
  conversationId: number;
  status: SessionStatus;
  operator: OperatorRef | null;
  visitorLanguage: string | null;
  /** ISO 3166-1 alpha-2 when a trusted proxy or CDN tells it (COUNTRY_HEADER), else null. */
  visitorCountry: string | null;
  assignmentReason: string | null;
  /** The same decision as data, for a sentence in the reader's language; null before one was made (or for sessions older than it). */
  assignmentSummary: AssignmentSummary | null;
  startedAt: string;
  endedAt: string | null;
  visitorName: string;
  email: string | null;
  messageCount: number;
  offline: boolean;
  /** The visitor's rating of the conversation, once given. */
  rating: SessionRating | null;
  /** Its operator asked for help and nobody joined yet. */
  needsHelp: boolean;
  /** When help was asked for (ISO), while it is. */
  helpRequestedAt: string | null;
}

/** An item of GET /api/livechat/help-requests: a session whose operator is looking for help, with its channel's name. */
export interface HelpRequestItem extends LivechatSessionItem {
  channelName: string;
}

/** The `livechat.help` event, to every operator inside the channel: a help request was made or is over. */
export interface HelpEvent {
  sessionId: number;
  channelId: number;
  needHelp: boolean;
}

/** An operator a conversation can be transferred to (the "Transfer to…" dialog), with why not when they cannot take it. */
export interface TransferOperator {
  id: number;
  /** Their Online Chat Name, else their user name. */
  name: string;
  /** Main language and Online Chat Languages (enabled ones). */
  languages: string[];
  /** Live chats they are in now (assigned and not ended, every channel). */
  ongoing: number;
  online: boolean;
  /** At the channel's limit of sessions per operator. */
  full: boolean;
}

/** GET /api/livechat/sessions/:id/transfer-targets: the channel's other operators, and the other channels. */
export interface TransferTargets {
  operators: TransferOperator[];
  channels: Array<{ id: number; name: string; availableOperators: number }>;
}

/** POST /api/livechat/sessions/:id/transfer: to one operator, or to a channel (its assignment rules). Exactly one. */
export class TransferSessionRequest {
  @IsOptional() @IsInt() @IsPositive() operatorId?: number;
  @IsOptional() @IsInt() @IsPositive() channelId?: number;
}

/** POST /api/livechat/sessions/:id/help. */
export class HelpRequest {
  @IsBoolean() needHelp!: boolean;
}

export const BLOCK_DAYS_DEFAULT = 30;
export const BLOCK_REASON_MAX = 500;

/** POST /api/livechat/sessions/:id/block. */
export class BlockVisitorRequest {
  @IsOptional() @IsInt() @Min(1) @Max(365) days?: number;
  @IsOptional() @IsString() @MaxLength(BLOCK_REASON_MAX) reason?: string;
}

/** A block (201 of the block route, GET /api/livechat/blocks). */
export interface VisitorBlock {
  id: number;
  /** The client address it blocks (IPv6: its /64), or null when the visitor had none worth blocking (a proxy's, a private one). */
  address: string | null;
  /** A fingerprint of the visitor token it blocks (the first 12 hex digits of its SHA-256), never the token; null for none. */
  visitorToken: string | null;
  until: string;
  reason: string | null;
  blockedBy: OperatorRef | null;
  /** Extension: when, the session it was made from, and that visitor's name. */
  createdAt: string;
  sessionId: number | null;
  visitorName: string | null;
}

export const PAGE_TITLE_MAX = 300;
/** Pages shown per session (the newest), and reported in one session start. */
export const PAGES_KEPT = 20;

/** A page the visitor saw: POST /api/livechat/sessions/:id/pages, and the pages of a session start. */
export class PageReportRequest {
  @IsString() @MaxLength(2048) @Matches(/^https?:\/\/\S+$/i, { message: 'url must be an http(s) URL' }) url!: string;
  @IsOptional() @IsString() @MaxLength(PAGE_TITLE_MAX) title?: string;
  /** Extension: when (ISO), for pages seen before the session started; kept within the last day, never in the future. */
  @IsOptionalNotNull() @IsISO8601({ strict: true }) at?: string;
}

export interface PageVisit {
  url: string;
  title: string | null;
  at: string;
}

/** A visitor's earlier session, in their context. */
export interface PreviousSession {
  id: number;
  startedAt: string;
  operator: OperatorRef | null;
  rating: SessionRating | null;
}

/** GET /api/livechat/sessions/:id/visitor: who the operator is talking to. */
export interface VisitorContext {
  language: string | null;
  userAgent: string | null;
  /** The last pages, newest first. */
  pages: PageVisit[];
  /** Newest first. */
  previousSessions: PreviousSession[];
}

/** Odoo's rating values: 5 happy, 3 okay, 1 unhappy. */
export const RATING_VALUES = [5, 3, 1] as const;
export type RatingValue = (typeof RATING_VALUES)[number];
export const RATING_COMMENT_MAX = 1000;

export interface SessionRating {
  value: RatingValue;
  comment: string | null;
  ratedAt: string;
}

/** GET /api/livechat/sessions/:id/transcript: the session as in the list, its messages oldest first. */
export interface SessionTranscript {
  session: LivechatSessionItem;
  messages: Message[];
}

/** POST /api/livechat/sessions/:id/rating (the visitor, once the session has ended). */
export class RateSessionRequest {
  @IsIn(RATING_VALUES, { message: 'value must be 5 (happy), 3 (okay) or 1 (unhappy)' }) value!: RatingValue;
  @IsOptional() @IsString() @MaxLength(RATING_COMMENT_MAX) comment?: string;
}


const COLOR = /^#[0-9a-fA-F]{3,8}$/;

export class ChannelColorsDto implements ChannelColors {
  @IsOptional() @Matches(COLOR, { message: 'colors.button must be a hex colour like #71639e' }) button?: string;
  @IsOptional() @Matches(COLOR, { message: 'colors.buttonText must be a hex colour' }) buttonText?: string;
  @IsOptional() @Matches(COLOR, { message: 'colors.header must be a hex colour' }) header?: string;
  @IsOptional() @Matches(COLOR, { message: 'colors.headerText must be a hex colour' }) headerText?: string;
}

export class CreateChannelRequest {
  @IsString() @Matches(/\S/, { message: 'name must not be blank', context: { i18n: 'validation.notBlank' } }) @Length(1, 100) name!: string;
  @IsOptional() @IsInt() @Min(1) @Max(1000) maxSessionsPerOperator?: number | null;
  @IsOptional() @IsString() @MaxLength(100) buttonText?: string;
  @IsOptional() @IsString() @MaxLength(1000) welcomeMessage?: string;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ChannelColorsDto) colors?: ChannelColorsDto;
}

export class UpdateChannelRequest {
  @IsOptionalNotNull() @IsString() @Matches(/\S/, { message: 'name must not be blank', context: { i18n: 'validation.notBlank' } }) @Length(1, 100) name?: string;
  @IsOptional() @IsInt() @Min(1) @Max(1000) maxSessionsPerOperator?: number | null;
  @IsOptionalNotNull() @IsString() @MaxLength(100) buttonText?: string;
  @IsOptionalNotNull() @IsString() @MaxLength(1000) welcomeMessage?: string;
  @IsOptionalNotNull() @IsObject() @ValidateNested() @Type(() => ChannelColorsDto) colors?: ChannelColorsDto;
  /** The operators inside the channel, set by a manager. */
  @IsOptionalNotNull() @IsArray() @ArrayMaxSize(1000) @IsInt({ each: true }) @IsPositive({ each: true }) operatorIds?: number[];
  /** Replaces every translation: `{"fr-FR": {buttonText?, welcomeMessage?}}`; an empty text means the default. */
  @IsOptionalNotNull() @IsChannelTranslations() translations?: ChannelTranslations;
}

export class StartSessionRequest {
  @IsOptional() @IsString() @Length(1, 100) visitorName?: string;
  /** Extension: the page the visitor is on (shown to the operator). */
  @IsOptional() @IsString() @MaxLength(2048) pageUrl?: string;
  /**
   * Extension: a random key the widget sends with each attempt to start the session of one first message.
   * A retry with it (its answer was lost) gets the session the first attempt started, never a second one.
   */
  @IsOptional() @IsString() @Length(16, 64) startKey?: string;
  /** Extension: the pages the visitor saw before this first message, oldest first (the widget kept them). */
  @IsOptional() @IsArray() @ArrayMaxSize(PAGES_KEPT) @ValidateNested({ each: true }) @Type(() => PageReportRequest) pages?: PageReportRequest[];
}

export class OfflineMessageRequest {
  @IsOptional() @IsString() @Length(1, 100) name?: string;
  @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(200) email!: string;
  @IsMessageBody() body!: string;
}

/** POST /api/livechat/sessions/:id/transcript/email: where the visitor wants their copy. */
export class EmailTranscriptRequest {
  @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(200) email!: string;
}

export class SessionsQuery {
  @IsOptional() @Type(() => Number) @IsInt() @IsPositive() channelId?: number;
  @IsOptional() @IsIn(['queued', 'active', 'ended']) status?: SessionStatus;
  /** A rating value, or `none` for the sessions not rated. */
  @IsOptional() @IsIn(['5', '3', '1', 'none']) rating?: '5' | '3' | '1' | 'none';
  /** Extension: one operator's sessions. */
  @IsOptional() @Type(() => Number) @IsInt() @IsPositive() operatorId?: number;
  /** Extension: `true`, the sessions whose operator is looking for help. */
  @IsOptional() @IsIn(['true', 'false']) needsHelp?: 'true' | 'false';
}

/** Livechat's socket event names (DESIGN.md, "Socket.io"). */
export const LivechatSocketEvents = {
  livechatChannel: 'livechat.channel',
  /** Extension: ChannelOperatorEvent, to the watchers of the channels (live kanban cards). */
  livechatChannelOperator: 'livechat.channel.operator',
  /** Extension, client → server, no payload, ack {ok: true}: this socket gets `livechat.channel.operator` (the Channels page while open; again after a reconnect). */
  livechatChannelsWatch: 'livechat.channels.watch',
  /** Extension, client → server, no payload, ack {ok: true}: this socket stops getting them. */
  livechatChannelsUnwatch: 'livechat.channels.unwatch',
  livechatSession: 'livechat.session',
  /** HelpEvent, to the operators inside the session's channel. */
  livechatHelp: 'livechat.help',
} as const;

/** The answer of joining or leaving a live chat channel. */
export interface ChannelMembership {
  areYouInside: boolean;
}

/** The answer of POST /api/livechat/sessions/:id/transcript/email: the mail goes out after it. */
export interface EmailAccepted {
  accepted: true;
}

/** livechat's socket events (see socket-events.ts); visitors send `message` and `typing` (discuss's events) too. */
export interface LivechatServerEvents {
  /** You joined or left a channel (also when the inactivity sweeper removed you). */
  'livechat.channel': ChannelMembershipEvent;
  /** One operator went into a channel or left it, to the sockets watching the channels. */
  'livechat.channel.operator': ChannelOperatorEvent;
  /** To the visitor: their session's status, operator or queue position changed. */
  'livechat.session': SessionEvent;
  /** To the operators inside the channel: a session needs help, or no longer. */
  'livechat.help': HelpEvent;
}

export interface LivechatClientEvents {
  /** The Channels page while open (again after a reconnect): this socket gets `livechat.channel.operator`. No payload (or `{}`). */
  'livechat.channels.watch': Record<string, never>;
  /** The Channels page closed. No payload (or `{}`). */
  'livechat.channels.unwatch': Record<string, never>;
}

export interface LivechatClientAcks {
  'livechat.channels.watch': { ok: true };
  'livechat.channels.unwatch': { ok: true };
}

/** A visitor's handshake: `auth: {visitorToken}` with the token a session start answered. */
export interface LivechatHandshake {
  visitorToken: string;
}

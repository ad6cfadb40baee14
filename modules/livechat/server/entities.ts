import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs } from '@lc/platform/server';
import type { AssignmentSummary, ChannelColors, ChannelTranslations, SessionStatus } from '@lc/protocol';

@Entity('livechat_channel')
export class LivechatChannel {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'varchar', length: 100 }) buttonText!: string;
  @Column({ type: 'text' }) welcomeMessage!: string;
  @Column({ type: 'simple-json' }) colors!: ChannelColors;
  /** Button text and welcome message per shipped language other than en-US; null: none. */
  @Column({ type: 'simple-json', nullable: true }) translations!: ChannelTranslations | null;
  @Column({ type: 'integer', nullable: true }) maxSessionsPerOperator!: number | null;
}

/** An operator inside a channel (joined, or added by a manager). */
@Entity('livechat_channel_operator')
@Index(['channelId', 'userId'], { unique: true })
export class ChannelOperator {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'integer' }) channelId!: number;
  @Index() @Column({ type: 'integer' }) userId!: number;
  @Column({ type: 'bigint', transformer: epochMs }) joinedAt!: number;
}

@Entity('livechat_session')
@Index('IDX_livechat_session_operator_assigned', ['operatorId', 'assignedAt'])
@Index('IDX_livechat_session_started', ['startedAt', 'channelId', 'operatorId', 'visitorLanguage', 'offline', 'endedAt', 'firstVisitorMessageAt', 'firstAnswerAt', 'messageCount', 'ratingValue'])
@Index('IDX_livechat_session_running', ['startedAt'], { where: '"endedAt" IS NULL' })
export class LivechatSession {
  @PrimaryGeneratedColumn() id!: number;
  @Index() @Column({ type: 'integer' }) channelId!: number;
  @Column({ type: 'integer' }) conversationId!: number;
  @Index() @Column({ type: 'varchar', length: 8 }) status!: SessionStatus;
  @Index() @Column({ type: 'integer', nullable: true }) operatorId!: number | null;
  /** SHA-256 of the visitor token; the token itself is only known to the visitor's browser. */
  @Index() @Column({ type: 'varchar', length: 64 }) visitorTokenHash!: string;
  @Column({ type: 'varchar', length: 100, nullable: true }) visitorName!: string | null;
  @Column({ type: 'varchar', length: 35, nullable: true }) visitorLanguage!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) acceptLanguage!: string | null;
  @Column({ type: 'varchar', length: 2048, nullable: true }) pageUrl!: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) userAgent!: string | null;
  /** ISO 3166-1 alpha-2 from a trusted proxy or CDN (COUNTRY_HEADER); null when unknown. */
  @Column({ type: 'varchar', length: 2, nullable: true }) visitorCountry!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) email!: string | null;
  /**
   * The table's default is false (its migration); no `default` here, because with one TypeORM reads every
   * inserted session back on SQLite to learn it. Every insert sets it.
   */
  @Column({ type: 'boolean' }) offline!: boolean;
  @Column({ type: 'text', nullable: true }) assignmentReason!: string | null;
  /** The same decision as data (AssignmentSummary), worded by the shell in the reader's language. */
  @Column({ type: 'simple-json', nullable: true }) assignmentSummary!: AssignmentSummary | null;
  @Column({ type: 'bigint', transformer: epochMs }) startedAt!: number;
  @Column({ type: 'bigint', nullable: true, transformer: epochMs }) assignedAt!: number | null;
  @Column({ type: 'bigint', nullable: true, transformer: epochMs }) endedAt!: number | null;
  /** SHA-256 of the widget's start key (StartSessionRequest.startKey): a retried start finds this session. */
  @Index('IDX_livechat_session_start_key', { unique: true }) @Column({ type: 'varchar', length: 64, nullable: true }) startKeyHash!: string | null;
  /** Last message or visitor connection; idle sessions are ended after LIVECHAT_SESSION_IDLE_END_S. */
  @Column({ type: 'bigint', transformer: epochMs }) lastActivityAt!: number;
  /** The visitor's rating (5, 3 or 1), given once the session ended; posting again replaces it. */
  @Column({ type: 'integer', nullable: true }) ratingValue!: number | null;
  @Column({ type: 'varchar', length: 1000, nullable: true }) ratingComment!: string | null;
  @Column({ type: 'bigint', nullable: true, transformer: epochMs }) ratedAt!: number | null;
  /** The visitor's client address as TRUST_PROXY resolves it (to block it; never shown to operators). */
  @Column({ type: 'varchar', length: 45, nullable: true }) clientAddress!: string | null;
  /** When its operator asked for help ("Looking for help"); null when nobody needs to join. */
  @Column({ type: 'bigint', nullable: true, transformer: epochMs }) needsHelpSince!: number | null;
  /** The operator who transferred it to another channel: that channel's rules give it to someone else. */
  @Column({ type: 'integer', nullable: true }) transferredFromId!: number | null;
  // What the reports read, written once (SessionFacts) instead of computed from the messages on every report:
  /** The visitor's first message. */
  @Column({ type: 'bigint', nullable: true, transformer: epochMs }) firstVisitorMessageAt!: number | null;
  /** An operator's first message while the session ran, the welcome not counted: the session was answered. */
  @Column({ type: 'bigint', nullable: true, transformer: epochMs }) firstAnswerAt!: number | null;
  /** The channel's welcome stored at the start (from the operator assigned at once, else the system): no answer, not counted. */
  @Column({ type: 'integer', nullable: true }) welcomeMessageId!: number | null;
  /** Messages the visitor and operators wrote, counted when the session ended; null while it runs. */
  @Column({ type: 'integer', nullable: true }) messageCount!: number | null;
}

/** A blocked visitor: their token, or their address, gets no chat and leaves no message until `until`. */
@Entity('livechat_block')
export class VisitorBlockRecord {
  @PrimaryGeneratedColumn() id!: number;
  @Index() @Column({ type: 'varchar', length: 64, nullable: true }) visitorTokenHash!: string | null;
  /** The address blocked: an IPv4 address, or an IPv6 /64 written as its prefix (`2001:db8:1:2::/64`). */
  @Index() @Column({ type: 'varchar', length: 45, nullable: true }) address!: string | null;
  @Column({ type: 'bigint', transformer: epochMs }) until!: number;
  @Column({ type: 'varchar', length: 500, nullable: true }) reason!: string | null;
  @Column({ type: 'integer', nullable: true }) blockedById!: number | null;
  @Column({ type: 'integer', nullable: true }) sessionId!: number | null;
  @Column({ type: 'bigint', transformer: epochMs }) createdAt!: number;
}

/** A page a visitor saw while (or before) chatting: the last ones are kept per session. */
@Entity('livechat_page_visit')
@Index(['sessionId', 'id'])
export class PageVisitRecord {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'integer' }) sessionId!: number;
  @Column({ type: 'varchar', length: 2048 }) url!: string;
  @Column({ type: 'varchar', length: 300, nullable: true }) title!: string | null;
  @Column({ type: 'bigint', transformer: epochMs }) at!: number;
}

/**
 * An internal user's live chat profile (Odoo's im_livechat fields of res.users), shown in My Profile and
 * /api/me through livechat's UserFields. No row: no Online Chat Name, no extra languages.
 */
@Entity('livechat_operator_profile')
export class OperatorProfile {
  /** base_user's id (no foreign key into another module's table). */
  @PrimaryColumn({ type: 'integer' }) userId!: number;
  /** The Online Chat Name; null: visitors see the user name. */
  @Column({ type: 'varchar', length: 64, nullable: true, default: null }) username!: string | null;
  /** The Online Chat Languages, besides the user's main language. */
  @Column({ type: 'simple-array', default: '' }) languages!: string[];
}

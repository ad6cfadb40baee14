import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs } from '@lc/platform/server';
import type { ChannelColors, SessionStatus } from '@lc/protocol';

@Entity('livechat_channel')
export class LivechatChannel {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'varchar', length: 100 }) buttonText!: string;
  @Column({ type: 'text' }) welcomeMessage!: string;
  @Column({ type: 'simple-json' }) colors!: ChannelColors;
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
  @Column({ type: 'varchar', length: 500, nullable: true }) pageUrl!: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) userAgent!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) email!: string | null;
  @Column({ type: 'boolean', default: false }) offline!: boolean;
  @Column({ type: 'text', nullable: true }) assignmentReason!: string | null;
  @Column({ type: 'bigint', transformer: epochMs }) startedAt!: number;
  @Column({ type: 'bigint', nullable: true, transformer: epochMs }) assignedAt!: number | null;
  @Column({ type: 'bigint', nullable: true, transformer: epochMs }) endedAt!: number | null;
  /** Last message or visitor connection; idle sessions are ended after LIVECHAT_SESSION_IDLE_END_S. */
  @Column({ type: 'bigint', transformer: epochMs }) lastActivityAt!: number;
}

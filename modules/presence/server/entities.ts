import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMs } from '@lc/platform/server';
import type { PresenceStatus } from '@lc/protocol';

/** A running server process; its heartbeat tells the others that its connections are real. */
@Entity('presence_process')
export class PresenceProcess {
  @PrimaryColumn({ type: 'varchar', length: 36 }) processId!: string;
  @Column({ type: 'bigint', transformer: epochMs }) heartbeatAt!: number;
}

/** One open socket of a user, in some process. */
@Entity('presence_connection')
export class PresenceConnection {
  @PrimaryColumn({ type: 'varchar', length: 64 }) socketId!: string;
  @Index() @Column({ type: 'integer' }) userId!: number;
  @Index() @Column({ type: 'varchar', length: 36 }) processId!: string;
  @Column({ type: 'bigint', transformer: epochMs }) connectedAt!: number;
}

/** The presence of a user as every process sees it. */
@Entity('presence_user')
export class UserPresence {
  @PrimaryColumn({ type: 'integer' }) userId!: number;
  @Column({ type: 'varchar', length: 8 }) status!: PresenceStatus;
  @Column({ type: 'bigint', transformer: epochMs }) lastActivityAt!: number;
  /** When the last connection closed; offline follows after the grace period. */
  @Column({ type: 'bigint', nullable: true, transformer: epochMs }) lastDisconnectAt!: number | null;
}

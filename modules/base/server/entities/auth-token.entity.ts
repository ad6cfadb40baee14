import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs } from '@lc/platform/server';

/** A sign-in session. Only the SHA-256 of the token is stored, so a database leak gives no usable token. */
@Entity('base_auth_token')
export class AuthToken {
  @PrimaryGeneratedColumn() id!: number;
  @Index({ unique: true }) @Column({ type: 'varchar', length: 64 }) tokenHash!: string;
  @Index('IDX_base_auth_token_user') @Column({ type: 'integer' }) userId!: number;
  @Column({ type: 'bigint', transformer: epochMs }) expiresAt!: number;
}

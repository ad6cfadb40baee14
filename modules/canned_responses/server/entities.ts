import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs } from '@lc/platform/server';

/** A reply an operator inserts by its shortcut; each user's shortcuts are unique. */
@Entity('canned_response')
@Index(['ownerId', 'shortcut'], { unique: true })
export class CannedResponse {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'integer' }) ownerId!: number;
  /** The owner's name when they last saved it (users belong to base, which this module does not read). */
  @Column({ type: 'varchar', length: 100 }) ownerName!: string;
  /** Without the trigger character, lower case: `hello` is typed as `/hello` or `:hello`. */
  @Column({ type: 'varchar', length: 32 }) shortcut!: string;
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'bigint', transformer: epochMs }) createdAt!: number;
  @Column({ type: 'bigint', transformer: epochMs }) updatedAt!: number;
}

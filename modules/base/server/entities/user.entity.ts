import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Group } from '@lc/platform';

/** An internal user (Odoo's res.users). Modules keep their own fields of a user in their own tables (UserFields). */
@Entity('base_user')
export class User {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'varchar', length: 100, unique: true }) login!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  /** scrypt$N$salt$hash, see password.ts */
  @Column({ type: 'varchar', length: 255 }) passwordHash!: string;
  /** Groups as granted (implied ones are added when read). */
  @Column({ type: 'simple-array' }) groups!: Group[];
  @Column({ type: 'varchar', length: 35, default: 'en-US' }) lang!: string;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @CreateDateColumn() createdAt!: Date;
}

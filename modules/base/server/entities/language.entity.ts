import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A language enabled (or once enabled) on this database; the catalogue of all tags is in language-catalog.ts. */
@Entity('base_language')
export class LanguageState {
  @PrimaryColumn({ type: 'varchar', length: 35 }) code!: string;
  @Column({ type: 'boolean' }) enabled!: boolean;
}

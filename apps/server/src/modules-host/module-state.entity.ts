import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Whether a module is enabled on this database (Odoo's ir_module_module state). */
@Entity('platform_module')
export class ModuleState {
  @PrimaryColumn({ type: 'varchar', length: 64 }) name!: string;
  @Column({ type: 'boolean' }) enabled!: boolean;
  @Column({ type: 'varchar', length: 32 }) version!: string;
}

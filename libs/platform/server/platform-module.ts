import { Module, type ModuleMetadata, type Type } from '@nestjs/common';
import type { ModuleLifecycle } from './lifecycle';

/** Metadata key under which a platform module's entities and migrations are kept. */
export const PLATFORM_MODULE_DATA = 'lc:platform-module';
/** Metadata key set on every controller/gateway class: the name of the module that owns it. */
export const OWNER_MODULE = 'lc:owner-module';

export interface PlatformModuleMetadata extends ModuleMetadata {
  /** TypeORM entities this module owns; gathered by the host before the ORM starts. */
  entities?: Function[];
  /** Migrations creating and changing this module's tables, written once for SQLite and PostgreSQL. */
  migrations?: Function[];
  /** What disabling stops and how it ends cleanly (see ModuleLifecycle); added to the providers. */
  lifecycle?: Type<ModuleLifecycle>;
}

export interface PlatformModuleData {
  entities: Function[];
  migrations: Function[];
  lifecycle?: Type<ModuleLifecycle>;
}

/**
 * Marks the Nest module of a platform module (Vendure's @VendurePlugin): a plain @Module plus the
 * entities and migrations the host needs before TypeORM starts, and its lifecycle hooks.
 */
export function PlatformModule(metadata: PlatformModuleMetadata): ClassDecorator {
  const { entities = [], migrations = [], lifecycle, ...moduleMetadata } = metadata;
  const providers = lifecycle ? [...(moduleMetadata.providers ?? []), lifecycle] : moduleMetadata.providers;
  return (target) => {
    Reflect.defineMetadata(PLATFORM_MODULE_DATA, { entities, migrations, lifecycle } satisfies PlatformModuleData, target);
    Module({ ...moduleMetadata, providers })(target);
  };
}

export function platformModuleData(nestModule: Function): PlatformModuleData | undefined {
  return Reflect.getMetadata(PLATFORM_MODULE_DATA, nestModule);
}

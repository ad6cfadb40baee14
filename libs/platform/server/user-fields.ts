import type { Type } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';

/**
 * Fields a module adds to every internal user and keeps in its own tables (Odoo: a module's fields on
 * res.users). They are part of the user's own record: read into `GET /api/me` (and the login answer),
 * changed by `PATCH /api/me/preferences`. The module declares them on one of its providers:
 *
 *     @UserFields() @Injectable()
 *     export class NotesUserFields implements UserFieldsExtension<NotesFields> { … }
 *
 * base and preferences call every declared extension and know none of them. The fields stay in the
 * record while their module is disabled: the shape of /api/me does not depend on what is enabled, and the
 * module's data stays, as its tables do. Field names are public API: prefix them with the module's.
 */
export interface UserFieldsExtension<Values extends object = Record<string, unknown>> {
  /**
   * The fields the PATCH accepts, as a DTO class with class-validator (and class-transformer) decorators,
   * every property optional. The preferences route validates its body against its own fields and every
   * extension's together, so a bad or unknown field is the usual 400 naming it.
   */
  readonly patch: Type<Partial<Values>>;

  /** The user's values, every field present (its default when the user never set it). */
  read(userId: number): Promise<Values>;

  /**
   * The checks the DTO cannot make (against the database: is a language enabled?) on the validated body,
   * which also holds other modules' fields: look at yours only. Throws a BadRequestException naming the
   * field, or returns the changes to write (`{}` when the body changes none of yours). Writes nothing:
   * every module checks before anything is written.
   */
  check(userId: number, body: Partial<Values>): Promise<Partial<Values>>;

  /** Writes what `check` returned, inside the transaction of the whole change. */
  write(userId: number, changes: Partial<Values>, tx: EntityManager): Promise<void>;
}

/** Declares a provider as a UserFieldsExtension (found by Nest's discovery, like a controller). */
export const UserFields = DiscoveryService.createDecorator<void>();

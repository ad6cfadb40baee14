import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { GROUP_ID_PATTERN, type Group } from '@lc/platform';

/** Optional, but not null: a field that cannot be cleared is validated as soon as it is present (null -> 400). */
export const IsOptionalNotNull = () => ValidateIf((_object, value) => value !== undefined);

/** More groups than any database declares: the service checks each against the modules' groups. */
const MAX_GROUPS = 64;

/** Names, labels and similar short texts. */
export const NAME_MAX = 100;

export class LoginDto {
  @IsString() @Length(1, NAME_MAX) login!: string;
  @IsString() @Length(1, 200) password!: string;
}

export class CreateUserDto {
  @IsString() @Matches(/^[A-Za-z0-9._@+-]{1,100}$/, { message: 'login must be 1-100 letters, digits or . _ @ + -', context: { i18n: 'validation.loginFormat' } })
  login!: string;
  @IsString() @Matches(/\S/, { message: 'name must not be blank', context: { i18n: 'validation.notBlank' } }) @Length(1, NAME_MAX) name!: string;
  @IsString() @Length(8, 200, { message: 'password must be 8 to 200 characters' }) password!: string;
  @IsArray() @ArrayUnique() @ArrayMaxSize(MAX_GROUPS) @IsString({ each: true }) @Matches(GROUP_ID_PATTERN, { each: true, message: 'each group must be a group id' }) groups!: Group[];
  @IsOptional() @IsString() @MaxLength(35) lang?: string;
}

export class UpdateUserDto {
  @IsOptionalNotNull() @IsString() @Matches(/\S/, { message: 'name must not be blank', context: { i18n: 'validation.notBlank' } }) @Length(1, NAME_MAX) name?: string;
  @IsOptionalNotNull() @IsString() @Length(8, 200, { message: 'password must be 8 to 200 characters' }) password?: string;
  @IsOptionalNotNull() @IsArray() @ArrayUnique() @ArrayMaxSize(MAX_GROUPS) @IsString({ each: true }) @Matches(GROUP_ID_PATTERN, { each: true, message: 'each group must be a group id' }) groups?: Group[];
  @IsOptionalNotNull() @IsString() @MaxLength(35) lang?: string;
  /** false archives the user (Odoo's active): they can no longer sign in and their sessions end. */
  @IsOptionalNotNull() @IsBoolean() active?: boolean;
}

/** A signed-in user changing their own password (POST /api/me/password). */
export class ChangePasswordDto {
  @IsString() @Length(1, 200) currentPassword!: string;
  @IsString() @Length(8, 200, { message: 'newPassword must be 8 to 200 characters' }) newPassword!: string;
}

export interface User {
  id: number;
  login: string;
  name: string;
  groups: Group[];
  lang: string;
  /** false: archived, cannot sign in (only admins see archived users, in GET /api/users). */
  active: boolean;
}

/** What the login page needs to know before anyone signs in (GET /api/auth/setup). */
export interface AuthSetup {
  /** The `admin` user is active and its password is still `admin`. */
  adminPasswordIsDefault: boolean;
}

/** base's part of GET /api/me: always an active user, so without `active`. The whole shape is `Me`. */
export type OwnUser = Omit<User, 'active'>;

export interface Language {
  code: string;
  name: string;
  enabled: boolean;
}

export interface ModuleInfo {
  name: string;
  label: string;
  summary: string;
  depends: string[];
  application: boolean;
  enabled: boolean;
  /** Always enabled (the manifest's `required`): disabling it answers 409. */
  required: boolean;
}

/** Whether one module is enabled, as the `modules` socket event lists them. */
export interface ModuleStatus {
  name: string;
  enabled: boolean;
}

/** Server -> every internal user's sockets, in every process, after a module is enabled or disabled. */
export interface ModulesEvent {
  /** Every module, in dependency order. */
  modules: ModuleStatus[];
}

/** GET /api/modules/:name/disable-impact: what disabling the module would stop, for the confirmation. */
export interface DisableImpact {
  /** One sentence each, e.g. "3 live chats in progress will end"; [] when nothing would stop. */
  consequences: string[];
}

export interface MenuNode {
  id: string;
  module: string;
  label: string;
  route?: string;
  icon?: string;
  color?: string;
  children: MenuNode[];
}

/** The answer of an action that has nothing else to say (logout, password change, leaving a conversation). */
export interface OkAnswer {
  ok: true;
}

/** GET /api/health once the database answers. */
export interface HealthStatus {
  status: 'ok';
}

/** A group a module declares (GET /api/groups), as the user form lists it. */
export type { GroupInfo } from '@lc/platform';

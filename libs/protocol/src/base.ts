import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { GROUPS, type Group } from '@lc/platform';

/** Optional, but not null: a field that cannot be cleared is validated as soon as it is present (null -> 400). */
export const IsOptionalNotNull = () => ValidateIf((_object, value) => value !== undefined);

/** Names, labels and similar short texts. */
export const NAME_MAX = 100;

export class LoginDto {
  @IsString() @Length(1, NAME_MAX) login!: string;
  @IsString() @Length(1, 200) password!: string;
}

export class CreateUserDto {
  @IsString() @Matches(/^[A-Za-z0-9._@+-]{1,100}$/, { message: 'login must be 1-100 letters, digits or . _ @ + -' })
  login!: string;
  @IsString() @Matches(/\S/, { message: 'name must not be blank' }) @Length(1, NAME_MAX) name!: string;
  @IsString() @Length(8, 200, { message: 'password must be 8 to 200 characters' }) password!: string;
  @IsArray() @ArrayUnique() @ArrayMaxSize(GROUPS.length) @IsIn(GROUPS, { each: true }) groups!: Group[];
  @IsOptional() @IsString() @MaxLength(35) lang?: string;
}

export class UpdateUserDto {
  @IsOptionalNotNull() @IsString() @Matches(/\S/, { message: 'name must not be blank' }) @Length(1, NAME_MAX) name?: string;
  @IsOptionalNotNull() @IsString() @Length(8, 200, { message: 'password must be 8 to 200 characters' }) password?: string;
  @IsOptionalNotNull() @IsArray() @ArrayUnique() @ArrayMaxSize(GROUPS.length) @IsIn(GROUPS, { each: true }) groups?: Group[];
  @IsOptionalNotNull() @IsString() @MaxLength(35) lang?: string;
}

export interface User {
  id: number;
  login: string;
  name: string;
  groups: Group[];
  lang: string;
}

export interface Me extends User {
  livechatUsername: string | null;
  livechatLanguages: string[];
}

export interface LoginResponse {
  token: string;
  user: Me;
}

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

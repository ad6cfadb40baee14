import { IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * PATCH /api/me/preferences: the preferences module's own fields. The body also takes every module's user
 * fields (UserFields on the server, e.g. the operator profile's patch), validated together with these.
 */
export class UpdatePreferencesDto {
  @IsOptional() @IsString() @MaxLength(35) lang?: string;
}

import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';

export const LIVECHAT_USERNAME_MAX = 64;

/** PATCH /api/me/preferences. The name is trimmed; an empty one becomes null (visitors then see the user name). */
export class UpdatePreferencesDto {
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value))
  @IsString()
  @MaxLength(LIVECHAT_USERNAME_MAX)
  livechatUsername?: string | null;

  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsString({ each: true }) @MaxLength(35, { each: true })
  livechatLanguages?: string[];

  @IsOptional() @IsString() @MaxLength(35) lang?: string;
}

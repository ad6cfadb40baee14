import { Transform } from 'class-transformer';
import { IsString, Length, Matches, ValidateIf } from 'class-validator';

/** An item of GET /api/canned-responses (the web part imports this type). */
export interface CannedResponseItem {
  id: number;
  /** Without the trigger: `hello` is inserted by typing `/hello` or `:hello`. */
  shortcut: string;
  body: string;
  owner: { id: number; name: string };
  createdAt: string;
  updatedAt: string;
}

export const SHORTCUT_MAX = 32;
export const BODY_MAX = 4000;
const SHORTCUT = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;
const SHORTCUT_MESSAGE = `shortcut must be 1-${SHORTCUT_MAX} letters, digits, "-" or "_", e.g. "hello" (typed as /hello)`;

/** `/Hello ` → `hello`: the trigger character is optional, case does not matter. */
const normalizeShortcut = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().replace(/^[/:]/, '').toLowerCase() : value);
/** PostgreSQL cannot store NUL in text (it would be a 500): refused as bad input. */
const NO_NUL = /^[^\u0000]*$/;
const NO_NUL_MESSAGE = 'body must not contain NUL characters';
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateCannedResponseRequest {
  @Transform(normalizeShortcut) @IsString() @Length(1, SHORTCUT_MAX, { message: SHORTCUT_MESSAGE }) @Matches(SHORTCUT, { message: SHORTCUT_MESSAGE }) shortcut!: string;
  @Transform(trim) @IsString() @Length(1, BODY_MAX, { message: `body must be 1-${BODY_MAX} characters` }) @Matches(NO_NUL, { message: NO_NUL_MESSAGE }) body!: string;
}

/** Only what is given changes; `null` is refused like any other bad value. */
const given = ValidateIf((_object: object, value: unknown) => value !== undefined);

export class UpdateCannedResponseRequest {
  @given @Transform(normalizeShortcut) @IsString() @Length(1, SHORTCUT_MAX, { message: SHORTCUT_MESSAGE }) @Matches(SHORTCUT, { message: SHORTCUT_MESSAGE }) shortcut?: string;
  @given @Transform(trim) @IsString() @Length(1, BODY_MAX, { message: `body must be 1-${BODY_MAX} characters` }) @Matches(NO_NUL, { message: NO_NUL_MESSAGE }) body?: string;
}

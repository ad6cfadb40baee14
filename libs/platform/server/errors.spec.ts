import 'reflect-metadata'; // @lc/protocol's DTOs are decorated
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IsString, Length, MaxLength, ValidateNested, validateSync } from 'class-validator';
import { Type } from 'class-transformer';
import { englishError, errorBody, translatableError, translatableErrors, useErrorTexts, validationI18n } from './errors';
import { TooManyRequestsException } from './rate-limits';
import { Translations } from './translations';
import { validationMessages } from './validation';

function i18nFolder(files: Record<string, unknown>): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'lc-errors-')), 'i18n');
  mkdirSync(dir);
  for (const [lang, content] of Object.entries(files)) writeFileSync(join(dir, `${lang}.json`), JSON.stringify(content));
  return dir;
}

class Inner {
  @IsString() @MaxLength(5) code!: string;
}
class Outer {
  @IsString() @Length(2, 10) name!: string;
  @ValidateNested() @Type(() => Inner) inner!: Inner;
}

describe('translatable errors', () => {
  beforeAll(() =>
    useErrorTexts(
      Translations.fromFolders([
        i18nFolder({
          'en-US': { errors: { 'demo.taken': 'login "{login}" is already taken', 'demo.full': '{name} already has {max, plural, one {# conversation} other {# conversations}}', 'demo.wait': 'try again in {seconds}s' } },
          'fr-FR': { errors: { 'demo.taken': 'L’identifiant « {login} » est déjà pris' } },
        }),
      ]),
    ),
  );

  it('renders the English message from the en-US text (ICU) and keeps the key and params', () => {
    expect(englishError('demo.full', { name: 'Sofía', max: 1 })).toBe('Sofía already has 1 conversation');
    const error = translatableError(409, 'demo.taken', { login: 'marc' });
    expect(error.getStatus()).toBe(409);
    expect(error.getResponse()).toEqual({ statusCode: 409, message: 'login "marc" is already taken', error: 'Conflict', i18n: [{ key: 'demo.taken', params: { login: 'marc' } }] });
    expect(error.message).toBe('login "marc" is already taken');
  });

  it('a list message: one entry per text, in order; an unknown key reads as itself', () => {
    const error = translatableErrors(400, [{ key: 'demo.taken', params: { login: 'a' } }, { key: 'demo.unknown', params: {} }]);
    expect(error.getResponse()).toEqual({ statusCode: 400, message: ['login "a" is already taken', 'demo.unknown'], error: 'Bad Request', i18n: [{ key: 'demo.taken', params: { login: 'a' } }, { key: 'demo.unknown', params: {} }] });
    expect(errorBody(418, [], true)).toEqual({ statusCode: 418, message: [], error: 'Error', i18n: [] });
  });

  it('a 429 says the seconds to wait in its params and its English', () => {
    const error = new TooManyRequestsException('demo.wait', 2500);
    expect(error.retryAfterS).toBe(3);
    expect(error.getResponse()).toEqual({ statusCode: 429, message: 'try again in 3s', error: 'Too Many Requests', i18n: [{ key: 'demo.wait', params: { seconds: 3 } }] });
  });

  it('validation: a validation.<constraint> entry per message of validationMessages, with the field path and the arguments', () => {
    const outer = Object.assign(new Outer(), { name: 'x', inner: Object.assign(new Inner(), { code: 'too long' }) });
    const errors = validateSync(outer);
    expect(validationMessages(errors)).toEqual(['name must be longer than or equal to 2 characters', 'inner.code must be shorter than or equal to 5 characters']);
    expect(validationI18n(errors)).toEqual([
      { key: 'validation.isLength', params: { field: 'name', min: 2, max: 10 } },
      { key: 'validation.maxLength', params: { field: 'inner.code', max: 5 } },
    ]);
  });

  it('without the target (not kept by the pipe), the params name only the field', () => {
    const errors = validateSync(Object.assign(new Outer(), { name: 'x', inner: Object.assign(new Inner(), { code: 'ok' }) }), { validationError: { target: false } });
    expect(validationI18n(errors)).toEqual([{ key: 'validation.isLength', params: { field: 'name' } }]);
  });
});

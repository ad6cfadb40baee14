import { HttpException, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { SOURCE_LANG, type ErrorI18n } from '@lc/protocol';
import type { Translations } from './translations';

type Params = Record<string, string | number>;

/**
 * The texts errors are rendered from: the host hands over its Translations once at start-up (every app of a
 * process reads the same modules' files). Before that, or for an unknown key, the English message is the key.
 */
let texts: Translations | undefined;
export function useErrorTexts(translations: Translations): void {
  texts = translations;
}

/** The English of an `errors` key, ICU-formatted with params: the `message` integrators read. */
export function englishError(key: string, params: Params = {}): string {
  return texts ? texts.text(SOURCE_LANG, 'errors', key, params) : key;
}

/**
 * An HttpException a reader sees in their language: Nest's `{statusCode, message, error}` with the English
 * `message` rendered from the en-US text of `key` (a module's `errors` section), plus `i18n: [{key, params}]`
 * that the shell renders in the user's language. `throw translatableError(409, 'base.loginTaken', {login})`.
 */
export class TranslatableException extends HttpException {
  constructor(status: number, key: string, params: Params = {}) {
    super(errorBody(status, [{ key, params }], false), status);
  }
}

export const translatableError = (status: number, key: string, params: Params = {}): TranslatableException => new TranslatableException(status, key, params);

/** `{statusCode, message, error, i18n}` for entries: `message` a string for one entry (unless `asList`), else the list. */
export function errorBody(status: number, i18n: ErrorI18n[], asList: boolean, messages = i18n.map((e) => englishError(e.key, e.params))): { statusCode: number; message: string | string[]; error: string; i18n: ErrorI18n[] } {
  return { statusCode: status, message: asList || messages.length !== 1 ? messages : messages[0], error: STATUS_NAMES[status] ?? 'Error', i18n };
}

const STATUS_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/** The named arguments of class-validator's constraints, for the params of `validation.<constraint>`. */
const CONSTRAINT_ARGS: Record<string, readonly string[]> = {
  maxLength: ['max'],
  minLength: ['min'],
  isLength: ['min', 'max'],
  max: ['max'],
  min: ['min'],
  arrayMaxSize: ['max'],
  arrayMinSize: ['min'],
  isIn: ['values'],
  isEnum: ['values'],
};

/**
 * One `validation.<constraint>` entry per failed constraint, aligned with validationMessages(): params
 * `{field, ...constraint arguments}` (`validation.maxLength` → `{field: 'name', max: 100}`). A decorator
 * may name its own key with `context: {i18n: 'validation.notBlank'}` (when its message says more).
 */
export function validationI18n(errors: ValidationError[], prefix = ''): ErrorI18n[] {
  return errors.flatMap((error) => {
    const field = prefix + error.property;
    const own = Object.keys(error.constraints ?? {}).map((constraint) => {
      const custom = (error.contexts?.[constraint] as { i18n?: unknown } | undefined)?.i18n;
      const key = typeof custom === 'string' ? custom : `validation.${constraint}`;
      return { key, params: { field, ...constraintParams(error, constraint) } };
    });
    return [...own, ...validationI18n(error.children ?? [], `${field}.`)];
  });
}

function constraintParams(error: ValidationError, constraint: string): Params {
  const names = CONSTRAINT_ARGS[constraint];
  const target = error.target?.constructor;
  if (!names || !target) return {};
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && m.name === constraint);
  const params: Params = {};
  names.forEach((name, i) => {
    const value: unknown = metadata?.constraints?.[i];
    if (typeof value === 'number' || typeof value === 'string') params[name] = value;
    else if (Array.isArray(value)) params[name] = value.join(', ');
    else if (value && typeof value === 'object') params[name] = Object.values(value).join(', ');
  });
  return params;
}

/** The same with a list `message` (as validation answers it), one entry per text: `translatableErrors(400, [{key, params}])`. */
export const translatableErrors = (status: number, entries: ErrorI18n[]): HttpException => new HttpException(errorBody(status, entries, true), status);

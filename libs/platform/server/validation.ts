import { BadRequestException, type ValidationPipeOptions } from '@nestjs/common';
import { ValidationError } from 'class-validator';
import { errorBody, validationI18n } from './errors';

/**
 * How every request body is validated: unknown fields refused, values checked and transformed, and a 400
 * whose `message` lists each problem, named by its field's path. The host's global pipe uses it, and so
 * does code that validates a body against a class composed at run time (the user fields of modules).
 */
export const REQUEST_VALIDATION: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  // The target lets validationI18n read the constraints' arguments; it is never sent.
  validationError: { target: true },
  exceptionFactory: (errors) => validationException(errors),
};

/** The 400 of failed validation: class-validator's English `message` list, and `i18n` aligned with it. */
export function validationException(errors: ValidationError[]): BadRequestException {
  return new BadRequestException(errorBody(400, validationI18n(errors), true, validationMessages(errors)));
}

/** A socket payload's 400: each top-level field's messages (a nested one only says it is invalid), with `i18n`. */
export function socketValidationException(errors: ValidationError[]): BadRequestException {
  const flat = errors.map((e) => Object.assign(new ValidationError(), e, { children: [], constraints: e.constraints ?? { invalid: `${e.property} is invalid` } }));
  return new BadRequestException(errorBody(400, validationI18n(flat), true, flat.flatMap((e) => Object.values(e.constraints ?? {}))));
}

/** class-validator's messages, each starting with the path of its field (`colors.button: …`). */
export function validationMessages(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix + error.property;
    const own = Object.values(error.constraints ?? {}).map((m) => (m.startsWith(error.property) ? prefix + m : `${path}: ${m}`));
    return [...own, ...validationMessages(error.children ?? [], `${path}.`)];
  });
}

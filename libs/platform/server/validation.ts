import { BadRequestException, type ValidationError, type ValidationPipeOptions } from '@nestjs/common';

/**
 * How every request body is validated: unknown fields refused, values checked and transformed, and a 400
 * whose `message` lists each problem, named by its field's path. The host's global pipe uses it, and so
 * does code that validates a body against a class composed at run time (the user fields of modules).
 */
export const REQUEST_VALIDATION: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) => new BadRequestException(validationMessages(errors)),
};

/** class-validator's messages, each starting with the path of its field (`colors.button: …`). */
export function validationMessages(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix + error.property;
    const own = Object.values(error.constraints ?? {}).map((m) => (m.startsWith(error.property) ? prefix + m : `${path}: ${m}`));
    return [...own, ...validationMessages(error.children ?? [], `${path}.`)];
  });
}

import { translatableError } from './errors';
import { Param, type PipeTransform } from '@nestjs/common';

/** Ids are positive integers: anything else is a 400 naming the parameter. */
class PositiveIntPipe implements PipeTransform<string, number> {
  constructor(private readonly name: string) {}
  transform(value: string): number {
    if (!/^[1-9]\d{0,15}$/.test(value ?? '') || !Number.isSafeInteger(Number(value))) {
      throw translatableError(400, 'validation.positiveInt', { field: this.name });
    }
    return Number(value);
  }
}

export const IdParam = (name = 'id') => Param(name, new PositiveIntPipe(name));

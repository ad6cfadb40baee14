import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { getMetadataStorage, ValidationTypes, type ValidationArguments } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Payload = Record<string, unknown>;

interface PropertyCheck {
  property: string;
  /** IsOptional and ValidateIf: when one says no, the property's rules are skipped. */
  conditions: ValidationMetadata[];
  /** Every rule, with its constraint's validator. */
  rules: Array<{ metadata: ValidationMetadata; validate: (value: unknown, args: ValidationArguments) => unknown }>;
}

/**
 * The rules a DTO declares with class-validator decorators, read ONCE into a plain function that answers
 * "valid or not" (whitelisted keys only, the same validators with the same arguments). class-validator
 * itself rebuilds the DTO's metadata and an instance through class-transformer on every call: on the hot
 * socket events (a message, typing) that was ~15 % of the server's CPU and most of its garbage.
 * A payload that fails goes to class-validator after all, whose messages are the ones sent back.
 * Undefined when the DTO uses what this does not model (transforms, nested or async rules, `each`, groups):
 * such a DTO is always validated by class-validator.
 */
export function compileDtoCheck(dto: Function): ((payload: unknown) => boolean) | undefined {
  if (usesClassTransformer(dto)) return undefined;
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(dto, '', false, false);
  if (!metadatas.length) return undefined;
  const byProperty = new Map<string, PropertyCheck>();
  for (const metadata of metadatas) {
    if (metadata.each || metadata.groups?.length || metadata.always) return undefined;
    const check = byProperty.get(metadata.propertyName) ?? { property: metadata.propertyName, conditions: [], rules: [] };
    byProperty.set(metadata.propertyName, check);
    if (metadata.type === ValidationTypes.CONDITIONAL_VALIDATION) check.conditions.push(metadata);
    else if (metadata.type === ValidationTypes.CUSTOM_VALIDATION || metadata.type === ValidationTypes.IS_DEFINED) {
      for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) {
        if (constraint.async) return undefined;
        check.rules.push({ metadata, validate: (value, args) => constraint.instance.validate(value, args) });
      }
    } else if (metadata.type !== ValidationTypes.WHITELIST) return undefined; // nested, promise: not modelled
  }
  const checks = [...byProperty.values()];
  const allowed = new Set(byProperty.keys());
  const targetName = dto.name;
  return (payload) => {
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return false;
    const object = payload as Payload;
    for (const key in object) if (!allowed.has(key)) return false; // forbidNonWhitelisted
    for (const { property, conditions, rules } of checks) {
      const value = object[property];
      if (!conditions.every((c) => (c.constraints[0] as (o: object, v: unknown) => boolean)(object, value))) continue;
      for (const { metadata, validate } of rules) {
        const valid = validate(value, { targetName, property, object, value, constraints: metadata.constraints });
        if (valid !== true) return false; // false, or a promise: class-validator decides
      }
    }
    return true;
  };
}

type TransformerMetadata = Record<'_typeMetadatas' | '_transformMetadatas' | '_exposeMetadatas' | '_excludeMetadatas', Map<Function, unknown>>;
/** class-transformer's decorator registry (the one plainToInstance reads; it has no typed entry point for it). */
const transformerMetadata = (): TransformerMetadata => (require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerMetadata }).defaultMetadataStorage;

/** Whether class-transformer would change the payload on its way to the DTO (@Type, @Transform, @Expose, @Exclude). */
function usesClassTransformer(dto: Function): boolean {
  const storage = transformerMetadata();
  for (let type: Function | null = dto; type && type !== Function.prototype; type = Object.getPrototypeOf(type)) {
    if (storage._typeMetadatas.has(type) || storage._transformMetadatas.has(type) || storage._exposeMetadatas.has(type) || storage._excludeMetadatas.has(type)) return true;
  }
  return false;
}

/** An HTTP body, or a socket event's payload (@MessageBody: Nest's WsParamtype.PAYLOAD, 3). */
const isPayload = (metadata: ArgumentMetadata) => metadata.type === 'body' || (metadata.type as unknown) === WS_PAYLOAD;
const WS_PAYLOAD = 3;

/**
 * Nest's ValidationPipe (whitelist, forbidNonWhitelisted, transform) with each DTO's rules compiled once:
 * a valid payload becomes its DTO at the cost of a few typeof checks; anything else takes the full path.
 */
export class CompiledValidationPipe extends ValidationPipe {
  private readonly checks = new Map<Function, ((payload: unknown) => boolean) | undefined>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    if (type && isPayload(metadata)) {
      if (!this.checks.has(type)) this.checks.set(type, compileDtoCheck(type));
      if (this.checks.get(type)?.(value)) return Object.assign(new (type as new () => object)(), value);
    }
    return super.transform(value, metadata);
  }
}

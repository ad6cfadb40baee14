import { Injectable, ValidationPipe, type Type } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { IntersectionType } from '@nestjs/swagger';
import type { EntityManager } from 'typeorm';
import { REQUEST_VALIDATION, UserFields, type UserFieldsExtension } from '@lc/platform/server';

type Values = Record<string, unknown>;

/** Calls every module's declared UserFields extension (see @lc/platform/server), naming none of them. */
@Injectable()
export class UserFieldsService {
  private found?: UserFieldsExtension[];
  private readonly bodyTypes = new Map<Type, Type>();
  private readonly validation = new ValidationPipe(REQUEST_VALIDATION);

  constructor(private readonly discovery: DiscoveryService) {}

  /** Every declared extension; looked up on first use, once every provider exists. */
  private get extensions(): UserFieldsExtension[] {
    return (this.found ??= this.discovery.getProviders({ metadataKey: UserFields.KEY }).map((wrapper) => wrapper.instance as UserFieldsExtension));
  }

  /** Every module's fields of the user, merged. */
  async read(userId: number): Promise<Values> {
    return Object.assign({}, ...(await Promise.all(this.extensions.map((extension) => extension.read(userId)))));
  }

  /**
   * Validates a body made of `own` fields and every extension's, as the global pipe validates a DTO: the
   * same transforms, the same 400 naming each bad or unknown field.
   */
  async validateBody<T extends object>(own: Type<T>, body: unknown): Promise<T & Values> {
    return this.validation.transform(body, { type: 'body', metatype: this.bodyType(own) });
  }

  /**
   * The class of a body made of `own` fields and every extension's, named `name` in the API documents: its
   * validation rules and its OpenAPI schema are those of the classes it is made of.
   */
  bodyType(own: Type, name = `${own.name}WithUserFields`): Type {
    let bodyType = this.bodyTypes.get(own);
    if (!bodyType) {
      // The modules' fields first: the order of the messages stays the one of the API before they moved.
      bodyType = IntersectionType(...this.extensions.map((extension) => extension.patch), own);
      Object.defineProperty(bodyType, 'name', { value: name });
      this.bodyTypes.set(own, bodyType);
    }
    return bodyType;
  }

  /**
   * Lets every extension check the validated body (each may refuse it with a 400), one after the other so
   * that the first refusal is always the same; returns the writes, to run in one transaction.
   */
  async check(userId: number, body: Values): Promise<(tx: EntityManager) => Promise<void>> {
    const writes: Array<(tx: EntityManager) => Promise<void>> = [];
    for (const extension of this.extensions) {
      const changes = await extension.check(userId, body);
      if (Object.keys(changes).length) writes.push((tx) => extension.write(userId, changes, tx));
    }
    return async (tx) => {
      for (const write of writes) await write(tx);
    };
  }
}

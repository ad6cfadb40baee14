import 'reflect-metadata';
import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import fc from 'fast-check';
import { MessagesQueryDto, PostMessageDto, SocketMessageDto, TypingDto } from '@lc/protocol';
import { compileDtoCheck, CompiledValidationPipe } from './compiled-validation';

/** What Nest's ValidationPipe (whitelist, forbidNonWhitelisted, transform) decides, through class-validator. */
const classValidatorAccepts = (dto: new () => object, payload: unknown) =>
  typeof payload === 'object' && payload !== null && !Array.isArray(payload) && validateSync(plainToInstance(dto, payload) as object, { whitelist: true, forbidNonWhitelisted: true }).length === 0;

const anyValue = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(1, 2 ** 31, Number.MAX_SAFE_INTEGER, 1.5, NaN, Infinity, -0, '1', '', ' ', 'hi', ' hi ', 'a'.repeat(70), 'ok-id_1:2.3', 'bad id', true, false, null, undefined),
  fc.string(),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
);
const payloads = fc.oneof(
  fc.record({ conversationId: anyValue, body: anyValue, clientId: anyValue, typing: anyValue, extra: anyValue }, { requiredKeys: [] }),
  fc.record({ conversationId: fc.integer({ min: 1 }), body: fc.string({ minLength: 1 }), clientId: fc.stringMatching(/^[\w.:-]{1,64}$/) }, { requiredKeys: ['conversationId', 'body'] }),
  fc.record({ conversationId: fc.integer({ min: 1 }), typing: fc.boolean() }),
  anyValue,
);

describe('compiled DTO checks: the same decisions as class-validator, made without it', () => {
  it.each([SocketMessageDto, TypingDto, PostMessageDto])('%p: accepts exactly what class-validator accepts', (dto) => {
    const check = compileDtoCheck(dto)!;
    expect(check).toBeDefined();
    fc.assert(fc.property(payloads, (payload) => check(payload) === classValidatorAccepts(dto, payload)), { numRuns: 3000 });
  });

  it('accepts a valid message and refuses the classic mistakes', () => {
    const check = compileDtoCheck(SocketMessageDto)!;
    expect(check({ conversationId: 3, body: 'Hello', clientId: 'c-1' })).toBe(true);
    expect(check({ conversationId: 3, body: 'Hello' })).toBe(true);
    for (const bad of [{ conversationId: '3', body: 'Hello' }, { conversationId: 3, body: '   ' }, { conversationId: 3, body: 'x', admin: true }, { conversationId: 0, body: 'x' }, [], null, 'x']) expect(check(bad)).toBe(false);
  });

  it('leaves to class-validator the DTOs whose payload class-transformer changes (here @Type)', () => {
    expect(compileDtoCheck(MessagesQueryDto)).toBeUndefined();
    expect(compileDtoCheck(Object)).toBeUndefined();
  });

  it('the pipe gives a DTO instance for a valid payload and the class-validator message for an invalid one', async () => {
    const pipe = new CompiledValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });
    const socketPayload = { type: 3, metatype: TypingDto } as unknown as ArgumentMetadata; // @MessageBody in a gateway
    const dto = await pipe.transform({ conversationId: 3, typing: true }, socketPayload);
    expect(dto).toBeInstanceOf(TypingDto);
    expect(dto).toEqual({ conversationId: 3, typing: true });
    const spy = jest.spyOn(ValidationPipe.prototype, 'transform');
    await pipe.transform({ conversationId: 4, typing: false }, socketPayload);
    expect(spy).not.toHaveBeenCalled(); // the valid payload never reached class-validator
    spy.mockRestore();
    await expect(pipe.transform({ conversationId: 3, typing: 'yes' }, socketPayload)).rejects.toMatchObject({ response: { message: ['typing must be a boolean value'] } });
  });
});

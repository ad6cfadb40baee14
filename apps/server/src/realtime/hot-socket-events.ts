import type { INestApplicationContext } from '@nestjs/common';
import { EXCEPTION_FILTERS_METADATA, GUARDS_METADATA, INTERCEPTORS_METADATA, PARAMTYPES_METADATA, PIPES_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, type ApplicationConfig } from '@nestjs/core';
import { GATEWAY_METADATA, MESSAGE_MAPPING_METADATA, MESSAGE_METADATA } from '@nestjs/websockets/constants';
import { compileDtoCheck, CompiledValidationPipe, HOT_SOCKET_EVENT, OWNER_MODULE, type AppSocket, type BeforeSocketEvent } from '@lc/platform/server';
import { PlatformGuard } from '../modules-host/platform.guard';
import { SocketAckInterceptor } from './socket-ack.interceptor';

/**
 * A `@HotSocketEvent()` handler, compiled once: what Nest's pipeline would do for a valid payload, as plain calls
 * (the adapter runs it: payload guard, `check`, interceptor.refusal/admit, `call`, ack). Nest's pipeline for it
 * is a global guard that lets ws through (PlatformGuard), validation pipes that turn a valid payload into its DTO
 * with the same values (CompiledValidationPipe), SocketAckInterceptor then BeforeSocketEvent interceptors;
 * hotSocketEvents refuses anything else.
 */
export interface HotHandler {
  /** The gateway's module (refused while disabled). */
  owner: string | undefined;
  /** True when every pipe would pass the payload; false sends it through Nest's pipeline, for the same 400. */
  check: (payload: unknown) => boolean;
  /** The gateway method, on the payload as it came (the pipes' DTO instance would hold the same values). */
  call: (socket: AppSocket, payload: unknown) => unknown;
  interceptor: SocketAckInterceptor;
  /** The other global interceptors, called after interceptor.admit() (see BeforeSocketEvent). */
  before: BeforeSocketEvent[];
}

/** Payload types the ValidationPipe leaves as they are (its toValidate; @MessageBody() has no `data` to transform by). */
const UNVALIDATED: unknown[] = [undefined, String, Boolean, Number, Array, Object, Buffer, Date];
const SOCKET_PARAM = 0; // WsParamtype.SOCKET
const PAYLOAD_PARAM = 3; // WsParamtype.PAYLOAD

/** The hot handlers of every gateway, by event name; throws at start-up on a hot handler the fast path cannot model. */
export function hotSocketEvents(app: INestApplicationContext): Map<string, HotHandler> {
  const config = (app as unknown as { config: ApplicationConfig }).config;
  const interceptors = config.getGlobalInterceptors();
  const interceptor = interceptors[0];
  // What Nest's pipeline adds to every gateway, checked against what the fast path models.
  const before = interceptors.slice(1) as Array<Partial<BeforeSocketEvent>>;
  const globals = !(interceptor instanceof SocketAckInterceptor)
    ? 'the first global interceptor is not SocketAckInterceptor'
    : !before.every((i) => typeof i.beforeSocketEvent === 'function')
      ? 'a global interceptor does not implement BeforeSocketEvent'
      : !config.getGlobalGuards().every((g) => g instanceof PlatformGuard)
        ? 'global guards other than PlatformGuard'
        : !config.getGlobalPipes().every((p) => p instanceof CompiledValidationPipe)
          ? 'global pipes other than CompiledValidationPipe'
          : config.getGlobalRequestGuards().length + config.getGlobalRequestInterceptors().length + config.getGlobalRequestPipes().length
            ? 'request-scoped global enhancers'
            : undefined;
  const hot = new Map<string, HotHandler>();
  const subscribers = new Map<string, number>();
  const scanner = new MetadataScanner();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const { instance, metatype } = wrapper;
      if (!instance || typeof metatype !== 'function' || !Reflect.getMetadata(GATEWAY_METADATA, metatype)) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, Function>;
      for (const name of scanner.getAllMethodNames(prototype)) {
        if (!Reflect.getMetadata(MESSAGE_MAPPING_METADATA, prototype[name])) continue;
        const event: string = Reflect.getMetadata(MESSAGE_METADATA, prototype[name]);
        subscribers.set(event, (subscribers.get(event) ?? 0) + 1);
        if (!Reflect.getMetadata(HOT_SOCKET_EVENT, prototype[name])) continue;
        const problem = globals ?? (wrapper.isDependencyTreeStatic() ? hotProblem(instance as object, name) : 'its gateway is request-scoped');
        if (problem) throw new Error(`@HotSocketEvent ${(instance as object).constructor.name}.${name}: ${problem}`);
        hot.set(event, compile(instance as object, name, interceptor as SocketAckInterceptor, before as BeforeSocketEvent[]));
      }
    }
  }
  // The adapter tells handlers apart by event name only.
  for (const event of hot.keys()) if (subscribers.get(event) !== 1) throw new Error(`@HotSocketEvent '${event}': more than one gateway takes it`);
  return hot;
}

function hotProblem(instance: object, name: string): string | undefined {
  const type = instance.constructor;
  const method = (instance as Record<string, Function>)[name];
  for (const key of [GUARDS_METADATA, INTERCEPTORS_METADATA, EXCEPTION_FILTERS_METADATA]) if (Reflect.getMetadata(key, type) || Reflect.getMetadata(key, method)) return `has ${key}`;
  const pipes = [...(Reflect.getMetadata(PIPES_METADATA, type) ?? []), ...(Reflect.getMetadata(PIPES_METADATA, method) ?? [])];
  if (!pipes.every((p) => p instanceof CompiledValidationPipe)) return 'has pipes other than ValidateSocketPayloads';
  const params: Record<string, { index: number; data?: unknown; pipes?: unknown[] }> = Reflect.getMetadata(ROUTE_ARGS_METADATA, type, name) ?? {};
  const at = Object.entries(params).map(([key, p]) => (p.data === undefined && !p.pipes?.length ? `${key.split(':')[0]}@${p.index}` : 'other'));
  if (at.sort().join() !== `${SOCKET_PARAM}@0,${PAYLOAD_PARAM}@1`) return 'takes other parameters than (@ConnectedSocket(), @MessageBody())';
  const dto = paramTypes(instance, name)[1];
  if (!UNVALIDATED.includes(dto) && !compileDtoCheck(dto as Function)) return `${(dto as Function).name} cannot be compiled (compileDtoCheck)`;
  return undefined;
}

function compile(instance: object, name: string, interceptor: SocketAckInterceptor, before: BeforeSocketEvent[]): HotHandler {
  const dto = paramTypes(instance, name)[1];
  const method = (instance as Record<string, (socket: AppSocket, payload: unknown) => unknown>)[name];
  return {
    owner: Reflect.getMetadata(OWNER_MODULE, instance.constructor),
    check: UNVALIDATED.includes(dto) ? () => true : compileDtoCheck(dto as Function)!,
    call: method.bind(instance),
    interceptor,
    before,
  };
}

const paramTypes = (instance: object, name: string): unknown[] => Reflect.getMetadata(PARAMTYPES_METADATA, instance, name) ?? [];

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BadRequestException, ValidationPipe, type ArgumentMetadata, type DynamicModule, type INestApplication } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { TypeOrmModule } from '@nestjs/typeorm';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { APP_CONFIG, ModuleRegistry, RateLimiters, Realtime, SqlRunner, type AppConfig } from '@lc/platform/server';
import { dataSourceOptions, holdStartupLock } from './database';
import { sqlRunnerFor } from './sql';
import { SqliteCheckpointer } from './sql/sqlite-checkpointer';
import { discoverModules } from './modules-host/discover-modules';
import { CreateModuleState1764000000000 } from './modules-host/create-module-state.migration';
import { DatabaseModuleRegistry } from './modules-host/module-registry.service';
import { ModuleState } from './modules-host/module-state.entity';
import { PlatformGuard } from './modules-host/platform.guard';
import { HostModule } from './host.module';
import { GracefulShutdown } from './lifecycle/graceful-shutdown';
import { HostRateLimiters } from './limits/host-rate-limiters';
import { RealtimeGateway } from './realtime/realtime.gateway';
import { SocketAckInterceptor } from './realtime/socket-ack.interceptor';
import { SocketAdapter } from './realtime/socket-adapter';

/** Where the module folders are: beside the compiled host in dist/, or the sources under ts-jest. */
export function defaultModulesRoot(): string {
  return resolve(__dirname, '../../../modules');
}

/**
 * Builds the application the way Vendure boots: discover the modules, gather their entities and
 * migrations, start TypeORM (running migrations), then register every module's controllers and gateways.
 */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const modules = discoverModules([defaultModulesRoot(), ...config.extraModulePaths]);
  const entities = [ModuleState, ...modules.flatMap((m) => m.entities)];
  const migrations = [CreateModuleState1764000000000, ...modules.flatMap((m) => m.migrations)];
  const startupLock = await holdStartupLock(config.databaseUrl, config.postgresSchema);
  try {
    const app = await createNestApp(config, modules, entities, migrations);
    await app.init(); // migrations ran while Nest built the app; first-start data is written here
    return app;
  } finally {
    await startupLock.release();
  }
}

async function createNestApp(config: AppConfig, modules: ReturnType<typeof discoverModules>, entities: Function[], migrations: Function[]): Promise<INestApplication> {

  const root: DynamicModule = {
    module: HostModule,
    global: true,
    imports: [
      TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, entities, migrations, config.postgresSchema)),
      ...modules.map((m) => m.nestModule as never),
    ],
    providers: [
      { provide: APP_CONFIG, useValue: config },
      {
        provide: ModuleRegistry,
        inject: [DataSource],
        useFactory: async (dataSource: DataSource) => {
          const registry = new DatabaseModuleRegistry(modules.map((m) => m.manifest), dataSource);
          await registry.initialize();
          return registry;
        },
      },
      { provide: SqlRunner, inject: [DataSource], useFactory: sqlRunnerFor },
      SqliteCheckpointer,
      { provide: APP_GUARD, useClass: PlatformGuard },
      { provide: APP_INTERCEPTOR, useClass: SocketAckInterceptor },
      { provide: RateLimiters, useFactory: () => HostRateLimiters.fromConfig(config) },
      RealtimeGateway,
      { provide: Realtime, useExisting: RealtimeGateway },
      GracefulShutdown,
    ],
    exports: [APP_CONFIG, ModuleRegistry, Realtime, RateLimiters, SqlRunner],
  };

  // The adapter is passed explicitly rather than loaded by name, which also works under Jest.
  const app = await NestFactory.create<NestExpressApplication>(root, new ExpressAdapter(), { logger: ['error', 'warn'], abortOnError: false });
  const shutdown = app.get(GracefulShutdown);
  shutdown.attach(app.getHttpServer());
  app.use(shutdown.httpMiddleware);
  configureHttp(app, config);
  const socketAdapter = new SocketAdapter(app);
  if (config.redisUrl) await socketAdapter.connectToRedis(config.redisUrl, config.redisKeyPrefix);
  app.useWebSocketAdapter(socketAdapter);
  return app;
}

function configureHttp(app: NestExpressApplication, config: AppConfig): void {
  app.set('trust proxy', 'loopback');
  app.use(cookieParser());
  // Nest's option type leaves out `verify` (it uses it for rawBody, which is off here); express passes it on.
  const jsonOptions = { limit: '64kb', verify: refuseDeepJson };
  app.useBodyParser('json', jsonOptions);
  app.useGlobalPipes(
    new RawParamsValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // Nest reports each field; we keep its list of messages, which names the offending fields.
      exceptionFactory: (errors) => new BadRequestException(flattenErrors(errors)),
    }),
  );
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']); // not Nest's default list, which stops on SIGHUP and SIGUSR2 (heap snapshots) too

  const document = SwaggerModule.createDocument(app, new DocumentBuilder().setTitle('Live chat platform API').setVersion('1').addBearerAuth().build());
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });

  app.enableCors({ origin: '*', methods: ['GET', 'POST'], allowedHeaders: ['Content-Type', 'X-Visitor-Token'] }); // the widget runs on other websites
  serveSiteRoot(app);
  if (config.webRoot && existsSync(join(config.webRoot, 'index.html'))) serveShell(app, config.webRoot);
}

/** `/` shows the homepage of an enabled module (the live chat demo website), else the web shell. */
function serveSiteRoot(app: NestExpressApplication): void {
  const registry = app.get(ModuleRegistry);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path !== '/') return next();
    const homepage = registry.manifests().find((m) => m.homepage && registry.isEnabled(m.name))?.homepage;
    if (!homepage) return res.redirect(302, `${SHELL_PREFIX}/`);
    req.url = homepage;
    next();
  });
}

/** No API body nests deeper than a few levels; thousands of `[` made class-transformer overflow the stack (500). */
const MAX_JSON_DEPTH = 32;
function refuseDeepJson(_req: unknown, _res: unknown, buffer: Buffer): void {
  // PostgreSQL text cannot hold NUL (a 500 on insert); no field of this API needs it.
  if (buffer.includes('\\u0000')) throw Object.assign(new Error(`${fieldWithNul(buffer) ?? 'body'}: NUL characters (\\u0000) are not allowed`), { status: 400, expose: true });
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buffer.length; i++) {
    const c = buffer[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) throw Object.assign(new Error(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`), { status: 400, expose: true });
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}

/** The path of the first string holding a NUL character, to name the field in the 400 (rare: only then is the body parsed twice). */
function fieldWithNul(buffer: Buffer): string | undefined {
  const find = (value: unknown, path: string): string | undefined => {
    if (typeof value === 'string') return value.includes('\u0000') || path.includes('\u0000') ? path || 'body' : undefined;
    if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const found = find(child, path ? `${path}.${key}` : key) ?? (key.includes('\u0000') ? key : undefined);
        if (found) return found;
      }
    }
    return undefined;
  };
  try {
    return find(JSON.parse(buffer.toString('utf8')), '');
  } catch {
    return undefined;
  }
}

/**
 * Nest's ValidationPipe (with transform) turns a `number` route parameter into `+value` before the
 * parameter's own pipe sees it, so `1e3`, `0x10` or ` 7` became ids 1000, 16 and 7. Route parameters stay
 * the strings they were; IdParam's pipe alone decides (a malformed id -> 400).
 */
class RawParamsValidationPipe extends ValidationPipe {
  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.type === 'param' ? value : super.transformPrimitive(value, metadata);
  }
}

type ValidationErrorLike = { property: string; constraints?: Record<string, string>; children?: ValidationErrorLike[] };
function flattenErrors(errors: ValidationErrorLike[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix + error.property;
    const own = Object.values(error.constraints ?? {}).map((m) => (m.startsWith(error.property) ? prefix + m : `${path}: ${m}`));
    return [...own, ...flattenErrors(error.children ?? [], `${path}.`)];
  });
}

/** URL prefix of the web shell (Odoo's /web): the site root stays free for a website. */
export const SHELL_PREFIX = '/web';

/** Serves the built Angular shell; unknown shell paths get index.html so that every shell URL survives a reload. */
function serveShell(app: NestExpressApplication, webRoot: string): void {
  app.useStaticAssets(webRoot, { prefix: SHELL_PREFIX, index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET') return next();
    if (req.path !== SHELL_PREFIX && !req.path.startsWith(`${SHELL_PREFIX}/`)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(webRoot, 'index.html'));
  });
}

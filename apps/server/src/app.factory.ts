import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type ArgumentMetadata, type DynamicModule, type INestApplication } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, ModuleRef, NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { APP_CONFIG, CACHE_IMMUTABLE, CACHE_REVALIDATE, CompiledValidationPipe, Metrics, ModuleRegistry, PrecompressedFiles, RateLimiters, Realtime, REQUEST_VALIDATION, SocketIdentities, SqlRunner, Translations, useErrorTexts, type AppConfig } from '@lc/platform/server';
import { GroupCatalog } from '@lc/platform';
import { dataSourceOptions, holdStartupLock } from './database';
import { sqlRunnerFor } from './sql';
import { SqliteCheckpointer } from './sql/sqlite-checkpointer';
import { discoverModules, type DiscoveredModule } from './modules-host/discover-modules';
import { CreateModuleState1764000000000 } from './modules-host/create-module-state.migration';
import { DatabaseModuleRegistry } from './modules-host/module-registry.service';
import { ModuleState } from './modules-host/module-state.entity';
import { ModuleStatesFeed } from './modules-host/module-states-feed';
import { PlatformGuard } from './modules-host/platform.guard';
import { HostModule } from './host.module';
import { GracefulShutdown } from './lifecycle/graceful-shutdown';
import { PrometheusMetrics } from './metrics/prometheus-metrics';
import { HostRateLimiters } from './limits/host-rate-limiters';
import { RealtimeGateway } from './realtime/realtime.gateway';
import { SocketAckInterceptor } from './realtime/socket-ack.interceptor';
import { SocketAdapter } from './realtime/socket-adapter';
import { HostSocketIdentities } from './realtime/socket-identities';
import { jsonBodiesOnly } from './edge/json-bodies';
import { RetryAfterFilter } from './edge/retry-after.filter';
import { sameOriginCookieWrites } from './edge/same-origin-writes';
import { dataAnswerHeaders, securityHeaders } from './edge/security-headers';
import { serveApiDocuments } from './openapi/serve-api-documents';

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

async function createNestApp(config: AppConfig, modules: DiscoveredModule[], entities: Function[], migrations: Function[]): Promise<INestApplication> {

  // Every module's i18n/<lang>.json, gathered once like the entities; errors render their English from it.
  const translations = Translations.fromFolders(modules.map((m) => m.i18nDir));
  useErrorTexts(translations);
  const root: DynamicModule = {
    module: HostModule,
    global: true,
    imports: [
      TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, entities, migrations, config.postgresSchema)),
      ...modules.map((m) => m.nestModule as never),
    ],
    providers: [
      { provide: APP_CONFIG, useValue: config },
      // The groups every module declares (libs/platform/src/groups.ts), resolved once.
      { provide: GroupCatalog, useValue: new GroupCatalog(modules.map((m) => m.manifest)) },
      { provide: Translations, useValue: translations },
      {
        provide: ModuleRegistry,
        inject: [DataSource, ModuleRef],
        useFactory: async (dataSource: DataSource, moduleRef: ModuleRef) => {
          const lifecycles = new Map(modules.filter((m) => m.lifecycle).map((m) => [m.manifest.name, m.lifecycle!]));
          const lifecycleOf = (name: string) => {
            const type = lifecycles.get(name);
            return type && moduleRef.get(type, { strict: false });
          };
          const registry = new DatabaseModuleRegistry(modules.map((m) => m.manifest), dataSource, lifecycleOf);
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
      HostSocketIdentities,
      { provide: SocketIdentities, useExisting: HostSocketIdentities },
      ModuleStatesFeed,
      GracefulShutdown,
      PrometheusMetrics,
      { provide: Metrics, useExisting: PrometheusMetrics },
    ],
    exports: [APP_CONFIG, GroupCatalog, ModuleRegistry, Translations, Realtime, RateLimiters, SqlRunner, SocketIdentities, Metrics],
  };

  // The adapter is passed explicitly rather than loaded by name, which also works under Jest.
  // bodyParser off: Nest would also parse form-encoded bodies, which any website can make a browser send (see edge/).
  const app = await NestFactory.create<NestExpressApplication>(root, new ExpressAdapter(), { logger: ['error', 'warn'], abortOnError: false, bodyParser: false });
  const shutdown = app.get(GracefulShutdown);
  shutdown.attach(app.getHttpServer());
  app.use(shutdown.httpMiddleware);
  configureHttp(app, config, modules);
  const socketAdapter = new SocketAdapter(app);
  if (config.redisUrl) await socketAdapter.connectToRedis(config.redisUrl, config.redisKeyPrefix);
  app.useWebSocketAdapter(socketAdapter);
  return app;
}

function configureHttp(app: NestExpressApplication, config: AppConfig, modules: DiscoveredModule[]): void {
  app.set('trust proxy', trustProxySetting(config.trustProxy));
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use(cookieParser());
  app.use('/api', dataAnswerHeaders(), sameOriginCookieWrites(config.publicOrigin), jsonBodiesOnly());
  app.useGlobalFilters(new RetryAfterFilter(app.getHttpAdapter()));
  app.useGlobalPipes(new RawParamsValidationPipe(REQUEST_VALIDATION));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']); // not Nest's default list, which stops on SIGHUP and SIGUSR2 (heap snapshots) too

  serveApiDocuments(app, modules);

  app.enableCors({ origin: '*', methods: ['GET', 'POST'], allowedHeaders: ['Content-Type', 'X-Visitor-Token', 'Accept-Language'] }); // the widget runs on other websites
  serveSiteRoot(app);
  if (config.webRoot && existsSync(join(config.webRoot, 'index.html'))) serveShell(app, config.webRoot);
}

/** `/` shows the homepage of an enabled module (the live chat demo website), else the web shell. */
function serveSiteRoot(app: NestExpressApplication): void {
  const registry = app.get(ModuleRegistry);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!isRead(req) || req.path !== '/') return next();
    const homepage = registry.manifests().find((m) => m.homepage && registry.isEnabled(m.name))?.homepage;
    if (!homepage) return res.redirect(302, `${SHELL_PREFIX}/`);
    req.url = homepage;
    next();
  });
}

/**
 * Nest's ValidationPipe (with transform) turns a `number` route parameter into `+value` before the
 * parameter's own pipe sees it, so `1e3`, `0x10` or ` 7` became ids 1000, 16 and 7. Route parameters stay
 * the strings they were; IdParam's pipe alone decides (a malformed id -> 400).
 */
class RawParamsValidationPipe extends CompiledValidationPipe {
  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.type === 'param' ? value : super.transformPrimitive(value, metadata);
  }
}

/** GET, and HEAD wherever GET answers. */
const isRead = (req: Request) => req.method === 'GET' || req.method === 'HEAD';

/** TRUST_PROXY as express reads it: a hop count, true/false, or addresses and subnets (loopback, 10.0.0.0/8, …). */
function trustProxySetting(raw: string): string | number | boolean {
  if (/^\d+$/.test(raw)) return Number(raw);
  if (raw === 'true' || raw === 'false') return raw === 'true';
  return raw;
}

/** URL prefix of the web shell (Odoo's /web): the site root stays free for a website. */
export const SHELL_PREFIX = '/web';

/** Angular's output names carry a hash of their content (`outputHashing: all`): main-LFE2N3F6.js, chunk-O-oIV-oK.js, media/…; so do the texts (i18n/en-US.486fca7d9672.json, scripts/gen-web-i18n.mjs). */
const HASHED_NAME = /^(main|chunk|polyfills|styles|worker)-[\w-]{8}\.(js|css)$|^icons-[\w-]{8}\.svg$|^media\/.+-[\w-]{8}\.\w+$|^i18n\/[\w-]+\.[0-9a-f]{12}\.json$/;

/**
 * Serves the built Angular shell, precompressed: hashed files immutable for a year, the others (index.html)
 * revalidated with their ETag. Unknown shell paths get index.html so that every shell URL survives a reload.
 */
function serveShell(app: NestExpressApplication, webRoot: string): void {
  const files = new PrecompressedFiles(webRoot);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!isRead(req)) return next();
    if (req.path !== SHELL_PREFIX && !req.path.startsWith(`${SHELL_PREFIX}/`)) return next();
    const name = shellFileName(req.path);
    if (name && files.has(name)) return files.send(req, res, name, HASHED_NAME.test(name) ? CACHE_IMMUTABLE : CACHE_REVALIDATE);
    files.send(req, res, 'index.html', CACHE_REVALIDATE);
  });
}

/** The file a /web/… path names, or undefined (malformed escapes name none). */
function shellFileName(path: string): string | undefined {
  try {
    return decodeURIComponent(path.slice(SHELL_PREFIX.length + 1));
  } catch {
    return undefined;
  }
}

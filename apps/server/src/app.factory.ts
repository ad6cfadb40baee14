import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BadRequestException, ValidationPipe, type DynamicModule, type INestApplication } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { TypeOrmModule } from '@nestjs/typeorm';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { APP_CONFIG, ModuleRegistry, Realtime, type AppConfig } from '@lc/platform/server';
import { dataSourceOptions } from './database';
import { discoverModules } from './modules-host/discover-modules';
import { CreateModuleState1764000000000 } from './modules-host/create-module-state.migration';
import { DatabaseModuleRegistry } from './modules-host/module-registry.service';
import { ModuleState } from './modules-host/module-state.entity';
import { PlatformGuard } from './modules-host/platform.guard';
import { HostModule } from './host.module';
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
      { provide: APP_GUARD, useClass: PlatformGuard },
      { provide: APP_INTERCEPTOR, useClass: SocketAckInterceptor },
      RealtimeGateway,
      { provide: Realtime, useExisting: RealtimeGateway },
    ],
    exports: [APP_CONFIG, ModuleRegistry, Realtime],
  };

  // The adapter is passed explicitly rather than loaded by name, which also works under Jest.
  const app = await NestFactory.create<NestExpressApplication>(root, new ExpressAdapter(), { logger: ['error', 'warn'], abortOnError: false });
  configureHttp(app, config);
  const socketAdapter = new SocketAdapter(app);
  if (config.redisUrl) await socketAdapter.connectToRedis(config.redisUrl);
  app.useWebSocketAdapter(socketAdapter);
  return app;
}

function configureHttp(app: NestExpressApplication, config: AppConfig): void {
  app.set('trust proxy', 'loopback');
  app.use(cookieParser());
  app.useBodyParser('json', { limit: '64kb' });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // Nest reports each field; we keep its list of messages, which names the offending fields.
      exceptionFactory: (errors) => new BadRequestException(flattenErrors(errors)),
    }),
  );
  app.enableShutdownHooks();

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

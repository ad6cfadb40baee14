import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@lc/platform/server';
import { createApp, defaultModulesRoot } from '../src/app.factory';
import { configFromEnv, type ConfigOverrides } from '../src/config';
import { dataSourceOptions } from '../src/database';
import { CreateModuleState1764000000000 } from '../src/modules-host/create-module-state.migration';
import { discoverModules } from '../src/modules-host/discover-modules';
import { OpenApiResponseValidator, validatingAgent } from './openapi-validation';
import { SocketEventValidator } from './socket-validation';

process.env.PASSWORD_HASH_COST ??= '1024';

/** A real SMTP server for the email suites. */
export { startSmtpInbox, type ReceivedMail, type SmtpInbox } from './smtp-inbox';

/** Which database the API suites run on: SQLite in memory by default, PostgreSQL with TEST_DATABASE_URL. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'sqlite::memory:';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  http: TestAgent;
  /** Signs in and returns the bearer token. */
  login(login: string, password: string): Promise<string>;
  /** Creates a user through the API as admin; returns its id and token. */
  createUser(login: string, groups: string[], extra?: Record<string, unknown>): Promise<{ id: number; token: string }>;
  adminToken: string;
  /** Base URL of the listening server. */
  url: string;
  /** Opens a socket.io connection; resolves once connected, rejects with the server's refusal. */
  connect(auth: Record<string, unknown>): Promise<Socket>;
  close(): Promise<void>;
}

export function connectSocket(url: string, auth: Record<string, unknown>, sockets: Socket[] = [], events?: SocketEventValidator): Promise<Socket> {
  const socket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  events?.watch(socket);
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(error));
  });
}

/** Boots the real application (every module, migrations, guards, pipes) on a throwaway database. */
export async function createTestApp(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const databaseUrl = env.DATABASE_URL ?? TEST_DATABASE_URL;
  // PostgreSQL: each app gets a throwaway schema, unless the caller shares one on purpose.
  const schema = databaseUrl.startsWith('postgres') && !overrides.postgresSchema ? `t_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}` : undefined;
  if (schema) await withPg(databaseUrl, (client) => client.query(`CREATE SCHEMA ${schema}`));
  // Suites sign in many users from one address: the per-address sign-in limit is for tests that set it.
  const rateLimits = { loginAttemptsPerMinute: 100_000, ...overrides.rateLimits };
  const config = configFromEnv({ DEMO_DATA: '0', ...env, DATABASE_URL: databaseUrl }, { postgresSchema: schema, ...overrides, rateLimits });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  // Every answer is checked against the served OpenAPI document: an undescribed route, status or field fails the suite.
  const http = validatingAgent(request(app.getHttpServer()), OpenApiResponseValidator.of(app));
  const login = async (loginName: string, password: string) => {
    const res = await http.post('/api/auth/login').send({ login: loginName, password }).expect(200);
    return res.body.token as string;
  };
  const adminToken = await login('admin', config.adminPassword);
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${address.port}`;
  const sockets: Socket[] = [];
  // Every event the suite's sockets receive (and every acknowledgement) is checked against the AsyncAPI document.
  const events = new SocketEventValidator(app);
  return {
    url,
    connect: (auth) => connectSocket(url, auth, sockets, events),
    app,
    config,
    http,
    login,
    adminToken,
    async createUser(loginName, groups, extra = {}) {
      const res = await http.post('/api/users').auth(adminToken, { type: 'bearer' }).send({ login: loginName, name: `User ${loginName}`, password: 'password1', groups, ...extra }).expect(201);
      return { id: res.body.id, token: await login(loginName, 'password1') };
    },
    async close() {
      sockets.forEach((socket) => socket.disconnect());
      await app.close();
      if (schema) await withPg(databaseUrl, (client) => client.query(`DROP SCHEMA ${schema} CASCADE`));
      if (events.problems.length) throw new Error(`Socket events that disagree with the AsyncAPI document:\n${[...new Set(events.problems)].join('\n')}`);
    },
  };
}

/**
 * A throwaway database for testing a data migration, on SQLite (a file) or TEST_DATABASE_URL: run every
 * module's migrations before yours (`migrateUntil`), write rows in the old schema with `db`, then run the
 * rest (`migrateAll`) and check where the rows went.
 */
export interface MigrationTestDatabase {
  /** The open connection: by table names before `migrateAll` (no entity matches the old schema), with every module's entities after. */
  readonly db: DataSource;
  /** Runs the migrations older than this one (by its class name's timestamp), as a database of that time had. */
  migrateUntil(migrationName: string): Promise<void>;
  migrateAll(): Promise<void>;
  /** Writes one row by table and column names, on either database (for the old schema, which no entity matches). */
  insert(table: string, row: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export async function createMigrationTestDatabase(): Promise<MigrationTestDatabase> {
  const modules = discoverModules([defaultModulesRoot()]);
  const entities = modules.flatMap((m) => m.entities);
  const migrations = [CreateModuleState1764000000000, ...modules.flatMap((m) => m.migrations)];
  const timestamp = (name: string) => Number(/(\d{13})$/.exec(name)?.[1]);
  const postgres = TEST_DATABASE_URL.startsWith('postgres');
  const schema = postgres ? `m_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}` : undefined;
  const folder = postgres ? undefined : mkdtempSync(join(tmpdir(), 'lc-migration-'));
  const url = postgres ? TEST_DATABASE_URL : `sqlite:${join(folder!, 'test.sqlite')}`;
  if (schema) await withPg(url, (client) => client.query(`CREATE SCHEMA ${schema}`));
  let db: DataSource | undefined;
  // A DataSource's migrations are fixed when it is made: each step opens one with the migrations it runs.
  const open = async (subset: Function[], withEntities: Function[]) => {
    await db?.destroy();
    db = await new DataSource(dataSourceOptions(url, withEntities, subset, schema)).initialize(); // runs them (migrationsRun)
  };
  const opened = () => {
    if (!db) throw new Error('migrateUntil() first');
    return db;
  };
  return {
    get db() {
      return opened();
    },
    migrateUntil: (name) => open(migrations.filter((m) => timestamp(m.name) < timestamp(name)), []),
    migrateAll: () => open(migrations, entities),
    async insert(table, row) {
      const columns = Object.keys(row);
      const statement = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `:${c}`).join(', ')})`;
      const [text, params] = opened().driver.escapeQueryWithParameters(statement, row);
      await opened().query(text, params);
    },
    async close() {
      await db?.destroy();
      if (schema) await withPg(url, (client) => client.query(`DROP SCHEMA ${schema} CASCADE`));
      if (folder) rmSync(folder, { recursive: true, force: true });
    },
  };
}

export async function withPg<T>(connectionString: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Polls until the check passes (returns its value) or fails after the timeout with the last error. */
export async function waitFor<T>(check: () => Promise<T> | T, timeoutMs = 5000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}

/** Resolves with the next payload of an event on a socket. */
export function nextEvent<T = any>(socket: Socket, event: string, predicate: (payload: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (socket.off(event, handler), reject(new Error(`no "${event}" event within ${timeoutMs} ms`))), timeoutMs);
    const handler = (payload: T) => {
      if (!predicate(payload)) return;
      clearTimeout(timer);
      socket.off(event, handler);
      resolve(payload);
    };
    socket.on(event, handler);
  });
}

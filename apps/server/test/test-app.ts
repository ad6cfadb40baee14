import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { AppConfig } from '@lc/platform/server';
import { createApp } from '../src/app.factory';
import { configFromEnv } from '../src/config';

process.env.PASSWORD_HASH_COST ??= '1024';

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

export function connectSocket(url: string, auth: Record<string, unknown>, sockets: Socket[] = []): Promise<Socket> {
  const socket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(error));
  });
}

/** Boots the real application (every module, migrations, guards, pipes) on a throwaway database. */
export async function createTestApp(overrides: Partial<AppConfig> = {}, env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const databaseUrl = env.DATABASE_URL ?? TEST_DATABASE_URL;
  // PostgreSQL: each app gets a throwaway schema, unless the caller shares one on purpose.
  const schema = databaseUrl.startsWith('postgres') && !overrides.postgresSchema ? `t_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}` : undefined;
  if (schema) await withPg(databaseUrl, (client) => client.query(`CREATE SCHEMA ${schema}`));
  const config = configFromEnv({ DEMO_DATA: '0', ...env, DATABASE_URL: databaseUrl }, { postgresSchema: schema, ...overrides });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const http = request(app.getHttpServer());
  const login = async (loginName: string, password: string) => {
    const res = await http.post('/api/auth/login').send({ login: loginName, password }).expect(200);
    return res.body.token as string;
  };
  const adminToken = await login('admin', config.adminPassword);
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${address.port}`;
  const sockets: Socket[] = [];
  return {
    url,
    connect: (auth) => connectSocket(url, auth, sockets),
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

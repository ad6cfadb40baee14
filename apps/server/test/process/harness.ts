import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';

/** The server `npm start` runs, compiled by `npm run build` (LC_SERVER_MAIN: another build of it). */
export const SERVER_MAIN = process.env.LC_SERVER_MAIN || resolve(__dirname, '../../../../dist/server/apps/server/src/main.js');
export const POSTGRES_URL = process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

export function requireBuild(): void {
  if (!existsSync(SERVER_MAIN)) throw new Error(`${SERVER_MAIN} is missing: run npm run build first`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
    server.on('error', reject);
  });
}

export interface ServerProcess {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  /** Everything the process printed (for failure messages). */
  output(): string;
  /** Resolves with the exit code or signal once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node dist/.../main.js` with the given environment and waits until /api/health answers. */
export async function startServer(name: string, env: Record<string, string>, port?: number): Promise<ServerProcess> {
  requireBuild();
  port ??= await freePort();
  const child = spawn(process.execPath, [SERVER_MAIN], {
    env: { PATH: process.env.PATH ?? '', PASSWORD_HASH_COST: '1024', DEMO_DATA: '0', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  let alive = true;
  void exited.then(() => (alive = false));
  for (;;) {
    if (!alive) throw new Error(`${name} exited while starting:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not become healthy within 60 s:\n${output}`);
    }
    await sleep(100);
  }
  return {
    name,
    port,
    url,
    child,
    output: () => output,
    exited,
    kill(signal) {
      if (alive) child.kill(signal);
      return exited;
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A small JSON client for one server. */
export class Api {
  constructor(readonly url: string) {}

  async call(method: string, path: string, options: { token?: string; visitorToken?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (options.visitorToken) headers['X-Visitor-Token'] = options.visitorToken;
    const res = await fetch(`${this.url}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await res.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body };
  }

  async ok(method: string, path: string, options: Parameters<Api['call']>[2] = {}, expected = [200, 201]): Promise<any> {
    const res = await this.call(method, path, options);
    if (!expected.includes(res.status)) throw new Error(`${method} ${path} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async login(login: string, password: string): Promise<string> {
    return (await this.ok('POST', '/api/auth/login', { body: { login, password } })).token;
  }

  async createUser(adminToken: string, login: string, groups: string[]): Promise<{ id: number; token: string }> {
    const user = await this.ok('POST', '/api/users', { token: adminToken, body: { login, name: `User ${login}`, password: 'password1', groups } });
    return { id: user.id, token: await this.login(login, 'password1') };
  }
}

const openSockets = new Set<Socket>();

/** A socket.io client like the shell's and the widget's (websocket transport); resolves once connected. */
export function connect(url: string, auth: Record<string, unknown>, options: { reconnection?: boolean } = {}): Promise<Socket> {
  const socket = io(url, { auth, transports: ['websocket'], reconnection: options.reconnection ?? false, forceNew: true, timeout: 5000 });
  openSockets.add(socket);
  return new Promise((done, reject) => {
    socket.once('connect', () => done(socket));
    socket.once('connect_error', (error) => reject(error));
  });
}

export function closeSockets(): void {
  for (const socket of openSockets) socket.disconnect();
  openSockets.clear();
}

export async function waitFor<T>(check: () => Promise<T> | T, timeoutMs = 10_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(intervalMs);
    }
  }
}

export const uniqueName = (prefix: string) => `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}`;

/** Resolves with the next payload of an event on a socket that passes the predicate. */
export function nextEvent<T = any>(socket: Socket, event: string, predicate: (payload: T) => boolean = () => true, timeoutMs = 10_000): Promise<T> {
  return new Promise((done, reject) => {
    const timer = setTimeout(() => (socket.off(event, handler), reject(new Error(`no "${event}" event within ${timeoutMs} ms`))), timeoutMs);
    const handler = (payload: T) => {
      if (!predicate(payload)) return;
      clearTimeout(timer);
      socket.off(event, handler);
      done(payload);
    };
    socket.on(event, handler);
  });
}

/** Every message of a conversation, oldest first, paging the operator's history API. */
export async function allMessages(api: Api, token: string, conversationId: number): Promise<any[]> {
  const all: any[] = [];
  let before: number | undefined;
  for (;;) {
    const page: any[] = await api.ok('GET', `/api/discuss/conversations/${conversationId}/messages?limit=100${before ? `&before=${before}` : ''}`, { token });
    all.push(...page);
    if (page.length < 100) break;
    before = page[page.length - 1].id;
  }
  return all.reverse();
}

/** Drops a test run's PostgreSQL schema (after its processes are gone). */
export async function dropSchema(schema: string): Promise<void> {
  const client = new Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

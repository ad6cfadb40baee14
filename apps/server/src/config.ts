import { availableParallelism } from 'node:os';
import type { AppConfig, RateLimits } from '@lc/platform/server';

/** What a caller (a test) sets over the environment; rate limits merge field by field. */
export type ConfigOverrides = Partial<Omit<AppConfig, 'rateLimits'>> & { rateLimits?: Partial<RateLimits> };

const FALSY = new Set(['0', 'false', 'off', 'no']);

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

function schemaFromEnv(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(raw)) throw new Error(`DATABASE_SCHEMA must be a lower-case SQL identifier, got "${raw}"`);
  return raw;
}

function smtpUrlFromEnv(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('SMTP_URL must be an smtp:// or smtps:// URL');
  }
  // The URL may hold a password: never echo it.
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`SMTP_URL must be an smtp:// or smtps:// URL, got a ${url.protocol} URL`);
  return raw;
}

function originFromEnv(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PUBLIC_URL must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`PUBLIC_URL must be an http(s) URL, got "${raw}"`);
  return url.origin;
}

function metricsPortFromEnv(raw: string | undefined, publicPort: number): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`METRICS_PORT must be a port number, got "${raw}"`);
  if (port === publicPort) throw new Error('METRICS_PORT must differ from PORT: metrics are never served on the public port');
  return port;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env, defaults: ConfigOverrides = {}): AppConfig {
  const { rateLimits, ...rest } = defaults;
  return {
    port: intFromEnv(env, 'PORT', 8069),
    databaseUrl: env.DATABASE_URL || 'sqlite:data/livechat.sqlite',
    redisUrl: env.REDIS_URL || undefined,
    redisKeyPrefix: env.REDIS_KEY_PREFIX || undefined,
    postgresSchema: schemaFromEnv(env.DATABASE_SCHEMA),
    publicOrigin: originFromEnv(env.PUBLIC_URL),
    trustProxy: env.TRUST_PROXY || 'loopback',
    countryHeader: env.COUNTRY_HEADER?.trim().toLowerCase() || undefined,
    smtpUrl: smtpUrlFromEnv(env.SMTP_URL),
    mailFrom: env.MAIL_FROM || 'livechat@localhost',
    metricsPort: metricsPortFromEnv(env.METRICS_PORT, intFromEnv(env, 'PORT', 8069)),
    metricsHost: env.METRICS_HOST || '127.0.0.1',
    extraModulePaths: (env.MODULES_PATH ?? '').split(':').filter(Boolean),
    adminPassword: env.ADMIN_PASSWORD || 'admin',
    demoData: env.DEMO_DATA === undefined ? (defaults.demoData ?? true) : !FALSY.has(env.DEMO_DATA.toLowerCase()),
    inactivityTimeoutS: intFromEnv(env, 'LIVECHAT_INACTIVITY_TIMEOUT_S', 1800),
    sessionIdleEndS: intFromEnv(env, 'LIVECHAT_SESSION_IDLE_END_S', 3600),
    presenceOfflineGraceS: intFromEnv(env, 'PRESENCE_OFFLINE_GRACE_S', 60),
    rateLimits: {
      visitorSessionStartsPerMinute: intFromEnv(env, 'RATE_LIMIT_VISITOR_SESSIONS_PER_MIN', 10),
      visitorMessagesPer10s: intFromEnv(env, 'RATE_LIMIT_VISITOR_MESSAGES_PER_10S', 30),
      failedLoginsPerMinute: intFromEnv(env, 'RATE_LIMIT_FAILED_LOGINS_PER_MIN', 10),
      socketEventsPerSecond: intFromEnv(env, 'RATE_LIMIT_SOCKET_EVENTS_PER_S', 20),
      loginAttemptsPerMinute: intFromEnv(env, 'RATE_LIMIT_LOGIN_ATTEMPTS_PER_MIN', 30),
      // A hash takes a core for ~100 ms: leave one core to the event loop (on 2 cores, one hash at a time).
      concurrentPasswordHashes: intFromEnv(env, 'LOGIN_CONCURRENT_HASHES', Math.min(4, Math.max(1, availableParallelism() - 1))),
      queuedPasswordHashes: intFromEnv(env, 'LOGIN_QUEUED_HASHES', 8),
      socketsPerVisitorToken: intFromEnv(env, 'RATE_LIMIT_SOCKETS_PER_VISITOR', 10),
      socketsPerAddress: intFromEnv(env, 'RATE_LIMIT_SOCKETS_PER_ADDRESS', 200),
      typingEventsPerSecond: intFromEnv(env, 'RATE_LIMIT_TYPING_PER_S', 2),
      transcriptMailsPerSession: intFromEnv(env, 'RATE_LIMIT_TRANSCRIPT_MAILS_PER_SESSION', 3),
      transcriptMailsPerHour: intFromEnv(env, 'RATE_LIMIT_TRANSCRIPT_MAILS_PER_HOUR', 10),
      visitorPagesPerMinute: intFromEnv(env, 'RATE_LIMIT_VISITOR_PAGES_PER_MIN', 30),
      reportsPerMinute: intFromEnv(env, 'RATE_LIMIT_REPORTS_PER_MIN', 60),
      ...rateLimits,
    },
    ...rest,
  };
}

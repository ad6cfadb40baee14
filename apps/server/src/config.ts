import type { AppConfig } from '@lc/platform/server';

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

export function configFromEnv(env: NodeJS.ProcessEnv = process.env, defaults: Partial<AppConfig> = {}): AppConfig {
  return {
    port: intFromEnv(env, 'PORT', 8069),
    databaseUrl: env.DATABASE_URL || 'sqlite:data/livechat.sqlite',
    redisUrl: env.REDIS_URL || undefined,
    redisKeyPrefix: env.REDIS_KEY_PREFIX || undefined,
    postgresSchema: schemaFromEnv(env.DATABASE_SCHEMA),
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
    },
    ...defaults,
  };
}

/** Runtime configuration, read once from the environment (see DESIGN.md "Configuration"). */
export interface AppConfig {
  port: number;
  databaseUrl: string;
  redisUrl?: string;
  /** Prefix of the socket.io Redis adapter's channels (env REDIS_KEY_PREFIX; default `socket.io`), to keep deployments sharing one Redis apart. */
  redisKeyPrefix?: string;
  adminPassword: string;
  demoData: boolean;
  inactivityTimeoutS: number;
  sessionIdleEndS: number;
  /** A user with no open connection for this long becomes offline (a reload must not flip anyone offline). */
  presenceOfflineGraceS: number;
  /** Folder of the built web shell (served at /), if any. */
  webRoot?: string;
  /** Extra folders of modules besides the built-in modules/ (Odoo's addons path; env MODULES_PATH, colon-separated). */
  extraModulePaths: string[];
  /** Rate limits, configurable for tests. */
  rateLimits: RateLimits;
  /** PostgreSQL schema holding the tables (env DATABASE_SCHEMA; created if missing). Default: the server's search_path (public). */
  postgresSchema?: string;
}

export interface RateLimits {
  visitorSessionStartsPerMinute: number;
  visitorMessagesPer10s: number;
  failedLoginsPerMinute: number;
  socketEventsPerSecond: number;
}

/** Injection token of the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');

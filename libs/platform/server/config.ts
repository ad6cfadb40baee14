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
  /** Folder of the built web shell (served at /web), if any. */
  webRoot?: string;
  /** Extra folders of modules besides the built-in modules/ (Odoo's addons path; env MODULES_PATH, colon-separated). */
  extraModulePaths: string[];
  /** Rate limits, configurable for tests. */
  rateLimits: RateLimits;
  /** The shell's public origin (env PUBLIC_URL, e.g. https://chat.example.com); unset: the Host a request was sent to. */
  publicOrigin?: string;
  /** Express's `trust proxy` (env TRUST_PROXY): which hops' X-Forwarded-For to believe; default loopback. */
  trustProxy: string;
  /** The header a trusted proxy or CDN sets with the client's country (env COUNTRY_HEADER, e.g. CF-IPCountry); unset: countries unknown. */
  countryHeader?: string;
  /** PostgreSQL schema holding the tables (env DATABASE_SCHEMA; created if missing). Default: the server's search_path (public). */
  postgresSchema?: string;
  /** Outgoing mail server (env SMTP_URL, e.g. smtp://user:pass@host:587); unset: no email features. */
  smtpUrl?: string;
  /** The sender of outgoing mail (env MAIL_FROM). */
  mailFrom: string;
  /** Port of the Prometheus metrics (env METRICS_PORT); unset: none served. Never the public port. */
  metricsPort?: number;
  /** Address the metrics listen on (env METRICS_HOST, default 127.0.0.1: only this machine's scraper). */
  metricsHost: string;
}

export interface RateLimits {
  visitorSessionStartsPerMinute: number;
  visitorMessagesPer10s: number;
  /** Failed sign-ins a minute per login and client address. */
  failedLoginsPerMinute: number;
  /** Sign-in attempts a minute per client address, counted before any password is hashed. */
  loginAttemptsPerMinute: number;
  /** Password hashes running at once in one process, and sign-ins waiting for one (over both: 429). */
  concurrentPasswordHashes: number;
  queuedPasswordHashes: number;
  /** Open sockets per visitor token, and per client address. */
  socketsPerVisitorToken: number;
  socketsPerAddress: number;
  /** Typing events relayed per second, per author and conversation. */
  typingEventsPerSecond: number;
  socketEventsPerSecond: number;
  /** Transcript mails a visitor may ask for per session (a day). */
  transcriptMailsPerSession: number;
  /** Transcript mails an hour to one recipient address, and asked for from one client address. */
  transcriptMailsPerHour: number;
  /** Pages a visitor reports a minute per session (the widget reports each page they open). */
  visitorPagesPerMinute: number;
  /** Reports a minute per user (each one aggregates up to a year of sessions). */
  reportsPerMinute: number;
}

/** Injection token of the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');

import type { OnApplicationShutdown } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { createClient } from 'redis';
import { RateLimiters, type AppConfig, type RateLimitOptions } from '@lc/platform/server';

type RedisClient = ReturnType<typeof createClient>;

export class HostRateLimiters extends RateLimiters implements OnApplicationShutdown {
  constructor(
    private readonly redis?: RedisClient,
    private readonly prefix = '',
  ) {
    super();
  }

  /** Connects to Redis when the configuration has it. */
  static async fromConfig(config: AppConfig): Promise<HostRateLimiters> {
    if (!config.redisUrl) return new HostRateLimiters();
    // Loaded only with REDIS_URL: a single process never loads the Redis client (~15 MB of RSS).
    const client = (require('redis') as typeof import('redis')).createClient({ url: config.redisUrl });
    client.on('error', (err) => console.error(`Redis (rate limits): ${err.message}`));
    await client.connect();
    return new HostRateLimiters(client, config.redisKeyPrefix ?? '');
  }

  create(options: RateLimitOptions): RateLimiterAbstract {
    if (!this.redis) return new RateLimiterMemory(options);
    // If Redis fails, each process keeps limiting on its own rather than letting everything through.
    return new RateLimiterRedis({ ...options, keyPrefix: `${this.prefix}rl:${options.keyPrefix}`, storeClient: this.redis, useRedisPackage: true, insuranceLimiter: new RateLimiterMemory(options) });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}

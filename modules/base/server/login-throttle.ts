import { Inject, Injectable } from '@nestjs/common';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { APP_CONFIG, consumeOrThrow, RateLimiters, TooManyRequestsException, type AppConfig } from '@lc/platform/server';

/**
 * What a login spray may cost. Each check runs before the password is hashed, since hashing is the
 * expensive part (scrypt on libuv's thread pool, which also reads the files the server sends):
 * - attempts per client address (DESIGN: 30 a minute), counted whether they succeed or not;
 * - failures per login *and* address (10 a minute): a stranger failing as `admin` never locks out the
 *   real admin signing in from elsewhere;
 * - hashes at once in this process (a few, leaving a core and the thread pool to everything else), one at a
 *   time per address so that one client cannot take every slot; a short queue absorbs a burst of real
 *   sign-ins (an office behind one address at 9:00). Past the queue, or after waiting too long: 429.
 */
@Injectable()
export class LoginThrottle {
  private readonly attempts: RateLimiterAbstract;
  private readonly failures: RateLimiterAbstract;
  private readonly slots: HashSlots;

  constructor(@Inject(APP_CONFIG) config: AppConfig, limiters: RateLimiters) {
    this.attempts = limiters.create({ points: config.rateLimits.loginAttemptsPerMinute, duration: 60, keyPrefix: 'login-attempts' });
    this.failures = limiters.create({ points: config.rateLimits.failedLoginsPerMinute, duration: 60, keyPrefix: 'login-fail' });
    this.slots = new HashSlots(config.rateLimits.concurrentPasswordHashes, config.rateLimits.queuedPasswordHashes);
  }

  /**
   * Admits one sign-in attempt (or throws the 429) and runs `check` (the password hash) in a slot; a
   * failed check counts against the login and address.
   */
  async attempt<T>(login: string, address: string, check: () => Promise<T | null>): Promise<T> {
    await consumeOrThrow(this.attempts, address, 'base.tooManySignInAttempts');
    const key = failureKey(login, address);
    const failures = await this.failures.get(key);
    if (failures && failures.remainingPoints <= 0) throw new TooManyRequestsException('base.tooManyFailedSignIns', failures.msBeforeNext);
    const release = await this.slots.acquire(address);
    let result: T | null;
    try {
      result = await check();
    } finally {
      release();
    }
    if (result === null) {
      await this.failures.consume(key).catch(() => undefined);
      throw new WrongCredentials();
    }
    await this.failures.delete(key);
    return result;
  }
}

/** Longest wait in the queue for a hashing slot. */
const MAX_WAIT_MS = 3000;
/** Sign-ins of one address waiting at once (more are refused). */
const WAITING_PER_ADDRESS = 1;
const busy = () => new TooManyRequestsException('base.signInsBusy', 1000);

/** A counting semaphore for password hashes: `max` running (one per address), `maxWaiting` queued, first come first served. */
export class HashSlots {
  private readonly runningFor = new Set<string>();
  private readonly waiting: Array<{ address: string; start: () => void }> = [];

  constructor(
    private readonly max: number,
    private readonly maxWaiting: number,
  ) {}

  /** Resolves with the release function once a slot is this address's; rejects with the 429 when full or after waiting too long. */
  acquire(address: string): Promise<() => void> {
    if (this.canRun(address)) return Promise.resolve(this.start(address));
    if (this.waiting.length >= this.maxWaiting || this.waiting.filter((w) => w.address === address).length >= WAITING_PER_ADDRESS) return Promise.reject(busy());
    return new Promise((resolve, reject) => {
      const entry = {
        address,
        start: () => {
          clearTimeout(timer);
          resolve(this.start(address));
        },
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(entry), 1);
        reject(busy());
      }, MAX_WAIT_MS);
      this.waiting.push(entry);
    });
  }

  private canRun(address: string): boolean {
    return this.runningFor.size < this.max && !this.runningFor.has(address);
  }

  private start(address: string): () => void {
    this.runningFor.add(address);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.runningFor.delete(address);
      const next = this.waiting.findIndex((w) => this.canRun(w.address));
      if (next >= 0) this.waiting.splice(next, 1)[0].start();
    };
  }
}

/** Thrown by attempt() when the check found no match; the controller answers 401. */
export class WrongCredentials extends Error {}

const failureKey = (login: string, address: string) => `${login.toLowerCase()}|${address}`;

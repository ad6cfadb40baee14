import { RateLimiterMemory } from 'rate-limiter-flexible';
import { join } from 'node:path';
import { TooManyRequestsException, Translations, useErrorTexts, type AppConfig, type RateLimiters } from '@lc/platform/server';
import { LoginThrottle, WrongCredentials } from './login-throttle';

// The errors' English comes from this module's texts (the host hands them over at start-up).
beforeAll(() => useErrorTexts(Translations.fromFolders([join(__dirname, '../i18n')])));

const limiters = { create: (options: { points: number; duration: number; keyPrefix: string }) => new RateLimiterMemory(options) } as unknown as RateLimiters;
const throttle = (limits: Partial<AppConfig['rateLimits']> = {}) =>
  new LoginThrottle({ rateLimits: { failedLoginsPerMinute: 10, loginAttemptsPerMinute: 30, concurrentPasswordHashes: 2, queuedPasswordHashes: 0, ...limits } } as AppConfig, limiters);

/** A password check that stays running until released, standing for a slow hash. */
function pendingCheck(result: string | null = null) {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  let started = false;
  return { check: async () => ((started = true), await done, result), release: () => release(), get started() { return started; } };
}

describe('LoginThrottle', () => {
  it('counts attempts per address before hashing: the 31st is 429 and hashes nothing, even with the right password', async () => {
    const t = throttle();
    for (let i = 0; i < 30; i++) await t.attempt(`user${i}`, '203.0.113.1', async () => null).catch(() => undefined);
    const check = jest.fn(async () => 'user');
    await expect(t.attempt('admin', '203.0.113.1', check)).rejects.toBeInstanceOf(TooManyRequestsException);
    expect(check).not.toHaveBeenCalled();
    await expect(t.attempt('admin', '198.51.100.7', check)).resolves.toBe('user'); // another address is not affected
  });

  it('counts failures per login and address: a stranger failing as admin does not lock the real admin out', async () => {
    const t = throttle();
    for (let i = 0; i < 10; i++) await expect(t.attempt('admin', '203.0.113.1', async () => null)).rejects.toBeInstanceOf(WrongCredentials);
    await expect(t.attempt('admin', '203.0.113.1', async () => 'admin')).rejects.toThrow(/Too many failed sign-ins/);
    await expect(t.attempt('ADMIN', '203.0.113.1', async () => 'admin')).rejects.toThrow(/Too many failed sign-ins/); // logins compare case-insensitively
    await expect(t.attempt('admin', '198.51.100.7', async () => 'admin')).resolves.toBe('admin');
  });

  it('runs a bounded number of hashes at once, one per address; past it 429 with a one-second retry', async () => {
    const t = throttle({ concurrentPasswordHashes: 2 });
    const a = pendingCheck('a');
    const b = pendingCheck('b');
    const first = t.attempt('a', '203.0.113.1', a.check);
    await expect(t.attempt('x', '203.0.113.1', async () => 'x')).rejects.toMatchObject({ retryAfterS: 1 }); // same address, while its hash runs
    const second = t.attempt('b', '203.0.113.2', b.check);
    await new Promise((resolve) => setImmediate(resolve));
    expect(a.started && b.started).toBe(true);
    await expect(t.attempt('c', '203.0.113.3', async () => 'c')).rejects.toBeInstanceOf(TooManyRequestsException); // both slots taken
    a.release();
    b.release();
    await expect(Promise.all([first, second])).resolves.toEqual(['a', 'b']);
    await expect(t.attempt('c', '203.0.113.3', async () => 'c')).resolves.toBe('c'); // slots are given back
  });

  it('queues a burst briefly (one address, first come first served) and refuses past the queue', async () => {
    const t = throttle({ concurrentPasswordHashes: 1, queuedPasswordHashes: 2 });
    const a = pendingCheck('a');
    const order: string[] = [];
    const first = t.attempt('a', '203.0.113.1', async () => (order.push('a'), a.check()));
    const second = t.attempt('b', '203.0.113.1', async () => (order.push('b'), 'b')); // same address: waits its turn
    const third = t.attempt('c', '203.0.113.2', async () => (order.push('c'), 'c'));
    await expect(t.attempt('d', '203.0.113.3', async () => 'd')).rejects.toBeInstanceOf(TooManyRequestsException); // queue full
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['a']); // b and c wait while a hashes
    a.release();
    await expect(Promise.all([first, second, third])).resolves.toEqual(['a', 'b', 'c']);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('gives the slot back when the check throws', async () => {
    const t = throttle({ concurrentPasswordHashes: 1 });
    await expect(t.attempt('a', '203.0.113.1', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    await expect(t.attempt('a', '203.0.113.1', async () => 'a')).resolves.toBe('a');
  });
});

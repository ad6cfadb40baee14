import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCallback(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))));

/**
 * OWASP's scrypt minimum (N=2^17, r=8, p=1); the parameters are stored with the hash so they can grow.
 * PASSWORD_HASH_COST lowers it for test suites that create many users.
 */
const COST = Number(process.env.PASSWORD_HASH_COST) || 2 ** 17;
const KEY_LENGTH = 32;
const MAX_MEM = 256 * 1024 * 1024;

export async function hashPassword(password: string, cost = COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { N: cost, r: 8, p: 1, maxmem: MAX_MEM });
  return `scrypt$${cost}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, cost, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !cost || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(cost), r: 8, p: 1, maxmem: MAX_MEM });
  return timingSafeEqual(key, expected);
}

/** A hash that never matches, compared against when the login is unknown so timing does not tell. */
export const UNUSABLE_HASH = `scrypt$${COST}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEY_LENGTH).toString('base64')}`;

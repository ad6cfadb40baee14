/**
 * The checks every parsed input passes, from HTTP bodies and socket events alike: no nesting deeper than
 * any API shape needs (class-transformer overflowed the stack on thousands of levels: a 500), no NUL
 * character (PostgreSQL text cannot hold one: a half-written request), and no key that names a prototype
 * slot (`__proto__`, `constructor`, `prototype`), which the validation pipe would silently drop instead of
 * refusing as an unknown field.
 */
export const MAX_PAYLOAD_DEPTH = 32;
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Why the value is refused (naming the field), or undefined when it may go on to validation. */
export function payloadProblem(value: unknown, path = '', depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? `${path || 'body'}: NUL characters (\\u0000) are not allowed` : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  if (depth >= MAX_PAYLOAD_DEPTH) return `${path || 'body'}: nested deeper than ${MAX_PAYLOAD_DEPTH} levels`;
  for (const key of Object.keys(value)) {
    const at = path ? `${path}.${key}` : key;
    if (PROTOTYPE_KEYS.has(key)) return `property ${at} should not exist`;
    if (key.includes('\u0000')) return `${JSON.stringify(at)}: NUL characters (\\u0000) are not allowed`;
    const problem = payloadProblem((value as Record<string, unknown>)[key], at, depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * A raw JSON text nested deeper than the limit, found before JSON.parse builds it (a 64 kB body of `[`
 * would otherwise be parsed into 64,000 levels first).
 */
export function jsonTooDeep(buffer: Buffer): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buffer.length; i++) {
    const c = buffer[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_PAYLOAD_DEPTH) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

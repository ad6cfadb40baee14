// Product set-up through its public HTTP API: admin, a channel, operators, visitor sessions.
import { api, pool, visitorAddress } from './http.mjs';

const SETUP_CONCURRENCY = 20;
/** Operators sign in from 10.1.x.y upwards (visitors from 10.0.x.y). */
const OPERATOR_ADDRESSES = 1 << 16;

export async function adminAndChannel(base) {
  const admin = (await api(base, 'POST', '/api/auth/login', { body: { login: 'admin', password: 'admin' } })).token;
  const channel = await api(base, 'POST', '/api/livechat/channels', { token: admin, body: { name: 'Bench' } });
  return { admin, channelId: channel.id };
}

/** `count` operator users, each logged in: [{id, login, token}]. */
export function createOperators(base, admin, count, prefix = 'bench_op') {
  return pool(Array.from({ length: count }, (_, i) => `${prefix}_${i}`), SETUP_CONCURRENCY, async (login, i) => {
    const user = await api(base, 'POST', '/api/users', { token: admin, body: { login, name: login, password: 'benchmark', groups: ['livechat_operator'] } });
    // Each from an address of its own, as operators sign in: one address may only queue one sign-in at a time.
    const { token } = await api(base, 'POST', '/api/auth/login', { body: { login, password: 'benchmark' }, headers: { 'x-forwarded-for': visitorAddress(OPERATOR_ADDRESSES + i) } });
    return { id: user.id, login, token };
  });
}

export const joinChannel = (base, channelId, operators) =>
  pool(operators, SETUP_CONCURRENCY, (op) => api(base, 'POST', `/api/livechat/channels/${channelId}/join`, { token: op.token, body: {} }));

/** One visitor session start, as the widget does it (its own address). */
export const startSession = (base, channelId, i) =>
  api(base, 'POST', `/api/livechat/channels/${channelId}/sessions`, { body: {}, headers: { 'x-forwarded-for': visitorAddress(i) } });

/** `count` sessions started 20 at a time: [{sessionId, conversationId, visitorToken, status, operator}]. */
export const startSessions = (base, channelId, count) =>
  pool(Array.from({ length: count }, (_, i) => i), SETUP_CONCURRENCY, (i) => startSession(base, channelId, i));

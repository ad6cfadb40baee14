// Every knob of the bench, read once from the environment (README.md lists them).
export const PHASES = ['delivery', 'latency', 'throughput', 'memory', 'assignment', 'cluster', 'reports'];

const env = process.env;
const num = (name, fallback, { zeroOk = false } = {}) => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !zeroOk)) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
};

// [key in params, environment variable, value]; the env names are printed so a run can be repeated.
const table = [
  ['only', 'BENCH_ONLY', (env.BENCH_ONLY || PHASES.join(',')).split(',').map((s) => s.trim()).filter(Boolean)],
  ['conversations', 'BENCH_CONVERSATIONS', Math.round(num('BENCH_CONVERSATIONS', 1000))],
  ['rate', 'BENCH_RATE', num('BENCH_RATE', 1)],
  ['repeat', 'BENCH_REPEAT', Math.round(num('BENCH_REPEAT', 3))],
  ['durationS', 'BENCH_DURATION_S', num('BENCH_DURATION_S', 30)],
  ['warmUpS', 'BENCH_WARMUP_S', num('BENCH_WARMUP_S', 5, { zeroOk: true })],
  ['clients', 'BENCH_CLIENTS', Math.round(num('BENCH_CLIENTS', 2))],
  ['stepS', 'BENCH_STEP_S', num('BENCH_STEP_S', 10)],
  ['maxRate', 'BENCH_MAX_RATE', num('BENCH_MAX_RATE', 20000)],
  ['idle', 'BENCH_IDLE', Math.round(num('BENCH_IDLE', 10000))],
  ['operators', 'BENCH_OPERATORS', Math.round(num('BENCH_OPERATORS', 1000))],
  ['starts', 'BENCH_STARTS', Math.round(num('BENCH_STARTS', 1000))],
  ['clusterConversations', 'BENCH_CLUSTER_CONVERSATIONS', Math.round(num('BENCH_CLUSTER_CONVERSATIONS', num('BENCH_CONVERSATIONS', 1000)))],
  ['reportSessions', 'BENCH_REPORT_SESSIONS', Math.round(num('BENCH_REPORT_SESSIONS', 100_000))],
  ['reportMessages', 'BENCH_REPORT_MESSAGES', Math.round(num('BENCH_REPORT_MESSAGES', 1_000_000))],
  ['postgresUrl', 'BENCH_POSTGRES_URL', env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test'],
  ['redisUrl', 'BENCH_REDIS_URL', env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379'],
  ['serverNodeArgs', 'BENCH_SERVER_NODE_ARGS', (env.BENCH_SERVER_NODE_ARGS || '').split(/\s+/).filter(Boolean)],
  ['relayNodeArgs', 'BENCH_RELAY_NODE_ARGS', (env.BENCH_RELAY_NODE_ARGS || '').split(/\s+/).filter(Boolean)],
];

export const params = Object.fromEntries(table.map(([key, , value]) => [key, value]));

/** "BENCH_ONLY=latency BENCH_CONVERSATIONS=1000 ...", for the header of the output. */
export const describeParams = () =>
  table
    .map(([, name, value]) => [name, Array.isArray(value) ? value.join(name === 'BENCH_ONLY' ? ',' : ' ') : String(value)])
    .map(([name, text]) => `${name}=${/^[\w:/@.,=-]*$/.test(text) && text ? text : JSON.stringify(text)}`)
    .join(' ');

const unknown = params.only.filter((p) => !PHASES.includes(p));
if (unknown.length) throw new Error(`BENCH_ONLY: unknown phase(s) ${unknown.join(', ')}; choose from ${PHASES.join(',')}`);
if (params.clients < 1) throw new Error('BENCH_CLIENTS must be at least 1');

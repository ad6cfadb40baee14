// Figure 6: Live Chat → Reporting on a year of history (BENCH_REPORT_SESSIONS sessions with
// BENCH_REPORT_MESSAGES messages): GET /api/livechat/reports/sessions for the last 30 and 366 days, by day
// and by operator, in a zone with summer time (as a browser in Brussels asks), on SQLite and PostgreSQL.
// No baseline: the goal is an answer under 300 ms.
import pg from 'pg';
import { dropSchema, runId } from '../lib/backends.mjs';
import { api } from '../lib/http.mjs';
import { createPeople, generateHistory, writePostgres, writeSqlite } from '../lib/report-history.mjs';
import { cpuMs, startProduct, withServers } from '../lib/servers.mjs';
import { latencySummary, row } from '../lib/stats.mjs';

const TZ = 'Europe/Brussels';
const WARM_UP = 3;
const RUNS = 20;
const GOAL_MS = 300;

const day = (ms) => new Date(ms).toISOString().slice(0, 10);


/** The four timed reports, ending tomorrow (today included) as the Reporting page asks. */
function cases(nowMs) {
  const to = day(nowMs + 86_400_000);
  return [30, 366].flatMap((days) =>
    ['day', 'operator'].map((groupBy) => ({ name: `${days} days by ${groupBy}`, query: `from=${day(nowMs + 86_400_000 - days * 86_400_000)}&to=${to}&groupBy=${groupBy}&tz=${encodeURIComponent(TZ)}` })),
  );
}

/** While `work` runs, GET /api/health every 10 ms: the longest answer tells whether the reports hold up other requests. */
async function probed(url, work) {
  let running = true;
  let longest = 0;
  const probe = (async () => {
    while (running) {
      const t0 = performance.now();
      await fetch(`${url}/api/health`).then((r) => r.arrayBuffer());
      longest = Math.max(longest, performance.now() - t0);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  try {
    return { result: await work(), longestHealthMs: longest };
  } finally {
    running = false;
    await probe;
  }
}

async function timeReports(server, admin, log, label) {
  const results = [];
  for (const { name, query } of cases(Date.now())) {
    const get = async () => {
      const t0 = performance.now();
      const res = await fetch(`${server.url}/api/livechat/reports/sessions?${query}`, { headers: { authorization: `Bearer ${admin}` } });
      const body = await res.json();
      if (!res.ok) throw new Error(`report ${name} -> ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      return { ms: performance.now() - t0, sessions: body.totals.sessions };
    };
    for (let i = 0; i < WARM_UP; i++) await get();
    const cpuBefore = cpuMs(server.pid);
    const { result: runs, longestHealthMs } = await probed(server.url, async () => {
      const list = [];
      for (let i = 0; i < RUNS; i++) list.push(await get());
      return list;
    });
    // The server's own CPU per report (the health probes' share is small); PostgreSQL's work is in its own processes.
    const serverCpuMs = (cpuMs(server.pid) - cpuBefore) / RUNS;
    const summary = latencySummary(runs.map((r) => r.ms));
    log(`${label}: ${name} (${runs[0].sessions} sessions): p50 ${summary.p50.toFixed(1)} ms, max ${summary.max.toFixed(1)} ms, server CPU ${serverCpuMs.toFixed(0)} ms each; GET /api/health meanwhile at most ${longestHealthMs.toFixed(1)} ms`);
    results.push({ name, sessions: runs[0].sessions, ...summary, serverCpuMs, longestHealthMs });
  }
  return results;
}

/** Seeds the history into a started product, then times the reports. */
async function measure(server, params, write, log, label) {
  const admin = (await api(server.url, 'POST', '/api/auth/login', { body: { login: 'admin', password: 'admin' } })).token;
  const t0 = performance.now();
  const people = await createPeople(server.url, admin, 20);
  const history = generateHistory({ sessions: params.reportSessions, messages: params.reportMessages, days: 365, endMs: Date.now(), ...people });
  await write(history);
  // The writing held this process's event loop: let it see the keep-alive connections the server closed meanwhile.
  await new Promise((r) => setTimeout(r, 200));
  log(`${label}: ${history.length} sessions and ${history.reduce((n, s) => n + s.messages.length, 0)} messages written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return timeReports(server, admin, log, label);
}

export async function reports({ params, dir, log }) {
  const rows = [];
  const notes = [];
  const details = {};
  const record = (label, results) => {
    details[label] = results;
    for (const r of results) {
      rows.push(row(`reports ${label}, ${r.name}, p50`, r.p50, null, 'ms', 1), row(`reports ${label}, ${r.name}, max`, r.max, null, 'ms', 1));
      rows.push(row(`reports ${label}, ${r.name}, server CPU per report`, r.serverCpuMs, null, 'ms', 0));
      rows.push(row(`reports ${label}, ${r.name}, longest /api/health meanwhile`, r.longestHealthMs, null, 'ms', 1));
      if (r.max > GOAL_MS) notes.push(`reports ${label}: ${r.name} took up to ${r.max.toFixed(0)} ms (goal ${GOAL_MS} ms)`);
    }
  };

  const file = `${dir}/reports.sqlite`;
  record('SQLite', await withServers([() => startProduct('product (SQLite)', { DATABASE_URL: `sqlite:${file}`, RATE_LIMIT_REPORTS_PER_MIN: '100000' })], (server) =>
    measure(server, params, async (history) => writeSqlite(file, history), log, 'SQLite'),
  ));

  const reason = await postgresUnreachable(params.postgresUrl);
  if (reason) {
    log(`PostgreSQL skipped: ${reason}`);
    rows.push(row('reports PostgreSQL', 'skipped', null, ''));
    notes.push(`reports on PostgreSQL skipped: ${reason}`);
    return { rows, notes, details };
  }
  const schema = `bench_${runId()}`;
  try {
    record('PostgreSQL', await withServers([() => startProduct('product (PostgreSQL)', { DATABASE_URL: params.postgresUrl, DATABASE_SCHEMA: schema, RATE_LIMIT_REPORTS_PER_MIN: '100000' })], (server) =>
      measure(server, params, (history) => writePostgres(params.postgresUrl, schema, history), log, 'PostgreSQL'),
    ));
  } finally {
    await dropSchema(params.postgresUrl, schema);
    log(`dropped schema ${schema}`);
  }
  return { rows, notes, details };
}

async function postgresUnreachable(url) {
  const db = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await db.connect();
    return null;
  } catch (error) {
    return `PostgreSQL at ${url} not reachable: ${error.message}`;
  } finally {
    await db.end().catch(() => undefined);
  }
}

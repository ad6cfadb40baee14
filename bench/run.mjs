// npm run bench: starts what it measures (the built product server and a plain socket.io relay as the baseline),
// drives both with the same client code from separate processes, and prints one table with product/relay ratios.
// BENCH_ONLY picks phases; README.md explains every figure and variable.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { describeParams, params, PHASES } from './lib/params.mjs';
import { root } from './lib/servers.mjs';
import { formatTable, row } from './lib/stats.mjs';
import { assignment } from './phases/assignment.mjs';
import { cluster } from './phases/cluster.mjs';
import { delivery } from './phases/delivery.mjs';
import { latency } from './phases/latency.mjs';
import { memory } from './phases/memory.mjs';
import { reports } from './phases/reports.mjs';
import { throughput } from './phases/throughput.mjs';

const phases = { delivery, latency, throughput, memory, assignment, cluster, reports };
const started = performance.now();
const log = (message) => console.log(`  [${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

function machine() {
  const cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model;
  const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  let commit = 'unknown';
  try {
    commit = git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain') ? ' + uncommitted changes' : '');
  } catch {}
  return { cpu, cores: cpus().length, memoryGb: +(totalmem() / 2 ** 30).toFixed(1), node: process.version, commit };
}

const info = machine();
console.log(`bench: ${info.cpu}, ${info.cores} cores, ${info.memoryGb} GB; node ${info.node}; commit ${info.commit}`);
console.log(`  clients and servers share this machine's ${info.cores} cores: the figures include the clients' CPU use`);
console.log(`  parameters: ${describeParams()}`);

const dir = mkdtempSync(join(tmpdir(), 'lc-bench-'));
const rows = [];
const notes = [];
const details = {};
let failed = false;
for (const name of PHASES.filter((p) => params.only.includes(p))) {
  console.log(`\n== ${name} ==`);
  try {
    const result = await phases[name]({ params, dir, log });
    rows.push(...result.rows);
    notes.push(...(result.notes ?? []));
    details[name] = result.details;
  } catch (error) {
    failed = true;
    console.error(error);
    rows.push(row(`${name}: FAILED`, 'failed', 'failed', ''));
    notes.push(`${name} failed: ${String(error?.message ?? error).split('\n')[0]}`);
    details[name] = { error: String(error?.stack ?? error) };
  }
}
if (process.env.BENCH_KEEP) console.log(`kept: ${dir}`);
else rmSync(dir, { recursive: true, force: true });

console.log(`\n${formatTable(rows)}`);
console.log(`\nratio = product / relay. Clients and servers ran on the same ${info.cores}-core machine.`);
for (const note of notes) console.log(`note: ${note}`);
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/latest.json'), JSON.stringify({ date: new Date().toISOString(), machine: info, params, rows, notes, details }, null, 2));
console.log(`results: bench/results/latest.json (${((performance.now() - started) / 1000).toFixed(0)} s)`);
process.exit(failed ? 1 : 0);

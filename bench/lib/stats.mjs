// Percentiles, spread, and the final table.

/** Nearest-rank percentile of an ascending array (NaN when empty). */
export const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

export const sortNumbers = (values) => Float64Array.from(values).sort();

export function latencySummary(latencies) {
  const sorted = sortNumbers(latencies);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.length ? sorted[sorted.length - 1] : NaN, count: sorted.length };
}

export function spread(values) {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const stddev = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
  return { min: Math.min(...values), max: Math.max(...values), mean, stddev };
}

/** One row of the table; product/relay are numbers, null (no counterpart: '-') or a string (e.g. 'skipped'). */
export const row = (figure, product, relay, unit, digits = 1) => ({ figure, product, relay, unit, digits });

const show = (value, digits) => (typeof value === 'number' ? (Number.isFinite(value) ? value.toFixed(digits) : String(value)) : (value ?? '-'));
const ratio = (p, r) => (typeof p === 'number' && typeof r === 'number' && r !== 0 && Number.isFinite(p / r) ? `${(p / r).toFixed(2)}x` : '-');

export function formatTable(rows) {
  const lines = [['figure', 'product', 'relay', 'unit', 'ratio'], ...rows.map((r) => [r.figure, show(r.product, r.digits), show(r.relay, r.digits), r.unit, ratio(r.product, r.relay)])];
  const widths = lines[0].map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  const format = (l) => l.map((cell, c) => (c === 0 || c === 3 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [format(lines[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.slice(1).map(format)].join('\n');
}

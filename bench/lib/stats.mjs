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

/** The value, and the spread of the repeats when there were several: `12.3 (11.0–14.2)`. */
const withRange = (value, range, digits) => show(value, digits) + (range ? ` (${show(range[0], digits)}–${show(range[1], digits)})` : '');

export function formatTable(rows) {
  const lines = [['figure', 'product', 'relay', 'unit', 'ratio'], ...rows.map((r) => [r.figure, withRange(r.product, r.productRange, r.digits), withRange(r.relay, r.relayRange, r.digits), r.unit, ratio(r.product, r.relay)])];
  const widths = lines[0].map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  const format = (l) => l.map((cell, c) => (c === 0 || c === 3 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [format(lines[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.slice(1).map(format)].join('\n');
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values) {
  const sorted = sortNumbers(values);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * A row from repeated runs: the median of each side, with its spread (min–max) shown beside it.
 * `pick(run)` is the figure of one run; `total` adds the runs up instead (errors, lost).
 */
export function repeatedRow(figure, productRuns, relayRuns, pick, unit, digits = 1, { total = false } = {}) {
  const side = (runs) => {
    if (!runs) return { value: null };
    const values = runs.map(pick);
    if (total) return { value: values.reduce((a, b) => a + b, 0) };
    return { value: median(values), range: values.length > 1 ? [Math.min(...values), Math.max(...values)] : undefined };
  };
  const p = side(productRuns);
  const r = side(relayRuns);
  return { ...row(figure, p.value, r.value, unit, digits), ...(p.range && { productRange: p.range }), ...(r.range && { relayRange: r.range }) };
}

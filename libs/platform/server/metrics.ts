/** A count that only grows (Prometheus counter; name it `…_total`). */
export interface CounterMetric {
  inc(value?: number): void;
}

/** A distribution (Prometheus histogram), e.g. latencies in seconds. */
export interface HistogramMetric {
  observe(value: number): void;
}

export interface MetricOptions {
  /** lower_snake_case, prefixed with the module's name (`discuss_messages_stored_total`); base units (seconds, bytes). */
  name: string;
  help: string;
}

/**
 * The process's Prometheus metrics (the host provides it, and serves them on METRICS_PORT only). A module
 * declares its own once, at construction, and updates them on its paths; a gauge is read when scraped.
 * Each process counts its own: Prometheus sums them over the processes.
 */
export abstract class Metrics {
  abstract counter(options: MetricOptions): CounterMetric;
  /** `buckets`: upper bounds, ascending, in the metric's unit. */
  abstract histogram(options: MetricOptions & { buckets: number[] }): HistogramMetric;
  /** `read` is asked at every scrape (it may read the database: keep it to one indexed query). */
  abstract gauge(options: MetricOptions & { read: () => number | Promise<number> }): void;
}

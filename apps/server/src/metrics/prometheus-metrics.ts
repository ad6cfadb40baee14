import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { APP_CONFIG, Metrics, type AppConfig, type CounterMetric, type HistogramMetric, type MetricOptions } from '@lc/platform/server';

/**
 * The platform's Metrics with prom-client. With METRICS_PORT, the process's default metrics (CPU, memory,
 * GC, event-loop lag, handles) are collected too, and everything is served as Prometheus text at
 * `GET /metrics` on METRICS_HOST:METRICS_PORT, a listener of its own: never on the public port.
 */
@Injectable()
export class PrometheusMetrics extends Metrics implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  readonly registry = new Registry();
  private server?: Server;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
    if (config.metricsPort !== undefined) collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
  }

  counter({ name, help }: MetricOptions): CounterMetric {
    return new Counter({ name, help, registers: [this.registry] });
  }

  histogram({ name, help, buckets }: MetricOptions & { buckets: number[] }): HistogramMetric {
    return new Histogram({ name, help, buckets, registers: [this.registry] });
  }

  gauge({ name, help, read }: MetricOptions & { read: () => number | Promise<number> }): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      async collect() {
        this.set(await read());
      },
    });
  }

  /** Where the metrics listen (a test asks for port 0 and reads the one given). */
  address(): AddressInfo | undefined {
    return (this.server?.address() as AddressInfo | null) ?? undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.metricsPort === undefined) return;
    this.server = createServer((req, res) => {
      if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found: GET /metrics');
        return;
      }
      this.registry.metrics().then(
        (text) => res.writeHead(200, { 'Content-Type': this.registry.contentType }).end(text),
        (error) => {
          this.logger.error(`metrics: ${error}`);
          res.writeHead(500, { 'Content-Type': 'text/plain' }).end('metrics failed');
        },
      );
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.config.metricsPort, this.config.metricsHost, () => resolve());
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server?.listening ? this.server.close(() => resolve()) : resolve()));
  }
}

/**
 * Prometheus metrics (prom-client): one Registry per app instance, never the library's global
 * one, so several APIs and workers started in one process (tests do) each report only their
 * own numbers. Every registry carries the process metrics (memory, CPU, event loop lag) and a
 * common `app` label. Who may read `/metrics` is decided in metrics-access.ts.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export { Counter, Gauge, Histogram, Registry };

/** Which app a registry belongs to: its `app` label. */
export type MetricsApp = 'api' | 'worker';

export interface MetricsRegistryOptions {
  app: MetricsApp;
  /**
   * Also report the process metrics (`process_*`, `nodejs_*`).
   * @defaultValue true
   */
  processMetrics?: boolean;
}

/** A fresh registry labelled `app`, with the process metrics unless told otherwise. */
export function createMetricsRegistry(options: MetricsRegistryOptions): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ app: options.app });
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  return registry;
}

/** Buckets for durations in seconds, from 5 ms to 1 min. */
export const DURATION_BUCKETS_SECONDS = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
] as const;

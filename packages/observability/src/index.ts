/** Logging and Prometheus metrics shared by every app. */
export { createLogger, type Logger, type LoggerOptions } from './logger.js';
export { installCrashPolicy, type CrashPolicy, type CrashPolicyOptions } from './crash-policy.js';
export { addToLogContext, currentLogContext, withLogContext, type LogContext } from './log-context.js';
export {
  Counter,
  DURATION_BUCKETS_SECONDS,
  Gauge,
  Histogram,
  Registry,
  createMetricsRegistry,
  type MetricsApp,
  type MetricsRegistryOptions,
} from './metrics.js';
export {
  METRICS_REFUSALS,
  decideMetricsAccess,
  describeMetricsAccess,
  metricsAccess,
  type MetricsAccess,
  type MetricsAccessSettings,
  type MetricsDecision,
} from './metrics-access.js';

/** Metrics helpers: a registry of its own per instance (never the global one), and the bearer check. */
import { describe, expect, it } from 'vitest';
import { register as globalRegistry } from 'prom-client';
import { Counter, createMetricsRegistry, metricsAuthorized } from '../src/index.js';

describe('createMetricsRegistry', () => {
  it('gives every instance its own registry, labelled with its app, with process metrics', async () => {
    const first = createMetricsRegistry({ app: 'api' });
    const second = createMetricsRegistry({ app: 'worker' });
    // The same metric name in two registries: no clash, separate values.
    const a = new Counter({ name: 'arbiter_test_total', help: 'test', registers: [first] });
    const b = new Counter({ name: 'arbiter_test_total', help: 'test', registers: [second] });
    a.inc(2);
    b.inc(5);
    const [one, two] = await Promise.all([first.metrics(), second.metrics()]);
    expect(one).toContain('arbiter_test_total{app="api"} 2');
    expect(two).toContain('arbiter_test_total{app="worker"} 5');
    expect(one).toMatch(/^process_resident_memory_bytes\{app="api"\} \d+/m);
    expect(one).toMatch(/^nodejs_eventloop_lag_seconds\{app="api"\} /m);
    expect(await globalRegistry.metrics()).not.toContain('arbiter_test_total');
    expect(globalRegistry.getSingleMetric('process_resident_memory_bytes')).toBeUndefined();
  });

  it('leaves the process metrics out when asked', async () => {
    const registry = createMetricsRegistry({ app: 'api', processMetrics: false });
    expect(await registry.metrics()).not.toContain('process_');
  });
});

describe('metricsAuthorized', () => {
  const token = 'a-token-of-enough-length';

  it('lets everyone in without a token', () => {
    expect(metricsAuthorized(undefined, undefined)).toBe(true);
    expect(metricsAuthorized('Bearer anything', undefined)).toBe(true);
  });

  it('wants exactly `Bearer <token>` with one', () => {
    expect(metricsAuthorized(`Bearer ${token}`, token)).toBe(true);
    expect(metricsAuthorized(`bearer ${token}`, token)).toBe(true);
    expect(metricsAuthorized(undefined, token)).toBe(false);
    expect(metricsAuthorized(token, token)).toBe(false);
    expect(metricsAuthorized(`Basic ${token}`, token)).toBe(false);
    expect(metricsAuthorized(`Bearer ${token}x`, token)).toBe(false);
    expect(metricsAuthorized(`Bearer ${token.slice(1)}`, token)).toBe(false);
    expect(metricsAuthorized('Bearer ', token)).toBe(false);
  });
});

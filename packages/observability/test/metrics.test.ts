/** Metrics helpers: a registry of its own per instance (never the global one), and who may scrape. */
import { describe, expect, it } from 'vitest';
import { register as globalRegistry } from 'prom-client';
import {
  Counter,
  createMetricsRegistry,
  decideMetricsAccess,
  describeMetricsAccess,
  metricsAccess,
} from '../src/index.js';

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

describe('metrics access', () => {
  const token = 'a-token-of-enough-length';
  const withToken = metricsAccess({ token, nodeEnv: 'production' });

  it('is open without a token in development only', () => {
    const open = metricsAccess({ token: undefined, nodeEnv: 'development' });
    expect(decideMetricsAccess(open, undefined)).toBe('allowed');
    expect(decideMetricsAccess(open, 'Bearer anything')).toBe('allowed');
    for (const nodeEnv of ['production', 'test']) {
      const closed = metricsAccess({ token: undefined, nodeEnv });
      expect(closed).toEqual({ mode: 'closed' });
      expect(decideMetricsAccess(closed, undefined)).toBe('closed');
      expect(decideMetricsAccess(closed, 'Bearer anything')).toBe('closed');
      expect(describeMetricsAccess(closed, 'GET /metrics')).toMatchObject({
        level: 'warn',
        message: expect.stringContaining('set METRICS_TOKEN') as unknown,
      });
    }
  });

  it('wants exactly `Bearer <token>` with one, in every environment', () => {
    expect(metricsAccess({ token, nodeEnv: 'development' })).toEqual(withToken);
    expect(decideMetricsAccess(withToken, `Bearer ${token}`)).toBe('allowed');
    expect(decideMetricsAccess(withToken, `bearer ${token}`)).toBe('allowed');
    for (const header of [
      undefined,
      token,
      `Basic ${token}`,
      `Bearer ${token}x`,
      `Bearer ${token.slice(1)}`,
      'Bearer ',
    ]) {
      expect(decideMetricsAccess(withToken, header), String(header)).toBe('unauthenticated');
    }
  });
});

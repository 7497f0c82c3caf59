/** The cpu-floor arithmetic: reading the cpu-per-job table back, ratios, the jobs-per-second ceiling. */
import { describe, expect, it } from 'vitest';
import { jobsPerSecondCeiling, ratio, readPlatformCpu } from './floor-table.js';

const DOC = `# Performance

<!-- bench:cpu-per-job -->

| component                                 | CPU ms per job |
| ----------------------------------------- | -------------: |
| API                                       |           4.60 |
| worker                                    |           3.75 |
| Redis                                     |           1.25 |
| database (PostgreSQL backends of the API) |           0.65 |
| sandbox set-up and tear-down (bubblewrap) |           7.59 |
| **platform (all of the above)**           |      **17.85** |
| the bare program (\`python3 -S\`)           |           5.15 |

<!-- /bench:cpu-per-job -->

| API | 99.00 |
`;

describe('readPlatformCpu', () => {
  it('reads each row of the cpu-per-job section only', () => {
    expect(readPlatformCpu(DOC)).toEqual({
      api: 4.6,
      worker: 3.75,
      redis: 1.25,
      database: 0.65,
      sandbox: 7.59,
      bare: 5.15,
    });
  });

  it('reads the printed output, which has no section markers', () => {
    const printed = DOC.replace(/<!-- .* -->\n/g, '').replace('| API | 99.00 |', '');
    expect(readPlatformCpu(printed)?.api).toBe(4.6);
  });

  it('is null without any row', () => {
    expect(readPlatformCpu('# Performance\n')).toBeNull();
  });
});

describe('ratio and ceiling', () => {
  it('divides the platform by the floor', () => {
    expect(ratio(4.6, 2)).toBe('2.3×');
    expect(ratio(4.6, 0)).toBe('–');
    expect(ratio(NaN, 1)).toBe('–');
  });

  it('gives 2,000 ms of CPU a second over the cost of one job', () => {
    expect(jobsPerSecondCeiling(2, 10)).toBe(200);
    expect(jobsPerSecondCeiling(2, 0)).toBeNaN();
  });
});

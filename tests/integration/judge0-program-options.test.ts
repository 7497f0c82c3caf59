/** The Judge0 API's compiler_options, number_of_runs and redirect_stderr_to_stdout, through the job path. */
import { describe, expect, it } from 'vitest';
import { usePlatform } from '../support/use-platform.js';
import { scaledMs } from '../support/speed-factor.js';

const platform = usePlatform({ api: { SUBMIT_RATE_PER_MINUTE_IP: '0' } });
const url = () => `${platform.url}/judge0`;

async function create(
  body: Record<string, unknown>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url()}/submissions?wait=true&fields=*`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(scaledMs(120_000)),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('Judge0 program options', () => {
  it('passes compiler_options, split as bash splits them, to g++', async () => {
    const answer = await create({
      language_id: 54,
      source_code: '#include <cstdio>\nint main() { std::printf("%d %ld\\n", VALUE, __cplusplus); }',
      compiler_options: "-DVALUE=5 '-std=c++20'",
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      status: { id: 3 },
      stdout: '5 202002\n',
      compiler_options: "-DVALUE=5 '-std=c++20'",
    });
  });

  it('refuses a flag off the allow-list with 422 naming it', async () => {
    const answer = await create({
      language_id: 50,
      source_code: 'int main(void){}',
      compiler_options: '-O2 -o /tmp/x',
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({ compiler_options: [expect.stringContaining('"-o"')] });
  });

  it('runs number_of_runs times, up to max_number_of_runs', async () => {
    const config = (await (await fetch(`${url()}/config_info`)).json()) as Record<string, unknown>;
    expect(config).toMatchObject({ enable_compiler_options: true, max_number_of_runs: 20 });
    const started = Date.now();
    const answer = await create({
      language_id: 71,
      source_code: 'import time\ntime.sleep(0.4)\nprint("ok")',
      number_of_runs: 3,
    });
    expect(answer.body).toMatchObject({ status: { id: 3 }, stdout: 'ok\n', number_of_runs: 3 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 400);
    expect(Number(answer.body.wall_time)).toBeLessThan((Date.now() - started) / 2000);
    const tooMany = await create({ language_id: 71, source_code: 'print(1)', number_of_runs: 21 });
    expect(tooMany.body).toEqual({ number_of_runs: ['must be less than or equal to 20'] });
  });

  it('redirects stderr into stdout in the order written', async () => {
    const answer = await create({
      language_id: 71,
      source_code:
        'import sys\nprint("one", flush=True)\nprint("two", file=sys.stderr, flush=True)\nprint("three")',
      redirect_stderr_to_stdout: true,
    });
    expect(answer.body).toMatchObject({ status: { id: 3 }, stdout: 'one\ntwo\nthree\n', stderr: null });
  });
});

/** The compile cache: the same source never compiles twice; any change of source, flags or toolchain does. */
import { describe, expect, it } from 'vitest';
import { createUnsandboxedSandbox, type RunRequest, type Sandbox } from '@arbiter/sandbox';
import { resolveLimits } from '@arbiter/contracts';
import { CompileCache, compileProgram, judgeProgram } from '../src/index.js';

/** A sandbox that counts the commands it runs. */
function counting(): { sandbox: Sandbox; commands: string[] } {
  const inner = createUnsandboxedSandbox();
  const commands: string[] = [];
  return {
    commands,
    sandbox: {
      kind: 'counting',
      driver: 'none',
      run: (request: RunRequest) => {
        commands.push(request.argv[0] ?? '');
        return inner.run(request);
      },
      runGroup: (requests, onReport) => inner.runGroup(requests, onReport),
      close: () => inner.close(),
    },
  };
}

const SOURCE = '#include <cstdio>\nint main(){int a,b;scanf("%d %d",&a,&b);printf("%d\\n",a+b);}';

describe('CompileCache', () => {
  it('serves a resubmitted program without compiling it again', async () => {
    const { sandbox, commands } = counting();
    const cache = new CompileCache();
    const context = { cache, versions: { cpp: '12.2.0' } };
    const limits = resolveLimits(undefined);
    const first = await judgeProgram(
      { language: 'cpp', code: SOURCE, stdin: '1 2', limits },
      sandbox,
      {},
      context,
    );
    const second = await judgeProgram(
      { language: 'cpp', code: SOURCE, stdin: '40 2', limits },
      sandbox,
      {},
      context,
    );
    expect(first.stdout).toBe('3\n');
    expect(second.stdout).toBe('42\n');
    expect(commands).toEqual(['/usr/bin/g++', './main', './main']);
    expect(cache.hits).toBe(1);
    expect(cache.size()).toBeGreaterThan(1000);
  });

  it('compiles again when the source or the toolchain version changes', async () => {
    const { sandbox, commands } = counting();
    const cache = new CompileCache();
    await compileProgram('cpp', SOURCE, sandbox, {}, { cache, versions: { cpp: '12.2.0' } });
    await compileProgram('cpp', `${SOURCE}\n`, sandbox, {}, { cache, versions: { cpp: '12.2.0' } });
    await compileProgram('cpp', SOURCE, sandbox, {}, { cache, versions: { cpp: '13.1.0' } });
    expect(commands).toHaveLength(3);
    expect(cache.hits).toBe(0);
  });

  it('keeps compile errors too, with their output', async () => {
    const { sandbox, commands } = counting();
    const cache = new CompileCache();
    const logs: string[] = [];
    const broken = 'int main() { return nope; }';
    await compileProgram('c', broken, sandbox, {}, { cache });
    const again = await compileProgram(
      'c',
      broken,
      sandbox,
      { onLog: (_s, chunk) => logs.push(chunk) },
      { cache },
    );
    expect(again.ok).toBe(false);
    expect(logs.join('')).toMatch(/nope/);
    expect(commands).toHaveLength(1);
  });

  it('evicts the least recently used entries beyond its byte budget', () => {
    const cache = new CompileCache({ maxBytes: 1000 });
    const entry = (n: number) => ({ ok: false as const, compileOutput: 'x'.repeat(n) });
    cache.set('a', entry(400));
    cache.set('b', entry(400));
    cache.get('a');
    cache.set('c', entry(400));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
    expect(cache.size()).toBeLessThanOrEqual(1000);
  });
});

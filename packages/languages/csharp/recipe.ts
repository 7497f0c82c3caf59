/**
 * C# on Mono (Debian's `mono-mcs` and `mono-runtime`): `mcs` compiles every `.cs` file to `main.exe`, optimised,
 * and `mono` runs it. The collector's heap is capped below the memory limit (`MONO_GC_PARAMS`), so running
 * out of it is a clean `OutOfMemoryException` (→ MEMORY_LIMIT_EXCEEDED) instead of the cgroup's kill.
 */
import type { LanguageRecipe } from '../recipe.js';

/** Flags a submitter may add to mcs: warnings, checked arithmetic, unsafe code, symbols, language version. */
export const CSHARP_COMPILER_FLAGS = [
  /^-warn:[0-4]$/,
  /^-warnaserror[+-]?$/,
  /^-nowarn:\d+(,\d+)*$/,
  /^-checked[+-]?$/,
  /^-unsafe[+-]?$/,
  /^-optimize[+-]?$/,
  /^-define:[A-Za-z_][A-Za-z0-9_]*(;[A-Za-z_][A-Za-z0-9_]*)*$/,
  /^-langversion:(ISO-1|ISO-2|[3-7]|7\.[1-3]|experimental|default|latest)$/,
];

/** Marker of a heap the collector could not grow; the judge maps it to MEMORY_LIMIT_EXCEEDED. */
export const MONO_OOM = 'System.OutOfMemoryException';

export const csharpRecipe: LanguageRecipe = {
  id: 'csharp',
  prepare: async (code) => ({ files: { 'main.cs': code } }),
  compile: {
    argv: (files, options) => [
      '/usr/bin/mono',
      '/usr/lib/mono/4.5/mcs.exe',
      '-optimize+',
      '-nologo',
      '-r:System.Numerics.dll',
      ...(options.flags ?? []),
      '-out:main.exe',
      'main.cs',
      ...Object.keys(files).filter((name) => name !== 'main.cs' && name.endsWith('.cs')),
    ],
    flags: CSHARP_COMPILER_FLAGS,
    collect: ['main.exe'],
    env: { MONO_GC_PARAMS: 'max-heap-size=768m' },
    // The runtime's own threads (finalizer, collector workers, the thread pool).
    needs: { pids: 128 },
  },
  run: () => ['/usr/bin/mono', '--gc=sgen', 'main.exe'],
  // The managed heap below the cgroup limit: room for the runtime, the JIT's code and thread stacks.
  runEnv: ({ memoryMb }) => ({ MONO_GC_PARAMS: `max-heap-size=${Math.max(16, memoryMb - 48)}m` }),
  runPids: 128,
  classify: ({ stderr }) => (stderr.includes(MONO_OOM) ? 'MEMORY_LIMIT_EXCEEDED' : null),
  // mono reads its assembly map from /etc/mono (config, machine.config).
  readOnlyPaths: ['/etc/mono'],
  version: {
    argv: ['/usr/bin/mono', '--version'],
    parse: (out) => /Mono JIT compiler version (\S+)/.exec(out)?.[1] ?? null,
  },
};

/**
 * Go (Debian's `golang-go`): `go build` to a static binary (no cgo), then run. The build cache lives in the
 * sandbox's `/tmp` (the standard library comes precompiled from the toolchain); the run's heap is steered
 * by `GOMEMLIMIT` below the memory limit, so the collector works harder before the cgroup stops it.
 */
import type { LanguageRecipe } from '../recipe.js';

/** Flags a submitter may add to `go build`: the race detector needs cgo, so only these. */
export const GO_COMPILER_FLAGS = [/^-gcflags=-[BNlm]+$/, /^-trimpath$/];

export const goRecipe: LanguageRecipe = {
  id: 'go',
  prepare: async (code) => ({ files: { 'main.go': code } }),
  compile: {
    argv: (files, options) => [
      '/usr/bin/go',
      'build',
      ...(options.flags ?? []),
      '-o',
      'main',
      'main.go',
      ...Object.keys(files).filter((name) => name !== 'main.go' && /^[^/]+\.go$/.test(name)),
    ],
    flags: GO_COMPILER_FLAGS,
    collect: ['main'],
    env: {
      GOCACHE: '/tmp/go-build',
      GOPATH: '/tmp/go',
      GO111MODULE: 'off',
      CGO_ENABLED: '0',
      GOFLAGS: '-buildvcs=false',
    },
    // The go command runs the compiler and linker as children, each with its own threads.
    needs: { pids: 128 },
  },
  run: () => ['./main'],
  runEnv: ({ memoryMb }) => ({ GOMEMLIMIT: `${Math.max(16, memoryMb - 16)}MiB` }),
  // One thread per core for the scheduler and the collector, plus one per blocking system call.
  runPids: 128,
  // The runtime's own message when an allocation finds no memory.
  classify: ({ stderr }) =>
    /^fatal error: runtime: (out of memory|cannot allocate memory)/m.test(stderr)
      ? 'MEMORY_LIMIT_EXCEEDED'
      : null,
  version: { argv: ['/usr/bin/go', 'version'], parse: (out) => /go version go(\S+)/.exec(out)?.[1] ?? null },
};

// Says in words which sandbox driver a worker uses, from the kind it logs and advertises
// (`bwrap+cgroup-v2`, `bwrap+cgroup-v1`, `unsandboxed`).

export function describeSandbox(kind) {
  if (typeof kind !== 'string' || kind === '') return 'unknown (the worker did not say)';
  const cgroup = /cgroup-(v[12])$/.exec(kind);
  if (cgroup) return `bubblewrap with the cgroup ${cgroup[1]} driver (${kind})`;
  if (kind === 'unsandboxed')
    return 'none: code runs UNSANDBOXED, with the worker’s own rights (SANDBOX=none)';
  return kind;
}

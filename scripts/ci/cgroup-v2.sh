#!/usr/bin/env bash
# The sandbox on cgroup v2, tested: boots Debian's User-Mode Linux kernel (a real 6.1 kernel as a process, no
# KVM needed) with this machine's root read-only over hostfs and cgroup2 mounted, and runs in it the sandbox
# suite (adversarial included) and the verdict suite on the v2 driver, in both layouts a worker meets: the
# root cgroup of a host, and a delegated subtree (a container's own cgroup namespace). The guest's work stays
# under a temp folder, removed at the end; its exit code comes back through a writable hostfs folder. See
# docs/DEPLOY.md ("How cgroup v2 is tested").
#
#   npm run test:cgroup-v2                  (skips, saying why, when user-mode-linux is not installable, unless CI is set)
#   ARBITER_UML_MEM=4G                      guest memory
#   ARBITER_UML_TIMEOUT=3000                seconds before the guest is stopped and the step fails
#   ARBITER_UML_STEPS="root delegated"      which layouts to run (root: sandbox + verdict suites; delegated:
#                                           the core sandbox suite in a container's and in a unit's layout)
#   ARBITER_UML_FILTER=<regex>              only the tests whose names match (vitest -t; no spaces), sandbox
#                                           suite only: a quick look at the driver
#   ARBITER_UML_SPEED=<factor>              use this speed factor instead of measuring it in the guest
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
UML=$(command -v linux.uml || true)
if [ -z "$UML" ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo 'cgroup-v2: installing user-mode-linux'
  { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends user-mode-linux; } >&2 ||
    true
  UML=$(command -v linux.uml || true)
fi
if [ -z "$UML" ]; then
  if [ -n "${CI:-}" ]; then
    echo 'cgroup-v2: user-mode-linux is not installed and could not be (apt-get install -y user-mode-linux)' >&2
    exit 1
  fi
  echo 'cgroup-v2: SKIPPED (user-mode-linux is not installable here: apt-get install -y --no-install-recommends user-mode-linux to run this step)'
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo 'cgroup-v2: needs root (the sandbox in the guest runs as root, on the host root file system)' >&2
  exit 1
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/arbiter-cgroup-v2.XXXXXX")
OUT="$WORK/out"
mkdir -p "$OUT"
chmod 0700 "$WORK"
cleanup() {
  # The kernel and its helper processes (one host process per guest process) form a process group of their
  # own, which it kills when it exits; whatever is left of this guest, found by its result folder on their
  # command line, is killed here.
  for pid in $(pgrep -f "arbiter_out=$OUT " || true); do kill -KILL "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

MEM=${ARBITER_UML_MEM:-4G}
# UML backs the guest's memory with a file in TMPDIR: shared memory when it has room (containers often give
# /dev/shm 64 MiB), else the temp folder.
MEM_DIR="$WORK"
shm_free_kb=$(df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 { print $4 }')
if [ -n "$shm_free_kb" ] && [ "$shm_free_kb" -gt $((5 * 1024 * 1024)) ]; then MEM_DIR=/dev/shm; fi

# UML maps each page of a guest process into that process's host twin on its own, so a guest process can map
# at most vm.max_map_count pages (65530 by default: 256 MiB) before UML runs "out of memory on the host side"
# and the process dies (Node with PGlite in the verdict suite got there). Room for every page of the guest's
# memory; raised, never lowered, and left raised (other guests may be running).
map_count_needed=$(($(numfmt --from=iec "$MEM") / 4096 + 65536))
if [ "$(sysctl -n vm.max_map_count)" -lt "$map_count_needed" ]; then
  echo "cgroup-v2: sysctl vm.max_map_count=$map_count_needed (was $(sysctl -n vm.max_map_count))"
  sysctl -qw vm.max_map_count="$map_count_needed"
fi

echo "cgroup-v2: booting $($UML --version 2>/dev/null | head -1 || echo linux.uml) (mem=$MEM), guest work in $WORK"
start=$(date +%s)
# setsid: a Ctrl-C on the terminal reaches this script (which stops the guest), not the kernel directly. On
# timeout the kernel gets SIGTERM, on which it kills its process group.
set +e
TMPDIR="$MEM_DIR" setsid timeout --kill-after=10 "${ARBITER_UML_TIMEOUT:-3000}" "$UML" \
  mem="$MEM" root=/dev/root rootfstype=hostfs rootflags=/ ro init="$ROOT/scripts/ci/uml-guest-init.sh" \
  con=null con0=null,fd:1 ubd0=/dev/null quiet \
  arbiter_repo="$ROOT" arbiter_out="$OUT" arbiter_steps="$(echo "${ARBITER_UML_STEPS:-root delegated}" | tr " " ,)" \
  ${ARBITER_UML_FILTER:+arbiter_filter="$ARBITER_UML_FILTER"} ${ARBITER_UML_SPEED:+arbiter_speed="$ARBITER_UML_SPEED"} \
  </dev/null 2>&1 &
UML_PID=$!
wait "$UML_PID"
status=$?
set -e
elapsed=$(($(date +%s) - start))

if [ ! -f "$OUT/rc" ]; then
  echo "cgroup-v2: FAILED: the guest stopped without a result (kernel exit $status after ${elapsed} s)" >&2
  exit 1
fi
rc=$(cat "$OUT/rc")
echo "cgroup-v2: steps (exit codes):"
cat "$OUT/steps" 2>/dev/null | sed 's/^/  /'
if [ "$rc" != 0 ]; then
  echo "cgroup-v2: FAILED (guest exit $rc after ${elapsed} s)" >&2
  exit 1
fi
echo "cgroup-v2: passed in ${elapsed} s"

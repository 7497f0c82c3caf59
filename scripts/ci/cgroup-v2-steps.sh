#!/bin/sh
# The suites of scripts/ci/cgroup-v2.sh, run inside its User-Mode Linux guest (cgroup2 mounted at
# /sys/fs/cgroup, this shell in the root cgroup), one argument per cgroup layout:
#   root       the worker in the root cgroup of a cgroup v2 host: the sandbox suite and the verdict suite
#   delegated  a delegated subtree: the core sandbox tests and the container start-up checks in a container's
#              layout (own cgroup namespace and cgroup2 mount, the worker's cgroup not the root and holding
#              processes), then the core sandbox tests in a systemd Delegate=yes unit's layout (no cgroup namespace, the unit's cgroup in
#              /proc/self/cgroup); delegated-container and delegated-unit run one of the two
# Records "<step> <exit code> <seconds>" lines in /run/out/steps; exits non-zero when any step failed.
CG=/sys/fs/cgroup
rc=0
step() { # step <name> <command...>
  name=$1
  shift
  echo "==> $name"
  start=$(date +%s)
  # Through a pipe: on the console (a terminal) Vitest would redraw its progress instead of logging each test.
  echo 1 >/tmp/step-code
  { "$@"; echo $? >/tmp/step-code; } 2>&1 | cat
  code=$(cat /tmp/step-code)
  echo "$name $code $(($(date +%s) - start))s" >>/run/out/steps
  echo "    $name: exit $code after $(($(date +%s) - start)) s"
  [ "$code" -eq 0 ] || { rc=1; echo "    kernel messages:"; dmesg | tail -40 | sed 's/^/    /'; }
}
# Every test with its time.
vitest() { node node_modules/vitest/vitest.mjs run --reporter=verbose "$@"; }

# The speed factors for every suite of the guest (tests/support/speed-factor.ts), measured here once; a
# start-up factor given on the host (ARBITER_UML_SPEED) replaces the measured one.
given_speed=${TEST_SPEED_FACTOR:-}
factors=$(node --import tsx scripts/ci/speed-factor.ts) || exit 1
eval "$factors"
TEST_SPEED_FACTOR=${given_speed:-$TEST_SPEED_FACTOR}
export TEST_SPEED_FACTOR TEST_CPU_FACTOR
echo "guest: start-up factor $TEST_SPEED_FACTOR, CPU factor $TEST_CPU_FACTOR"
# ARBITER_UML_FILTER: only matching sandbox tests, no verdict suite (a quick look at the driver).
SANDBOX_SUITE=packages/sandbox/test
VERDICTS=tests/integration/verdicts.test.ts
if [ -n "${ARBITER_UML_FILTER:-}" ]; then
  SANDBOX_SUITE="packages/sandbox/test/sandbox.test.ts -t $ARBITER_UML_FILTER"
  VERDICTS=
fi
# The delegated layouts change only how the driver finds and sets up its cgroups: there the core suite's
# tests of the limits its cgroups enforce (CPU, memory with tmpfs files, tasks) and of control (slots,
# aborts, cgroups released on close) run, and in the container's layout its start-up checks; not the tests
# of rlimits, output, argv, files and folders (no cgroup in them), nor the adversarial files (they ran on v2
# in the root layout).
DELEGATED_FILTER=${ARBITER_UML_FILTER:-^limits (stops a busy loop|counts the CPU|stops a program that touches more memory|counts files written to /tmp|enforces the task limit)|^control }
DELEGATED_SUITE="packages/sandbox/test/sandbox.test.ts packages/sandbox/test/container.test.ts"

for layout in "$@"; do
  case $layout in
  root | root-sandbox | root-verdicts)
    [ "$layout" = root-verdicts ] || step root:sandbox vitest $SANDBOX_SUITE
    [ "$layout" = root-sandbox ] || [ -z "$VERDICTS" ] || step root:verdicts vitest $VERDICTS
    ;;
  delegated | delegated-container | delegated-unit)
    echo '+cpu +memory +pids' >"$CG/cgroup.subtree_control"
    mkdir -p "$CG/container" "$CG/service.service"
    # The container: its processes in a cgroup of their own, which is the root of their cgroup namespace and of
    # the cgroup2 file system they mount.
    [ "$layout" = delegated-unit ] || step delegated-container:sandbox sh -c '
      echo $$ >/sys/fs/cgroup/container/cgroup.procs &&
      exec unshare --cgroup --mount --propagation private sh -c "
        umount /sys/fs/cgroup && mount -t cgroup2 cgroup2 /sys/fs/cgroup &&
        echo \"cgroup: \$(cat /proc/self/cgroup)\" &&
        exec node node_modules/vitest/vitest.mjs run --reporter=verbose \"\$@\"" sh "$@"' sh $DELEGATED_SUITE \
      -t "$DELEGATED_FILTER|^a default container"
    # The systemd unit with Delegate=yes: the whole hierarchy in sight, the unit's cgroup its own.
    [ "$layout" = delegated-container ] || step delegated-unit:sandbox sh -c '
      echo $$ >/sys/fs/cgroup/service.service/cgroup.procs &&
      echo "cgroup: $(cat /proc/self/cgroup)" &&
      exec node node_modules/vitest/vitest.mjs run --reporter=verbose "$@"' sh packages/sandbox/test/sandbox.test.ts \
      -t "$DELEGATED_FILTER"
    ;;
  *)
    echo "unknown layout $layout"
    rc=1
    ;;
  esac
done
exit $rc

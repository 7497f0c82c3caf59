#!/bin/sh
# The suites of scripts/ci/cgroup-v2.sh, run inside its User-Mode Linux guest (cgroup2 mounted at
# /sys/fs/cgroup, this shell in the root cgroup), one argument per cgroup layout:
#   root       the worker in the root cgroup of a cgroup v2 host: the sandbox suite and the verdict suite
#   delegated  a delegated subtree: the sandbox suite in a container's layout (own cgroup namespace and
#              cgroup2 mount, the worker's cgroup not the root and holding processes), then the core sandbox
#              tests in a systemd Delegate=yes unit's layout (no cgroup namespace, the unit's cgroup in
#              /proc/self/cgroup); delegated-container and delegated-unit run one of the two
# Records "<step> <exit code> <seconds>" lines in /run/out/steps; exits non-zero when any step failed.
CG=/sys/fs/cgroup
rc=0
step() { # step <name> <command...>
  name=$1
  shift
  echo "==> $name"
  start=$(date +%s)
  "$@"
  code=$?
  echo "$name $code $(($(date +%s) - start))s" >>/run/out/steps
  echo "    $name: exit $code after $(($(date +%s) - start)) s"
  [ "$code" -eq 0 ] || rc=1
}
vitest() { node node_modules/vitest/vitest.mjs run "$@"; }

# One speed factor for every suite of the guest, measured here once (unless given).
if [ -z "${TEST_SPEED_FACTOR:-}" ]; then
  TEST_SPEED_FACTOR=$(node --import tsx scripts/ci/speed-factor.ts) || exit 1
fi
export TEST_SPEED_FACTOR
echo "guest: speed factor $TEST_SPEED_FACTOR"
# ARBITER_UML_FILTER: only matching sandbox tests, no verdict suite (a quick look at the driver).
SANDBOX_SUITE=packages/sandbox/test
VERDICTS=tests/integration/verdicts.test.ts
if [ -n "${ARBITER_UML_FILTER:-}" ]; then
  SANDBOX_SUITE="packages/sandbox/test/sandbox.test.ts -t $ARBITER_UML_FILTER"
  VERDICTS=
fi
export SANDBOX_SUITE

for layout in "$@"; do
  case $layout in
  root)
    step root:sandbox vitest $SANDBOX_SUITE
    [ -z "$VERDICTS" ] || step root:verdicts vitest $VERDICTS
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
        exec node node_modules/vitest/vitest.mjs run \"\$@\"" sh "$@"' sh $SANDBOX_SUITE
    # The systemd unit with Delegate=yes: the whole hierarchy in sight, the unit's cgroup its own.
    [ "$layout" = delegated-container ] || step delegated-unit:sandbox sh -c '
      echo $$ >/sys/fs/cgroup/service.service/cgroup.procs &&
      echo "cgroup: $(cat /proc/self/cgroup)" &&
      exec node node_modules/vitest/vitest.mjs run "$@"' sh packages/sandbox/test/sandbox.test.ts \
      ${ARBITER_UML_FILTER:+-t "$ARBITER_UML_FILTER"}
    ;;
  *)
    echo "unknown layout $layout"
    rc=1
    ;;
  esac
done
exit $rc

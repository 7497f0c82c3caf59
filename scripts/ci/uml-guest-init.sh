#!/bin/sh
# pid 1 of the User-Mode Linux guest of scripts/ci/cgroup-v2.sh: mounts what a Linux userland needs over the
# host's read-only root (tmpfs where it writes, an overlay on the checkout), mounts cgroup2 with the cpu,
# memory and pids controllers, runs the suites in each requested cgroup layout, writes the exit code to the
# host folder given on the kernel command line, and powers off.
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
exec </dev/null

arg() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p" /proc/cmdline; }
finish() { # finish <rc>: hands the exit code to the host and powers off
  echo "$1" >/run/out/rc
  sync
  echo o >/proc/sysrq-trigger
  sleep 60
}

mount -t proc proc /proc
exec >/dev/console 2>&1 || true
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mkdir -p /dev/pts /dev/shm
mount -t devpts devpts /dev/pts
for d in /tmp /run /var/tmp /dev/shm; do mount -t tmpfs -o mode=1777 tmpfs "$d"; done
mkdir -p /run/out
mount -t hostfs -o "$(arg arbiter_out)" none /run/out || { echo 'guest: cannot mount the result folder'; echo o >/proc/sysrq-trigger; sleep 60; }
ip link set lo up

REPO=$(arg arbiter_repo)
STEPS=$(arg arbiter_steps | tr , ' ')
ARBITER_UML_FILTER=$(arg arbiter_filter)
TEST_SPEED_FACTOR=$(arg arbiter_speed)
export ARBITER_UML_FILTER TEST_SPEED_FACTOR
# The checkout is read-only through hostfs; tests and tools write caches beside it: an overlay takes them.
# overlayfs is a module of Debian's UML kernel, and kmod may be missing: load it with finit_module(2).
overlay_ko=$(find /usr/lib/uml/modules -name overlay.ko | head -1)
grep -qw overlay /proc/filesystems || /usr/bin/python3 -S -c '
import ctypes, os, sys
fd = os.open(sys.argv[1], os.O_RDONLY)
if ctypes.CDLL(None, use_errno=True).syscall(313, fd, b"", 0) != 0:
    sys.exit("finit_module: " + os.strerror(ctypes.get_errno()))' "$overlay_ko"
mkdir -p /run/repo-upper /run/repo-work
if ! mount -t overlay overlay -o "lowerdir=$REPO,upperdir=/run/repo-upper,workdir=/run/repo-work" "$REPO"; then
  echo "guest: cannot mount an overlay on $REPO"
  finish 1
fi

# Controllers are left for the sandbox to enable in the root cgroup (as on a host booted without systemd).
mount -t cgroup2 -o nsdelegate cgroup2 /sys/fs/cgroup

export HOME=/tmp/home CI=true NODE_ENV=test TEST_DATABASE=pglite NEXT_TELEMETRY_DISABLED=1 TMPDIR=/tmp
mkdir -p "$HOME"
cd "$REPO" || finish 1
echo "guest: $(uname -r), $(nproc) CPU, $(free -m | awk '/Mem:/ { print $2 }') MiB, cgroup2 controllers: $(cat /sys/fs/cgroup/cgroup.controllers)"
sh "$REPO/scripts/ci/cgroup-v2-steps.sh" $STEPS
finish $?

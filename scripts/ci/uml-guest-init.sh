#!/bin/sh
# pid 1 of the User-Mode Linux guest of scripts/ci/cgroup-v2.sh: mounts what a Linux userland needs over the
# host's read-only root (tmpfs where it writes, an overlay on the checkout), mounts cgroup2 with the cpu,
# memory and pids controllers, runs the suites in each requested cgroup layout, writes the exit code to the
# host folder given on the kernel command line, and powers off.
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
exec </dev/null

arg() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p" /proc/cmdline; }
load_module() { # load_module <name>: a module of Debian's UML kernel and what it needs (modules.dep), with finit_module(2)
  dir=/usr/lib/uml/modules/$(uname -r)
  line=$(grep "/$1\.ko:" "$dir/modules.dep" | head -1)
  [ -n "$line" ] || return 1
  # modules.dep lists a module, then what it needs, the most basic last.
  /usr/bin/python3 -S -c '
import ctypes, errno, os, sys
for ko in reversed(sys.argv[2:]):
    fd = os.open(os.path.join(sys.argv[1], ko), os.O_RDONLY)
    if ctypes.CDLL(None, use_errno=True).syscall(313, fd, b"", 0) != 0 and ctypes.get_errno() != errno.EEXIST:
        sys.exit("finit_module " + ko + ": " + os.strerror(ctypes.get_errno()))' "$dir" $(echo "$line" | tr -d :)
}
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
REPO=$(arg arbiter_repo)
# The checkout may live under a folder the guest mounts a tmpfs on (a clone in /tmp): it is bound aside first,
# and the overlay below puts it back at its own path.
mount -t tmpfs -o mode=1777 tmpfs /run
mkdir -p /run/out /run/repo-lower
mount --bind "$REPO" /run/repo-lower || { echo "guest: cannot bind $REPO"; echo o >/proc/sysrq-trigger; sleep 60; }
for d in /tmp /var/tmp /dev/shm; do mount -t tmpfs -o mode=1777 tmpfs "$d"; done
mount -t hostfs -o "$(arg arbiter_out)" none /run/out || { echo 'guest: cannot mount the result folder'; echo o >/proc/sysrq-trigger; sleep 60; }

STEPS=$(arg arbiter_steps | tr , ' ')
ARBITER_UML_FILTER=$(arg arbiter_filter)
TEST_SPEED_FACTOR=$(arg arbiter_speed)
export ARBITER_UML_FILTER TEST_SPEED_FACTOR
# The checkout is read-only through hostfs; tests and tools write caches beside it: an overlay takes them.
# overlayfs is a module of Debian's UML kernel, and kmod may be missing: load it with finit_module(2).
grep -qw overlay /proc/filesystems || load_module overlay
# IPv6 is a module too: without it AF_INET6 sockets fail in the guest, as on no host the sandbox meets.
[ -e /proc/net/if_inet6 ] || load_module ipv6 || echo 'guest: no IPv6 (AF_INET6 sockets will fail)'
ip link set lo up
mkdir -p /run/repo-upper /run/repo-work "$REPO"
if ! mount -t overlay overlay -o "lowerdir=/run/repo-lower,upperdir=/run/repo-upper,workdir=/run/repo-work" "$REPO"; then
  echo "guest: cannot mount an overlay on $REPO"
  finish 1
fi

# Controllers are left for the sandbox to enable in the root cgroup (as on a host booted without systemd).
mount -t cgroup2 -o nsdelegate cgroup2 /sys/fs/cgroup

export HOME=/tmp/home CI=true NODE_ENV=test TEST_DATABASE=pglite NEXT_TELEMETRY_DISABLED=1 TMPDIR=/tmp
# The verdict suite's six languages only: probing and self-testing the host's whole catalogue (JVMs
# included) at the guest's speed would take longer than the suite itself.
export TEST_WORKER_LANGUAGES=python,javascript,typescript,cpp,c,java
mkdir -p "$HOME"
cd "$REPO" || finish 1
echo "guest: $(uname -r), $(nproc) CPU, $(free -m | awk '/Mem:/ { print $2 }') MiB, cgroup2 controllers: $(cat /sys/fs/cgroup/cgroup.controllers)"
# Every minute, the guest's memory and load (so a step that dies shows what it was short of).
( while sleep 60; do
  echo "guest: $(free -m | awk '/Mem:/ { print $3 " MiB used, " $7 " MiB available" }'), load $(cut -d' ' -f1 /proc/loadavg)"
done ) &
sh "$REPO/scripts/ci/cgroup-v2-steps.sh" $STEPS
finish $?

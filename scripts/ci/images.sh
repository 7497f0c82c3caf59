#!/usr/bin/env bash
# The images, built and run: makes the base images locally (no registry is reachable), builds the api,
# worker and web images from deploy/docker/, starts docker-compose.yml's stack with podman-compose, judges a
# program in each language through its API, and tears everything down, also on failure. Prints where the
# time went. Podman-specific settings live here only; see docs/DEPLOY.md ("How CI runs the images").
#
#   npm run test:images                 (skips, saying why, when Podman is not installed, unless CI is set)
#   ARBITER_IMAGES_CACHE=<dir>          base images, podman storage and build cache (default /var/tmp/arbiter-images)
#   ARBITER_IMAGES_KEEP=1               leave the stack running at the end (to look at it), printing how to stop it;
#                                       the next run removes it
#   ARBITER_IMAGES_STORAGE_GB=30        past this, the build cache is dropped at the end of a run
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/scripts/ci"
CACHE=${ARBITER_IMAGES_CACHE:-/var/tmp/arbiter-images}

# ------------------------------------------------------------------------------------------------ tools
PACKAGES='podman buildah runc netavark aardvark-dns iptables podman-compose debootstrap catatonit'
missing=()
for tool in podman buildah runc podman-compose debootstrap iptables; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
[ -x /usr/lib/podman/netavark ] || missing+=(netavark)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ -n "${CI:-}" ]; then
    echo "images: missing ${missing[*]}: install with apt-get install -y --no-install-recommends $PACKAGES" >&2
    exit 1
  fi
  echo "images: SKIPPED (no ${missing[*]}; apt-get install -y --no-install-recommends $PACKAGES to run this step)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo 'images: needs root (rootful Podman: the worker container gets CAP_SYS_ADMIN and a cgroup of its own)' >&2
  exit 1
fi

# ------------------------------------------------------------------------------------------------ timing
declare -a STEP_NAMES=() STEP_MS=()
now_ms() { echo $(($(date +%s%N) / 1000000)); }
T0=$(now_ms)
seconds() { printf '%d.%d' $(($1 / 1000)) $(($1 % 1000 / 100)); }
step() { # step <name> <command...>: runs it, records its duration
  local name=$1 start
  shift
  echo "==> $name"
  start=$(now_ms)
  "$@"
  STEP_NAMES+=("$name")
  STEP_MS+=($(($(now_ms) - start)))
  echo "    $name: $(seconds "${STEP_MS[-1]}") s"
}
report_times() {
  local i
  echo "images: where the time went ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
  for i in "${!STEP_NAMES[@]}"; do printf '  %-40s %8s s\n' "${STEP_NAMES[$i]}" "$(seconds "${STEP_MS[$i]}")"; done
  printf '  %-40s %8s s\n' total "$(seconds $(($(now_ms) - T0)))"
}

# ------------------------------------------------------------------------------------------------ podman
# One cache folder (storage, build cache, base root file systems); runs on one machine take turns on it.
mkdir -p "$CACHE/tmp"
exec 9>"$CACHE/lock"
if ! flock -n 9; then
  echo "images: waiting for another run to release $CACHE/lock"
  flock 9
fi
cat >"$CACHE/storage.conf" <<EOF
[storage]
driver = "overlay"
graphroot = "$CACHE/storage"
runroot = "$CACHE/run"
EOF
# runc: crun refuses hybrid cgroup hosts. Root here may lack CAP_SYS_RESOURCE, so containers keep these
# limits instead of raising RLIMIT_NOFILE. Networks live in the cache folder, not in /etc.
cat >"$CACHE/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
tmp_dir = "$CACHE/podman-tmp"
[network]
network_config_dir = "$CACHE/networks"
EOF
export CONTAINERS_STORAGE_CONF="$CACHE/storage.conf" CONTAINERS_CONF="$CACHE/containers.conf" TMPDIR="$CACHE/tmp"
if ! podman images >/dev/null 2>&1; then
  echo "images: podman storage in $CACHE is unusable; starting it afresh"
  podman system reset -f >/dev/null 2>&1 || rm -rf "$CACHE/storage" "$CACHE/run"
fi
# What a run that was killed left: containers, build containers, volumes, networks (no other run is active).
podman rm -a -f -t 0 >/dev/null 2>&1 || true
buildah rm -a >/dev/null 2>&1 || true
podman volume prune -f >/dev/null 2>&1 || true
podman network prune -f >/dev/null 2>&1 || true
rm -rf "$CACHE/tmp/"*
STORAGE_LIMIT_GB=${ARBITER_IMAGES_STORAGE_GB:-30}

key_of() { cat "$@" | sha256sum | cut -c1-16; }
label_of() { podman image inspect --format '{{ index .Labels "arbiter.base-key" }}' "$1" 2>/dev/null || true; }

# ------------------------------------------------------------------------------------------------ base images
SOURCES=/etc/apt/sources.list.d/debian.sources
[ -f "$SOURCES" ] || SOURCES=/etc/apt/sources.list
MIRROR=$(grep -v '^[[:space:]]*#' "$SOURCES" | grep -m1 -oE 'https?://[^ ]+/debian/?$' || echo http://deb.debian.org/debian)
DEBIAN_KEY=$(printf 'bookworm minbase %s\n' "$MIRROR" | cat - "$HERE/base-images/debian-slim.sh" "$SOURCES" | key_of)

base_debian() {
  if [ "$(label_of docker.io/library/debian:bookworm-slim)" = "$DEBIAN_KEY" ]; then
    echo '    cached'
    return
  fi
  local tarball="$CACHE/debian-bookworm-slim-$DEBIAN_KEY.tar" dir
  if [ ! -f "$tarball" ]; then
    dir=$(mktemp -d "$CACHE/tmp/rootfs.XXXXXX")
    debootstrap --variant=minbase bookworm "$dir" "$MIRROR" >"$CACHE/tmp/debootstrap.log" 2>&1 ||
      {
        tail -20 "$CACHE/tmp/debootstrap.log" >&2
        return 1
      }
    bash "$HERE/base-images/debian-slim.sh" "$dir" "$SOURCES"
    tar -C "$dir" --numeric-owner -cf "$tarball.part" .
    mv "$tarball.part" "$tarball"
    rm -rf "$dir"
    rm -f "$CACHE"/debian-bookworm-slim-*.tar.part
    find "$CACHE" -maxdepth 1 -name 'debian-bookworm-slim-*.tar' ! -name "${tarball##*/}" -delete
  fi
  podman import --quiet \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change "LABEL arbiter.base-key=$DEBIAN_KEY" \
    --change 'CMD ["bash"]' \
    "$tarball" docker.io/library/debian:bookworm-slim >/dev/null
}

NODE_BIN=$(readlink -f "$(command -v node)")
NODE_PREFIX=$(dirname "$(dirname "$NODE_BIN")")
NODE_VERSION=$(node -p process.versions.node)
NPM_DIR=$(readlink -f "$(dirname "$(readlink -f "$(command -v npm)")")/..")
NODE_KEY=$( (echo "$DEBIAN_KEY $NODE_VERSION $(npm --version)" && cat "$HERE/base-images/node.Containerfile") | key_of)

base_node() {
  if [ "$(label_of docker.io/library/node:20-bookworm-slim)" = "$NODE_KEY" ]; then
    echo '    cached'
    return
  fi
  case $NODE_VERSION in 20.*) ;; *)
    echo "images: node:20-bookworm-slim needs Node.js 20 on this machine (found $NODE_VERSION)" >&2
    return 1
    ;;
  esac
  local ctx
  ctx=$(mktemp -d "$CACHE/tmp/node.XXXXXX")
  mkdir -p "$ctx/usr/local/bin" "$ctx/usr/local/lib/node_modules" "$ctx/usr/local/include"
  cp "$NODE_BIN" "$ctx/usr/local/bin/node"
  cp -a "$NPM_DIR" "$ctx/usr/local/lib/node_modules/npm"
  [ -d "$NODE_PREFIX/include/node" ] && cp -a "$NODE_PREFIX/include/node" "$ctx/usr/local/include/"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$ctx/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$ctx/usr/local/bin/npx"
  sed "s/__NODE_VERSION__/$NODE_VERSION/" "$HERE/base-images/node.Containerfile" >"$ctx/Containerfile"
  podman build --quiet --pull=never --label "arbiter.base-key=$NODE_KEY" \
    -t docker.io/library/node:20-bookworm-slim "$ctx" >/dev/null
  rm -rf "$ctx"
}

base_service() { # base_service <name> <tag>: redis or postgres from Debian's packages
  local name=$1 tag=$2 key
  key=$( (echo "$DEBIAN_KEY" && cat "$HERE/base-images/$name"*) | key_of)
  if [ "$(label_of "$tag")" = "$key" ]; then
    echo '    cached'
    return
  fi
  podman build --quiet --pull=never --label "arbiter.base-key=$key" -f "$HERE/base-images/$name.Containerfile" \
    -t "$tag" "$HERE/base-images" >/dev/null
}

# ------------------------------------------------------------------------------------------------ app images
# npm ci inside a build reaches the registry through this machine's TLS proxy: lend the build the machine's CA
# bundle and an npmrc naming it, as build-time volumes (nothing of them is kept in the images).
NPMRC="$CACHE/npmrc"
CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt
BUILD_VOLUMES=()
if [ -f "$CA_BUNDLE" ]; then
  echo 'cafile=/run/arbiter-build-ca.crt' >"$NPMRC"
  BUILD_VOLUMES=(-v "$CA_BUNDLE:/run/arbiter-build-ca.crt:ro" -v "$NPMRC:/root/.npmrc:ro")
fi
build_app() { # build_app <api|worker|web>
  local log="$CACHE/tmp/build-$1.log"
  if ! podman build --pull=never --layers "${BUILD_VOLUMES[@]}" -f "$ROOT/deploy/docker/$1.Dockerfile" \
    -t "localhost/arbiter-$1:latest" "$ROOT" >"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "images: building arbiter-$1 failed (whole log: $log)" >&2
    return 1
  fi
  echo "    $(grep -cE '^--> Using cache' "$log" || true) steps from the build cache"
}

# ------------------------------------------------------------------------------------------------ the stack
PROJECT="arbiter-ci-$$"
RUN_DIR=$(mktemp -d "$CACHE/tmp/stack.XXXXXX")
COMPOSE=(podman-compose --no-ansi -p "$PROJECT" -f "$RUN_DIR/compose.yml")
STACK_UP=0

teardown() {
  local status=$?
  trap - EXIT INT TERM
  if [ "$STACK_UP" = 1 ]; then
    if [ "$status" -ne 0 ]; then
      echo "images: FAILED; the stack's logs:" >&2
      for service in redis postgres api worker web; do
        echo "---- $service" >&2
        podman logs --tail 60 "${PROJECT}_${service}_1" >&2 2>&1 || true
      done
    fi
    if [ -n "${ARBITER_IMAGES_KEEP:-}" ]; then
      echo "images: the stack is left running; stop it with:"
      echo "  CONTAINERS_STORAGE_CONF=$CONTAINERS_STORAGE_CONF CONTAINERS_CONF=$CONTAINERS_CONF ${COMPOSE[*]} down -v"
    else
      echo '==> tear down'
      "${COMPOSE[@]}" down -v -t 5 >"$RUN_DIR/down.log" 2>&1 || cat "$RUN_DIR/down.log" >&2
      podman network rm -f "${PROJECT}_default" >/dev/null 2>&1 || true
    fi
  fi
  # The build cache (every stage's intermediate images) stays for the next run, up to a size.
  if [ "$(du -sk "$CACHE/storage" | cut -f1)" -gt $((STORAGE_LIMIT_GB * 1024 * 1024)) ]; then
    echo "images: storage over $STORAGE_LIMIT_GB GB: dropping the build cache"
    podman image prune -a -f >/dev/null 2>&1 || true
  fi
  [ -n "${ARBITER_IMAGES_KEEP:-}" ] || rm -rf "$RUN_DIR"
  report_times
  if [ "$status" -eq 0 ]; then echo 'images: OK'; else echo "images: FAILED (exit $status)" >&2; fi
  exit "$status"
}
trap teardown EXIT
trap 'exit 130' INT TERM

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

wait_healthy() { # wait_healthy <service>: runs the compose file's own healthcheck in the container until it passes
  local service=$1 i
  local -a check
  mapfile -d '' check < <(node --import tsx "$HERE/compose-for-podman.ts" healthcheck "$ROOT/docker-compose.yml" "$service")
  for i in $(seq 1 120); do
    if podman exec "${PROJECT}_${service}_1" "${check[@]}" >/dev/null 2>&1; then
      echo "    $service healthy ($(printf '%q ' "${check[@]}"))"
      return 0
    fi
    sleep 1
  done
  echo "images: $service did not become healthy" >&2
  return 1
}

stack_up() {
  API_PORT=$(free_port)
  WEB_PORT=$(free_port)
  node --import tsx "$HERE/compose-for-podman.ts" derive "$ROOT/docker-compose.yml" "$API_PORT" "$WEB_PORT" \
    >"$RUN_DIR/compose.yml"
  STACK_UP=1
  # podman-compose ignores depends_on conditions: start in their order, waiting on the same healthchecks.
  # It also ignores `cgroup:`; the worker's `cgroup: private` is passed to every container (harmless to the rest).
  "${COMPOSE[@]}" --podman-run-args=--cgroupns=private up -d --no-build redis postgres >"$RUN_DIR/up.log" 2>&1 ||
    {
      cat "$RUN_DIR/up.log" >&2
      return 1
    }
  wait_healthy redis
  wait_healthy postgres
  "${COMPOSE[@]}" --podman-run-args=--cgroupns=private up -d --no-build --no-deps api worker web \
    >>"$RUN_DIR/up.log" 2>&1 || {
    cat "$RUN_DIR/up.log" >&2
    return 1
  }
  echo "    api on 127.0.0.1:$API_PORT, web on 127.0.0.1:$WEB_PORT (project $PROJECT)"
}

judge() {
  node --import tsx "$HERE/judge-stack.ts" "http://127.0.0.1:$API_PORT" "http://127.0.0.1:$WEB_PORT"
}

step 'base image debian:bookworm-slim' base_debian
step 'base image node:20-bookworm-slim' base_node
step 'base image redis:7' base_service redis docker.io/library/redis:7
step 'base image postgres:15' base_service postgres docker.io/library/postgres:15
step 'build arbiter-api' build_app api
step 'build arbiter-worker' build_app worker
step 'build arbiter-web' build_app web
step 'start the compose stack' stack_up
step 'judge through the stack' judge

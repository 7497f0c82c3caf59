#!/usr/bin/env bash
# The two platform steps of `npm test` at once: the images built and judged through the compose stack
# (images.sh) and the sandbox and verdict suites on cgroup v2 in a User-Mode Linux guest (cgroup-v2.sh).
# The guest's kernel runs on one core and mostly waits on the host; the image build mostly waits on the
# package mirror and the disk: side by side they take little more than the longer of the two, where one
# after the other they would not fit CI's 90 minutes. Each line is prefixed with its step; both always run
# to the end, and the step fails when either does.
#
#   npm run test:platforms
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"

prefixed() { # prefixed <label> <command...>: runs it with each output line prefixed, returns its exit code
  local label=$1
  shift
  "$@" 2>&1 | while IFS= read -r line; do printf '[%s] %s\n' "$label" "$line"; done
  return "${PIPESTATUS[0]}"
}

start=$(date +%s)
prefixed images bash scripts/ci/images.sh &
images=$!
prefixed cgroup-v2 bash scripts/ci/cgroup-v2.sh &
guest=$!
trap 'kill "$images" "$guest" 2>/dev/null || true' INT TERM HUP

wait "$images"
images_rc=$?
echo "platforms: images step ended with exit code $images_rc after $(($(date +%s) - start)) s"
wait "$guest"
guest_rc=$?
echo "platforms: cgroup v2 step ended with exit code $guest_rc after $(($(date +%s) - start)) s"
[ "$images_rc" -eq 0 ] && [ "$guest_rc" -eq 0 ]

#!/bin/sh
# As the official redis image's entrypoint: redis-server runs as the redis user, owns /data, and listens on
# every interface without protected mode unless the arguments say otherwise.
set -eu
if [ "${1:-}" = redis-server ]; then
  case " $* " in
  *" --protected-mode "*) ;;
  *) set -- "$@" --protected-mode no ;;
  esac
  if [ "$(id -u)" = 0 ]; then
    chown -R redis:redis /data
    exec setpriv --reuid=redis --regid=redis --init-groups "$@"
  fi
fi
exec "$@"

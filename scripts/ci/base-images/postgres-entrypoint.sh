#!/bin/sh
# As the official postgres image's entrypoint: on first start, initdb with POSTGRES_USER (default postgres)
# and POSTGRES_PASSWORD (required), password authentication from the network, and the database POSTGRES_DB
# (default: the user's name); then the server runs as the postgres user, listening on every interface.
set -eu
if [ "${1:-}" = postgres ]; then
  if [ "$(id -u)" = 0 ]; then
    mkdir -p "$PGDATA" /var/run/postgresql
    chown -R postgres:postgres "$PGDATA" /var/run/postgresql
    chmod 700 "$PGDATA"
    exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
  fi
  if [ ! -s "$PGDATA/PG_VERSION" ]; then
    user=${POSTGRES_USER:-postgres}
    db=${POSTGRES_DB:-$user}
    if [ -z "${POSTGRES_PASSWORD:-}" ]; then
      echo 'POSTGRES_PASSWORD is not set: the database would accept no network login' >&2
      exit 1
    fi
    pwfile=$(mktemp)
    printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
    initdb --username="$user" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    rm -f "$pwfile"
    echo 'host all all all scram-sha-256' >>"$PGDATA/pg_hba.conf"
    echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"
    if [ "$db" != postgres ]; then
      pg_ctl -o "-c listen_addresses=''" -w start >/dev/null
      quoted=$(printf '%s' "$db" | sed 's/"/""/g')
      psql -v ON_ERROR_STOP=1 --username="$user" --dbname=postgres -c "CREATE DATABASE \"$quoted\"" >/dev/null
      pg_ctl -m fast -w stop >/dev/null
    fi
    echo "database cluster created in $PGDATA (user $user, database $db)"
  fi
fi
exec "$@"

#!/usr/bin/env bash
# Starts a throwaway PostgreSQL in <dir> on <port> (trust auth, localhost only).
# Debian's binaries refuse to run as root, so as root they run as the postgres user.
set -euo pipefail
DIR=${1:?usage: pg-start.sh <dir> <port>}
PORT=${2:?usage: pg-start.sh <dir> <port>}

find_pgbin() {
  if command -v pg_config >/dev/null 2>&1; then
    local bin
    bin=$(pg_config --bindir)
    [ -x "$bin/initdb" ] && { echo "$bin"; return; }
  fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

PGBIN=$(find_pgbin)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "PostgreSQL binaries not found; installing Debian's postgresql" >&2
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  else
    echo "run as root or install postgresql first" >&2; exit 1
  fi
  PGBIN=$(find_pgbin)
fi

as_pg() {
  if [ "$(id -u)" = 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

# The postgres user must reach its data dir; a checkout inside a private folder (a
# mktemp dir, a home dir) is out of its reach, so the data then lives in a /tmp folder
# named after the checkout, recorded in $DIR/location for pg-stop.sh.
mkdir -p "$DIR"
PGHOME="$DIR"
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  chown postgres "$DIR"
  if ! runuser -u postgres -- test -w "$DIR"; then
    PGHOME="$(dirname "$(mktemp -u)")/esimfly-pg-$(printf %s "$DIR" | sha1sum | cut -c1-12)"
    mkdir -p "$PGHOME" && chmod 755 "$PGHOME" && chown postgres "$PGHOME"
  fi
fi
echo "$PGHOME" >"$DIR/location"
if [ ! -f "$PGHOME/data/PG_VERSION" ]; then
  as_pg "$PGBIN/initdb" -D "$PGHOME/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; exit 1; }
fi
as_pg "$PGBIN/pg_ctl" -D "$PGHOME/data" -l "$PGHOME/server.log" -w -t 60 \
  -o "-p $PORT -k $PGHOME -c listen_addresses=localhost -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null || { cat "$PGHOME/server.log" >&2; exit 1; }
echo "PostgreSQL ready on localhost:$PORT (data in $PGHOME/data)"

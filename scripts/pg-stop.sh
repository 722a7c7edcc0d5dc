#!/usr/bin/env bash
# Stops the throwaway PostgreSQL started by pg-start.sh.
set -uo pipefail
DIR=${1:?usage: pg-stop.sh <dir>}
PGHOME=$(cat "$DIR/location" 2>/dev/null || echo "$DIR")
[ -f "$PGHOME/data/postmaster.pid" ] || exit 0
PGBIN=$( (pg_config --bindir 2>/dev/null) || ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
if [ "$(id -u)" = 0 ]; then
  (cd / && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGHOME/data" -m fast -w stop >/dev/null)
else
  (cd / && "$PGBIN/pg_ctl" -D "$PGHOME/data" -m fast -w stop >/dev/null)
fi

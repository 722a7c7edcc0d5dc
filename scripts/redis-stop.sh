#!/usr/bin/env bash
# Stops the throwaway Redis started by redis-start.sh <dir> (its pid file), waiting until it is gone.
set -uo pipefail
DIR=${1:?usage: redis-stop.sh <dir>}
PID=$(cat "$DIR/redis.pid" 2>/dev/null) || exit 0
[ -n "$PID" ] && kill -0 "$PID" 2>/dev/null || exit 0
kill -TERM "$PID"
for _ in $(seq 1 50); do
  kill -0 "$PID" 2>/dev/null || exit 0
  sleep 0.1
done
kill -KILL "$PID" 2>/dev/null || true

#!/usr/bin/env bash
# Starts a throwaway Redis in <dir> on <port>: localhost only, no persistence (no RDB, no AOF).
# Stop it with scripts/redis-stop.sh <dir>. Prints the redis:// URL.
set -euo pipefail
DIR=${1:?usage: redis-start.sh <dir> <port>}
PORT=${2:?usage: redis-start.sh <dir> <port>}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SERVER=$("$ROOT/scripts/ensure-redis.sh")
mkdir -p "$DIR"
"$SERVER" --port "$PORT" --bind 127.0.0.1 --protected-mode yes --dir "$DIR" \
  --save "" --appendonly no --daemonize yes --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log"
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && [ -s "$DIR/redis.pid" ]; then
    echo "redis://127.0.0.1:$PORT"
    exit 0
  fi
  sleep 0.1
done
cat "$DIR/redis.log" >&2 || true
echo "Redis did not start on port $PORT" >&2
exit 1

#!/usr/bin/env bash
# npm run demo: a throwaway PostgreSQL, the esimfly sandbox, the built plugin and a seeded demo
# Medusa app (demo/). Ctrl-C (or SIGTERM) stops all of it.
# Env: DEMO_PORT (9000), SANDBOX_PORT (4010), DEMO_PG_PORT (a free port), DEMO_DB_NAME,
# ESIMFLY_ACCESS_CODE / ESIMFLY_SECRET_KEY / ESIMFLY_BASE_URL (setting the base URL skips the sandbox).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/demo-lib.sh
. "$ROOT/scripts/demo-lib.sh"

export MEDUSA_DISABLE_TELEMETRY=true
STATE=$ROOT/.demo
PGDIR=$STATE/pg
LOGS=$STATE/logs
DEMO_PORT=${DEMO_PORT:-9000}
SANDBOX_PORT=${SANDBOX_PORT:-4010}
DB_NAME=${DEMO_DB_NAME:-medusa_esimfly_demo}
ADMIN_EMAIL=admin@esimfly.local
ADMIN_PASSWORD=supersecret
MEDUSA="$ROOT/node_modules/.bin/medusa"
USE_SANDBOX=1
[ -n "${ESIMFLY_BASE_URL:-}" ] && USE_SANDBOX=""
ESIMFLY_ACCESS_CODE=${ESIMFLY_ACCESS_CODE:-esf_sandbox_access}
ESIMFLY_SECRET_KEY=${ESIMFLY_SECRET_KEY:-sk_sandbox_secret}
ESIMFLY_BASE_URL=${ESIMFLY_BASE_URL:-http://localhost:$SANDBOX_PORT/api/v1/business}
SANDBOX_ROOT=http://localhost:$SANDBOX_PORT

PG_STARTED="" SANDBOX_PID="" MEDUSA_PID=""
cleanup() {
  local status=$?
  trap "" INT TERM HUP
  stop_group "$MEDUSA_PID" "medusa develop"
  stop_group "$SANDBOX_PID" "sandbox"
  if [ -n "$PG_STARTED" ]; then
    log "stopping PostgreSQL"
    "$ROOT/scripts/pg-stop.sh" "$PGDIR" || true
  fi
  log "stopped"
  exit "$status"
}
trap cleanup EXIT
trap "exit 130" INT
trap "exit 143" TERM
trap "exit 129" HUP

mkdir -p "$LOGS"
port_busy "$DEMO_PORT" && die "port $DEMO_PORT is in use; set DEMO_PORT"
[ -n "$USE_SANDBOX" ] && port_busy "$SANDBOX_PORT" && die "port $SANDBOX_PORT is in use; set SANDBOX_PORT"
if [ ! -d "$ROOT/node_modules/@medusajs/medusa" ]; then
  step "npm install (first run)" "$LOGS/npm-install.log" npm install --no-audit --no-fund
fi

PGPORT=${DEMO_PG_PORT:-$(node "$ROOT/scripts/free-port.js")}
"$ROOT/scripts/pg-stop.sh" "$PGDIR" >/dev/null 2>&1 || true # a server left by a killed run
PG_STARTED=1
step "PostgreSQL on localhost:$PGPORT" "$LOGS/pg-start.log" "$ROOT/scripts/pg-start.sh" "$PGDIR" "$PGPORT"

if [ -n "$USE_SANDBOX" ]; then
  log "esimfly sandbox on port $SANDBOX_PORT"
  setsid node -r ts-node/register/transpile-only sandbox/cli.ts --port "$SANDBOX_PORT" \
    >"$LOGS/sandbox.log" 2>&1 </dev/null &
  SANDBOX_PID=$!
fi

step "plugin build (medusa plugin:build)" "$LOGS/plugin-build.log" "$MEDUSA" plugin:build
if [ -n "$USE_SANDBOX" ]; then
  wait_for_url "$SANDBOX_ROOT/__sandbox/ledger" 60 "$SANDBOX_PID" "$LOGS/sandbox.log"
fi

umask 077
cat >"$ROOT/demo/.env" <<EOF
# Written by scripts/demo.sh on every run; edits are overwritten.
DATABASE_URL=postgres://postgres@localhost:$PGPORT/$DB_NAME
DB_NAME=$DB_NAME
MEDUSA_DISABLE_TELEMETRY=true
STORE_CORS=http://localhost:8000,http://localhost:$DEMO_PORT
ADMIN_CORS=http://localhost:$DEMO_PORT,http://localhost:5173
AUTH_CORS=http://localhost:$DEMO_PORT,http://localhost:5173,http://localhost:8000
JWT_SECRET=$(demo_secret "$STATE/jwt-secret")
COOKIE_SECRET=$(demo_secret "$STATE/cookie-secret")
ESIMFLY_ACCESS_CODE=$ESIMFLY_ACCESS_CODE
ESIMFLY_SECRET_KEY=$ESIMFLY_SECRET_KEY
ESIMFLY_BASE_URL=$ESIMFLY_BASE_URL
EOF
umask 022

cd "$ROOT/demo"
step "database $DB_NAME (medusa db:setup)" "$LOGS/db-setup.log" \
  "$MEDUSA" db:setup --db "$DB_NAME" --no-interactive
step "seed (medusa exec ./src/scripts/seed.ts)" "$LOGS/seed.log" "$MEDUSA" exec ./src/scripts/seed.ts
grep -o "seed: .*" "$LOGS/seed.log" | sed "s/^seed: /  /" || true

admin_exists() {
  command -v psql >/dev/null || return 1
  [ "$(psql -h localhost -p "$PGPORT" -U postgres -d "$DB_NAME" -tAc \
    "select count(*) from \"user\" where email = '$ADMIN_EMAIL' and deleted_at is null")" != 0 ]
}
if admin_exists; then
  log "admin user $ADMIN_EMAIL exists"
elif ! "$MEDUSA" user -e "$ADMIN_EMAIL" -p "$ADMIN_PASSWORD" >"$LOGS/user.log" 2>&1; then
  grep -qi "already exists" "$LOGS/user.log" || { tail -n 40 "$LOGS/user.log" >&2; die "medusa user failed"; }
else
  log "admin user $ADMIN_EMAIL created"
fi

log "medusa develop on port $DEMO_PORT"
setsid "$MEDUSA" develop --port "$DEMO_PORT" >"$LOGS/medusa.log" 2>&1 </dev/null &
MEDUSA_PID=$!
wait_for_url "http://localhost:$DEMO_PORT/health" 300 "$MEDUSA_PID" "$LOGS/medusa.log"
log "/health answers"
curl -sf -o /dev/null --max-time 60 "http://localhost:$DEMO_PORT/app" || log "warning: /app did not answer yet"

KEY=$(node -p 'require("./.demo-info.json").publishable_key')
cat <<EOF

========================================================================
 esimfly demo is running (ready after ${SECONDS}s)

 Admin       http://localhost:$DEMO_PORT/app
             login $ADMIN_EMAIL / $ADMIN_PASSWORD
 Store API   http://localhost:$DEMO_PORT/store
             header x-publishable-api-key: $KEY
 esimfly     $ESIMFLY_BASE_URL
EOF
[ -n "$USE_SANDBOX" ] && echo " Ledger      $SANDBOX_ROOT/__sandbox/ledger"
cat <<EOF
 Logs        .demo/logs/ (medusa.log has the eSIM emails)

 Try: curl -H "x-publishable-api-key: $KEY" http://localhost:$DEMO_PORT/store/products
 Ctrl-C to stop
========================================================================

EOF

wait -n $MEDUSA_PID $SANDBOX_PID || true
die "a demo process exited on its own; see .demo/logs/"

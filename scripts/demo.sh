#!/usr/bin/env bash
# npm run demo: a throwaway PostgreSQL, the esimfly sandbox, the built plugin and a seeded demo
# Medusa app (demo/). Ctrl-C (or SIGTERM) stops all of it.
# Env: DEMO_PORT (9000), SANDBOX_PORT (4010), DEMO_PG_PORT (a free port), DEMO_DB_NAME,
# DEMO_ADMIN=built (serve a built admin with `medusa start`),
# ESIMFLY_BASE_URL + ESIMFLY_ACCESS_CODE + ESIMFLY_SECRET_KEY (a real account: then no sandbox runs).
set -euo pipefail
# Started with "&" from a non-interactive shell, bash ignores SIGINT and cannot trap a signal ignored
# on entry; re-exec once with SIGINT restored so Ctrl-C and `kill -INT` still clean up.
if [ -z "${DEMO_SIGNALS_RESET:-}" ] && env --default-signal=INT true 2>/dev/null; then
  DEMO_SIGNALS_RESET=1 exec env --default-signal=INT bash "$0" "$@"
fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/demo-lib.sh
. "$ROOT/scripts/demo-lib.sh"
# shellcheck source=scripts/demo-app.sh
. "$ROOT/scripts/demo-app.sh"

export MEDUSA_DISABLE_TELEMETRY=true
STATE=$ROOT/.demo
PGDIR=$STATE/pg
LOGS=$STATE/logs
OUTBOX=$STATE/outbox # the demo's "sent" emails (demo/src/modules/outbox-notification)
DEMO_PORT=${DEMO_PORT:-9000}
SANDBOX_PORT=${SANDBOX_PORT:-4010}
DB_NAME=${DEMO_DB_NAME:-medusa_esimfly_demo}
ADMIN_EMAIL=admin@esimfly.local
ADMIN_PASSWORD=supersecret
MEDUSA="$ROOT/node_modules/.bin/medusa"
SANDBOX_ROOT=http://localhost:$SANDBOX_PORT
if [ -z "${ESIMFLY_BASE_URL:-}" ]; then
  # Sandbox mode: the simulator's default credentials, whatever the environment holds.
  USE_SANDBOX=1
  ESIMFLY_ACCESS_CODE=esf_sandbox_access
  ESIMFLY_SECRET_KEY=sk_sandbox_secret
  ESIMFLY_BASE_URL=$SANDBOX_ROOT/api/v1/business
else
  USE_SANDBOX=""
  : "${ESIMFLY_ACCESS_CODE:?is required with ESIMFLY_BASE_URL}"
  : "${ESIMFLY_SECRET_KEY:?is required with ESIMFLY_BASE_URL}"
fi

PG_STARTED="" SANDBOX_PID="" MEDUSA_PID=""
cleanup() {
  local status=$?
  trap "" INT TERM HUP
  stop_group "$MEDUSA_PID" "medusa"
  stop_group "$SANDBOX_PID" "sandbox"
  if [ -n "$PG_STARTED" ]; then
    log "stopping PostgreSQL"
    "$ROOT/scripts/pg-stop.sh" "$PGDIR" || true
  fi
  log "stopped"
  exit "$status"
}
trap cleanup EXIT
trap 'trap "" INT TERM HUP; exit 130' INT
trap 'trap "" INT TERM HUP; exit 143' TERM
trap 'trap "" INT TERM HUP; exit 129' HUP

mkdir -p "$LOGS"
exec 9>"$STATE/lock" # held by this shell only: every child gets 9>&-
if command -v flock >/dev/null; then
  flock -n 9 || die "another demo is running from $ROOT"
fi
port_busy "$DEMO_PORT" && die "port $DEMO_PORT is in use; set DEMO_PORT"
[ -n "$USE_SANDBOX" ] && port_busy "$SANDBOX_PORT" && die "port $SANDBOX_PORT is in use; set SANDBOX_PORT"
if [ ! -d "$ROOT/node_modules/@medusajs/medusa" ]; then
  step "npm install (first run)" "$LOGS/npm-install.log" npm install --no-audit --no-fund
fi

PGPORT=${DEMO_PG_PORT:-$(node "$ROOT/scripts/free-port.js")}
"$ROOT/scripts/pg-stop.sh" "$PGDIR" >/dev/null 2>&1 9>&- || true # a server left by a killed run
PG_STARTED=1
step "PostgreSQL on localhost:$PGPORT" "$LOGS/pg-start.log" "$ROOT/scripts/pg-start.sh" "$PGDIR" "$PGPORT"

if [ -n "$USE_SANDBOX" ]; then
  log "esimfly sandbox on port $SANDBOX_PORT"
  setsid node -r ts-node/register/transpile-only sandbox/cli.ts --port "$SANDBOX_PORT" \
    >"$LOGS/sandbox.log" 2>&1 </dev/null 9>&- &
  SANDBOX_PID=$!
fi
step "plugin build (medusa plugin:build)" "$LOGS/plugin-build.log" "$MEDUSA" plugin:build
if [ -n "$USE_SANDBOX" ]; then
  wait_for_url "$SANDBOX_ROOT/__sandbox/ledger" 60 "$SANDBOX_PID" "$LOGS/sandbox.log"
fi

write_demo_env "$ROOT/demo/.env"
cd "$ROOT/demo"
step "database $DB_NAME (medusa db:setup)" "$LOGS/db-setup.log" \
  "$MEDUSA" db:setup --db "$DB_NAME" --no-interactive
rm -f .env.template # db:setup copies DB_NAME into it; the demo's .env is written above
chmod 600 .env # db:setup rewrites it with default permissions
step "seed (medusa exec ./src/scripts/seed.ts)" "$LOGS/seed.log" "$MEDUSA" exec ./src/scripts/seed.ts
grep -o "seed: .*" "$LOGS/seed.log" | sed "s/^seed: /  /" || true
ensure_admin_user

if [ "${DEMO_ADMIN:-dev}" = built ]; then
  # A built admin served by `medusa start`: no Vite dev server warming up on first load, as in
  # production. NODE_ENV "demo" serves the build yet keeps the session cookie usable over http.
  step "admin build (medusa build --admin-only)" "$LOGS/admin-build.log" "$MEDUSA" build --admin-only
  rm -rf public/admin && mkdir -p public && cp -R .medusa/admin public/admin
  log "medusa start on port $DEMO_PORT (built admin)"
  setsid env NODE_ENV=demo "$MEDUSA" start --port "$DEMO_PORT" >"$LOGS/medusa.log" 2>&1 </dev/null 9>&- &
else
  log "medusa develop on port $DEMO_PORT"
  setsid "$MEDUSA" develop --port "$DEMO_PORT" >"$LOGS/medusa.log" 2>&1 </dev/null 9>&- &
fi
MEDUSA_PID=$!
wait_for_url "http://localhost:$DEMO_PORT/health" 300 "$MEDUSA_PID" "$LOGS/medusa.log"
log "/health answers"
http_ok "http://localhost:$DEMO_PORT/app" 60 || log "warning: /app did not answer yet"

print_banner "$(node -p 'require("./.demo-info.json").publishable_key')"
wait -n "$MEDUSA_PID" ${SANDBOX_PID:+"$SANDBOX_PID"} || true
die "medusa or the sandbox exited on its own; see .demo/logs/"

# The demo app's pieces for scripts/demo.sh (sourced, not run; uses its variables).

# A random hex secret, made once per checkout and kept in .demo/ so sessions survive restarts.
demo_secret() {
  local file=$1
  [ -s "$file" ] || node -e 'process.stdout.write(require("node:crypto").randomBytes(32).toString("hex"))' >"$file"
  cat "$file"
}

# write_demo_env <file>: the demo app's .env, rewritten on every run (owner-only).
write_demo_env() {
  local jwt cookie
  jwt=$(umask 077 && demo_secret "$STATE/jwt-secret")
  cookie=$(umask 077 && demo_secret "$STATE/cookie-secret")
  (umask 077 && cat >"$1") <<EOT
# Written by scripts/demo.sh on every run; edits are overwritten.
DATABASE_URL=postgres://postgres@localhost:$PGPORT/$DB_NAME
DB_NAME=$DB_NAME
MEDUSA_DISABLE_TELEMETRY=true
STORE_CORS=http://localhost:8000,http://localhost:$DEMO_PORT
ADMIN_CORS=http://localhost:$DEMO_PORT,http://localhost:5173
AUTH_CORS=http://localhost:$DEMO_PORT,http://localhost:5173,http://localhost:8000
JWT_SECRET=$jwt
COOKIE_SECRET=$cookie
ESIMFLY_ACCESS_CODE=$ESIMFLY_ACCESS_CODE
ESIMFLY_SECRET_KEY=$ESIMFLY_SECRET_KEY
ESIMFLY_BASE_URL=$ESIMFLY_BASE_URL
DEMO_OUTBOX_DIR=$OUTBOX
MEDUSA_BACKEND_URL=http://localhost:$DEMO_PORT
EOT
}

admin_user_exists() {
  command -v psql >/dev/null || return 1
  [ "$(psql -h localhost -p "$PGPORT" -U postgres -d "$DB_NAME" -tAc \
    "select count(*) from \"user\" where email = '$ADMIN_EMAIL' and deleted_at is null" 2>/dev/null)" = 1 ]
}

# `medusa user` boots the whole app (~5 s), so ask the database first.
ensure_admin_user() {
  if admin_user_exists; then
    log "admin user $ADMIN_EMAIL already there"
    return
  fi
  log "admin user $ADMIN_EMAIL (medusa user)"
  if ! "$MEDUSA" user -e "$ADMIN_EMAIL" -p "$ADMIN_PASSWORD" >"$LOGS/user.log" 2>&1 9>&-; then
    grep -qi "already exists" "$LOGS/user.log" && return
    tail -n 40 "$LOGS/user.log" >&2
    die "medusa user failed (full log: $LOGS/user.log)"
  fi
}

# print_banner <publishable key>
print_banner() {
  local api="esimfly     $ESIMFLY_BASE_URL"
  [ -n "$USE_SANDBOX" ] && api="Sandbox     $ESIMFLY_BASE_URL
 Ledger      $SANDBOX_ROOT/__sandbox/ledger"
  cat <<EOT

========================================================================
 esimfly demo is running (ready after ${SECONDS}s)

 Admin       http://localhost:$DEMO_PORT/app
             login $ADMIN_EMAIL / $ADMIN_PASSWORD
 Store API   http://localhost:$DEMO_PORT/store
             header x-publishable-api-key: $1
 $api
 Outbox      $OUTBOX/ (each email as .html: open it in a browser)
 Logs        .demo/logs/

 Buy one:    bash scripts/demo-buy.sh   (or --customer, as a signed-in shopper)
 Try: curl -H "x-publishable-api-key: $1" http://localhost:$DEMO_PORT/store/products
 Ctrl-C to stop
========================================================================

EOT
}

#!/usr/bin/env bash
# npm test: lint, unit tests, then module, HTTP and process tests against a throwaway PostgreSQL
# (and, for the process tier, a throwaway Redis).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export MEDUSA_DISABLE_TELEMETRY=true

WORK=$(mktemp -d -t esimfly-test.XXXXXX)
chmod 755 "$WORK" # the postgres user must reach its data dir inside
PGPORT=${PGPORT:-$(node scripts/free-port.js)}
cleanup() {
  scripts/redis-stop.sh "$WORK/redis" 2>/dev/null || true
  scripts/pg-stop.sh "$WORK/pg" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
scripts/pg-start.sh "$WORK/pg" "$PGPORT"
export DB_HOST=localhost DB_PORT=$PGPORT DB_USERNAME=postgres DB_PASSWORD=

# The process tier starts real Medusa processes (a server and a worker share this Redis) and
# writes their logs under $WORK/process-logs, so the scan below reads them too.
process_env() {
  local url
  url=$(scripts/redis-start.sh "$WORK/redis" "$(node scripts/free-port.js)") || return 1
  mkdir -p "$WORK/process-logs"
  echo "ESIMFLY_TEST_REDIS_URL=$url ESIMFLY_PROCESS_LOG_DIR=$WORK/process-logs"
}

failed=()
# First tier: formatting (Prettier), both type-checks (server and admin) and the docs' links.
echo
echo "=== lint ==="
npm run --silent lint || failed+=("lint")

for tier in unit integration:modules integration:http integration:process; do
  echo
  echo "=== $tier ==="
  extra=""
  if [ "$tier" = integration:process ] && ! extra=$(process_env); then
    echo "could not start Redis for $tier"
    failed+=("$tier")
    continue
  fi
  # shellcheck disable=SC2086 # $extra is a list of NAME=value words
  env $extra npm run --silent "test:$tier" -- --json --outputFile="$WORK/${tier//:/-}.json" 2>&1 | tee "$WORK/${tier//:/-}.log" \
    || failed+=("$tier")
done

# Every log the suite wrote: no secret key, no signature (the client never logs them).
mapfile -t process_logs < <(find "$WORK/process-logs" -name "*.log" 2>/dev/null)
node scripts/scan-logs.js "$WORK"/*.log "${process_logs[@]}" || failed+=("log scan")
node scripts/test-summary.js "$WORK/unit.json" "$WORK/integration-modules.json" "$WORK/integration-http.json" \
  "$WORK/integration-process.json"
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed tiers: ${failed[*]}"
  exit 1
fi

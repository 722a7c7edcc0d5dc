#!/usr/bin/env bash
# npm run test:browser: the demo (PostgreSQL, sandbox, app with the plugin) on free ports, a real
# order with eSIMs, then Chromium through Medusa Admin, the hosted eSIM page and the emails. Screenshots land in artifacts/browser/.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
ARTIFACTS=$ROOT/artifacts/browser
mkdir -p "$ARTIFACTS"
CHROMIUM_PATH=$(scripts/ensure-chromium.sh)
export CHROMIUM_PATH
export DEMO_PORT=${DEMO_PORT:-$(node scripts/free-port.js)}
export SANDBOX_PORT=${SANDBOX_PORT:-$(node scripts/free-port.js)}
# The eSIM page sends a top-up cart here; the page test answers this address itself.
export DEMO_CHECKOUT_URL=https://checkout.example.test/checkout?cart={cart_id}

DEMO_PID=""
stop_demo() {
  [ -n "$DEMO_PID" ] || return 0
  kill -INT -- "-$DEMO_PID" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$DEMO_PID" 2>/dev/null || return 0; sleep 0.5; done
  kill -KILL -- "-$DEMO_PID" 2>/dev/null || true
}
trap stop_demo EXIT

DEMO_ADMIN=built setsid bash scripts/demo.sh >"$ARTIFACTS/demo.log" 2>&1 &
DEMO_PID=$!
echo "browser test: demo starting on port $DEMO_PORT (sandbox $SANDBOX_PORT), log in $ARTIFACTS/demo.log"
for _ in $(seq 1 240); do
  curl -fsS "http://localhost:$DEMO_PORT/health" >/dev/null 2>&1 && break
  kill -0 "$DEMO_PID" 2>/dev/null || { tail -n 40 "$ARTIFACTS/demo.log"; echo "browser test: the demo stopped"; exit 1; }
  sleep 1
done
curl -fsS "http://localhost:$DEMO_PORT/health" >/dev/null || { tail -n 40 "$ARTIFACTS/demo.log"; exit 1; }
# BROWSER_TESTS picks the files; one after the other, as they share the demo's sandbox.
FAILED=0
for file in ${BROWSER_TESTS:-integration-tests/browser/admin.e2e.mjs integration-tests/browser/esim-page.e2e.mjs integration-tests/browser/emails.e2e.mjs}; do
  echo "browser test: $file"
  node "$file" || FAILED=1
done
exit "$FAILED"

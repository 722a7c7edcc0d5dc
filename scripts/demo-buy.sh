#!/usr/bin/env bash
# Buys one eSIM in the running demo (npm run demo) through the store API and shows the delivery:
# the outbox email, the order's eSIMs and the sandbox ledger. --customer signs up a customer first.
# Env: DEMO_PORT (9000), SANDBOX_PORT (4010), DEMO_BUY_WAIT_MS (30000, how long to wait for the email).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
case "${1:-}" in
  "" | --customer) ;;
  *)
    echo "usage: bash scripts/demo-buy.sh [--customer]" >&2
    exit 2
    ;;
esac
port=${DEMO_PORT:-9000}
if ! node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(10000) })
  .then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "http://localhost:$port/health"; then
  echo "demo-buy: the demo is not running (no answer from http://localhost:$port/health); start it with npm run demo" >&2
  exit 1
fi
exec node "$ROOT/scripts/demo-buy.mjs" "$@"

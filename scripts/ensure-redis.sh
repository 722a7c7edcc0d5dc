#!/usr/bin/env bash
# Prints the path of a redis-server the process tests can start; installs Debian's redis-server
# package when it is missing (nothing is downloaded at npm install).
set -euo pipefail
for candidate in "${REDIS_SERVER:-}" "$(command -v redis-server 2>/dev/null || true)" /usr/bin/redis-server; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    echo "$candidate"
    exit 0
  fi
done
if [ "$(id -u)" != 0 ]; then
  echo "redis-server is missing: install Debian's redis-server package (apt-get install redis-server) or set REDIS_SERVER" >&2
  exit 1
fi
echo "installing Debian's redis-server package" >&2
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >&2
echo /usr/bin/redis-server

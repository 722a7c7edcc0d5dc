#!/usr/bin/env bash
# Prints the path of a Chromium the browser test can drive; installs Debian's package when it is
# missing (playwright-core never downloads a browser of its own).
set -euo pipefail
for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    echo "$candidate"
    exit 0
  fi
done
if [ "$(id -u)" != 0 ]; then
  echo "Chromium is missing: install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH" >&2
  exit 1
fi
echo "installing Debian's chromium package" >&2
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
echo /usr/bin/chromium

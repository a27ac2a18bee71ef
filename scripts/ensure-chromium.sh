#!/usr/bin/env bash
# Make sure headless Chromium is installed for the browser tests (Debian's `chromium`).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "warning: chromium is missing and this user cannot install it; browser tests will fail (apt-get install chromium)" >&2
    exit 0
  fi
fi
echo "installing Debian chromium for the browser tests..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
command -v chromium

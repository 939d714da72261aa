#!/usr/bin/env bash
# Makes sure Debian's chromium is installed for the browser tests (sessions and CI run as root).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "Chromium is missing: installing Debian's chromium package (needs root and apt)..."
if [ "$(id -u)" -ne 0 ]; then
  echo "Not root: run 'sudo apt-get install -y chromium' and try again." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
/usr/bin/chromium --version

#!/usr/bin/env bash
# Installs what `npm start` and `npm test` need on a Debian machine that has Node 20 and npm: Debian packages
# (redis-server; librdkafka-dev and gcc for the dev Kafka broker; acl; chromium for the web chat's browser test, driven
# by playwright-core), the npm packages, and the build.
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -f /usr/include/librdkafka/rdkafka_mock.h ] || missing+=(librdkafka-dev)
command -v gcc >/dev/null 2>&1 || missing+=(gcc)
command -v setfacl >/dev/null 2>&1 || missing+=(acl)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "» installing Debian packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "» installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

echo "» building"
npm run build --silent

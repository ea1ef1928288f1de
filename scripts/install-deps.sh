#!/usr/bin/env bash
# Installs the Debian packages kg needs to build and test. Idempotent: installs only what is missing.
# Runs as root, or through sudo where not root.
set -euo pipefail

BUILD_PKGS="librocksdb-dev libboost-graph-dev libcereal-dev libserd-dev libgtest-dev googletest \
wordnet-base wordnet-dev zlib1g-dev libcli11-dev nlohmann-json3-dev libbenchmark-dev libsqlite3-dev cmake g++ make \
libcpp-httplib-dev graphviz"
TEST_PKGS="python3-rdflib python3-networkx raptor2-utils chromium"

want="$BUILD_PKGS"
if [ "${1:-}" = "--test" ]; then want="$want $TEST_PKGS"; fi

missing=""
for p in $want; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

# The web explorer's graph library and the browser test's driver (web/package-lock.json), from the
# npm registry into web/node_modules; skipped when node_modules matches the lock or npm is absent.
web_deps() {
  local web
  web="$(cd "$(dirname "$0")/.." && pwd)/web"
  [ -f "$web/package-lock.json" ] || return 0
  if ! command -v npm >/dev/null 2>&1; then
    echo "install-deps: npm not found; the web page of kg serve will lack its graph library" >&2
    return 0
  fi
  if [ -f "$web/node_modules/.package-lock.json" ] &&
     [ ! "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]; then
    return 0
  fi
  (cd "$web" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) ||
    echo "install-deps: npm ci in web/ failed; the web page of kg serve will lack its graph library" >&2
}
web_deps

[ -z "$missing" ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-deps: missing packages:$missing; run as root or install sudo" >&2; exit 1
  fi
fi
echo "install-deps: installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || echo "install-deps: apt-get update failed; trying with the cached lists" >&2
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null

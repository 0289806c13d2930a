#!/usr/bin/env bash
# `npm run test:node [-- VERSION... [-- JEST_ARGS...]]`: runs the built test suite (jest on dist/) on other Node
# versions, each taken from the npm registry's `node` package (npx -p node@VERSION), then prints one line per
# version and exits non-zero if any failed. Defaults: Node 22 and 24, the whole suite.
#   npm run test:node -- 22 24 -- dist/test/unit dist/test/http/server
# Needs a build first (npm run test:node does it) and the registry (the first run downloads each Node, ~30 MB).
set -uo pipefail
cd "$(dirname "$0")/.."

versions=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  versions+=("$1")
  shift
done
[ "${1:-}" = "--" ] && shift
[ ${#versions[@]} -eq 0 ] && versions=(22 24)

if [ ! -d dist/test ]; then
  echo "dist/test is missing: run npm run build first" >&2
  exit 2
fi

summary=()
status=0
for version in "${versions[@]}"; do
  echo "=== Node ${version} (npm package node@${version}) ==="
  actual=$(npx -y -p "node@${version}" node --version 2>/dev/null)
  if [ -z "$actual" ]; then
    summary+=("node@${version}: could not be installed from the npm registry")
    status=1
    continue
  fi
  log=$(mktemp)
  npx -y -p "node@${version}" node --experimental-vm-modules node_modules/jest/bin/jest.js "$@" 2>&1 | tee "$log"
  code=${PIPESTATUS[0]}
  tests=$(grep -E '^Tests:' "$log" | tail -1)
  suites=$(grep -E '^Test Suites:' "$log" | tail -1)
  rm -f "$log"
  summary+=("Node ${actual}: exit ${code}; ${suites:-no suite summary}; ${tests:-no test summary}")
  [ "$code" -ne 0 ] && status=1
done

echo
echo "=== Summary ==="
printf '%s\n' "${summary[@]}"
exit "$status"

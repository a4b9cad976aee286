#!/usr/bin/env bash
# api-lint — lints the REST API's OpenAPI document with the project's pinned linters (server/api-lint):
# Redocly CLI (recommended ruleset, redocly.yaml) and Spectral (spectral:oas, .spectral.yaml).
# Fails on any error or warning from either. Usage: .ci/api-lint.sh [openapi.json] (default: the server's).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lint="$root/server/api-lint"
doc="$(realpath "${1:-$root/server/src/main/resources/openapi.json}")"
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true SCARF_ANALYTICS=false DO_NOT_TRACK=1
cd "$lint"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
status=0
echo "== api-lint: Redocly (recommended) on ${doc#"$root"/}"
if ! out="$(npx --no-install redocly lint "$doc" --config redocly.yaml --format=stylish 2>&1)"; then
  status=1
fi
# Redocly exits 0 on warnings: they fail here too. Its Node.js deprecation banner (box lines) is dropped.
printf '%s\n' "$out" | grep -v '[║╔╚]' | sed '/^[[:space:]]*$/d'
if printf '%s\n' "$out" | grep -Eq '^[[:space:]]*[0-9]+:[0-9]+[[:space:]]+(error|warning)[[:space:]]|You have [0-9]+ warning'; then
  status=1
fi
echo "== api-lint: Spectral (spectral:oas) on ${doc#"$root"/}"
if ! npx --no-install spectral lint "$doc" --ruleset .spectral.yaml --fail-severity=warn; then
  status=1
fi
if [ "$status" -ne 0 ]; then
  echo "== api-lint FAILED: fix every error and warning above" >&2
  exit 1
fi
echo "== api-lint passed: 0 errors, 0 warnings"

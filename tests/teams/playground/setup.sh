#!/usr/bin/env bash
# Prepares the real-client Teams test: Debian's Chromium and Microsoft's Agents Playground.
# Called by `make test` (and so by .ci/run). Idempotent; does nothing when both are present.
# Playwright never downloads a browser here: the test drives /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "setup.sh: need root to run: $*" >&2; return 1; fi
}

missing=()
[ -x "${PLAYGROUND_CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup.sh: installing ${missing[*]} from Debian" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# The Playground is Microsoft pre-release software: installed from npm, never vendored.
if [ ! -f node_modules/@microsoft/m365agentsplayground/cli.js ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

#!/usr/bin/env bash
# Installs the SARIF validators the test suite runs on every SARIF document it produces
# (tests/test_sarif.cpp): Microsoft's SARIF Multitool, with GitHub's ingestion rules, and the npm
# `jsonschema` package that github/codeql-action's upload-sarif validates with. Everything comes from
# the npm registry, into a project-local directory (default build-tools/sarif, gitignored; the tests
# also look at $ZDLINT_SARIF_TOOLS). Installs Debian's nodejs and npm first when npm is missing.
# Safe to run again: when everything is installed it changes nothing and needs no network.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${ZDLINT_SARIF_TOOLS:-$root/build-tools/sarif}
multitool=$dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool

if ! command -v npm >/dev/null 2>&1; then
  # Debian 12's nodejs (18) and npm are enough; a newer node already installed (with its npm) is kept.
  if [ "$(id -u)" -eq 0 ]; then as_root=(env DEBIAN_FRONTEND=noninteractive)
  elif command -v sudo >/dev/null 2>&1; then as_root=(sudo env DEBIAN_FRONTEND=noninteractive)
  else echo "install-sarif-tools: error: npm not found; install nodejs and npm" >&2; exit 1; fi
  echo "install-sarif-tools: installing nodejs npm"
  "${as_root[@]}" apt-get update
  "${as_root[@]}" apt-get install -y --no-install-recommends nodejs npm
fi
if [ -x "$multitool" ] && [ -d "$dir/node_modules/jsonschema" ]; then
  echo "install-sarif-tools: already installed in $dir"
  exit 0
fi
mkdir -p "$dir"
cd "$dir"
[ -f package.json ] || echo '{"name": "zdlint-sarif-tools", "private": true}' > package.json
# Exact versions: validation results must not change under us.
npm install --no-audit --no-fund --save-exact jsonschema@1.5.0 @microsoft/sarif-multitool@5.7.0
# npm may skip the package's `chmod u+x` postinstall script.
chmod u+x "$multitool"
"$multitool" --version | head -1
echo "install-sarif-tools: installed in $dir"

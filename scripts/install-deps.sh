#!/usr/bin/env bash
# Installs the Debian 12 (bookworm) packages zdlint needs to build and test (--build-only: to build).
# Runs apt-get as root, or through sudo when not root. Safe to run again: when every package is
# already installed it changes nothing and needs no network.
set -euo pipefail

# What building the zdlint binary needs (cmake -DZDLINT_TESTS=OFF).
build_packages=(
  g++ cmake ninja-build pkg-config
  libpg-query-dev libprotobuf-c-dev libcli11-dev nlohmann-json3-dev libfmt-dev libtomlplusplus-dev libjemalloc-dev
)
# What the test suite needs besides.
test_packages=(
  doctest-dev
  postgresql-15 libpq-dev
  git ca-certificates
  pre-commit
  clang libclang-rt-14-dev
  llvm  # llvm-symbolizer: the fuzzers' leak suppressions (tests/lsan.supp) match function names
)
# --build-only: the binary alone, as the GitHub Action (action.yml) builds it.
if [ "${1:-}" = --build-only ]; then
  packages=("${build_packages[@]}")
else
  packages=("${build_packages[@]}" "${test_packages[@]}")
fi

die() { echo "install-deps: error: $*" >&2; exit 1; }

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
  die "apt-get not found. zdlint's dependencies are Debian packages; on another system install the equivalents of: ${packages[*]}"
fi

if [ -r /etc/os-release ]; then
  # shellcheck disable=SC1091
  . /etc/os-release
  if [ "${ID:-}" != debian ] || [ "${VERSION_ID:-}" != 12 ]; then
    echo "install-deps: warning: tested on Debian 12 (bookworm); this is ${PRETTY_NAME:-unknown}" >&2
  fi
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = installed ] || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=(env DEBIAN_FRONTEND=noninteractive)
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo env DEBIAN_FRONTEND=noninteractive)
else
  die "not running as root and sudo is not installed; run this script as root, or install: ${missing[*]}"
fi

echo "install-deps: installing ${missing[*]}"
"${as_root[@]}" apt-get update
"${as_root[@]}" apt-get install -y --no-install-recommends "${packages[@]}"

#!/usr/bin/env bash
# Installs every Debian package ppm's build, tests, bindings and reports need.
# Idempotent; runs as root (or through sudo) on a fresh Debian 12 machine.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libboost-graph-dev libboost-date-time-dev libeigen3-dev
  catch2 libbenchmark-dev libcli11-dev
  nlohmann-json3-dev libpugixml-dev coinor-libcbc-dev libsqlite3-dev
  pybind11-dev python3-pybind11 python3-dev python3-numpy python3-pandas python3-pytest
  libxml2-utils
  python3-jsonschema
  python3-distributed python3-matplotlib
  chromium
  clang-14 libclang-rt-14-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "setup: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"

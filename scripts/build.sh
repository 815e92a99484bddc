#!/usr/bin/env bash
# Configures and builds ppm into build/ (or $PPM_BUILD_DIR). Extra arguments go to cmake.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${PPM_BUILD_DIR:-build}"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="${PPM_BUILD_TYPE:-Release}" \
  -DPython_EXECUTABLE=/usr/bin/python3 -DPPM_BUILD_PYTHON=ON -DPPM_WERROR=ON "$@"
cmake --build "$BUILD_DIR" -j "$(nproc)"

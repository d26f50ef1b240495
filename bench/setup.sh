#!/usr/bin/env bash
# Tools the benchmarks drive but the project does not depend on: wrk (Debian) and Datasette in its own venv.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi
if [ ! -x bench/out/datasette-venv/bin/datasette ]; then
    python3 -m venv bench/out/datasette-venv
    bench/out/datasette-venv/bin/pip install --quiet "datasette==0.65.5"
fi

#!/usr/bin/env bash
# Installs R and data.table from Debian's own packages (r-base-core, r-cran-data.table), so that the R yardstick
# of issue 17 (benchmarks/r/qof_prevalence.R) runs in the test suite: RComparisonTest checks R's QOF cells against
# ours cell for cell, and phm bench reports the speed ratio. Idempotent; without root or sudo it says so and the
# R tests skip with a message.
set -euo pipefail

if command -v Rscript >/dev/null 2>&1 && Rscript -e 'quit(status = !requireNamespace("data.table", quietly = TRUE))' >/dev/null 2>&1; then
    echo "r-setup: Rscript and data.table already present"
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
else
    echo "r-setup: need root (or sudo) to install r-base-core r-cran-data.table; the R comparison will be skipped" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends r-base-core r-cran-data.table
echo "r-setup: installed r-base-core and r-cran-data.table"

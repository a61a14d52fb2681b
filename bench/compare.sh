#!/bin/sh
# Benchmarks netmap against python-igraph and NetworkX on the same generated graphs, in one run.
#   bench/compare.sh            full run (about 3–4 minutes on 2 cores, see BENCHMARKS.md)
#   BENCH_QUICK=1 bench/compare.sh   smaller graphs, for a quick look
# Needs: swift, python3 with networkx and igraph (pip install igraph networkx scipy).
set -eu
cd "$(dirname "$0")/.."
SCRATCH="${SCRATCH:-.build-bench}"
swift build -c release --product netmap-bench --scratch-path "$SCRATCH" >&2
NETMAP_BENCH="$PWD/$SCRATCH/release/netmap-bench" exec python3 bench/compare.py

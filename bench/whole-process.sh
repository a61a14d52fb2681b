#!/bin/sh
# Whole-process benchmark: netmap commands against python-igraph scripts (Python start-up included) on the same
# Barabási–Albert ties at 10k, 100k and 1M ties (BENCH_10M=1 adds 10M), in one run: wall and CPU time, peak
# memory, ratios, the growth from one size to the next, and the load cost of each input format.
#   bench/whole-process.sh                 about 10 minutes here
#   BENCH_SIZES=10k,100k bench/whole-process.sh
#   BENCH_LOAD_ONLY=1: only the load table per format at 1M ties (with python-igraph's Read_GraphML beside GraphML)
#   and PageRank on the GraphML file
#   BENCH_SEEDS=N: Louvain and Leiden modularity as the mean over seeds 1..N for both tools (default 20 up to
#   100k ties, 5 above); Leiden's is given for netmap's default (4 iterations) and for igraph's 2
#   BENCH_TASKS=louvain,leiden: only those rows (no load-per-format table; neither when only 10m runs)
# Needs: swift, python3 with igraph (pip install igraph), /usr/bin/time (GNU).
set -eu
cd "$(dirname "$0")/.."
if [ -z "${NETMAP:-}" ]; then   # NETMAP=path/to/release/netmap skips the build
    SCRATCH="${SCRATCH:-.build-bench}"
    swift build -c release --product netmap --scratch-path "$SCRATCH" >&2
    NETMAP="$PWD/$SCRATCH/release/netmap"
fi
NETMAP="$NETMAP" exec python3 bench/whole_process.py

#!/usr/bin/env bash
# Loading a 1M-edge CSV edge list through netmap's own reader (`netmap validate`) and through NetworkX
# (csv module into a MultiDiGraph with the relation as an edge attribute), in one run: time and peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product netmap >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/edges.csv" <<'PY'
import random, sys
random.seed(1)
n = 100_000
with open(sys.argv[1], "w") as f:
    f.write("from,to,relation\n")
    for _ in range(1_000_000):
        f.write(f"n{random.randrange(n)},n{random.randrange(n)},cooperates_with\n")
PY
measure() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }
read -r nm_s nm_kb < <(measure .build/release/netmap validate "$work/edges.csv")
read -r nx_s nx_kb < <(measure python3 -c '
import csv, sys, networkx as nx
g = nx.MultiDiGraph()
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    for row in csv.DictReader(f):
        g.add_edge(row["from"], row["to"], relation=row["relation"])
print(g.number_of_nodes(), g.number_of_edges())
' "$work/edges.csv")
awk -v a="$nm_s" -v b="$nm_kb" -v c="$nx_s" -v d="$nx_kb" 'BEGIN {
  printf "load 1M-edge CSV   netmap %ss %dMB   NetworkX %ss %dMB   time nx/netmap %.1f   memory nx/netmap %.1f\n", a, b / 1024, c, d / 1024, c / a, d / b }'

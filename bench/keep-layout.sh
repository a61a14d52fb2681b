#!/usr/bin/env bash
# Measures how far the old nodes move when one partner region is added to a network, with and without
# --keep-layout (the table in docs/diagrams.md). Usage: bench/keep-layout.sh [path/to/netmap]
set -euo pipefail
cd "$(dirname "$0")/.."
NETMAP=${1:-.build/debug/netmap}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One new region tied to the county the network is about.
extra() {
  cat > "$work/extra.yaml" <<YAML
nodes:
  - id: ny-partnerregion
    label: Ny partnerregion i Skåne
    kind: region
    country: SE
edges:
  - {from: $1, to: ny-partnerregion, relation: partner_of}
YAML
}

mean() {
  python3 - "$1" "$2" <<'PY'
import json, math, sys
a = json.load(open(sys.argv[1]))["nodes"]; b = json.load(open(sys.argv[2]))["nodes"]
d = [math.dist(a[k], b[k]) for k in sorted(a) if k in b]
print(f"{sum(d) / len(d):.2f} pt (max {max(d):.2f})")
PY
}

measure() { # name, county id, layout, input...
  local name=$1 county=$2 layout=$3; shift 3
  extra "$county"
  "$NETMAP" render "$@" -o "$work/before.svg" --layout "$layout" --positions "$work/before.json"
  "$NETMAP" render "$@" "$work/extra.yaml" -o "$work/free.svg" --layout "$layout" --positions "$work/free.json"
  local kept="—"
  if [ "$layout" = neato ]; then
    "$NETMAP" render "$@" "$work/extra.yaml" -o "$work/kept.svg" --keep-layout "$work/before.json" --positions "$work/kept.json"
    kept=$(mean "$work/before.json" "$work/kept.json")
  fi
  echo "| $name + 1 region | $layout | $(mean "$work/before.json" "$work/free.json") | $kept |"
}

echo "| network | layout | mean displacement of old nodes, no \`--keep-layout\` | with \`--keep-layout\` |"
echo "|---|---|---|---|"
measure "test network (22 nodes)" provefylket neato Tests/Fixtures/rendering/sample.yaml
measure "bundled data (194 nodes)" trondelag-fk neato data
measure "bundled data (194 nodes)" trondelag-fk sfdp data

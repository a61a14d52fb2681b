#!/usr/bin/env bash
# Time of `netmap render` (layout, page fitting, tie routing, final drawing) beside Graphviz's own neato on
# the same network's DOT text with obstacle-avoiding splines (splines=true), in one run.
# Usage: bench/render.sh [path to netmap binary]   (default: a release build, made if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
NETMAP=${1:-.build/release/netmap}
[ -x "$NETMAP" ] || swift build -c release --product netmap >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc; }
printf "%-58s %10s %10s %7s\n" "drawing" "netmap s" "neato s" "ratio"
while IFS='|' read -r name args; do
  # shellcheck disable=SC2086
  t1=$(seconds "$NETMAP" render $args -o "$out/x.svg")
  # shellcheck disable=SC2086
  "$NETMAP" render $args -o "$out/x.dot" >/dev/null 2>&1
  sed -i 's/splines="false"/splines="true"/' "$out/x.dot"
  t2=$(seconds neato -Tsvg -Gsplines=true -Goverlap=prism "$out/x.dot" -o "$out/y.svg")
  printf "%-58s %10.2f %10.2f %7.2f\n" "$name" "$t1" "$t2" "$(echo "$t1 / $t2" | bc -l)"
done <<'LIST'
render data/trondelag-2020.yaml|data/trondelag-2020.yaml
render data/trondelag-2020.yaml --page a3-landscape|data/trondelag-2020.yaml --page a3-landscape
render data|data
render data --ego trondelag-fk --radius 1 --page a4|data --ego trondelag-fk --radius 1 --page a4
render data/telemark-2035.yaml|data/telemark-2035.yaml
LIST

#!/usr/bin/env bash
# Leave-one-project-out evaluation of `netmap consortium`'s ranking against consortia that really formed
# (issue 16; results and method in BENCHMARKS.md, "Consortium ranking against real consortia").
#   bench/consortium-eval.sh            needs ../shared/data next to the package
# Writes out/consortium-eval.json and prints the tables; then times one --candidates query on the full
# Research Council network. Set NETMAP to use a binary you built (default: a release build of this tree).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${DATA:-../shared/data}"
GRANTS="$DATA/forskningsradet-eu-grants/dataset.csv"
PARTNERS="$DATA/interreg-swedish-partners/rawdata.json"
for file in "$GRANTS" "$PARTNERS"; do
  [ -f "$file" ] || { echo "consortium-eval: $file is missing (the shared data of issue 16)" >&2; exit 1; }
done
if [ -z "${NETMAP:-}" ]; then
  swift build -c release --product netmap >&2
  NETMAP="$PWD/.build/release/netmap"
fi
mkdir -p out
start=$(date +%s)
"$NETMAP" evaluate-consortium --forskningsradet "$GRANTS" --interreg "$PARTNERS" -o out/consortium-eval.json
echo "whole evaluation: $(( $(date +%s) - start )) s (wall clock); out/consortium-eval.json written"

# One query on the full Research Council network: import once, then time the query alone.
"$NETMAP" import forskningsradet --grants "$GRANTS" -o out/forskningsradet 2>/dev/null
/usr/bin/time -f "one --candidates query on the full Research Council network: %e s wall, %U s user, %M KB peak" \
  "$NETMAP" consortium out/forskningsradet --programme none --lead "TRØNDELAG FYLKESKOMMUNE" \
  --theme "territorial responsible research and innovation" --candidates 10 > /dev/null

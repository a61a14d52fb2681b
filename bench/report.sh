#!/usr/bin/env bash
# The report page in headless Chromium: size, navigation → interactive, and panning, beside the bare SVG that
# `netmap render` draws of the same network (what a browser needs to show the drawing alone).
# Networks: data/, the CORDIS sample (791 nodes) and the Research Council's Horizon 2020 grants (2,647 nodes),
# imported from ../shared/data (SHARED=folder to override). Results: BENCHMARKS.md, "The report page".
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
[ -d "$SHARED/data" ] || SHARED=/work/shared
NETMAP=${NETMAP:-.build/debug/netmap}
make --no-print-directory build browser-deps >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
$NETMAP import cordis --projects "$SHARED/data/cordis-h2020-sample/project.json" \
  --organizations "$SHARED/data/cordis-h2020-sample/organization.json" --as participations -o "$out/cordis" 2>/dev/null
$NETMAP import forskningsradet --grants "$SHARED/data/forskningsradet-eu-grants/dataset.csv" --as participations \
  -o "$out/grants.json" 2>/dev/null
for name in data cordis grants; do
  input=data; [ $name = cordis ] && input="$out/cordis"; [ $name = grants ] && input="$out/grants.json"
  /usr/bin/time -f "$name: netmap report %e s" $NETMAP report "$input" -o "$out/$name.html" 2>&1 | grep -v '^warning' || true
  $NETMAP render "$input" -o "$out/$name.svg" 2>/dev/null
done
python3 bench/report_load.py "data/=$out/data.html,$out/data.svg" \
  "CORDIS sample (import cordis --as participations)=$out/cordis.html,$out/cordis.svg" \
  "Research Council H2020 grants (import forskningsradet --as participations)=$out/grants.html,$out/grants.svg"

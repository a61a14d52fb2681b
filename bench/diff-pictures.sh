#!/usr/bin/env bash
# Legibility of every `netmap diff --render` picture that docs/guide.md and `make diagrams` draw: page, smallest
# text on the page, ties drawn across nodes, label overlaps, tie crossings (as `--check` measures them; see
# docs/diagrams.md). Usage: bench/diff-pictures.sh [path/to/netmap] [extra diff options...]
set -euo pipefail
cd "$(dirname "$0")/.."
NETMAP=${1:-.build/debug/netmap}
shift $(( $# > 0 ? 1 : 0 ))
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# name | diff arguments (each picture exactly as the guide or the Makefile draws it; the whole folder's picture
# is not in the guide, it is measured here as the guide's table command would draw it for print)
pictures=(
  "telemark|data/vestfold-og-telemark-2030.yaml --to data/telemark-2035.yaml --lang nb --fresh-layout"
  "trondelag|data/nord-trondelag-2009.yaml --to data/trondelag-2020.yaml --lang nb --collapse leaves --page 594x420mm"
  "folder 2012→2022|data --at 2012 --to-year 2022 --fresh-layout --collapse leaves --page 594x420mm"
)

printf '%-18s %-12s %9s %18s %15s %10s\n' picture page "smallest" "ties across nodes" "label overlaps" crossings
for entry in "${pictures[@]}"; do
  name=${entry%%|*}
  read -r -a args <<< "${entry#*|}"
  "$NETMAP" diff "${args[@]}" "$@" --render "$work/picture.svg" --check -o /dev/null > "$work/check.txt"
  page=$(grep -o -- '--page [^ ]*' <<< "${args[*]} $*" | tail -1 | cut -d' ' -f2 || true)
  python3 - "$name" "$work/check.txt" "$work/picture.svg" "$page" <<'PY'
import re, sys
name, text, svg = sys.argv[1], open(sys.argv[2]).read(), open(sys.argv[3]).read()
def grab(pattern):
    m = re.search(pattern, text)
    return m.group(1) if m else "?"
page = sys.argv[4] or "screen"
small = grab(r"smallest text on the page: ([\d.]+)")
across = grab(r"ties drawn across nodes: \d+ \((\d+) ties")
overlaps = grab(r"label overlaps: (\d+)")
crossings = grab(r"tie crossings: (\d+)")
print(f"{name:<18} {page:<12} {small:>6} pt {across:>18} {overlaps:>15} {crossings:>10}")
PY
done

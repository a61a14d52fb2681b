#!/usr/bin/env bash
# The legibility figures of issue 14 for every drawing `make demo`, `make diagrams` and the guide make
# (screen and page), in one table: ties drawn across nodes ((tie, node) pairs and distinct ties), nodes with a
# tie across them, label overlaps, tie crossings, smallest text on the page, wall-clock and CPU seconds
# (user + system; on a shared machine the CPU time is the steadier figure). Each
# drawing is made with `--check` (Sources/netmap/Rendering/Legibility.swift; definitions in docs/diagrams.md).
# Usage: bench/legibility.sh [netmap binary] [pattern]   (default: .build/debug/netmap, what `make demo` runs;
# pattern: only the drawings whose name contains it)
set -euo pipefail
cd "$(dirname "$0")/.."
NETMAP=${1:-.build/debug/netmap}
PATTERN=${2:-}
[ -x "$NETMAP" ] || swift build --product netmap >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf "| %-92s | %14s | %13s | %8s | %9s | %8s | %6s | %6s |\n" "drawing" "across (ties)" "nodes crossed" "overlaps" "crossings" "smallest" "wall s" "CPU s"
printf "|%s|%s|%s|%s|%s|%s|%s|%s|\n" "$(printf -- '-%.0s' {1..94})" "----------------" "---------------" "----------" "-----------" "----------" "--------" "--------"
while IFS='|' read -r name args; do
  [ -z "$name" ] && continue
  [[ -n "$PATTERN" && "$name" != *"$PATTERN"* ]] && continue
  # shellcheck disable=SC2086
  eval "/usr/bin/time -f '%e %U %S' -o \"$out/time.txt\" \"$NETMAP\" $args --check" >"$out/check.txt" 2>"$out/err.txt" || { echo "| $name | failed: $(head -c 200 "$out/err.txt") |"; continue; }
  read -r wall user system < "$out/time.txt"
  c=$out/check.txt
  pairs=$(sed -n 's/^ties drawn across nodes: \([0-9]*\) (\([0-9]*\) ties; \([0-9]*\) of \([0-9]*\) nodes.*/\1 (\2)/p' "$c")
  nodes=$(sed -n 's/^ties drawn across nodes: [0-9]* ([0-9]* ties; \([0-9]* of [0-9]*\) nodes.*/\1/p' "$c")
  overlaps=$(sed -n 's/^label overlaps: //p' "$c")
  crossings=$(sed -n 's/^tie crossings: //p' "$c")
  smallest=$(sed -n 's/^smallest text on the page: //p' "$c")
  printf "| %-92s | %14s | %13s | %8s | %9s | %8s | %6.1f | %6.1f |\n" "\`$name\`" "$pairs" "$nodes" "$overlaps" "$crossings" "$smallest" "$wall" "$(echo "$user + $system" | bc)"
done <<LIST
render data/trondelag-2020.yaml|render data/trondelag-2020.yaml -o $out/x.svg
render data/trondelag-2020.yaml --page a3-landscape|render data/trondelag-2020.yaml -o $out/x.svg --page a3-landscape
render data|render data -o $out/x.svg
render data --ego trondelag-fk --radius 1 --page a4|render data --ego trondelag-fk --radius 1 --page a4 -o $out/x.svg
render data/telemark-2035.yaml|render data/telemark-2035.yaml -o $out/x.svg
render data/trondelag-2020.yaml --collapse leaves --page a4|render data/trondelag-2020.yaml --collapse leaves --page a4 --lang nb -o $out/x.svg
diagrams: sample.yaml --title --sources-note --page a4|render Tests/Fixtures/rendering/sample.yaml -o $out/x.svg --title "Prøvefylket: internasjonale partnere" --sources-note --page a4 --lang nb
diagrams: sample.yaml --group-by country --color-by country --size-by degree --page a3|render Tests/Fixtures/rendering/sample.yaml -o $out/x.svg --group-by country --color-by country --size-by degree --label-lang en --page a3
sample.yaml --group-by country --color-by country --size-by degree --page a4|render Tests/Fixtures/rendering/sample.yaml -o $out/x.svg --group-by country --color-by country --size-by degree --label-lang en --page a4
diagrams: lesmis.yaml --page a4-landscape --size-by degree|render Tests/Fixtures/rendering/lesmis.yaml -o $out/x.svg --page a4-landscape --size-by degree
diagrams: data --page a3-landscape --hide-isolated --title|render data -o $out/x.svg --page a3-landscape --hide-isolated --lang nb --title "Norge: internasjonale partnere (medfølgende data)"
diagrams: trondelag-2020.yaml --page a3-landscape --lang nb|render data/trondelag-2020.yaml -o $out/x.svg --page a3-landscape --lang nb
diagrams: data --ego trondelag-fk --page a4 --title|render data -o $out/x.svg --ego trondelag-fk --radius 1 --page a4 --lang nb --title "Trøndelag fylkeskommune: direkte forbindelser"
diagrams: diff vestfold-og-telemark-2030 → telemark-2035 --fresh-layout (screen)|diff data/vestfold-og-telemark-2030.yaml --to data/telemark-2035.yaml --lang nb --fresh-layout --render $out/x.svg
diff vestfold-og-telemark-2030 → telemark-2035 (screen)|diff data/vestfold-og-telemark-2030.yaml --to data/telemark-2035.yaml --lang nb --render $out/x.svg
diagrams: diff nord-trondelag-2009 → trondelag-2020 --collapse leaves --page 594x420mm|diff data/nord-trondelag-2009.yaml --to data/trondelag-2020.yaml --lang nb --collapse leaves --render $out/x.svg --page 594x420mm
diff nord-trondelag-2009 → trondelag-2020 --page 594x420mm|diff data/nord-trondelag-2009.yaml --to data/trondelag-2020.yaml --lang nb --render $out/x.svg --page 594x420mm
diff nord-trondelag-2009 → trondelag-2020 --collapse leaves --page a3-landscape|diff data/nord-trondelag-2009.yaml --to data/trondelag-2020.yaml --lang nb --collapse leaves --render $out/x.svg --page a3-landscape
diff data --at 2012 --to-year 2022 (screen)|diff data --at 2012 --to-year 2022 --render $out/x.svg
diff data --at 2012 --to-year 2022 --page a3-landscape|diff data --at 2012 --to-year 2022 --render $out/x.svg --page a3-landscape
diagrams: data --top 25 --page a4 --sources-note|render data -o $out/x.svg --top 25 --by degree --page a4 --sources-note --lang nb
diagrams: data --group-by country --color-by country --hide-isolated|render data -o $out/x.svg --group-by country --color-by country --hide-isolated --lang nb
diagrams: nord-trondelag-2009 + shared --page a4 --hide-isolated|render data/nord-trondelag-2009.yaml data/shared.yaml -o $out/x.svg --page a4 --hide-isolated --lang nb
diagrams: nordland-2022 + shared --page a4 --hide-isolated|render data/nordland-2022.yaml data/shared.yaml -o $out/x.svg --page a4 --hide-isolated --lang nb
diagrams: telemark-2035 + shared --page a4 --hide-isolated|render data/telemark-2035.yaml data/shared.yaml -o $out/x.svg --page a4 --hide-isolated --lang nb
diagrams: trondelag-2020 + shared --page a3-landscape --hide-isolated|render data/trondelag-2020.yaml data/shared.yaml -o $out/x.svg --page a3-landscape --hide-isolated --lang nb
diagrams: vestfold-og-telemark-2030 + shared --page a4 --hide-isolated|render data/vestfold-og-telemark-2030.yaml data/shared.yaml -o $out/x.svg --page a4 --hide-isolated --lang nb
demo: data|render data -o $out/x.svg --lang nb
demo: nord-trondelag-2009.yaml|render data/nord-trondelag-2009.yaml -o $out/x.svg --lang nb
demo: nordland-2022.yaml|render data/nordland-2022.yaml -o $out/x.svg --lang nb
demo: telemark-2035.yaml|render data/telemark-2035.yaml -o $out/x.svg --lang nb
demo: trondelag-2020.yaml|render data/trondelag-2020.yaml -o $out/x.svg --lang nb
demo: vestfold-og-telemark-2030.yaml|render data/vestfold-og-telemark-2030.yaml -o $out/x.svg --lang nb
guide: render --ego trondelag --page a4 --title (PDF)|render data --ego trondelag --radius 1 --page a4 --title "Trøndelag fylkeskommune: direct ties" -o $out/x.pdf
guide: render data --hide-isolated|render data --hide-isolated -o $out/x.svg
guide: path data telemark → kaunas --render|path data "telemark fylkeskommune" kaunas --render $out/x.svg
guide: ego data midsec --render|ego data midsec --render $out/x.svg
LIST

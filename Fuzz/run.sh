#!/usr/bin/env bash
# Runs every fuzz target of the fuzz build for FUZZ_SECONDS each; one line per target:
#   fuzz TARGET: N runs, 0 crashes            (or: fuzz TARGET: N runs, 1 crash: FILE)
# Exit 0 only when no target crashed. Usage: Fuzz/run.sh BINARY SECONDS [TARGET...]
# FUZZ_RUNS=N runs N inputs per target instead of SECONDS, and FUZZ_SEED=S fixes libFuzzer's random seed:
# together they make a run repeatable on any machine (CI uses them, so a commit's fuzz result does not depend
# on the machine's speed or luck; `make fuzz` without them explores anew each time). A crashing input of up
# to 16 KB is also printed in base64, so a finding on a CI machine can be reproduced from its log.
set -uo pipefail
cd "$(dirname "$0")/.."
binary=$1; seconds=$2; shift 2
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(yaml csv-edges csv-nodes csv-pair json graphml gexf pajek gml dot xlsx json-fast csv-fast graphml-fast cordis cordis-json cordis-projects forskningsradet interreg interreg-json programmes theme positions render)
work=.build-fuzz/work
# A repeatable run starts from the committed seeds only, not from what earlier runs added to the work folder.
[ -n "${FUZZ_RUNS:-}" ] && work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT
mkdir -p "$work" .build-fuzz/crashes
budget=(-max_total_time="$seconds")
[ -n "${FUZZ_RUNS:-}" ] && budget=(-runs="$FUZZ_RUNS")
[ -n "${FUZZ_SEED:-}" ] && budget+=(-seed="$FUZZ_SEED")
crashed=0
for target in "${targets[@]}"; do
  corpus="$work/$target"; mkdir -p "$corpus"
  log="$work/$target.log"
  # New inputs go to the work folder; the committed seeds (Fuzz/corpus) stay as they are. Leak checks are
  # off (libFuzzer's and at exit): Foundation, fontconfig and libgvc keep process-long allocations that
  # LeakSanitizer reports on every run; memory errors are still caught.
  ASAN_OPTIONS=detect_leaks=0 NETMAP_FUZZ_TARGET=$target "$binary" "$corpus" "Fuzz/corpus/$target" \
    "${budget[@]}" -detect_leaks=0 -timeout=20 -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix=".build-fuzz/crashes/$target-" >"$log" 2>&1
  status=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  if [ $status -eq 0 ]; then
    echo "fuzz $target: ${runs:-0} runs, 0 crashes"
  else
    crashed=$((crashed + 1))
    artifact=$(grep -o "Test unit written to [^ ]*" "$log" | tail -1 | sed 's/Test unit written to //')
    reason=$(grep -m1 -E "ERROR: (AddressSanitizer|libFuzzer)|Fatal error|deadly signal" "$log" | head -c 300)
    echo "fuzz $target: ${runs:-?} runs, 1 crash: ${artifact:-see $log} (${reason:-exit $status})"
    if [ -n "$artifact" ] && [ -f "$artifact" ] && [ "$(wc -c <"$artifact")" -le 16384 ]; then
      echo "fuzz $target: the input, base64: $(base64 -w0 "$artifact")"
    fi
  fi
done
[ $crashed -eq 0 ]

#!/usr/bin/env bash
# Runs every fuzz target of the fuzz build for FUZZ_SECONDS each; one line per target:
#   fuzz TARGET: N runs, 0 crashes            (or: fuzz TARGET: N runs, 1 crash: FILE)
# Exit 0 only when no target crashed. Usage: Fuzz/run.sh BINARY SECONDS [TARGET...]
set -uo pipefail
cd "$(dirname "$0")/.."
binary=$1; seconds=$2; shift 2
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(yaml csv-edges csv-nodes json graphml gexf pajek gml dot xlsx cordis forskningsradet interreg programmes theme positions render)
work=.build-fuzz/work
mkdir -p "$work" .build-fuzz/crashes
crashed=0
for target in "${targets[@]}"; do
  corpus="$work/$target"; mkdir -p "$corpus"
  log="$work/$target.log"
  # New inputs go to the work folder; the committed seeds (Fuzz/corpus) stay as they are. Leak checks are
  # off (libFuzzer's and at exit): Foundation, fontconfig and libgvc keep process-long allocations that
  # LeakSanitizer reports on every run; memory errors are still caught.
  ASAN_OPTIONS=detect_leaks=0 NETMAP_FUZZ_TARGET=$target "$binary" "$corpus" "Fuzz/corpus/$target" \
    -max_total_time="$seconds" -detect_leaks=0 -timeout=20 -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 \
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
  fi
done
[ $crashed -eq 0 ]

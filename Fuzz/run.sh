#!/usr/bin/env bash
# Fuzzes the day-file parser and the task merge for SECONDS (default 60) with libFuzzer and
# AddressSanitizer. The committed corpus is only read: the fuzzer works on a copy, and a crash is
# saved as Fuzz/crash-* (replay it with: swift build && .build/debug/journal-fuzz Fuzz/crash-…).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
# CI sets FUZZ_RUNS (and FUZZ_SEED): a fixed number of inputs from a fixed seed, so that the same
# code gives the same run and CI turns red only on a change, not on the luck of one minute.
limits=(-max_total_time="$seconds")
if [ -n "${FUZZ_RUNS:-}" ]; then limits=(-runs="$FUZZ_RUNS" -seed="${FUZZ_SEED:-1}"); fi
scratch=${FUZZ_SCRATCH_PATH:-.build-fuzzer}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The fuzz target only: with -DLIBFUZZER it has no main of its own, libFuzzer brings one. Swift's
# -sanitize=fuzzer links libFuzzer but does not instrument for coverage by itself.
swift build -c release --scratch-path "$scratch" --product journal-fuzz \
  --sanitize=fuzzer --sanitize=address \
  -Xswiftc -DLIBFUZZER -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,trace-cmp,pc-table

cp -R Fuzz/corpus "$work/corpus"
# Swift's crash backtracer would hold the output open after a failure; libFuzzer reports instead.
set +e
SWIFT_BACKTRACE=enable=no "$scratch/release/journal-fuzz" "$work/corpus" \
  -dict=Fuzz/day-file.dict "${limits[@]}" -timeout=10 \
  -artifact_prefix=Fuzz/ -print_final_stats=1 >"$work/log" 2>&1
status=$?
set -e
grep -E '^#[0-9]+ +(INITED|DONE)|^Done|stat::' "$work/log" || true
echo "corpus after the run: $(ls "$work/corpus" | wc -l) inputs (the committed corpus is unchanged)"
if [ "$status" -ne 0 ]; then
  tail -n 40 "$work/log"
  echo "fuzzing found a failure (exit $status): the input is saved as Fuzz/crash-*" >&2
fi
exit "$status"

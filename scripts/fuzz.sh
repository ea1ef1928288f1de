#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ into build-fuzz (clang++, every module
# library compiled with -fsanitize=fuzzer-no-link,address,undefined) and runs
# each target for SECONDS (default 60) on a copy of its seed corpus.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
# Environment: KG_FUZZ_JOBS (build parallelism, default 2), KG_FUZZ_MAX_LEN
# (default 16384 bytes), KG_FUZZ_RSS_MB (default 2048), KG_FUZZ_KEEP_GOING=1
# (fork mode: keep fuzzing after a crash and collect every crash input).
# Prints per target: executions, corpus size and any crash file. A crash input
# is kept under build-fuzz/crashes/<target>/; copy it to fuzz/regressions/.
# KG_FUZZ_BUILD names the build directory (default build-fuzz); `make test`
# uses it for a short smoke run of every target (FUZZ_SECONDS, default 10).
# Without clang++ and its libFuzzer runtime it prints a message and exits 0.
# Exit status: 0 when no target crashed, 1 otherwise.
set -u
cd "$(dirname "$0")/.."
ROOT=$PWD
SECONDS_PER=${1:-60}
shift || true
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  TARGETS=(fuzz_jsonl_reader fuzz_rdf_reader fuzz_tokenizer fuzz_sparql_parser
           fuzz_key_decode fuzz_model_loader)
fi
BUILD=${KG_FUZZ_BUILD:-$ROOT/build-fuzz}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac

probe=$(mktemp -d)
echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' \
  >"$probe/p.cc"
if ! command -v clang++ >/dev/null 2>&1 ||
   ! clang++ -fsanitize=fuzzer "$probe/p.cc" -o "$probe/p" >/dev/null 2>&1; then
  rm -rf "$probe"
  echo "fuzz: clang++ with the libFuzzer runtime is not available; fuzzing skipped"
  exit 0
fi
rm -rf "$probe"
SAN="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"

if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DKG_FUZZ=ON -DKG_BUILD_TESTS=OFF -DKG_BUILD_BENCH=OFF \
    "-DCMAKE_CXX_FLAGS=$SAN" "-DCMAKE_C_FLAGS=$SAN" >/dev/null || exit 1
fi
nice cmake --build "$BUILD" -j"${KG_FUZZ_JOBS:-2}" --target "${TARGETS[@]}" || exit 1

status=0
for t in "${TARGETS[@]}"; do
  work=$BUILD/fuzz-run/$t
  crashes=$BUILD/crashes/$t
  rm -rf "$work" && mkdir -p "$work" "$crashes"
  cp "$ROOT/fuzz/corpus/$t/"* "$work/" 2>/dev/null
  # Known crash inputs (fuzz/regressions/<target>/) are replayed once each; a
  # failing one is reported (it stays failing until the module is fixed).
  for r in "$ROOT/fuzz/regressions/$t/"*; do
    [ -f "$r" ] || continue
    if "$BUILD/fuzz/$t" "$r" >"$BUILD/fuzz-run/$t.regression.log" 2>&1; then
      echo "$t: regression $(basename "$r"): passes"
    else
      status=1
      echo "$t: regression $(basename "$r"): STILL FAILS" \
        "($(grep -m1 -oE 'SUMMARY: [A-Za-z]+: [a-z-]+|runtime error: .*|contract violated: .*' \
            "$BUILD/fuzz-run/$t.regression.log"))"
    fi
  done
  log=$BUILD/fuzz-run/$t.log
  UBSAN_OPTIONS=print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
    nice "$BUILD/fuzz/$t" "$work" -max_total_time="$SECONDS_PER" \
    -max_len="${KG_FUZZ_MAX_LEN:-16384}" -rss_limit_mb="${KG_FUZZ_RSS_MB:-2048}" \
    -timeout=10 -artifact_prefix="$crashes/" -print_final_stats=1 \
    ${KG_FUZZ_KEEP_GOING:+-fork=1 -ignore_crashes=1 -ignore_ooms=1} >"$log" 2>&1
  rc=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  units=$(ls "$work" | wc -l)
  if [ $rc -eq 0 ]; then
    echo "$t: ${SECONDS_PER}s, ${execs:-?} executions, corpus $units files, no crash"
  else
    status=1
    echo "$t: CRASH (exit $rc) after ${execs:-?} executions; log $log"
    ls "$crashes"/* 2>/dev/null | sed 's/^/  input: /'
    grep -m1 -E 'ERROR: AddressSanitizer|runtime error|ERROR: libFuzzer|contract violated' "$log" | sed 's/^/  /'
  fi
done
exit $status

#!/usr/bin/env bash
# Builds everything with AddressSanitizer + UndefinedBehaviorSanitizer
# (cmake -DKG_SANITIZE=ON, RelWithDebInfo, no benchmarks) and runs the whole
# ctest suite there.
#   scripts/sanitize.sh [CTEST ARGS...]
# Environment: KG_SANITIZE_BUILD (build directory, default build-asan),
# KG_SANITIZE_JOBS (build and ctest parallelism, default 2).
# Every process the tests start — test binaries, the `kg` commands they spawn,
# the installed example — runs with ASAN_OPTIONS/UBSAN_OPTIONS set here:
# - AddressSanitizer and LeakSanitizer write their reports to
#   <build>/sanitizer-reports/asan.<pid>, so a report in a child whose exit
#   status or stderr a test does not look at still fails the run;
# - UBSan (built with -fno-sanitize-recover) ends the process at the first
#   report with SIGABRT rather than an ordinary exit status. GCC's combined
#   runtime ignores log_path for UBSan, so its reports on the tests' own
#   output are found in ctest's log (Testing/Temporary/LastTest.log, which
#   holds every test's output).
# Exit status: 0 when every test passes and there is no report; 1 otherwise
# (the reports are printed).
set -u
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${KG_SANITIZE_BUILD:-$ROOT/build-asan}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
JOBS=${KG_SANITIZE_JOBS:-2}

start=$(date +%s)
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKG_SANITIZE=ON \
  -DKG_BUILD_BENCH=OFF >/dev/null || exit 1
nice cmake --build "$BUILD" -j"$JOBS" || exit 1
built=$(date +%s)
echo "sanitize: build $((built - start)) s"

reports=$BUILD/sanitizer-reports
rm -rf "$reports" && mkdir -p "$reports"
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:log_path=$reports/asan"
export UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1"
(cd "$BUILD" && ctest --output-on-failure -j"$JOBS" "$@")
status=$?
echo "sanitize: ctest $(($(date +%s) - built)) s"

pattern='runtime error:|ERROR: AddressSanitizer|ERROR: LeakSanitizer'
files=$(find "$reports" -type f | sort)
log=$BUILD/Testing/Temporary/LastTest.log
in_log=$(grep -E -c "$pattern" "$log" 2>/dev/null)
if [ -n "$files" ] || [ "${in_log:-0}" -gt 0 ]; then
  echo "sanitize: sanitizer reports: $(echo "$files" | grep -c .) file(s), $in_log line(s) in ctest's log"
  for f in $files; do
    echo "--- $f"
    cat "$f"
  done
  grep -E -B2 -A20 "$pattern" "$log"
  status=1
else
  echo "sanitize: no AddressSanitizer, LeakSanitizer or UBSan report"
fi
exit $status

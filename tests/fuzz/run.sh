#!/usr/bin/env bash
# Runs the load + layout fuzzer (tests/fuzz/fuzz_load_layout.cpp) for SECONDS (default 60) with a
# fixed seed, so two runs of the same tree do the same work. Builds build/fuzz first if needed.
#
#   tests/fuzz/run.sh          # what ./tests/run does (ctest test fuzz_load_layout)
#   tests/fuzz/run.sh 3600     # a long run
#
# The fuzzer works on a temporary copy of tests/fuzz/corpus (nothing is ever written into tests/).
# Crashing inputs are saved to build/fuzz/artifacts/ and their paths printed; exit status is 0 when
# nothing was found, 1 otherwise (never 77, which ctest reads as "skipped").
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
if ! [[ "$seconds" =~ ^[0-9]+$ ]]; then
  echo "usage: $0 [SECONDS]" >&2
  exit 2
fi

build="$root/build/fuzz"
fuzzer="$build/fuzz_load_layout"
artifacts="$build/artifacts"

if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S "$root/tests/fuzz" -B "$build" -DCMAKE_CXX_COMPILER="${AV_FUZZ_CXX:-clang++}" >/dev/null || exit 1
fi
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" >&2 || exit 1

work=$(mktemp -d "${TMPDIR:-/tmp}/av-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp "$root"/tests/fuzz/corpus/* "$work/"
mkdir -p "$artifacts"
stamp="$work/.start"
touch "$stamp"

echo "== fuzzing load + layout for ${seconds}s (seed 1), corpus copy in $work" >&2
"$fuzzer" "$work" \
  -seed=1 -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
  -dict="$root/tests/fuzz/article.dict" -artifact_prefix="$artifacts/" -print_final_stats=1
status=$?

found=$(find "$artifacts" -maxdepth 1 -type f -newer "$stamp" 2>/dev/null)
if [[ $status -ne 0 || -n "$found" ]]; then
  echo "fuzz_load_layout: the fuzzer failed (exit $status). Inputs saved:" >&2
  for f in $found; do echo "  $f" >&2; done
  echo "Reproduce one with: $fuzzer FILE" >&2
  exit 1
fi
echo "fuzz_load_layout: no crash in ${seconds}s" >&2

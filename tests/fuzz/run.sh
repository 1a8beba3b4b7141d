#!/usr/bin/env bash
# Runs a fuzzer of tests/fuzz/ for SECONDS (default 60) with a fixed seed, so two runs of the same
# tree do the same work. Builds build/fuzz first if needed.
#
#   tests/fuzz/run.sh 60 load_layout   # what ./tests/run does (ctest tests fuzz_load_layout, fuzz_text)
#   tests/fuzz/run.sh 60 text
#   tests/fuzz/run.sh 3600 text        # a long run
#   tests/fuzz/run.sh                  # both, 60 s each
#
# TARGET: load_layout (fuzz_load_layout.cpp: load + layout of a file) or text (fuzz_text.cpp: the
# text pipeline alone, with the fonts and Thai dictionary of the native build: build/native's
# targets av_fonts_more and av_thai_dictionary, or $AV_FONTS_MORE_DIR and $AV_THAI_DICT).
# Each fuzzer works on a temporary copy of its seeds (nothing is ever written into tests/).
# Crashing inputs are saved to build/fuzz/artifacts/ and their paths printed; exit status is 0 when
# nothing was found, 1 otherwise (never 77, which ctest reads as "skipped").
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
targets=${2:-"load_layout text"}
if ! [[ "$seconds" =~ ^[0-9]+$ ]]; then
  echo "usage: $0 [SECONDS] [load_layout|text]" >&2
  exit 2
fi

build="$root/build/fuzz"
artifacts="$build/artifacts"

# Configured every time (quick when nothing changed): a build folder made before a target was
# added must learn it. The compilers are chosen only by the first configure; a folder configured
# before the project needed a C compiler (gcc was taken) is configured again from scratch.
configure() {
  cmake -S "$root/tests/fuzz" -B "$build" -DCMAKE_C_COMPILER="${AV_FUZZ_CC:-clang}" \
    -DCMAKE_CXX_COMPILER="${AV_FUZZ_CXX:-clang++}" >/dev/null
}
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  configure || exit 1
elif ! cmake -S "$root/tests/fuzz" -B "$build" >/dev/null 2>&1; then
  rm -rf "$build/CMakeCache.txt" "$build/CMakeFiles"
  configure || exit 1
fi

# One target: its seeds, its options (-max_len: the input size that keeps an hour's run above
# 1 M executions on one core, README.md "Fuzzing").
fuzz() {
  local name=$1 corpus options
  case "$name" in
    load_layout) corpus="$root/tests/fuzz/corpus"
      options=(-max_len=4096 -dict="$root/tests/fuzz/article.dict") ;;
    # -entropic=0: libFuzzer's default schedule weighs every feature of every run, and this
    # target's runs touch tens of thousands (HarfBuzz's tables): it took 60 % of the time.
    text) corpus="$root/tests/fuzz/corpus-text"
      options=(-max_len=512 -entropic=0) ;;
    *) echo "usage: $0 [SECONDS] [load_layout|text]" >&2; return 2 ;;
  esac
  local fuzzer="$build/fuzz_$name"
  cmake --build "$build" --target "fuzz_$name" -j "$(nproc 2>/dev/null || echo 2)" >&2 || return 1

  local work stamp status found
  work=$(mktemp -d "${TMPDIR:-/tmp}/av-fuzz.XXXXXX")
  cp "$corpus"/* "$work/"
  mkdir -p "$artifacts"
  stamp="$work/.start"
  touch "$stamp"
  echo "== fuzz_$name for ${seconds}s (seed 1), corpus copy in $work" >&2
  "$fuzzer" "$work" -seed=1 -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
    "${options[@]}" -artifact_prefix="$artifacts/" -print_final_stats=1
  status=$?
  found=$(find "$artifacts" -maxdepth 1 -type f -newer "$stamp" 2>/dev/null)
  rm -rf "$work"
  if [[ $status -ne 0 || -n "$found" ]]; then
    echo "fuzz_$name: the fuzzer failed (exit $status). Inputs saved:" >&2
    for f in $found; do echo "  $f" >&2; done
    echo "Reproduce one with: $fuzzer FILE" >&2
    return 1
  fi
  echo "fuzz_$name: no crash in ${seconds}s" >&2
}

result=0
for target in $targets; do
  fuzz "$target" || result=1
done
exit $result

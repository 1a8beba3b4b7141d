#!/usr/bin/env bash
# Runs every benchmark of issue 7 and writes BENCHMARKS.md (README "Benchmarks").
#
#   tests/bench/run.sh            full run: builds build/bench-native and build/bench-web if needed,
#                                 generates the 1k/10k/100k articles into build/bench/, measures,
#                                 and rewrites BENCHMARKS.md at the repository root (a few minutes
#                                 once the builds are there)
#   tests/bench/run.sh --quick    what ctest runs: tiny articles, one run each; checks only that
#                                 every benchmark runs and prints numbers (never a timing), writes
#                                 nothing outside the build folder
#
# Options: --only native|web (one half; ctest runs each half in its own build), --no-browser,
# --native-build DIR, --web-build DIR (default build/bench-native, build/bench-web), --out FILE
# (default BENCHMARKS.md; a run without every result only prints them), --corpus DIR (the shared
# corpus of real articles, for the fonts of a first screen of Chinese and Japanese; default
# ../shared/corpus beside the repository or its worktree folder, left out when missing).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
py=/usr/bin/python3
[ -x "$py" ] || py=python3

corpus=""
for c in "$repo/../shared/corpus" "$repo/../../shared/corpus"; do
  if [ -z "$corpus" ] && [ -d "$c" ]; then corpus="$(cd "$c" && pwd)"; fi
done
quick=0 browser=1 only="" native_build="$repo/build/bench-native" web_build="$repo/build/bench-web" out="$repo/BENCHMARKS.md"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --no-browser) browser=0 ;;
    --only) only="$2"; shift ;;
    --native-build) native_build="$2"; shift ;;
    --web-build) web_build="$2"; shift ;;
    --out) out="$2"; shift ;;
    --corpus) corpus="$2"; shift ;;
    *) echo "usage: run.sh [--quick] [--no-browser] [--only native|web] [--native-build DIR] [--web-build DIR] [--out FILE] [--corpus DIR]" >&2; exit 2 ;;
  esac
  shift
done
do_native=1 do_web=1
[ "$only" = native ] && do_web=0
[ "$only" = web ] && do_native=0

# Toolchain quirk (Emscripten 3.1.6): emcc finds Debian's acorn only through NODE_PATH.
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"
export IMGUI_DIR="${IMGUI_DIR:-$repo/build/deps/imgui}"
# Node 20's fetch confuses the Emscripten 3.1.6 runtime (README, toolchain notes).
node_wasm=(node --no-experimental-fetch)

if [ $quick = 1 ]; then
  work="${native_build}/bench-quick"
  [ $do_native = 0 ] && work="${web_build}/bench-quick"
  sizes=(20 200) runs=1 warmup=0 frames=100 browser_runs=1 long_runs=1 idle=1 rounds=1 script_size=20 script_paint_size=20
else
  work="$repo/build/bench"
  sizes=(1000 10000 100000) runs=7 warmup=2 frames=3000 browser_runs=15 long_runs=3 idle=5 rounds=5 script_size=10000 script_paint_size=1000
  # The full run builds its own folders (never build/native or build/web, which others use), one
  # heavy job at a time, and only what it measures (not the tests).
  if [ $do_native = 1 ]; then
    (cd "$repo" && cmake --preset native -B "$native_build" >/dev/null &&
      cmake --build "$native_build" -j2 --target article-viewer bench_load bench_frame av_thai_dictionary >/dev/null)
  fi
  if [ $do_web = 1 ]; then
    (cd "$repo" && cmake --preset web -B "$web_build" >/dev/null && cmake --build "$web_build" -j2 --target dist bench_load >/dev/null)
  fi
fi
mkdir -p "$work"
results="$work/results"
rm -rf "$results"
mkdir -p "$results"
# Each step notes the load average first: other jobs on a shared machine slow the benchmarks down.
log() { echo "== $*" >&2; echo "$* | $(cut -d' ' -f1-3 /proc/loadavg)" >>"$results/loadavg.txt"; }

# --- Articles: generated here, never committed. -------------------------------------------------
articles=()
for n in "${sizes[@]}"; do
  f="$work/article-$n.json"
  [ -s "$f" ] || "$py" "$here/generate_article.py" --paragraphs "$n" --seed 1 -o "$f"
  articles+=("$f")
done
# Japanese and Arabic (the text engine's path): the size of the load and frame figures, and a
# smaller one for the first paint beside its static page.
script_articles=() paint_scripts=()
for lang in ja ar; do
  for n in "$script_size" "$script_paint_size"; do
    f="$work/article-$lang-$n.json"
    [ -s "$f" ] || "$py" "$here/generate_article.py" --lang "$lang" --paragraphs "$n" --seed 1 -o "$f"
  done
  script_articles+=("$work/article-$lang-$script_size.json")
  paint_scripts+=("$work/article-$lang-$script_paint_size.json")
  "$py" "$here/article_to_html.py" "$work/article-$lang-$script_paint_size.json" -o "$work/article-$lang-$script_paint_size.html"
done
seed_json="$repo/assets/articles/russie-munitions-nord-coreennes.json"
# The static page of the seed and of the middle size, for the side-by-side first paint.
mid="${articles[1]}"
"$py" "$here/article_to_html.py" "$seed_json" -o "$work/seed.html"
"$py" "$here/article_to_html.py" "$mid" -o "$work/mid.html"

fonts_native=/usr/share/fonts/truetype/noto
# The web build's six first-paint faces in one folder: the .data's four (build/web/fonts) and the
# italics a first visit leaves out (build/web/fonts-faces), which the viewer fetches for an article
# with italics before its first frame; the wasm load and the static pages use all six.
web_fonts="$work/web-fonts"
if [ $do_web = 1 ]; then
  rm -rf "$web_fonts" && mkdir -p "$web_fonts"
  cp "$web_build"/fonts/*.ttf "$web_fonts"/
  if [ -d "$web_build/fonts-faces" ]; then cp "$web_build"/fonts-faces/*.ttf "$web_fonts"/; fi
fi

if [ $do_native = 1 ]; then
  log "check: the generated articles are valid (article/1, article/1.1)"
  "$native_build/article-viewer" --check "${articles[@]}" "${script_articles[@]}" "${paint_scripts[@]}" >"$results/check.txt"
fi

# --- Load, natively and in wasm under node, in rounds. ----------------------------------------
# This machine's speed changes for minutes at a time (BENCHMARKS.md, "Machine"): each round
# measures every size natively and then in wasm, back to back, so both halves of the wasm / native
# ratio see the same machine; the report takes the median round of each for the times, and the
# median of the rounds' own wasm / native ratios for the ratio (report.py). One
# process per size and round, so the peak memory figure is that article's.
load_native() {
  local f=$1 r=$runs w=$warmup
  case "$f" in *-100000.json | *-ja-*.json | *-ar-*.json) r=$(( runs < 3 ? runs : 3 )) w=$(( warmup < 1 ? warmup : 1 )) ;; esac
  "$native_build/tests/bench/bench_load" --runs "$r" --warmup "$w" --fonts "$fonts_native" "$f" | tee -a "$results/load-native.jsonl" >&2
}
load_wasm() {
  local f=$1 r=$runs w=$warmup
  case "$f" in *-100000.json | *-ja-*.json | *-ar-*.json) r=$(( runs < 3 ? runs : 3 )) w=$(( warmup < 1 ? warmup : 1 )) ;; esac
  # The web build's own first-paint font subsets, as the viewer has them (the generated text is
  # all in them): the heap figure is then the viewer's.
  "${node_wasm[@]}" "$web_build/tests/bench/bench_load.js" --runs "$r" --warmup "$w" --fonts "$web_fonts" "$f" | tee -a "$results/load-wasm.jsonl" >&2
}
for round in $(seq "$rounds"); do
  log "load (native, then wasm under node), round $round of $rounds"
  for f in "${articles[@]}" "${script_articles[@]}"; do
    if [ $do_native = 1 ]; then load_native "$f"; fi
    if [ $do_web = 1 ]; then load_wasm "$f"; fi
  done
done

# --- Native: frames. -------------------------------------------------------------------------
if [ $do_native = 1 ]; then
  log "frames while scrolling (native, CPU only)"
  "$native_build/tests/bench/bench_frame" --frames "$frames" --fonts "$fonts_native" "${articles[@]}" "${script_articles[@]}" | tee "$results/frame-native.jsonl" >&2

  # The fonts beyond the base faces that an article's first screen needs (the catalog's gzip
  # sizes): Chinese and Japanese from the shared corpus when it is there, the fixtures, and ours.
  log "fonts of a first screen (font_transfer.py)"
  font_articles=()
  if [ -n "$corpus" ]; then
    for name in pixnet.json yahoo-4.json; do
      if [ -f "$corpus/$name" ]; then font_articles+=("$corpus/$name"); fi
    done
  fi
  font_articles+=("$here/font_fixtures/zh-hans.json" "$repo/tests/scripts/ja.json" "$here/font_fixtures/ko.json" "$here/font_fixtures/ar.json" "${paint_scripts[@]}")
  "$py" "$here/font_transfer.py" --json --fonts "$native_build/fonts-more" "${font_articles[@]}" | tee "$results/font-transfer.jsonl" >&2

  # Justified text: how wide its spaces get with each line breaker, on real articles (the shared
  # corpus; the seed alone in a quick run or without it).
  log "word spaces of justified text (word_space.py)"
  space_articles=("$seed_json")
  if [ -n "$corpus" ] && [ $quick = 0 ]; then space_articles=("$corpus"/*.json); fi
  "$py" "$here/word_space.py" --viewer "$native_build/article-viewer" --widths 320,720 "${space_articles[@]}" | tee "$results/word-space.jsonl" >&2
fi

# --- Web: the browser. -----------------------------------------------------------------------
if [ $do_web = 1 ]; then
  if [ $browser = 1 ]; then
    log "browser: first paint (viewer and static page), idle frames, transfer size"
    mid_name="$(basename "$mid" .json)"
    script_pages=()
    for f in "${paint_scripts[@]}"; do script_pages+=(--article "$(basename "$f" .json)=$f,${f%.json}.html"); done
    node "$here/browser_bench.mjs" --dist "$web_build/dist" --fonts "$web_fonts" --runs "$browser_runs" --idle-seconds "$idle" \
      --article "seed=$seed_json,$work/seed.html" --article "$mid_name=$mid,$work/mid.html" "${script_pages[@]}" | tee "$results/browser.json" >&2
    log "browser: longest task and first paint while each size loads"
    long_articles=()
    for f in "${articles[@]}"; do long_articles+=(--article "$(basename "$f" .json)=$f"); done
    node "$here/long_task_bench.mjs" --dist "$web_build/dist" --runs "$long_runs" "${long_articles[@]}" | tee "$results/longtask.jsonl" >&2
  fi
  log "sizes of the text module and the Thai dictionary"
  "$py" "$here/text_module_sizes.py" "$web_build/dist" | tee "$results/text-sizes.json" >&2
fi

# --- Report. ---------------------------------------------------------------------------------
if [ $quick = 1 ]; then
  # Only that every benchmark ran and printed its numbers: never a timing.
  "$py" "$here/report.py" --check "$results"
  echo "bench quick: every benchmark ran" >&2
else
  if [ $browser = 1 ] && [ -z "$only" ]; then
    "$py" "$here/report.py" --results "$results" --native-build "$native_build" --web-build "$web_build" -o "$out"
    echo "wrote $out" >&2
  else
    echo "results in $results (BENCHMARKS.md is written by a run with every benchmark)" >&2
  fi
fi

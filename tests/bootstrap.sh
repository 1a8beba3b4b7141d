#!/usr/bin/env bash
# The one bootstrap step shared by ./serve.py and ./tests/run.
# Installs what is missing and nothing else: idempotent, a few seconds when all is present.
#   1. Debian packages (apt-get, as root; otherwise prints the exact command and stops).
#   2. Dear ImGui 1.92.x sources from Debian's *source* package, verified, unpacked into
#      build/deps/imgui (or IMGUI_DIR=/path/to/an/imgui/checkout to use your own).
#   3. ICU's Thai dictionary from Debian's icu source package, verified, into build/deps/icu-thai.
#   4. The text engine's libraries (HarfBuzz, FriBidi, libunibreak, libhyphen) from Debian's source packages,
#      verified, unpacked into build/deps/<name>.
#   5. playwright-core from the npm registry, pinned by tests/browser/package-lock.json.
#   6. The Closure compiler for the web build (emcc --closure 1), pinned by wasm/closure/package-lock.json.
# Prints `IMGUI_DIR=...` as its last line so callers can pick it up.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
deps="$repo/build/deps"

# --- 1. Debian packages -----------------------------------------------------------------------
packages=(
  cmake make g++ clang lld pkg-config xz-utils dpkg-dev ca-certificates
  emscripten nodejs
  nlohmann-json3-dev doctest-dev
  libglfw3-dev libgl-dev libstb-dev
  # Fonts and Unicode data (the fonts beyond the base faces, core's tables, the text engine's tests
  # against UAX #14/#9's test files; hb-shape, Debian's HarfBuzz, is the shaping tests' oracle).
  fonts-noto-core fonts-opendyslexic fonts-noto-mono fonts-noto-cjk fonts-noto-color-emoji unicode-data fonttools libharfbuzz-bin
  chromium xvfb xauth xdotool xclip
  python3 python3-jsonschema
  libclang-rt-14-dev
  # OCR of the seed (French) and of every script fixture (tests/scripts/scripts.test.mjs reads each
  # with its own model; Urdu with the Arabic one).
  tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng tesseract-ocr-jpn tesseract-ocr-chi-sim tesseract-ocr-chi-tra
  tesseract-ocr-kor tesseract-ocr-ara tesseract-ocr-fas tesseract-ocr-heb tesseract-ocr-hin tesseract-ocr-ben
  tesseract-ocr-tam tesseract-ocr-tha
  poppler-utils  # pdftotext, pdffonts, pdfinfo: what the print test reads back from Chromium's PDF
  # A real speech engine for Chromium's speechSynthesis (tests/browser/listen_voice.test.mjs):
  # speech-dispatcher with espeak-ng's voices, played into ALSA's null device.
  speech-dispatcher speech-dispatcher-espeak-ng espeak-ng
  # Hyphenation of justified text (README "Hyphenation"): Debian's libhyphen as the tests' oracle,
  # and the dictionaries of the languages the locale table knows (core/locale.cpp) that Debian has.
  libhyphen0 hyphen-en-us hyphen-fr hyphen-de hyphen-es hyphen-it hyphen-pt-pt hyphen-pt-br hyphen-cs
)
missing=()
for p in "${packages[@]}"; do
  # nodejs/npm may come from elsewhere on this machine kind: accept a working node on PATH.
  if [ "$p" = nodejs ] && command -v node >/dev/null && command -v npm >/dev/null; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "bootstrap: missing Debian packages. Install them as root, then run this again:" >&2
    echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "bootstrap: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi

# --- 2. Dear ImGui ----------------------------------------------------------------------------
# Pinned: Debian's imgui 1.92.2b+ds source tarball. Debian's testing suite moves on, so a newer
# 1.92.x is accepted with a warning (apt itself verifies it against the signed Sources index).
imgui_pin_version="1.92.2b+ds"
imgui_pin_sha256="e7bd201d56b5ee90d24d5dac85e5c12f98bdb95410252a62d27b7f89e4566d48"
if [ -n "${IMGUI_DIR:-}" ]; then
  [ -f "$IMGUI_DIR/imgui.cpp" ] && [ -f "$IMGUI_DIR/backends/imgui_impl_opengl3.cpp" ] || {
    echo "bootstrap: IMGUI_DIR=$IMGUI_DIR does not hold imgui.cpp and backends/" >&2; exit 1; }
  grep -q '#define IMGUI_VERSION *"1\.92' "$IMGUI_DIR/imgui.h" ||
    echo "bootstrap: warning: IMGUI_DIR is not a Dear ImGui 1.92.x checkout" >&2
else
  IMGUI_DIR="$deps/imgui"
  if [ ! -f "$IMGUI_DIR/imgui.cpp" ]; then
    work="$deps/imgui-download"
    rm -rf "$work"; mkdir -p "$work/lists/partial"
    # The archive URI the system's apt already uses (deb822 or one-line format).
    mirror=$(grep -hoE '^URIs: *[^ ]+' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -n1 || true)
    [ -n "$mirror" ] || mirror=$(grep -hoE '^deb +(\[[^]]*\] +)?[^ ]+' /etc/apt/sources.list 2>/dev/null | awk '{print $NF}' | grep -v security | head -n1 || true)
    [ -n "$mirror" ] || mirror="http://deb.debian.org/debian"
    found=""
    for suite in forky sid trixie; do
      echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror $suite main" > "$work/src.list"
      O=(-o "Dir::Etc::SourceList=$work/src.list" -o Dir::Etc::SourceParts=/dev/null -o "Dir::State::Lists=$work/lists")
      apt-get "${O[@]}" -q update >/dev/null 2>&1 || continue
      version=$(apt-cache "${O[@]}" showsrc imgui 2>/dev/null | awk '/^Version:/{print $2}' | sort -V | tail -n1)
      case "$version" in 1.92.*) ;; *) continue ;; esac
      (cd "$work" && apt-get "${O[@]}" -q source --download-only imgui >/dev/null 2>&1) || continue
      found="$suite"; break
    done
    [ -n "$found" ] || { echo "bootstrap: could not fetch Dear ImGui 1.92.x sources from $mirror (forky, sid, trixie)" >&2; exit 1; }
    tarball=$(ls "$work"/imgui_*.orig.tar.* | head -n1)
    if [ "$(basename "$tarball")" = "imgui_${imgui_pin_version}.orig.tar.xz" ]; then
      echo "$imgui_pin_sha256  $tarball" | sha256sum -c --quiet - || {
        echo "bootstrap: $tarball does not match the pinned sha256" >&2; exit 1; }
    else
      echo "bootstrap: warning: pinned imgui $imgui_pin_version is gone from Debian; using $(basename "$tarball") (verified by apt only)" >&2
    fi
    rm -rf "$IMGUI_DIR" "$deps/imgui-unpack"; mkdir -p "$deps/imgui-unpack"
    tar -xf "$tarball" -C "$deps/imgui-unpack"
    mv "$deps/imgui-unpack"/imgui-* "$IMGUI_DIR"
    rm -rf "$deps/imgui-unpack" "$work"
  fi
fi

# --- 3. ICU's Thai word list ------------------------------------------------------------------------
# The word list of ICU's Thai dictionary break engine, which Intl.Segmenter('th') uses in browsers
# (docs/text-pipeline.md, "Line-break tailoring"). Debian's icu orig tarball ships ICU's data
# compiled into one package (icudt72l.dat), not the source word lists, so the dictionary comes
# out of that package (brkitr/thaidict.dict, ICU's byte trie, decoded at build time by
# wasm/text/build_thai_dictionary.py) with ICU's LICENSE beside it. Only those two files are kept.
icu_file="icu_72.1.orig.tar.gz"
icu_sha256="a2d2d38217092a7ed56635e34467f92f976b370e20182ad325edea6681a71d68"
icu_thai="$deps/icu-thai"
if [ ! -f "$icu_thai/thaidict.dict" ] || [ ! -f "$icu_thai/LICENSE" ] ||
   [ "$(cat "$icu_thai/.source" 2>/dev/null)" != "$icu_file $icu_sha256" ]; then
  tarball=$("$repo/tests/deps/fetch_debian_source.sh" icu bookworm "$icu_file" "$icu_sha256" "$deps/downloads")
  unpack="$deps/icu-thai-unpack"
  rm -rf "$unpack" "$icu_thai"; mkdir -p "$unpack" "$icu_thai"
  tar -xzf "$tarball" -C "$unpack" icu/LICENSE icu/source/data/in/icudt72l.dat
  /usr/bin/python3 "$repo/tests/deps/icu_data_item.py" "$unpack/icu/source/data/in/icudt72l.dat" \
    brkitr/thaidict.dict "$icu_thai/thaidict.dict"
  cp "$unpack/icu/LICENSE" "$icu_thai/LICENSE"
  echo "$icu_file $icu_sha256" > "$icu_thai/.source"
  rm -rf "$unpack" "$tarball"
fi

# --- 4. The text engine's libraries (wasm/text/, docs/text-pipeline.md) ---------------------------
# HarfBuzz, FriBidi, libunibreak and libhyphen (hyphenation, README "Hyphenation"): the upstream tarballs of Debian's source packages, pinned by
# sha256 (tests/deps/fetch_debian_source.sh), each unpacked into build/deps/<name>. Debian 12's own
# versions are too old (libunibreak 1.1 has no UAX #14 of this century's Unicode).
text_libs=(
  "harfbuzz trixie harfbuzz_10.2.0.orig.tar.xz 620e3468faec2ea8685d32c46a58469b850ef63040b3565cde05959825b48227"
  "fribidi trixie fribidi_1.0.16.orig.tar.xz 1b1cde5b235d40479e91be2f0e88a309e3214c8ab470ec8a2744d82a5a9ea05c"
  "libunibreak trixie libunibreak_6.1.orig.tar.gz 890674996168ef5ba143d80d49ab8b61594a4eb70198dcac76caf6e1bd264a41"
  "hyphen bookworm hyphen_2.8.8.orig.tar.gz 304636d4eccd81a14b6914d07b84c79ebb815288c76fe027b9ebff6ff24d5705"
)
for lib in "${text_libs[@]}"; do
  read -r name suite file sha256 <<< "$lib"
  dir="$deps/$name"
  [ "$(cat "$dir/.source" 2>/dev/null)" = "$file $sha256" ] && continue
  tarball=$("$repo/tests/deps/fetch_debian_source.sh" "$name" "$suite" "$file" "$sha256" "$deps/downloads")
  rm -rf "$dir" "$dir-unpack"; mkdir -p "$dir-unpack"
  tar -xf "$tarball" -C "$dir-unpack"
  tops=("$dir-unpack"/*)
  [ ${#tops[@]} -eq 1 ] && [ -d "${tops[0]}" ] || { echo "bootstrap: $file does not hold one top folder" >&2; exit 1; }
  mv "${tops[0]}" "$dir"
  rmdir "$dir-unpack"
  echo "$file $sha256" > "$dir/.source"
  rm -f "$tarball"
done

# --- 5. npm packages for the browser tests ------------------------------------------------------
browser="$repo/tests/browser"
if [ -f "$browser/package-lock.json" ]; then
  stamp="$browser/node_modules/.lock-stamp"
  if [ ! -f "$stamp" ] || ! cmp -s "$browser/package-lock.json" "$stamp"; then
    (cd "$browser" && npm ci --no-audit --no-fund --loglevel=error >&2)
    cp "$browser/package-lock.json" "$stamp"
  fi
fi

# --- 6. npm packages of the web build ----------------------------------------------------------
closure="$repo/wasm/closure"
stamp="$closure/node_modules/.lock-stamp"
if [ ! -f "$stamp" ] || ! cmp -s "$closure/package-lock.json" "$stamp"; then
  (cd "$closure" && npm ci --no-audit --no-fund --loglevel=error >&2)
  cp "$closure/package-lock.json" "$stamp"
fi

echo "IMGUI_DIR=$IMGUI_DIR"

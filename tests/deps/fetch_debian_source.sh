#!/usr/bin/env bash
# Fetches one upstream tarball (`<package>_<version>.orig.tar.*`) of a Debian source package and
# unpacks it, for tests/bootstrap.sh. Sourced (it defines fetch_debian_orig) or run as a command
# with the same arguments:
#
#   fetch_debian_orig SUITE PACKAGE FILE SHA256 DEST
#     SUITE   Debian suite whose Sources index lists the file (bookworm, trixie, sid, ...)
#     PACKAGE source package name (harfbuzz)
#     FILE    the orig tarball's name (harfbuzz_10.2.0.orig.tar.xz)
#     SHA256  its pinned sha256
#     DEST    folder to unpack into (the tarball's single top folder becomes DEST)
#
# Idempotent: when DEST/.debian-orig already names FILE and SHA256, nothing is done (no network).
# Why not `apt-get source`: on this project's mirror it 404s on some packages' .debian.tar.* while
# their .orig tarballs download fine (toolchain-notes.md, "Text in every script"), and the orig
# tarball is all the build needs. apt still finds the file's pool URL in the suite's signed Sources
# index, through a private sources list that leaves the system's apt setup untouched, and apt's
# own downloader checks the pinned hash.
fetch_debian_orig() {
  local suite=$1 package=$2 file=$3 sha256=$4 dest=$5
  local stamp="$dest/.debian-orig"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$file $sha256" ]; then
    return 0
  fi
  local parent work mirror uri
  parent=$(dirname "$dest")
  work="$parent/.fetch-$package"
  rm -rf "$work"
  mkdir -p "$work/lists/partial" "$work/unpack"
  # The archive URI the system's apt already uses (deb822 or one-line format).
  mirror=$(grep -hoE '^URIs: *[^ ]+' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -n1 || true)
  [ -n "$mirror" ] || mirror=$(grep -hoE '^deb +(\[[^]]*\] +)?[^ ]+' /etc/apt/sources.list 2>/dev/null | awk '{print $NF}' | grep -v security | head -n1 || true)
  [ -n "$mirror" ] || mirror="http://deb.debian.org/debian"
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror $suite main" > "$work/src.list"
  local O=(-o "Dir::Etc::SourceList=$work/src.list" -o Dir::Etc::SourceParts=/dev/null -o "Dir::State::Lists=$work/lists")
  if ! apt-get "${O[@]}" -q update >/dev/null 2>&1; then
    echo "fetch_debian_orig: cannot read the $suite Sources index from $mirror" >&2
    rm -rf "$work"; return 1
  fi
  # `--print-uris` lists every file of the package as 'URI' name size hash; only the URI is taken.
  uri=$(apt-get "${O[@]}" -q --print-uris source "$package" 2>/dev/null |
        awk -v f="$file" '$2 == f { gsub("\047", "", $1); print $1; exit }')
  if [ -z "$uri" ]; then
    echo "fetch_debian_orig: $suite's $package does not list $file (pinned version gone?)" >&2
    rm -rf "$work"; return 1
  fi
  if ! /usr/lib/apt/apt-helper -q download-file "$uri" "$work/$file" "SHA256:$sha256" >/dev/null 2>&1; then
    echo "fetch_debian_orig: $uri failed to download or does not match the pinned sha256 $sha256" >&2
    rm -rf "$work"; return 1
  fi
  # Checked again here: the file is what the pin says, whatever apt-helper's version does with hashes.
  echo "$sha256  $work/$file" | sha256sum -c --quiet - || { rm -rf "$work"; return 1; }
  tar -xf "$work/$file" -C "$work/unpack"
  local top
  top=$(find "$work/unpack" -mindepth 1 -maxdepth 1)
  if [ "$(printf '%s\n' "$top" | wc -l)" -ne 1 ] || [ ! -d "$top" ]; then
    echo "fetch_debian_orig: $file does not hold one top folder" >&2
    rm -rf "$work"; return 1
  fi
  rm -rf "$dest"
  mv "$top" "$dest"
  echo "$file $sha256" > "$stamp"
  rm -rf "$work"
}

# Run as a command rather than sourced.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  [ $# -eq 5 ] || { echo "usage: $0 SUITE PACKAGE FILE SHA256 DEST" >&2; exit 2; }
  fetch_debian_orig "$@"
fi

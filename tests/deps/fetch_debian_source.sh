#!/usr/bin/env bash
# Fetches one file of a Debian source package (an .orig.tar.*) by name and checks its pinned sha256.
#
#   tests/deps/fetch_debian_source.sh SOURCE_PACKAGE SUITE FILE SHA256 DEST_DIR
#   e.g. tests/deps/fetch_debian_source.sh icu bookworm icu_72.1.orig.tar.gz a2d2d382...1d68 build/deps/downloads
#
# Prints DEST_DIR/FILE. Idempotent: a file already there with the pinned sha256 is kept as it is.
# Why not `apt-get source`: on this mirror it 404s on some packages' .debian.tar.xz while their
# .orig.tar.* download fine (../shared/toolchain-notes.md), and we only ever need the orig tarball.
# The pool directory comes from the suite's signed Sources index, read through a private apt
# sources list (the system's apt setup is untouched); apt-helper downloads through apt's own
# transport and proxy settings and checks the hash too.
set -euo pipefail
if [ $# -ne 5 ]; then
  echo "usage: $0 SOURCE_PACKAGE SUITE FILE SHA256 DEST_DIR" >&2
  exit 2
fi
package=$1 suite=$2 file=$3 sha256=$4 dest=$5
target="$dest/$file"

if [ -f "$target" ] && echo "$sha256  $target" | sha256sum -c --quiet - >/dev/null 2>&1; then
  echo "$target"
  exit 0
fi

# The archive URI the system's apt already uses (deb822 or one-line format), as for Dear ImGui.
mirror=$(grep -hoE '^URIs: *[^ ]+' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -n1 || true)
[ -n "$mirror" ] || mirror=$(grep -hoE '^deb +(\[[^]]*\] +)?[^ ]+' /etc/apt/sources.list 2>/dev/null | awk '{print $NF}' | grep -v security | head -n1 || true)
[ -n "$mirror" ] || mirror="http://deb.debian.org/debian"

mkdir -p "$dest"
work=$(mktemp -d "$dest/.fetch-$package.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial"
echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror $suite main" > "$work/src.list"
O=(-o "Dir::Etc::SourceList=$work/src.list" -o Dir::Etc::SourceParts=/dev/null -o "Dir::State::Lists=$work/lists")
apt-get "${O[@]}" -q update >/dev/null 2>&1 || {
  echo "fetch_debian_source: cannot read the $suite Sources index from $mirror" >&2; exit 1; }

# The record that lists FILE (a suite may hold several versions of a package).
directory=$(apt-cache "${O[@]}" showsrc "$package" 2>/dev/null | awk -v f="$file" '
  /^Package:/ { dir = ""; has = 0 }
  /^Directory:/ { dir = $2 }
  $NF == f { has = 1 }
  /^$/ { if (has && dir != "") { print dir; exit } }
  END { if (has && dir != "") print dir }' | head -n1)
if [ -z "$directory" ]; then
  echo "fetch_debian_source: $suite has no source package $package with $file" >&2
  exit 1
fi

# apt-helper drops to the _apt user when it can write the target; the temporary folder is ours.
chmod 755 "$work"
/usr/lib/apt/apt-helper -o APT::Sandbox::User=root download-file "$mirror/$directory/$file" "$work/$file" "SHA256:$sha256" >/dev/null 2>&1 || {
  echo "fetch_debian_source: downloading $mirror/$directory/$file failed (or its sha256 is not $sha256)" >&2; exit 1; }
echo "$sha256  $work/$file" | sha256sum -c --quiet - >/dev/null 2>&1 || {
  echo "fetch_debian_source: $file does not match the pinned sha256 $sha256" >&2; exit 1; }
mv "$work/$file" "$target"
echo "$target"

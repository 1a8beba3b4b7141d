#!/usr/bin/env python3
"""Packs the base faces of a first visit into one file, the web program's article-viewer.data.

The web build links no file system (wasm/CMakeLists.txt: Emscripten's, with its file packager, was
10 KB of a first visit gzipped), so this replaces the packager's .data: shell/loader.js downloads
it beside the wasm and hands it to the program, whose js_install_font_files (platform/web.cpp)
unpacks it into the fonts folder in memory before main() loads the fonts.

Format: a 4-byte little-endian length N, then N bytes of JSON {"NAME.ttf": [offset, length], ...}
(offsets after the JSON), then the files' bytes in that order.
"""
import argparse
import json
import os
import struct
import sys


def pack(files: list[str]) -> bytes:
    index, blobs, at = {}, [], 0
    for path in files:
        with open(path, "rb") as f:
            data = f.read()
        index[os.path.basename(path)] = [at, len(data)]
        blobs.append(data)
        at += len(data)
    header = json.dumps(index, separators=(",", ":")).encode("utf-8")
    return struct.pack("<I", len(header)) + header + b"".join(blobs)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", required=True)
    p.add_argument("files", nargs="+")
    args = p.parse_args(argv)
    try:
        data = pack(args.files)
    except OSError as e:
        print(f"pack_fonts.py: {e.filename}: {e.strerror}", file=sys.stderr)
        return 1
    with open(args.out, "wb") as f:
        f.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())

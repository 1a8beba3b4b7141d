#!/usr/bin/env python3
"""Copies one item out of an ICU common data package (icudt<NN>l.dat) into a file of its own.

    icu_data_item.py PACKAGE.dat ITEM OUT      e.g. icudt72l.dat brkitr/thaidict.dict thaidict.dict

Debian's icu orig tarball ships ICU's data compiled into that one package
(source/data/in/icudt72l.dat) rather than the source word lists (source/data/brkitr/ is not in
it), so the bootstrap takes ICU's compiled Thai dictionary from there. Standard library only.

The package layout (ICU's ucmndata.h, little-endian "l" packages): a data header (uint16
header size, magic bytes 0xDA 0x27, then a UDataInfo whose data format is "CmnD"), then a table
of contents: uint32 count, then count pairs of uint32 (name offset, data offset), both relative
to the table's start; names are NUL-terminated ASCII such as "icudt72l/brkitr/thaidict.dict".
"""
import struct
import sys


def fail(message):
    sys.exit(f"icu_data_item: {message}")


def find_item(data, item):
    if len(data) < 24:
        fail(f"{len(data)} bytes: too short for an ICU data package")
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    if (magic1, magic2) != (0xDA, 0x27):
        fail("not an ICU data file (magic bytes)")
    is_big_endian = data[8]
    data_format = data[12:16]
    if data_format != b"CmnD" or is_big_endian:
        fail(f"not a little-endian ICU common data package (format {data_format!r})")
    toc = header_size
    if toc + 4 > len(data):
        fail("truncated before its table of contents")
    (count,) = struct.unpack_from("<I", data, toc)
    if toc + 4 + 8 * count > len(data):
        fail(f"truncated table of contents ({count} items)")
    offsets = [struct.unpack_from("<II", data, toc + 4 + 8 * i) for i in range(count)]
    for i, (name_offset, data_offset) in enumerate(offsets):
        start = toc + name_offset
        end = data.find(b"\0", start)
        if start >= len(data) or end < 0:
            fail(f"item {i}: name outside the file")
        name = data[start:end].decode("ascii", "replace")
        if name.split("/", 1)[-1] != item:
            continue
        # Items are stored in table order; the next item's data (or the file's end) ends this one.
        begin = toc + data_offset
        later = [toc + d for _, d in offsets if toc + d > begin]
        stop = min(later) if later else len(data)
        if begin >= len(data) or stop > len(data):
            fail(f"{name}: data outside the file")
        return data[begin:stop]
    fail(f"no item {item} in the package")


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: icu_data_item.py PACKAGE.dat ITEM OUT")
    package, item, out = sys.argv[1:]
    with open(package, "rb") as f:
        data = f.read()
    blob = find_item(data, item)
    with open(out, "wb") as f:
        f.write(blob)


if __name__ == "__main__":
    main()

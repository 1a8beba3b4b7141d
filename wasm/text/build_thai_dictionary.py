#!/usr/bin/env python3
"""Compiles ICU's Thai word list into the viewer's Thai dictionary file (thai_breaker.hpp reads it).

    build_thai_dictionary.py --icu-dict thaidict.dict --license LICENSE --source "ICU 72.1 ..." \\
                             --out thai-words.dict [--words thai-words.txt]

Input: ICU's compiled dictionary (brkitr/thaidict.dict, taken out of Debian's icu package by
tests/bootstrap.sh) and ICU's LICENSE, whose Unicode copyright and permission notice must go with
every copy of the data: it is stored in the output file. --words also writes the word list as
UTF-8 text, one word a line (for the tests' generated corpus). Standard library only; run by CMake.

The output ("format 1"), all integers little-endian:
    0  8  magic "AVTHDICT"
    8  2  format version, 1
   10  2  0 (reserved)
   12  4  number of words
   16  4  length of the text block in bytes
   20  4  length of the word block in bytes
   24  4  CRC-32 (IEEE, as zlib's) of the text block followed by the word block
   28     text block: UTF-8, the data's source, a blank line, then ICU's license notice
          word block: the words in code point order, front-coded. Each word is one byte 0x80|n,
          n = how many leading letters it shares with the word before (0 for the first), then its
          remaining letters, one byte each: code point - U+0E00 (0x01..0x7F). A word's last letter
          is followed by the next word's 0x80|n byte or by the end of the block.
Words are at most 127 letters long. Front coding puts out one byte per node of the words' trie
plus one per word, which is what makes it small: 26 383 words in 98 405 bytes (60.8 KB gzipped)
where the ICU trie it comes from is 126 KB (94 KB gzipped).
"""
import argparse
import struct
import sys
import zlib

MAGIC = b"AVTHDICT"
FORMAT_VERSION = 1
MAX_WORD_LETTERS = 127


class InputError(Exception):
    pass


# --- ICU's dictionary file -----------------------------------------------------------------------
# Facts from ICU's dictionarydata.h and bytestrie.h (ICU 72): a data header (uint16 header size,
# magic 0xDA 0x27, UDataInfo with data format "Dict", format version 1), then int32 indexes:
# [0] offset of the trie (from the indexes' start), [1] its end, [4] trie type (0: BytesTrie
# without values), [5] transform (0x01000000 | 0x0E00: a byte is code point - U+0E00; ZWNJ and
# ZWJ are 0xFE and 0xFF). Then a BytesTrie.

TRANSFORM_OFFSET = 0x01000000


def read_icu_dictionary(blob):
    if len(blob) < 32:
        raise InputError(f"{len(blob)} bytes, too short for an ICU data file")
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27):
        raise InputError("byte 2: not an ICU data file (magic bytes)")
    info_size, = struct.unpack_from("<H", blob, 4)
    is_big_endian, charset_family = blob[8], blob[9]
    data_format, format_version = blob[12:16], blob[16]
    if info_size < 20 or data_format != b"Dict" or format_version != 1 or is_big_endian or charset_family:
        raise InputError(f"byte 12: not a little-endian ICU dictionary of format 1 "
                         f"(format {data_format!r} version {format_version})")
    if header_size + 32 > len(blob):
        raise InputError(f"byte {header_size}: truncated before the dictionary's indexes")
    indexes = struct.unpack_from("<8i", blob, header_size)
    trie_offset, trie_end, trie_type, transform = indexes[0], indexes[1], indexes[4], indexes[5]
    if trie_type != 0:
        raise InputError(f"trie type {trie_type}: not a byte trie without values (type 0)")
    if transform & 0x7F000000 != TRANSFORM_OFFSET:
        raise InputError(f"transform {transform:#x}: not an offset transform")
    offset = transform & 0x1FFFFF
    if offset != 0x0E00:
        raise InputError(f"transform offset {offset:#x}: not the Thai block (0xe00)")
    if not (32 <= trie_offset < trie_end <= len(blob) - header_size):
        raise InputError(f"trie bytes {trie_offset}..{trie_end} outside the file")
    start = header_size + trie_offset
    return decode_bytes_trie(blob[start:header_size + trie_end], start)


def decode_bytes_trie(trie, base):
    """All byte strings the trie holds. Iterative (a work list), every read bounds-checked."""
    words = []

    def byte_at(pos):
        if not 0 <= pos < len(trie):
            raise InputError(f"byte {base + pos}: the trie points outside itself")
        return trie[pos]

    def read_number(pos, lead):
        # A value or jump delta whose lead byte (already shifted right by 1) is `lead`.
        if lead < 0x51:
            return lead - 0x10, pos
        if lead < 0x6C:
            return ((lead - 0x51) << 8) | byte_at(pos), pos + 1
        if lead < 0x7E:
            return ((lead - 0x6C) << 16) | (byte_at(pos) << 8) | byte_at(pos + 1), pos + 2
        if lead == 0x7E:
            return (byte_at(pos) << 16) | (byte_at(pos + 1) << 8) | byte_at(pos + 2), pos + 3
        return (byte_at(pos) << 24) | (byte_at(pos + 1) << 16) | (byte_at(pos + 2) << 8) | byte_at(pos + 3), pos + 4

    def read_jump(pos):
        lead = byte_at(pos)
        pos += 1
        if lead < 0xC0:
            return lead, pos
        if lead < 0xF0:
            return ((lead - 0xC0) << 8) | byte_at(pos), pos + 1
        if lead < 0xFE:
            return ((lead - 0xF0) << 16) | (byte_at(pos) << 8) | byte_at(pos + 1), pos + 2
        if lead == 0xFE:
            return (byte_at(pos) << 16) | (byte_at(pos + 1) << 8) | byte_at(pos + 2), pos + 3
        return (byte_at(pos) << 24) | (byte_at(pos + 1) << 16) | (byte_at(pos + 2) << 8) | byte_at(pos + 3), pos + 4

    # Work items: ("node", pos, prefix) or ("branch", pos, width, prefix). A well-formed trie
    # visits each byte a bounded number of times; a corrupt one could loop, hence the budget.
    work = [("node", 0, b"")]
    budget = 64 * len(trie) + 1024
    while work:
        budget -= 1
        if budget < 0:
            raise InputError("the trie loops (corrupt)")
        item = work.pop()
        if item[0] == "node":
            _, pos, prefix = item
            while True:
                if len(prefix) > MAX_WORD_LETTERS:
                    raise InputError(f"byte {base + pos}: a word longer than {MAX_WORD_LETTERS} letters")
                lead = byte_at(pos)
                pos += 1
                if lead < 0x10:  # branch node: lead is width - 1, or 0 and the next byte is
                    width = lead
                    if width == 0:
                        width = byte_at(pos)
                        pos += 1
                    work.append(("branch", pos, width + 1, prefix))
                    break
                if lead < 0x20:  # linear match of 1..16 bytes
                    count = lead - 0x10 + 1
                    prefix += bytes(byte_at(pos + i) for i in range(count))
                    pos += count
                    continue
                _, pos = read_number(pos, lead >> 1)  # a value: the prefix is a word
                words.append(prefix)
                if lead & 1:  # final: nothing follows
                    break
        else:
            _, pos, width, prefix = item
            while width > 5:  # binary search node: lower half by the jump, upper half next
                pos += 1
                delta, after = read_jump(pos)
                work.append(("branch", after + delta, width >> 1, prefix))
                width -= width >> 1
                pos = after
            for _ in range(width - 1):  # (byte, value or jump) pairs, then one last byte
                key = byte_at(pos)
                lead = byte_at(pos + 1)
                if lead < 0x20:
                    raise InputError(f"byte {base + pos + 1}: a branch entry without a value")
                number, after = read_number(pos + 2, lead >> 1)
                if lead & 1:
                    words.append(prefix + bytes([key]))
                else:
                    work.append(("node", after + number, prefix + bytes([key])))
                pos = after
            work.append(("node", pos + 1, prefix + bytes([byte_at(pos)])))
    return words


def to_letters(raw_words):
    """The trie's byte strings as our letters (code point - U+0E00), refusing what we cannot store."""
    letters = []
    for word in raw_words:
        bad = [b for b in word if not 0x01 <= b <= 0x7F]
        if bad:
            shown = "".join(chr(0x0E00 + b) if b <= 0x7F else f"<{b:#x}>" for b in word)
            raise InputError(f"word {shown!r}: byte {bad[0]:#x} is not a letter of U+0E01..U+0E7F")
        if not word:
            raise InputError("an empty word")
        letters.append(bytes(word))
    letters.sort()
    for a, b in zip(letters, letters[1:]):
        if a == b:
            raise InputError(f"word {a.decode('latin-1')!r} twice")
    return letters


# --- ICU's license notice ---------------------------------------------------------------------------

def license_notice(text):
    """The Unicode license agreement at the head of ICU's LICENSE: up to the first line of dashes."""
    lines = text.splitlines()
    notice = []
    for line in lines:
        if line.startswith("-----"):
            break
        notice.append(line.rstrip())
    result = "\n".join(notice).strip() + "\n"
    for needed in ("UNICODE, INC. LICENSE AGREEMENT", "COPYRIGHT AND PERMISSION NOTICE", "Copyright"):
        if needed not in result:
            raise InputError(f"LICENSE: no {needed!r} before the first line of dashes")
    return result


# --- Our format ---------------------------------------------------------------------------------------

def front_code(letters):
    out = bytearray()
    previous = b""
    for word in letters:
        if len(word) > MAX_WORD_LETTERS:
            raise InputError(f"a word of {len(word)} letters (at most {MAX_WORD_LETTERS})")
        shared = 0
        limit = min(len(word), len(previous))
        while shared < limit and word[shared] == previous[shared]:
            shared += 1
        out.append(0x80 | shared)
        out += word[shared:]
        previous = word
    return bytes(out)


def build(letters, text):
    words_block = front_code(letters)
    text_block = text.encode("utf-8")
    crc = zlib.crc32(text_block + words_block) & 0xFFFFFFFF
    header = MAGIC + struct.pack("<HHIIII", FORMAT_VERSION, 0, len(letters), len(text_block), len(words_block), crc)
    return header + text_block + words_block


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--icu-dict", required=True, help="ICU's brkitr/thaidict.dict")
    parser.add_argument("--license", required=True, help="ICU's LICENSE file")
    parser.add_argument("--source", required=True, help="where the word list comes from, stored in the file")
    parser.add_argument("--out", required=True)
    parser.add_argument("--words", help="also write the word list here (UTF-8, one word a line)")
    args = parser.parse_args()
    try:
        with open(args.icu_dict, "rb") as f:
            letters = to_letters(read_icu_dictionary(f.read()))
    except InputError as e:
        sys.exit(f"{args.icu_dict}: {e}")
    try:
        with open(args.license, encoding="utf-8") as f:
            notice = license_notice(f.read())
    except InputError as e:
        sys.exit(f"{args.license}: {e}")
    text = (f"Thai word list: {args.source}, {len(letters)} words.\n"
            f"The word list is Unicode, Inc.'s data, under this notice:\n\n{notice}")
    data = build(letters, text)
    with open(args.out, "wb") as f:
        f.write(data)
    if args.words:
        with open(args.words, "w", encoding="utf-8") as f:
            for word in letters:
                f.write("".join(chr(0x0E00 + b) for b in word) + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""libhyphen's own answer for the hyphenation tests (tests/text/test_hyphenation_dictionaries.cpp).

Runs Debian's shared libhyphen (libhyphen0, not the copy built from source for the viewer) through
ctypes on the same dictionary files, as Debian's `example` program does: the word lower-cased (Python's
str.lower), encoded in the dictionary's charset (its first line), hnj_hyphen_hyphenate2, odd digits
are cuts, a cut with a replacement ("/...") is left out.

    hyphen_oracle.py WORDS DICT_DIR OUT
WORDS: "name word" lines (name: hyph_<name>.dic in DICT_DIR; '#' lines are comments).
OUT:   "name<TAB>word<TAB>cuts" lines, cuts as code-point offsets joined by ',' (empty: none).
"""
import ctypes
import ctypes.util
import sys


def main() -> int:
    words_path, dict_dir, out_path = sys.argv[1:4]
    lib = ctypes.CDLL("libhyphen.so.0")
    lib.hnj_hyphen_load.restype = ctypes.c_void_p
    lib.hnj_hyphen_load.argtypes = [ctypes.c_char_p]
    lib.hnj_hyphen_hyphenate2.restype = ctypes.c_int
    lib.hnj_hyphen_hyphenate2.argtypes = [
        ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_char_p,
        ctypes.POINTER(ctypes.POINTER(ctypes.c_char_p)), ctypes.POINTER(ctypes.POINTER(ctypes.c_int)),
        ctypes.POINTER(ctypes.POINTER(ctypes.c_int))]
    dicts = {}
    lines = []
    with open(words_path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, word = line.split()
            if name not in dicts:
                path = f"{dict_dir}/hyph_{name}.dic"
                with open(path, "rb") as d:
                    charset = d.readline().strip().decode("ascii")
                handle = lib.hnj_hyphen_load(path.encode())
                if not handle:
                    print(f"hyphen_oracle: libhyphen cannot load {path}", file=sys.stderr)
                    return 1
                codec = {"UTF-8": "utf-8", "ISO8859-1": "latin-1", "ISO8859-2": "iso8859-2", "ISO8859-15": "iso8859-15"}[charset]
                dicts[name] = (handle, codec)
            handle, codec = dicts[name]
            encoded = word.lower().encode(codec)
            hyphens = ctypes.create_string_buffer(len(encoded) + 5)
            rep = ctypes.POINTER(ctypes.c_char_p)()
            pos = ctypes.POINTER(ctypes.c_int)()
            cut = ctypes.POINTER(ctypes.c_int)()
            lib.hnj_hyphen_hyphenate2(handle, encoded, len(encoded), hyphens, None,
                                      ctypes.byref(rep), ctypes.byref(pos), ctypes.byref(cut))
            cuts = [str(i + 1) for i in range(len(word) - 1)
                    if hyphens.raw[i] & 1 and not (rep and rep[i])]
            lines.append(f"{name}\t{word}\t{','.join(cuts)}\n")
    with open(out_path, "w", encoding="utf-8") as f:
        f.writelines(lines)
    print(f"hyphen_oracle: {len(lines)} words into {out_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

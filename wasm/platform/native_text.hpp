// The desktop's side of text in every script (docs/text-pipeline.md): the fonts beyond the base
// faces, read from the folder the build made (AV_FONTS_MORE_DIR, the same files the web bundle
// serves), and the text engine, linked in (wasm/text/). Shared by the window and `--layout`.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/text/text_engine.hpp"

namespace av {
class HbTextEngine;
class HyphenDictionaries;
}

namespace av::native_text {

// The fonts' folder: $AV_FONTS_MORE_DIR, else the build's.
std::string fonts_more_dir();

// Reads fonts.json; false with `error` naming the file.
bool read_catalog(std::string& bytes, std::string& error);

// Reads these files of the catalog (paths relative to its folder); those that cannot be read are
// left out, with a line on stderr.
std::vector<std::pair<FontId, std::vector<unsigned char>>> read_files(const std::vector<std::pair<FontId, std::string>>& files);

// The program's one engine, with the Thai dictionary ($AV_THAI_DICT, else the build's) once
// `dictionary` has been asked for. Null, with `error`, if the dictionary cannot be read.
HbTextEngine* engine(bool dictionary, std::string& error);

// The hyphenation dictionaries' folders, in the order they are searched: $AV_HYPHEN_DIR, else the
// ones the build copied beside the program's assets; then Debian's /usr/share/hyphen.
std::vector<std::string> hyphen_dirs();

// The program's one set of hyphenation dictionaries, with those of `languages` (BCP 47) loaded:
// for each, the first of hyphen_dictionary_names found in hyphen_dirs(). Returns the languages
// that have one; a dictionary that cannot be read or is refused is said in `error` (one line
// each) and the next candidate is tried.
HyphenDictionaries& hyphenation(const std::vector<std::string>& languages, std::vector<std::string>& found,
                                std::string& error);

}  // namespace av::native_text

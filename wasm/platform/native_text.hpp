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

}  // namespace av::native_text

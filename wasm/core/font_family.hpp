// The font families a reader can choose for the article's text (reader settings issue). A family
// fills the four text faces (Face::serif .. Face::serif_bold_italic: regular, bold, italic, bold
// italic); the interface faces (Face::sans, Face::sans_bold) never change.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace av {

enum class FontFamily : std::uint8_t { serif, sans, legible, count };

// "serif", "sans", "legible": the settings' and the API's word for it.
std::string_view font_family_name(FontFamily family);
std::optional<FontFamily> font_family_from_name(std::string_view name);

// The files of the family's four text faces, in Face order (regular, bold, italic, bold italic),
// relative to the fonts folder: serif is the base faces' (the first visit's); the others live in
// the folder's families/<name>/ and are fetched on the web only once a reader chooses them.
std::array<std::string_view, 4> font_family_files(FontFamily family);

}  // namespace av

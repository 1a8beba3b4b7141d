// The reader's settings (reader settings issue): theme, text size, font family, column width,
// line spacing and justification, kept for this reader across reloads and articles. Stored as
// versioned JSON (docs/settings-format.md); the page's API and the panel change them with a patch.
//
// Reading what storage holds never fails: a value that is not JSON, of another version or of a
// field that is wrong falls back to the default, field by field, with a warning naming the field.
// A patch (the API's setSettings, any subset of the fields) is all or nothing: any invalid field
// and nothing is applied, with a message per invalid field, so a typo never half-changes the view.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "font_family.hpp"

namespace av {

// "auto" follows the system's colour scheme (the web's prefers-color-scheme, live).
enum class ThemeSetting : std::uint8_t { light, sepia, dark, automatic };

std::string_view theme_setting_name(ThemeSetting theme);  // "light", "sepia", "dark", "auto"
std::optional<ThemeSetting> theme_setting_from_name(std::string_view name);

struct ReaderSettings {
    static constexpr int version = 1;
    static constexpr int min_font_size = 12, max_font_size = 40, default_font_size = 20;
    // Characters of body text per line: 45 to 90 is the range typographers give for one column.
    static constexpr int min_measure = 45, max_measure = 90, default_measure = 70;
    // The line height as a multiple of the text size: four steps, tight to airy.
    static constexpr std::array<float, 4> line_spacings = {1.3f, 1.5f, 1.75f, 2.0f};
    static constexpr float default_line_spacing = 1.5f;
    // Reading aloud (core/speech_text.hpp): the speech rate as the Web Speech API's `rate`.
    static constexpr float min_speech_rate = 0.75f, max_speech_rate = 2.0f;
    static constexpr std::size_t max_voice_length = 256;

    ThemeSetting theme = ThemeSetting::automatic;
    int font_size = default_font_size;
    FontFamily font = FontFamily::serif;
    int measure = default_measure;
    float line_spacing = default_line_spacing;
    bool justify = false;
    float speech_rate = 1.0f;
    std::string voice;  // the browser's voiceURI (or name) chosen; "": the default for the language
    bool read_sponsored = false;

    bool operator==(const ReaderSettings& o) const {
        return theme == o.theme && font_size == o.font_size && font == o.font && measure == o.measure &&
               line_spacing == o.line_spacing && justify == o.justify && speech_rate == o.speech_rate &&
               voice == o.voice && read_sponsored == o.read_sponsored;
    }
    bool operator!=(const ReaderSettings& o) const { return !(*this == o); }
};

// {"theme":"auto","fontSize":20,"font":"serif","measure":70,"lineSpacing":1.5,"justify":false,
// "speechRate":1,"voice":"","readSponsored":false},
// with "version":1 first when `with_version` (what storage keeps; the API's settings() has none).
std::string settings_json(const ReaderSettings& settings, bool with_version = true);

// What storage holds, read field by field. Never throws: `warnings` gets one line per field (or
// for the whole value) that was not usable, each naming it, and that field keeps its default.
ReaderSettings read_settings(std::string_view stored, std::vector<std::string>& warnings);

// Applies a patch (a JSON object with any subset of the fields) to `settings`. Returns "" when it
// was applied, else one message per invalid field joined by "; " and `settings` unchanged.
std::string apply_settings_patch(ReaderSettings& settings, std::string_view patch);

}  // namespace av

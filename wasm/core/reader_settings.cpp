#include "reader_settings.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

#include "json_reader.hpp"
#include "utf8.hpp"

namespace av {

namespace {

using nlohmann::json;

const std::string_view field_names[] = {"theme",   "fontSize",   "font",  "measure",      "lineSpacing",
                                        "justify", "speechRate", "voice", "readSponsored"};

// Why each field's value is refused: the same words for a patch and for what storage holds.
std::string rule_of(std::string_view field) {
    if (field == "theme") return R"(theme must be "light", "sepia", "dark" or "auto")";
    if (field == "fontSize") return "fontSize must be a number from 12 to 40";
    if (field == "font") return R"(font must be "serif", "sans" or "legible")";
    if (field == "measure") return "measure must be a whole number from 45 to 90";
    if (field == "lineSpacing") return "lineSpacing must be 1.3, 1.5, 1.75 or 2";
    if (field == "speechRate") return "speechRate must be a number from 0.75 to 2";
    if (field == "voice") return "voice must be a string of at most 256 bytes, without control characters";
    if (field == "readSponsored") return "readSponsored must be true or false";
    return "justify must be true or false";
}

// Sets `field` of `out` from `value`; false (and `out` untouched) when the value is not allowed.
bool set_field(ReaderSettings& out, std::string_view field, const json& value) {
    if (field == "theme") {
        if (!value.is_string()) return false;
        const auto theme = theme_setting_from_name(value.get<std::string>());
        if (!theme) return false;
        out.theme = *theme;
    } else if (field == "fontSize") {
        if (!value.is_number()) return false;
        const double px = value.get<double>();
        if (!(px >= ReaderSettings::min_font_size && px <= ReaderSettings::max_font_size)) return false;
        out.font_size = static_cast<int>(std::lround(px));
    } else if (field == "font") {
        if (!value.is_string()) return false;
        const auto font = font_family_from_name(value.get<std::string>());
        if (!font) return false;
        out.font = *font;
    } else if (field == "measure") {
        if (!value.is_number()) return false;
        const double chars = value.get<double>();
        if (!(chars >= ReaderSettings::min_measure && chars <= ReaderSettings::max_measure) ||
            std::floor(chars) != chars)
            return false;
        out.measure = static_cast<int>(chars);
    } else if (field == "lineSpacing") {
        if (!value.is_number()) return false;
        const double spacing = value.get<double>();
        for (float step : ReaderSettings::line_spacings) {
            if (std::abs(spacing - static_cast<double>(step)) < 0.001) {
                out.line_spacing = step;
                return true;
            }
        }
        return false;
    } else if (field == "justify") {
        if (!value.is_boolean()) return false;
        out.justify = value.get<bool>();
    } else if (field == "speechRate") {
        if (!value.is_number()) return false;
        const double rate = value.get<double>();
        if (!(rate >= ReaderSettings::min_speech_rate && rate <= ReaderSettings::max_speech_rate)) return false;
        // Steps of 0.05, as the panel moves it: 1.25 stays 1.25 through the float and back.
        out.speech_rate = static_cast<float>(std::round(rate * 20.0) / 20.0);
    } else if (field == "voice") {
        if (!value.is_string()) return false;
        const std::string& voice = value.get_ref<const std::string&>();
        if (voice.size() > ReaderSettings::max_voice_length) return false;
        for (const char c : voice)
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;
        out.voice = voice;
    } else if (field == "readSponsored") {
        if (!value.is_boolean()) return false;
        out.read_sponsored = value.get<bool>();
    } else {
        return false;
    }
    return true;
}

// Read by the article loader's reader (json_reader.hpp), which never throws: json::parse on a
// string would add a second copy of nlohmann's parser to the wasm (BENCHMARKS.md, "Transfer size").
std::optional<json> parse_object(std::string_view text) {
    if (utf8::find_invalid(text) != std::string_view::npos) return std::nullopt;
    JsonReadResult read = read_json(text, LoadLimits{});
    if (read.kind != LoadErrorKind::none || !read.value.is_object()) return std::nullopt;
    return std::move(read.value);
}

// A stored value as a warning quotes it: short, and never raw bytes that are not UTF-8.
std::string quoted(const json& value) {
    std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
    if (text.size() > 40) text = text.substr(0, 37) + "...";
    return text;
}

// The default of `field` as JSON, as a warning quotes it.
std::string default_text(const ReaderSettings& d, std::string_view field) {
    if (field == "theme") return "\"" + std::string(theme_setting_name(d.theme)) + "\"";
    if (field == "fontSize") return std::to_string(d.font_size);
    if (field == "font") return "\"" + std::string(font_family_name(d.font)) + "\"";
    if (field == "measure") return std::to_string(d.measure);
    if (field == "lineSpacing" || field == "speechRate") {
        char text[16];
        std::snprintf(text, sizeof text, "%g",
                      static_cast<double>(field == "lineSpacing" ? d.line_spacing : d.speech_rate));
        return text;
    }
    if (field == "voice") return "\"" + d.voice + "\"";
    if (field == "readSponsored") return d.read_sponsored ? "true" : "false";
    return d.justify ? "true" : "false";
}

}  // namespace

std::string_view theme_setting_name(ThemeSetting theme) {
    switch (theme) {
        case ThemeSetting::light:
            return "light";
        case ThemeSetting::sepia:
            return "sepia";
        case ThemeSetting::dark:
            return "dark";
        default:
            return "auto";
    }
}

std::optional<ThemeSetting> theme_setting_from_name(std::string_view name) {
    for (auto t : {ThemeSetting::light, ThemeSetting::sepia, ThemeSetting::dark, ThemeSetting::automatic})
        if (theme_setting_name(t) == name) return t;
    return std::nullopt;
}

std::string settings_json(const ReaderSettings& s, bool with_version) {
    // Written by hand, in this order: nlohmann's ordered_json would add its own copy of the
    // library's code to the wasm, whose first visit is at its budget (BENCHMARKS.md).
    char spacing[16];
    // The step as it is written (1.75, not 1.75000000001): the steps are exact in decimal.
    std::snprintf(spacing, sizeof spacing, "%g", std::round(static_cast<double>(s.line_spacing) * 100.0) / 100.0);
    std::string out = with_version ? "{\"version\":" + std::to_string(ReaderSettings::version) + "," : "{";
    out += "\"theme\":\"" + std::string(theme_setting_name(s.theme)) +
           "\",\"fontSize\":" + std::to_string(s.font_size) + ",\"font\":\"" + std::string(font_family_name(s.font)) +
           "\",\"measure\":" + std::to_string(s.measure) + ",\"lineSpacing\":" + spacing +
           ",\"justify\":" + (s.justify ? "true" : "false");
    char rate[16];
    std::snprintf(rate, sizeof rate, "%g", std::round(static_cast<double>(s.speech_rate) * 100.0) / 100.0);
    // The voice is the browser's name for it, any text: escaped by the JSON library.
    out += ",\"speechRate\":" + std::string(rate) + ",\"voice\":" + json(s.voice).dump() +
           ",\"readSponsored\":" + (s.read_sponsored ? "true" : "false") + "}";
    return out;
}

ReaderSettings read_settings(std::string_view stored, std::vector<std::string>& warnings) {
    ReaderSettings out;
    const std::optional<json> value = parse_object(stored);
    if (!value) {
        warnings.push_back("settings: the stored value is not a JSON object; the defaults are used");
        return out;
    }
    const auto version = value->find("version");
    if (version == value->end() || !version->is_number_integer()) {
        warnings.push_back("settings: the stored value has no version; the defaults are used");
        return out;
    }
    if (version->get<std::int64_t>() != ReaderSettings::version) {
        warnings.push_back("settings: version " + version->dump() +
                           " is not one this viewer reads (1); the defaults are used");
        return out;
    }
    const ReaderSettings defaults;
    for (std::string_view field : field_names) {
        const auto it = value->find(std::string(field));
        if (it == value->end()) continue;  // a value written before the field existed: its default
        if (!set_field(out, field, *it))
            warnings.push_back("settings: " + rule_of(field) + "; stored " + quoted(*it) + ", using " +
                               default_text(defaults, field));
    }
    return out;
}

std::string apply_settings_patch(ReaderSettings& settings, std::string_view patch) {
    const std::optional<json> value = parse_object(patch);
    if (!value) return "settings must be a JSON object";
    ReaderSettings next = settings;
    std::string errors;
    const auto fail = [&](const std::string& message) { errors += (errors.empty() ? "" : "; ") + message; };
    for (std::string_view field : field_names) {
        const auto it = value->find(std::string(field));
        if (it != value->end() && !set_field(next, field, *it)) fail(rule_of(field));
    }
    for (auto it = value->begin(); it != value->end(); ++it) {
        bool known = false;
        for (std::string_view field : field_names) known = known || it.key() == field;
        if (!known) fail("unknown setting " + quoted(json(it.key())));
    }
    if (errors.empty()) settings = next;
    return errors;
}

}  // namespace av

#include "hyphen_languages.hpp"

#include <algorithm>

namespace av {
namespace {

bool alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool digit(char c) {
    return c >= '0' && c <= '9';
}
char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
char upper(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

// The region a bare language's Debian dictionary is made for, where the file carries one.
const char* default_region(std::string_view language) {
    static const char* const table[][2] = {{"en", "US"}, {"fr", "FR"}, {"de", "DE"}, {"es", "ES"}, {"pt", "PT"},
                                           {"it", "IT"}, {"cs", "CZ"}, {"nl", "NL"}, {"pl", "PL"}, {"da", "DK"},
                                           {"sv", "SE"}, {"nb", "NO"}, {"nn", "NO"}, {"ru", "RU"}, {"uk", "UA"}};
    for (const auto& row : table)
        if (language == row[0]) return row[1];
    return nullptr;
}

}  // namespace

std::vector<std::string> hyphen_dictionary_names(std::string_view lang) {
    std::vector<std::string> names;
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= lang.size(); ++i) {
        if (i == lang.size() || lang[i] == '-' || lang[i] == '_') {
            parts.push_back(lang.substr(start, i - start));
            start = i + 1;
        }
    }
    const std::string_view first = parts.front();
    if (first.size() < 2 || first.size() > 3 || !std::all_of(first.begin(), first.end(), alpha)) return names;
    std::string language;
    for (char c : first) language += lower(c);
    std::string region;
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const std::string_view p = parts[i];
        if (p.size() == 1) break;  // an extension or private use: the rest is not a region
        if (p.size() == 4 && std::all_of(p.begin(), p.end(), alpha)) continue;  // script
        if ((p.size() == 2 && std::all_of(p.begin(), p.end(), alpha)) ||
            (p.size() == 3 && std::all_of(p.begin(), p.end(), digit))) {
            for (char c : p) region += upper(c);
        }
        break;
    }
    auto add = [&names](std::string name) {
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
    };
    if (!region.empty()) add(language + "_" + region);
    add(language);
    if (const char* r = default_region(language)) add(language + "_" + r);
    return names;
}

}  // namespace av

#include "font_catalog.hpp"

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace av {

bool FontFile::covers(char32_t cp) const {
    auto it = std::upper_bound(ranges.begin(), ranges.end(), cp, [](char32_t c, const auto& r) { return c < r.first; });
    return it != ranges.begin() && cp <= (it - 1)->second;
}

bool FontCatalog::parse(std::string_view text, std::string& error) {
    families_.clear();
    files_.clear();
    auto fail = [&](const std::string& message) {
        families_.clear();
        files_.clear();
        error = message;
        return false;
    };
    const nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded()) return fail("fonts.json: not JSON");
    if (!j.is_object() || j.value("format", "") != "av-fonts/1") return fail("fonts.json: /format: expected \"av-fonts/1\"");
    const auto fams = j.find("families");
    if (fams == j.end() || !fams->is_array()) return fail("fonts.json: /families: expected an array");
    for (std::size_t i = 0; i < fams->size(); ++i) {
        const nlohmann::json& f = (*fams)[i];
        const std::string p = "fonts.json: /families/" + std::to_string(i);
        if (!f.is_object()) return fail(p + ": expected an object");
        FontFamily family;
        if (!f.contains("name") || !f["name"].is_string()) return fail(p + "/name: expected a string");
        family.name = f["name"].get<std::string>();
        const std::string kind = f.value("kind", "");
        if (kind != "fallback" && kind != "shaped") return fail(p + "/kind: expected \"fallback\" or \"shaped\"");
        family.kind = kind == "shaped" ? FontFamily::Kind::shaped : FontFamily::Kind::fallback;
        if (f.contains("weight")) {
            if (!f["weight"].is_number_integer()) return fail(p + "/weight: expected an integer");
            family.weight = f["weight"].get<int>();
        }
        if (f.contains("han")) {
            if (!f["han"].is_string()) return fail(p + "/han: expected a language tag");
            family.has_han = true;
            family.han = han_for_lang(f["han"].get<std::string>());
        }
        if (f.contains("script")) {
            if (!f["script"].is_string() || f["script"].get<std::string>().size() != 4) return fail(p + "/script: expected four letters");
            const std::string sc = f["script"].get<std::string>();
            family.script = (static_cast<ScriptTag>(static_cast<unsigned char>(sc[0])) << 24) |
                            (static_cast<ScriptTag>(static_cast<unsigned char>(sc[1])) << 16) |
                            (static_cast<ScriptTag>(static_cast<unsigned char>(sc[2])) << 8) |
                            static_cast<ScriptTag>(static_cast<unsigned char>(sc[3]));
        }
        family.color = f.value("color", false);
        const auto files = f.find("files");
        if (files == f.end() || !files->is_array()) return fail(p + "/files: expected an array");
        for (std::size_t k = 0; k < files->size(); ++k) {
            const nlohmann::json& file = (*files)[k];
            const std::string fp = p + "/files/" + std::to_string(k);
            if (!file.is_object() || !file.contains("file") || !file["file"].is_string()) return fail(fp + "/file: expected a string");
            FontFile ff;
            ff.file = file["file"].get<std::string>();
            ff.bytes = file.value("bytes", 0u);
            ff.gzip = file.value("gzip", 0u);
            ff.family = static_cast<int>(families_.size());
            const auto ranges = file.find("ranges");
            if (ranges == file.end() || !ranges->is_array()) return fail(fp + "/ranges: expected an array");
            for (std::size_t r = 0; r < ranges->size(); ++r) {
                const nlohmann::json& pair = (*ranges)[r];
                const std::string rp = fp + "/ranges/" + std::to_string(r);
                if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number_unsigned() || !pair[1].is_number_unsigned())
                    return fail(rp + ": expected [first, last]");
                const auto a = pair[0].get<std::uint32_t>(), b = pair[1].get<std::uint32_t>();
                if (a > b || b > 0x10FFFF || (!ff.ranges.empty() && a <= ff.ranges.back().second))
                    return fail(rp + ": expected sorted, disjoint code points up to 0x10FFFF");
                ff.ranges.emplace_back(a, b);
            }
            if (files_.size() >= 0xFF00) return fail(fp + ": too many files");
            family.files.push_back(static_cast<FontId>(files_.size()));
            files_.push_back(std::move(ff));
        }
        families_.push_back(std::move(family));
    }
    return true;
}

int FontCatalog::shaped_family(ScriptTag script, Weight weight) const {
    const int want = weight == Weight::bold ? 700 : 400;
    int best = -1;
    for (std::size_t i = 0; i < families_.size(); ++i) {
        const FontFamily& f = families_[i];
        if (f.kind != FontFamily::Kind::shaped || f.script != script) continue;
        if (best < 0 || std::abs(f.weight - want) < std::abs(families_[static_cast<std::size_t>(best)].weight - want))
            best = static_cast<int>(i);
    }
    return best;
}

std::vector<int> FontCatalog::fallback_families(Han han) const {
    std::vector<int> out;
    for (std::size_t i = 0; i < families_.size(); ++i)
        if (families_[i].kind == FontFamily::Kind::fallback && !families_[i].has_han) out.push_back(static_cast<int>(i));
    for (std::size_t i = 0; i < families_.size(); ++i)
        if (families_[i].kind == FontFamily::Kind::fallback && families_[i].has_han && families_[i].han == han)
            out.push_back(static_cast<int>(i));
    return out;
}

FontId FontCatalog::file_for(int family, char32_t cp) const {
    if (family < 0 || static_cast<std::size_t>(family) >= families_.size()) return no_font;
    for (FontId id : families_[static_cast<std::size_t>(family)].files)
        if (files_[id].covers(cp)) return id;
    return no_font;
}

std::vector<FontId> FontCatalog::files_for(const TextNeeds& needs) const {
    std::vector<FontId> out;
    auto add = [&](FontId id) {
        if (id != no_font) out.push_back(id);
    };
    for (char32_t cp : needs.emoji)
        for (Weight w : {Weight::regular}) add(file_for(shaped_family(script_tag("Zsye"), w), cp));
    for (std::size_t w = 0; w < needs.chars.size(); ++w) {
        for (std::size_t h = 0; h < needs.chars[w].size(); ++h) {
            const std::vector<int> chain = fallback_families(static_cast<Han>(h));
            for (char32_t cp : needs.chars[w][h]) {
                FontId found = no_font;
                // A shaped family that covers it (the script's own font), else the fallback chain.
                for (std::size_t f = 0; f < families_.size() && found == no_font; ++f)
                    if (families_[f].kind == FontFamily::Kind::shaped && !families_[f].color &&
                        families_[static_cast<std::size_t>(shaped_family(families_[f].script, static_cast<Weight>(w)))].name == families_[f].name)
                        found = file_for(shaped_family(families_[f].script, static_cast<Weight>(w)), cp);
                for (std::size_t k = 0; k < chain.size() && found == no_font; ++k) found = file_for(chain[k], cp);
                add(found);
            }
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace av

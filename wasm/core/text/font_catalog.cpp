#include "core/text/font_catalog.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iterator>

#include <nlohmann/json.hpp>

#include "core/json_describe.hpp"
#include "core/json_reader.hpp"
#include "core/text/text_class.hpp"
#include "core/utf8.hpp"

namespace av {

using nlohmann::json;

namespace {

constexpr std::string_view format_name = "av-fonts/1";
constexpr char32_t max_code_point = 0x10FFFF;
// FontId: 0xFF00 and above name the base faces and no_font, so a catalog has fewer files.
constexpr std::size_t max_files = 0xFF00;
// A family's map (docs/text-pipeline.md, "Fonts"): one character per code point, or two when the
// family has more files than the alphabet has characters.
constexpr std::string_view map_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr char32_t vs16 = 0xFE0F;
constexpr char32_t first_modifier = 0x1F3FB, last_modifier = 0x1F3FF;

// An integer from lo to hi, written as JSON Schema counts integers (2.0 is 2).
bool integer_in(const json& v, double lo, double hi, double& out) {
    if (!v.is_number()) return false;
    const double d = v.get<double>();
    if (!std::isfinite(d) || d != std::floor(d) || d < lo || d > hi) return false;
    out = d;
    return true;
}

// A path below the manifest's folder: letters, digits, '.', '_', '-' in segments between '/', no
// empty, "." or ".." segment. The platform reads or fetches it relative to the manifest.
bool relative_path(const std::string& s) {
    if (s.empty() || s.size() > 255) return false;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t end = s.find('/', start);
        if (end == std::string::npos) end = s.size();
        const std::string_view seg(s.data() + start, end - start);
        if (seg.empty() || seg == "." || seg == "..") return false;
        for (char c : seg) {
            const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
                            c == '_' || c == '-';
            if (!ok) return false;
        }
        start = end + 1;
    }
    return true;
}

bool han_from(const std::string& s, Han& out) {
    if (s == "zh-Hans") out = Han::zh_hans;
    else if (s == "zh-Hant") out = Han::zh_hant;
    else if (s == "ja") out = Han::ja;
    else if (s == "ko") out = Han::ko;
    else return false;
    return true;
}

std::string_view han_name(Han h) {
    switch (h) {
        case Han::zh_hant: return "zh-Hant";
        case Han::ja: return "ja";
        case Han::ko: return "ko";
        default: return "zh-Hans";
    }
}

std::string script_name(ScriptTag t) {
    std::string s(4, ' ');
    for (int i = 0; i < 4; ++i) s[static_cast<std::size_t>(i)] = static_cast<char>((t >> (24 - 8 * i)) & 0xFF);
    return s;
}

int weight_value(Weight w) { return w == Weight::bold ? 700 : 400; }

bool in_ranges(const CodeRanges& ranges, char32_t cp) {
    auto it = std::upper_bound(ranges.begin(), ranges.end(), cp,
                               [](char32_t c, const std::pair<char32_t, char32_t>& r) { return c < r.first; });
    return it != ranges.begin() && cp <= std::prev(it)->second;
}

// Reads the manifest into families and files; the first problem stops it.
class ManifestReader {
public:
    ManifestReader(std::vector<CatalogFamily>& families, std::vector<FontFile>& files)
        : families_(families), files_(files) {}

    bool read(const json& root) {
        if (!root.is_object()) return fail("/", "expected an object, got " + describe_json(root));
        const json* format = member(root, "format");
        if (!format) return fail("/format", "missing (expected \"" + std::string(format_name) + "\")");
        if (!format->is_string()) return fail("/format", "expected a string, got " + describe_json(*format));
        if (format->get_ref<const std::string&>() != format_name) {
            return fail("/format", "unsupported format " + describe_json(*format) + " (this viewer reads " +
                                       std::string(format_name) + ")");
        }
        const json* families = member(root, "families");
        if (!families) return fail("/families", "missing (expected an array of font families)");
        if (!families->is_array()) return fail("/families", "expected an array of font families, got " + describe_json(*families));
        for (std::size_t i = 0; i < families->size(); ++i) {
            if (!family((*families)[i], "/families/" + std::to_string(i))) return false;
        }
        return true;
    }

    const std::string& error() const { return error_; }

private:
    static const json* member(const json& object, const char* name) {
        auto it = object.find(name);
        return it == object.end() ? nullptr : &*it;
    }

    bool fail(const std::string& pointer, const std::string& what) {
        error_ = pointer + ": " + what;
        return false;
    }

    bool family(const json& v, const std::string& p) {
        if (!v.is_object()) return fail(p, "expected a font family (an object), got " + describe_json(v));
        CatalogFamily f;
        const json* name = member(v, "name");
        if (!name) return fail(p + "/name", "missing (expected a non-empty string)");
        if (!name->is_string() || name->get_ref<const std::string&>().empty()) {
            return fail(p + "/name", "expected a non-empty string, got " + describe_json(*name));
        }
        f.name = name->get<std::string>();
        const json* kind = member(v, "kind");
        if (!kind) return fail(p + "/kind", "missing (expected \"fallback\" or \"shaped\")");
        if (*kind == "fallback") f.kind = CatalogFamily::Kind::fallback;
        else if (*kind == "shaped") f.kind = CatalogFamily::Kind::shaped;
        else return fail(p + "/kind", "expected \"fallback\" or \"shaped\", got " + describe_json(*kind));
        const json* weight = member(v, "weight");
        double w = 0;
        if (!weight) return fail(p + "/weight", "missing (expected an integer from 1 to 1000)");
        if (!integer_in(*weight, 1, 1000, w)) return fail(p + "/weight", "expected an integer from 1 to 1000, got " + describe_json(*weight));
        f.weight = static_cast<int>(w);

        if (const json* han = member(v, "han")) {
            if (f.kind != CatalogFamily::Kind::fallback) return fail(p + "/han", "only a fallback family has a Han variant");
            if (!han->is_string() || !han_from(han->get<std::string>(), f.han)) {
                return fail(p + "/han", "expected \"zh-Hans\", \"zh-Hant\", \"ja\" or \"ko\", got " + describe_json(*han));
            }
            f.has_han = true;
        }
        const json* script = member(v, "script");
        if (script && f.kind != CatalogFamily::Kind::shaped) return fail(p + "/script", "only a shaped family has a script");
        if (!script && f.kind == CatalogFamily::Kind::shaped) {
            return fail(p + "/script", "missing (expected an ISO 15924 code such as \"Arab\")");
        }
        if (script) {
            const bool ok = script->is_string() && script->get_ref<const std::string&>().size() == 4 && [&] {
                const std::string& s = script->get_ref<const std::string&>();
                if (s[0] < 'A' || s[0] > 'Z') return false;
                return std::all_of(s.begin() + 1, s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
            }();
            if (!ok) return fail(p + "/script", "expected an ISO 15924 code such as \"Arab\", got " + describe_json(*script));
            for (char c : script->get_ref<const std::string&>()) f.script = (f.script << 8) | static_cast<unsigned char>(c);
        }
        if (const json* color = member(v, "color")) {
            if (!color->is_boolean()) return fail(p + "/color", "expected true or false, got " + describe_json(*color));
            if (color->get<bool>() && f.kind != CatalogFamily::Kind::shaped) {
                return fail(p + "/color", "only a shaped family is drawn in colour");
            }
            f.color = color->get<bool>();
        }
        if (const json* text_default = member(v, "text_default")) {
            if (!f.color) return fail(p + "/text_default", "only a colour family has text_default");
            if (!ranges(*text_default, p + "/text_default", f.text_default)) return false;
        }
        for (std::size_t i = 0; i < families_.size(); ++i) {
            const CatalogFamily& o = families_[i];
            const std::string there = " (/families/" + std::to_string(i) + ")";
            if (f.kind == CatalogFamily::Kind::shaped && o.kind == f.kind && o.script == f.script && o.weight == f.weight) {
                return fail(p, "another family already draws " + script_name(f.script) + " at weight " +
                                   std::to_string(f.weight) + there);
            }
            if (f.has_han && o.has_han && o.han == f.han) {
                return fail(p, "another family already has the Han variant " + std::string(han_name(f.han)) + there);
            }
        }

        const json* files = member(v, "files");
        if (!files) return fail(p + "/files", "missing (expected a non-empty array of files)");
        if (!files->is_array() || files->empty()) {
            return fail(p + "/files", "expected a non-empty array of files, got " + (files->is_array() ? "[]" : describe_json(*files)));
        }
        if (files_.size() + files->size() > max_files) {
            return fail(p + "/files", "more than " + std::to_string(max_files) + " files in the manifest");
        }
        const json* map = member(v, "map");
        const int index = static_cast<int>(families_.size());
        const std::size_t first_file = files_.size();
        for (std::size_t i = 0; i < files->size(); ++i) {
            if (!file((*files)[i], p + "/files/" + std::to_string(i), map != nullptr, index)) return false;
            f.files.push_back(static_cast<FontId>(files_.size() - 1));
        }
        if (map && !read_map(*map, p + "/map", first_file)) return false;
        if (!disjoint(first_file, p)) return false;
        families_.push_back(std::move(f));
        return true;
    }

    bool file(const json& v, const std::string& p, bool has_map, int family) {
        if (!v.is_object()) return fail(p, "expected a file (an object), got " + describe_json(v));
        FontFile f;
        f.family = family;
        const json* name = member(v, "file");
        if (!name) return fail(p + "/file", "missing (expected a relative path such as \"math-0.ttf\")");
        if (!name->is_string() || !relative_path(name->get_ref<const std::string&>())) {
            return fail(p + "/file", "expected a relative path such as \"math-0.ttf\", got " + describe_json(*name));
        }
        f.file = name->get<std::string>();
        const json* r = member(v, "ranges");
        if (r && has_map) return fail(p + "/ranges", "not allowed in a family that has a map");
        if (!r && !has_map) return fail(p + "/ranges", "missing (expected an array of [first, last] code points)");
        if (r && !ranges(*r, p + "/ranges", f.ranges)) return false;
        for (const char* key : {"bytes", "gzip"}) {
            const json* n = member(v, key);
            double d = 0;
            const std::string q = p + "/" + key;
            if (!n) return fail(q, "missing (expected an integer from 0 to 4294967295)");
            if (!integer_in(*n, 0, 4294967295.0, d)) return fail(q, "expected an integer from 0 to 4294967295, got " + describe_json(*n));
            (key[0] == 'b' ? f.bytes : f.gzip) = static_cast<std::uint32_t>(d);
        }
        files_.push_back(std::move(f));
        return true;
    }

    bool ranges(const json& v, const std::string& p, CodeRanges& out) {
        if (!v.is_array()) return fail(p, "expected an array of [first, last] code points, got " + describe_json(v));
        out.reserve(v.size());
        for (std::size_t i = 0; i < v.size(); ++i) {
            const json& r = v[i];
            const std::string q = p + "/" + std::to_string(i);
            double a = 0, b = 0;
            const bool ok = r.is_array() && r.size() == 2 && integer_in(r[0], 0, max_code_point, a) &&
                            integer_in(r[1], 0, max_code_point, b) && a <= b;
            if (!ok) {
                const bool pair = r.is_array() && r.size() == 2 && !r[0].is_structured() && !r[1].is_structured();
                return fail(q, "expected [first, last] code points from 0 to 1114111 with first <= last, got " +
                                   (pair ? "[" + describe_json(r[0]) + ", " + describe_json(r[1]) + "]" : describe_json(r)));
            }
            const auto first = static_cast<char32_t>(a), last = static_cast<char32_t>(b);
            if (!out.empty() && first <= out.back().second) {
                return fail(q, "starts at or before the end of the range before it (ranges must be sorted and disjoint)");
            }
            out.emplace_back(first, last);
        }
        return true;
    }

    // {"ranges": the family's code points, "files": for each of them in order, its file's index}.
    bool read_map(const json& v, const std::string& p, std::size_t first_file) {
        if (!v.is_object()) return fail(p, "expected an object with \"ranges\" and \"files\", got " + describe_json(v));
        const json* r = member(v, "ranges");
        if (!r) return fail(p + "/ranges", "missing (expected an array of [first, last] code points)");
        CodeRanges covered;
        if (!ranges(*r, p + "/ranges", covered)) return false;
        const json* text = member(v, "files");
        if (!text) return fail(p + "/files", "missing (expected a string: each code point's file)");
        if (!text->is_string()) return fail(p + "/files", "expected a string: each code point's file, got " + describe_json(*text));
        const std::string& s = text->get_ref<const std::string&>();
        const std::size_t count = files_.size() - first_file;
        const std::size_t width = count <= map_alphabet.size() ? 1 : 2;
        std::size_t code_points = 0;
        for (const auto& [a, b] : covered) code_points += static_cast<std::size_t>(b - a) + 1;
        if (s.size() != code_points * width) {
            return fail(p + "/files", std::to_string(s.size()) + " characters for " + std::to_string(code_points) +
                                          " code points (expected " + std::to_string(width) + " per code point)");
        }
        std::size_t pos = 0;
        for (const auto& [a, b] : covered) {
            for (char32_t cp = a;; ++cp) {
                std::size_t index = 0;
                for (std::size_t k = 0; k < width; ++k, ++pos) {
                    const std::size_t digit = map_alphabet.find(s[pos]);
                    if (digit == std::string_view::npos) {
                        return fail(p + "/files", "character " + std::to_string(pos) + " is not one of " +
                                                      std::string(map_alphabet));
                    }
                    index = index * map_alphabet.size() + digit;
                }
                if (index >= count) {
                    return fail(p + "/files", "character " + std::to_string(pos - width) + " names file " +
                                                  std::to_string(index) + ", but the family has " + std::to_string(count));
                }
                CodeRanges& into = files_[first_file + index].ranges;
                if (!into.empty() && into.back().second + 1 == cp) into.back().second = cp;
                else into.emplace_back(cp, cp);
                if (cp == b) break;
            }
        }
        return true;
    }

    // No code point in two files of one family (file_for must have one answer).
    bool disjoint(std::size_t first_file, const std::string& p) {
        struct Entry {
            char32_t first, last;
            std::size_t file;
        };
        std::vector<Entry> all;
        for (std::size_t i = first_file; i < files_.size(); ++i) {
            for (const auto& [a, b] : files_[i].ranges) all.push_back({a, b, i - first_file});
        }
        std::sort(all.begin(), all.end(), [](const Entry& x, const Entry& y) { return x.first < y.first; });
        for (std::size_t i = 1; i < all.size(); ++i) {
            if (all[i].first <= all[i - 1].last) {
                const std::size_t lo = std::min(all[i].file, all[i - 1].file), hi = std::max(all[i].file, all[i - 1].file);
                char buf[16];
                std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(all[i].first));
                return fail(p + "/files/" + std::to_string(hi), "shares " + std::string(buf) + " with " + p + "/files/" +
                                                                std::to_string(lo) + " (a code point belongs to one file of a family)");
            }
        }
        return true;
    }

    std::vector<CatalogFamily>& families_;
    std::vector<FontFile>& files_;
    std::string error_;
};

}  // namespace

bool FontFile::covers(char32_t cp) const { return in_ranges(ranges, cp); }

void FontCatalog::clear() {
    families_.clear();
    files_.clear();
    spans_.clear();
    shaped_.clear();
}

bool FontCatalog::parse(std::string_view text, std::string& error) {
    clear();
    const std::size_t bad = utf8::find_invalid(text);
    if (bad != std::string_view::npos) {
        error = "invalid UTF-8 at byte " + std::to_string(bad) + " (" + line_column(text, bad) + ")";
        return false;
    }
    JsonReadResult read = read_json(text, LoadLimits{});
    if (read.kind != LoadErrorKind::none) {
        error = read.error;
        return false;
    }
    ManifestReader reader(families_, files_);
    if (!reader.read(read.value)) {
        error = reader.error();
        clear();
        return false;
    }
    spans_.resize(families_.size());
    for (std::size_t f = 0; f < families_.size(); ++f) {
        for (FontId id : families_[f].files) {
            for (const auto& [a, b] : files_[id].ranges) spans_[f].push_back({a, b, id});
        }
        std::sort(spans_[f].begin(), spans_[f].end(), [](const Span& x, const Span& y) { return x.first < y.first; });
    }
    std::vector<ScriptTag> scripts;
    for (const CatalogFamily& f : families_)
        if (f.kind == CatalogFamily::Kind::shaped) scripts.push_back(f.script);
    std::sort(scripts.begin(), scripts.end());
    scripts.erase(std::unique(scripts.begin(), scripts.end()), scripts.end());
    for (ScriptTag script : scripts) {
        std::vector<int> candidates;
        for (std::size_t i = 0; i < families_.size(); ++i)
            if (families_[i].kind == CatalogFamily::Kind::shaped && families_[i].script == script)
                candidates.push_back(static_cast<int>(i));
        for (std::size_t w = 0; w < static_cast<std::size_t>(Weight::count); ++w)
            shaped_.push_back({script, static_cast<Weight>(w), nearest(candidates, static_cast<Weight>(w))});
    }
    error.clear();
    return true;
}

FontId FontCatalog::file_for(int family, char32_t cp) const {
    if (family < 0 || static_cast<std::size_t>(family) >= spans_.size()) return no_font;
    const std::vector<Span>& spans = spans_[static_cast<std::size_t>(family)];
    auto it = std::upper_bound(spans.begin(), spans.end(), cp, [](char32_t c, const Span& s) { return c < s.first; });
    if (it == spans.begin() || cp > std::prev(it)->last) return no_font;
    return std::prev(it)->file;
}

int FontCatalog::nearest(const std::vector<int>& candidates, Weight weight) const {
    int best = -1;
    for (int i : candidates) {
        const int d = std::abs(families_[static_cast<std::size_t>(i)].weight - weight_value(weight));
        if (best < 0) {
            best = i;
            continue;
        }
        const CatalogFamily& b = families_[static_cast<std::size_t>(best)];
        const int bd = std::abs(b.weight - weight_value(weight));
        if (d < bd || (d == bd && families_[static_cast<std::size_t>(i)].weight < b.weight)) best = i;
    }
    return best;
}

int FontCatalog::shaped_family(ScriptTag script, Weight weight) const {
    const auto it = std::lower_bound(shaped_.begin(), shaped_.end(), std::pair(script, weight),
                                     [](const ShapedKey& k, const std::pair<ScriptTag, Weight>& v) {
                                         return std::pair(k.script, k.weight) < v;
                                     });
    return it != shaped_.end() && it->script == script && it->weight == weight ? it->family : -1;
}

std::vector<int> FontCatalog::fallback_families(Han han) const {
    std::vector<int> out;
    for (std::size_t i = 0; i < families_.size(); ++i) {
        const CatalogFamily& f = families_[i];
        if (f.kind == CatalogFamily::Kind::fallback && !f.has_han) out.push_back(static_cast<int>(i));
    }
    for (std::size_t i = 0; i < families_.size(); ++i) {
        const CatalogFamily& f = families_[i];
        if (f.kind == CatalogFamily::Kind::fallback && f.has_han && f.han == han) out.push_back(static_cast<int>(i));
    }
    return out;
}

std::vector<FontId> FontCatalog::files_for(const TextNeeds& needs) const {
    std::vector<FontId> out;
    if (files_.empty()) return out;
    // VS16 or a skin tone anywhere in the article: text-default emoji may be drawn as emoji.
    bool emoji_selectors = false;
    for (const auto& by_han : needs.chars) {
        for (const auto& cps : by_han) {
            for (char32_t cp : cps) emoji_selectors |= cp == vs16 || (cp >= first_modifier && cp <= last_modifier);
        }
    }
    std::vector<int> colour, shaped;
    for (std::size_t i = 0; i < families_.size(); ++i) {
        const CatalogFamily& f = families_[i];
        if (f.kind != CatalogFamily::Kind::shaped) continue;
        (f.color ? colour : shaped).push_back(static_cast<int>(i));
    }
    // Emoji clusters (TextNeeds::emoji): the colour family's slice owning the cluster's first code
    // point the base faces do not draw (a keycap's digit and ©'s are theirs: then VS16 decides).
    for (char32_t cp : needs.emoji) {
        const char32_t key = base_coverage_of(cp) == BaseCoverage::none ? cp : vs16;
        for (int fam : colour) {
            const FontId id = file_for(fam, key);
            if (id == no_font) continue;
            out.push_back(id);
            break;
        }
    }
    for (std::size_t w = 0; w < static_cast<std::size_t>(Weight::count); ++w) {
        const auto weight = static_cast<Weight>(w);
        for (std::size_t h = 0; h < static_cast<std::size_t>(Han::count); ++h) {
            const std::vector<char32_t>& cps = needs.chars[w][h];
            if (cps.empty()) continue;
            const std::vector<int> chain = fallback_families(static_cast<Han>(h));
            std::vector<int> holders;
            for (char32_t cp : cps) {
                bool done = false;
                for (int fam : colour) {
                    const FontId id = file_for(fam, cp);
                    if (id == no_font) continue;
                    const bool text_default = in_ranges(families_[static_cast<std::size_t>(fam)].text_default, cp);
                    if (!text_default || emoji_selectors) out.push_back(id);
                    done = !text_default;
                    break;
                }
                if (done) continue;
                holders.clear();
                for (int fam : shaped) {
                    if (file_for(fam, cp) != no_font) holders.push_back(fam);
                }
                if (!holders.empty()) {
                    out.push_back(file_for(nearest(holders, weight), cp));
                    continue;
                }
                for (int fam : chain) {
                    const FontId id = file_for(fam, cp);
                    if (id != no_font) {
                        out.push_back(id);
                        break;
                    }
                }
            }
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace av

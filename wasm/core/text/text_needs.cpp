#include "text_needs.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "core/article.hpp"
#include "core/locale.hpp"
#include "core/text/paragraph_text.hpp"
#include "core/text/text_class.hpp"
#include "core/utf8.hpp"

namespace av {

namespace {

void sort_unique(std::vector<char32_t>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

// A list that stays at most about twice its distinct characters: a 40 MB Chinese article repeats
// the same few thousand characters millions of times. Sorted and made unique when it doubles.
// A character just pushed is not pushed again: an alphabet's few dozen letters (Arabic, or the
// accents of French) then cost a look in `seen_`, not a place in a list sorted again and again
// (the sorts were 5 % of laying out an Arabic article).
class CharList {
public:
    explicit CharList(std::vector<char32_t>& v) : v_(v) { seen_.fill(0xFFFFFFFF); }  // no character
    void push(char32_t c) {
        char32_t& seen = seen_[c & (seen_.size() - 1)];
        if (seen == c) return;
        seen = c;
        v_.push_back(c);
        if (v_.size() >= limit_) {
            sort_unique(v_);
            limit_ = v_.size() * 2 + 4096;
        }
    }

private:
    std::vector<char32_t>& v_;
    std::size_t limit_ = 4096;
    std::array<char32_t, 256> seen_;  // the last character pushed of each value of its low byte
};

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool emoji_component(char32_t c) {
    return c == 0x200D || c == 0xFE0F || c == 0x20E3 || (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F);
}

// Walks every text the layout draws, with the weight and Han variant it is drawn in.
class Collector {
public:
    explicit Collector(TextNeeds& needs) : needs_(needs), emoji_(needs.emoji) {
        for (std::size_t w = 0; w < lists_.size(); ++w)
            for (std::size_t h = 0; h < lists_[w].size(); ++h) lists_[w][h].emplace(needs.chars[w][h]);
    }

    void add(std::string_view text, Weight weight, Han han) {
        CharList& out = *lists_[static_cast<std::size_t>(weight)][static_cast<std::size_t>(han)];
        std::size_t pos = 0;
        char32_t prev = 0;
        char32_t c = 0;
        bool flag_open = false;  // the last character was a flag's first regional indicator
        // Plain ASCII is the bulk of most articles and asks for nothing: skipped 8 bytes at a time.
        while (pos < text.size()) {
            if (pos + 8 <= text.size() && utf8::ascii8(text, pos)) {
                pos += 8;
                prev = static_cast<unsigned char>(text[pos - 1]);
                flag_open = false;
                continue;
            }
            const unsigned char b = static_cast<unsigned char>(text[pos]);
            if (b < 0x80) {
                ++pos;
                prev = b;
                flag_open = false;
                continue;
            }
            c = utf8::next(text, pos);
            const std::uint8_t cls = text_class_of(c);
            if (cls & text_class::rich) needs_.rich = true;
            if (cls & text_class::dictionary) needs_.dictionary = true;
            const BaseCoverage cover = base_coverage_of(c);
            if (cover == BaseCoverage::extended) needs_.extended = true;
            // An emoji cluster starts here: an emoji presentation character, or any character that
            // VS16 (U+FE0F) follows; not inside a ZWJ sequence, whose slice is its first emoji's.
            const bool vs16_next = pos + 3 <= text.size() && text.compare(pos, 3, "\xEF\xB8\x8F") == 0;
            const bool emoji = (cls & text_class::emoji) || vs16_next;
            // A flag is two regional indicators: the second comes with the first's slice.
            const bool regional = c >= 0x1F1E6 && c <= 0x1F1FF;
            const bool second_of_flag = regional && flag_open;
            flag_open = regional && !second_of_flag;
            if (emoji && !emoji_component(c)) {
                if (prev != 0x200D && !second_of_flag) emoji_.push(c);
            } else if (cover == BaseCoverage::none && !emoji_component(c)) {
                out.push(c);
            }
            prev = c;
        }
        // ASCII digits and '#' '*' start keycaps (1️⃣): they are first-paint characters, so the
        // loop above skips them; VS16 after them marks the cluster.
        for (std::size_t at = text.find("\xEF\xB8\x8F\xE2\x83\xA3"); at != std::string_view::npos;
             at = text.find("\xEF\xB8\x8F\xE2\x83\xA3", at + 6)) {
            if (at > 0 && static_cast<unsigned char>(text[at - 1]) < 0x80) emoji_.push(static_cast<char32_t>(text[at - 1]));
        }
    }

    // TextNeeds::faces: `text` drawn in `face` (layout.cpp picks the face of each text).
    void face(std::string_view text, Face f) {
        if (!text.empty()) needs_.faces |= face_bit(f);
    }
    // Runs drawn in `base`: each in its own style (styled_face, as the line breakers pick it).
    void faces(const Inline& runs, Face base) {
        for (const Run& r : runs)
            if (!r.text.empty()) needs_.faces |= face_bit(styled_face(base, r.bold, r.italic));
    }

    void add(const Inline& runs, bool bold_face, Han block_han) {
        for (const Run& r : runs) {
            add(r.text, bold_face || r.bold ? Weight::bold : Weight::regular,
                r.lang.empty() ? block_han : han_for_lang(r.lang));
            if (!r.lang.empty()) add_language(r.lang);
        }
    }

    // TextNeeds::languages: lower-cased, each once (the last one is compared first: runs of one
    // language follow each other).
    void add_language(std::string_view lang) {
        std::string tag;
        for (char c : lang) tag += lower(c);
        auto& langs = needs_.languages;
        if (!langs.empty() && langs.back() == tag) return;
        if (std::find(langs.begin(), langs.end(), tag) == langs.end()) langs.push_back(std::move(tag));
    }

private:
    TextNeeds& needs_;
    CharList emoji_;
    std::array<std::array<std::optional<CharList>, static_cast<std::size_t>(Han::count)>, static_cast<std::size_t>(Weight::count)> lists_;
};

}  // namespace

Han han_for_lang(std::string_view lang) {
    std::string tag;
    for (char c : lang) tag += lower(c);
    const std::string primary = tag.substr(0, tag.find('-'));
    if (primary == "ja") return Han::ja;
    if (primary == "ko") return Han::ko;
    if (primary != "zh") return Han::zh_hans;
    // zh-Hant, zh-TW, zh-HK, zh-MO (and zh-Hant-*, zh-yue-HK...): Traditional; other zh: Simplified.
    for (std::size_t at = tag.find('-'); at != std::string::npos; at = tag.find('-', at + 1)) {
        const std::string sub = tag.substr(at + 1, tag.find('-', at + 1) - at - 1);
        if (sub == "hant" || sub == "tw" || sub == "hk" || sub == "mo") return Han::zh_hant;
        if (sub == "hans") return Han::zh_hans;
    }
    return Han::zh_hans;
}

std::vector<const char*> needed_scripts(const TextNeeds& needs) {
    static const char* const keys[] = {"han",     "kana",  "hangul", "arabic", "hebrew", "devanagari",
                                       "bengali", "tamil", "thai",   "emoji",  "symbols"};
    enum Key { han, kana, hangul, arabic, hebrew, devanagari, bengali, tamil, thai, emoji, symbols, count };
    std::array<bool, count> seen{};
    auto key_of = [](char32_t c) -> Key {
        if (c >= 0x0590 && c <= 0x05FF) return hebrew;
        if ((c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF) ||
            (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF))
            return arabic;
        if (c >= 0xFB1D && c <= 0xFB4F) return hebrew;
        if (c >= 0x0900 && c <= 0x097F) return devanagari;
        if (c >= 0x0980 && c <= 0x09FF) return bengali;
        if (c >= 0x0B80 && c <= 0x0BFF) return tamil;
        if (c >= 0x0E00 && c <= 0x0E7F) return thai;
        if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF)) return kana;
        if ((c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F) || (c >= 0xAC00 && c <= 0xD7AF)) return hangul;
        if ((c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3000 && c <= 0x303F) || (c >= 0x3400 && c <= 0x4DBF) ||
            (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
            (c >= 0x20000 && c <= 0x3FFFF))
            return han;
        return symbols;
    };
    for (const auto& by_han : needs.chars)
        for (const auto& v : by_han)
            for (char32_t c : v) seen[key_of(c)] = true;
    if (!needs.emoji.empty()) seen[emoji] = true;
    std::vector<const char*> out;
    for (int k = 0; k < count; ++k)
        if (seen[static_cast<std::size_t>(k)]) out.push_back(keys[k]);
    return out;
}

bool TextNeeds::empty() const {
    if (rich || extended || dictionary || !emoji.empty()) return false;
    for (const auto& by_han : chars)
        for (const auto& v : by_han)
            if (!v.empty()) return false;
    return true;
}

// Kept apart from NeedsScan so that the Collector's references into `needs` stay valid.
struct NeedsScan::State {
    explicit State(const Article& a) : article(a), collector(needs), article_han(han_for_lang(a.lang)) {}
    const Article& article;
    TextNeeds needs;
    Collector collector;
    Han article_han;
    std::size_t next = 0;  // the first block not scanned yet
};

NeedsScan::NeedsScan(const Article& a) : state_(std::make_unique<State>(a)) {
    Collector& c = state_->collector;
    const Han article_han = state_->article_han;
    c.add_language(a.lang);
    c.add(a.title, Weight::bold, article_han);
    c.add(a.subtitle, Weight::regular, article_han);
    for (const std::string& author : a.byline.authors) c.add(author, Weight::regular, article_han);
    c.add(a.byline.source, Weight::regular, article_han);
    // The words the viewer writes in the article's language.
    c.add(locale::format_date(a.lang, a.byline.published), Weight::regular, article_han);
    c.add(locale::reading_time(a.lang, 12), Weight::regular, article_han);
    // The faces of layout.cpp's header: the title, the subtitle, the line of byline, date and
    // reading time (never empty: the reading time is always there).
    c.face(a.title, Face::serif_bold);
    c.face(a.subtitle, Face::serif_italic);
    c.face(locale::reading_time(a.lang, 12), Face::sans);
}

NeedsScan::~NeedsScan() = default;

std::size_t NeedsScan::scanned() const { return state_->next; }

bool NeedsScan::add_blocks(std::size_t count) {
    const Article& a = state_->article;
    Collector& c = state_->collector;
    const std::size_t last = std::min(a.blocks.size(), state_->next + std::min(count, a.blocks.size()));
    for (; state_->next < last; ++state_->next) {
        const Block& b = a.blocks[state_->next];
        const Han han = b.lang.empty() ? state_->article_han : han_for_lang(b.lang);
        if (!b.lang.empty()) c.add_language(b.lang);
        switch (b.type) {
            case BlockType::heading:
                c.add(b.text, true, han);
                c.faces(b.text, Face::sans_bold);
                break;
            case BlockType::paragraph:
                c.add(b.text, false, han);
                c.faces(b.text, Face::serif);
                break;
            case BlockType::quote:
                c.add(b.text, false, han);
                c.add(b.cite, Weight::regular, han);
                c.faces(b.text, Face::serif_italic);
                c.face(b.cite, Face::sans);
                break;
            case BlockType::list:
                for (const Inline& item : b.items) {
                    c.add(item, false, han);
                    c.faces(item, Face::serif);
                }
                if (!b.items.empty()) c.face("1", Face::serif);  // the markers
                break;
            case BlockType::image:
                c.add(b.alt, Weight::regular, han);
                c.add(b.caption, false, han);
                c.add(b.credit, Weight::regular, han);
                c.face(b.alt, Face::sans);
                c.faces(b.caption, Face::sans);
                c.face(b.credit, Face::sans);
                break;
            case BlockType::sponsored:
                c.add(b.label.empty() ? locale::sponsored_label(a.lang) : b.label, Weight::bold, han);
                c.add(b.sponsor, Weight::bold, han);
                c.add(b.title, true, han);
                c.add(b.text, false, han);
                c.face(locale::sponsored_label(a.lang), Face::sans_bold);
                c.faces(b.title, Face::sans_bold);
                c.faces(b.text, Face::sans);
                break;
            case BlockType::related:
                c.add(b.label.empty() ? locale::related_label(a.lang) : b.label, Weight::bold, han);
                for (const RelatedItem& item : b.related) c.add(item.title, Weight::bold, han);
                c.face(locale::related_label(a.lang), Face::sans_bold);
                break;
            case BlockType::callout:
                c.add(b.label, Weight::bold, han);
                c.add(b.title, true, han);
                c.add(b.text, false, han);
                for (const Inline& p : b.items) c.add(p, false, han);
                c.face(b.label, Face::sans_bold);
                c.faces(b.title, Face::sans_bold);
                c.faces(b.text, Face::serif);
                for (const Inline& p : b.items) c.faces(p, Face::serif);
                break;
            case BlockType::tags:
                for (const std::string& tag : b.tags) {
                    c.add(tag, Weight::regular, han);
                    c.face(tag, Face::sans);
                }
                break;
            case BlockType::divider: break;
        }
    }
    return state_->next >= a.blocks.size();
}

TextNeeds NeedsScan::take() {
    TextNeeds& needs = state_->needs;
    for (auto& by_han : needs.chars)
        for (auto& v : by_han) {
            sort_unique(v);
            v.shrink_to_fit();
        }
    sort_unique(needs.emoji);
    needs.emoji.shrink_to_fit();
    return std::move(needs);
}

TextNeeds compute_needs(const Article& a) {
    NeedsScan scan(a);
    scan.add_blocks(a.blocks.size());
    return scan.take();
}

}  // namespace av

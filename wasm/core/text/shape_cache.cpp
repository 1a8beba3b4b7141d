#include "shape_cache.hpp"

#include <algorithm>

namespace av {

namespace {

// FNV-1a over the key's words, a word at a time.
std::uint32_t hash_of(const std::vector<std::uint32_t>& key) {
    std::uint32_t h = 2166136261u;
    for (std::uint32_t w : key) h = (h ^ w) * 16777619u;
    return h;
}

}  // namespace

void ShapeCache::clear() {
    entries_.clear();
    keys_.clear();
    glyphs_.clear();
    std::fill(slots_.begin(), slots_.end(), 0u);
}

void ShapeCache::grow_slots() {
    slots_.assign(std::max<std::size_t>(slots_.size() * 2, 1024), 0u);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        std::size_t at = entries_[i].hash & mask;
        while (slots_[at] != 0) at = (at + 1) & mask;
        slots_[at] = static_cast<std::uint32_t>(i + 1);
    }
}

void ShapeCache::shape(const TextEngine& engine, FontId font, std::u32string_view text, const std::vector<CharInfo>& info,
                       std::size_t begin, std::size_t end, bool rtl, ScriptTag script, std::string_view lang,
                       std::vector<ShapedGlyph>& out) {
    out.clear();
    end = std::min(end, text.size());
    if (begin >= end) return;
    const std::uint64_t generation = engine.font_generation();
    if (&engine != engine_ || generation != generation_) {
        clear();
        engine_ = &engine;
        generation_ = generation;
    }
    pieces_.clear();
    starts_.clear();
    // A piece ends after a run of spaces, before a character that starts a grapheme cluster (a
    // mark after a space belongs to the space's cluster: cut there, it would be shaped alone).
    for (std::size_t s = begin; s < end;) {
        std::size_t e = s;
        for (;;) {
            while (e < end && text[e] != U' ') ++e;
            while (e < end && text[e] == U' ') ++e;
            if (e >= end || e >= info.size() || (info[e].flags & char_flags::cluster_start)) break;
        }
        // Its context must not matter: a space (or the paragraph's edge) on both sides. The run's
        // own edges may fall inside a word (a change of font or script): that piece is shaped with
        // its context, uncached.
        const bool cacheable = e - s <= max_word_length && (s == 0 || text[s - 1] == U' ') &&
                               (e == text.size() || text[e - 1] == U' ');
        starts_.push_back(pieces_.size());
        shape_piece(engine, font, text, s, e, rtl, script, lang, cacheable);
        s = e;
    }
    // A right-to-left run comes out in visual order: its last piece first, each piece's glyphs in
    // their own visual order, as the engine gives them for the whole run.
    out.reserve(pieces_.size());
    if (!rtl) {
        out.insert(out.end(), pieces_.begin(), pieces_.end());
        return;
    }
    for (std::size_t k = starts_.size(); k-- > 0;) {
        const std::size_t from = starts_[k], to = k + 1 < starts_.size() ? starts_[k + 1] : pieces_.size();
        out.insert(out.end(), pieces_.begin() + static_cast<std::ptrdiff_t>(from), pieces_.begin() + static_cast<std::ptrdiff_t>(to));
    }
}

void ShapeCache::shape_piece(const TextEngine& engine, FontId font, std::u32string_view text, std::size_t begin,
                             std::size_t end, bool rtl, ScriptTag script, std::string_view lang, bool cacheable) {
    if (!cacheable) {
        ++stats_.uncached;
        engine.shape(font, text, begin, end, rtl, script, lang, scratch_);
        pieces_.insert(pieces_.end(), scratch_.begin(), scratch_.end());
        return;
    }
    // Everything the engine's answer depends on: the font, the direction, whether the piece starts
    // or ends the paragraph (HarfBuzz's BOT and EOT flags), the script, the language, the text.
    key_.clear();
    key_.push_back(font | (rtl ? 0x10000u : 0u) | (begin == 0 ? 0x20000u : 0u) | (end == text.size() ? 0x40000u : 0u));
    key_.push_back(script);
    key_.push_back(static_cast<std::uint32_t>(lang.size()));
    for (std::size_t i = 0; i < lang.size(); i += 4) {
        std::uint32_t w = 0;
        for (std::size_t k = i; k < std::min(i + 4, lang.size()); ++k) w = (w << 8) | static_cast<unsigned char>(lang[k]);
        key_.push_back(w);
    }
    for (std::size_t i = begin; i < end; ++i) key_.push_back(static_cast<std::uint32_t>(text[i]));
    const std::uint32_t hash = hash_of(key_);

    const auto base = static_cast<std::uint32_t>(begin);
    if (!slots_.empty()) {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t at = hash & mask; slots_[at] != 0; at = (at + 1) & mask) {
            const Entry& e = entries_[slots_[at] - 1];
            if (e.hash != hash || e.key_length != key_.size() ||
                !std::equal(key_.begin(), key_.end(), keys_.begin() + static_cast<std::ptrdiff_t>(e.key_at)))
                continue;
            ++stats_.hits;
            for (std::uint32_t g = e.glyphs_at; g < e.glyphs_at + e.glyph_count; ++g) {
                pieces_.push_back(glyphs_[g]);
                pieces_.back().cluster += base;
            }
            return;
        }
    }
    engine.shape(font, text, begin, end, rtl, script, lang, scratch_);
    pieces_.insert(pieces_.end(), scratch_.begin(), scratch_.end());
    // An engine whose clusters fall outside the piece (one that misbehaves) is not remembered:
    // the same clusters would not hold at another place.
    for (const ShapedGlyph& g : scratch_)
        if (g.cluster < begin || g.cluster >= end) {
            ++stats_.uncached;
            return;
        }
    ++stats_.misses;
    if (entries_.size() >= max_words || glyphs_.size() + scratch_.size() > max_glyphs) clear();
    entries_.push_back(Entry{hash, static_cast<std::uint32_t>(keys_.size()), static_cast<std::uint32_t>(key_.size()),
                             static_cast<std::uint32_t>(glyphs_.size()), static_cast<std::uint32_t>(scratch_.size())});
    keys_.insert(keys_.end(), key_.begin(), key_.end());
    for (ShapedGlyph g : scratch_) {
        g.cluster -= base;
        glyphs_.push_back(g);
    }
    // At most half full, so that a probe stays short.
    if (entries_.size() * 2 > slots_.size()) {
        grow_slots();
        return;
    }
    const std::size_t mask = slots_.size() - 1;
    std::size_t at = hash & mask;
    while (slots_[at] != 0) at = (at + 1) & mask;
    slots_[at] = static_cast<std::uint32_t>(entries_.size());
}

}  // namespace av

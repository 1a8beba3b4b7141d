#include "hyphenation_cache.hpp"

namespace av {

void HyphenationCache::reset(const Hyphenator* inner) {
    inner_ = inner;
    words_.clear();
    asked_ = 0;
}

void HyphenationCache::hyphenate(std::string_view lang, std::u32string_view word, std::vector<std::uint32_t>& out) const {
    if (!inner_) return;
    key_.clear();
    for (char c : lang) key_ += static_cast<char32_t>(static_cast<unsigned char>(c));
    key_ += U'\0';
    key_.append(word.data(), word.size());
    auto it = words_.find(key_);
    if (it == words_.end()) {
        if (words_.size() >= max_words) words_.clear();
        std::vector<std::uint32_t> points;
        inner_->hyphenate(lang, word, points);
        ++asked_;
        it = words_.emplace(key_, std::move(points)).first;
    }
    out.insert(out.end(), it->second.begin(), it->second.end());
}

}  // namespace av

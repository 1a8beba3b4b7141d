// ThaiBreaker (ICU's algorithm over ICU's word list) as the engine's DictionaryBreaker: word starts
// inside Thai runs; Lao, Khmer and Myanmar have no dictionary here and get none (their runs are
// then never broken inside, as browsers without their dictionaries do).
#pragma once

#include <utility>

#include "dictionary_breaker.hpp"
#include "thai_breaker.hpp"

namespace av {

class ThaiDictionaryBreaker final : public DictionaryBreaker {
public:
    explicit ThaiDictionaryBreaker(ThaiBreaker thai) : thai_(std::move(thai)) {}
    void word_starts(ScriptTag script, std::u32string_view run, std::vector<std::size_t>& starts) const override {
        if (script == script_tag("Thai")) thai_.find_breaks(run, 0, run.size(), starts);
    }

private:
    ThaiBreaker thai_;
};

}  // namespace av

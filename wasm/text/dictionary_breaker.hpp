// The hook for line breaks inside Thai, Lao, Khmer and Myanmar words. UAX #14 gives these scripts'
// characters class SA and leaves their word boundaries to a dictionary; without one the engine never
// breaks inside a run of SA characters (libunibreak resolves SA to AL). ThaiBreaker (thai_breaker.hpp,
// ICU's algorithm over ICU's thaidict) is the breaker the program gives the engine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/text/text_engine.hpp"

namespace av {

class DictionaryBreaker {
public:
    virtual ~DictionaryBreaker() = default;

    // `run`: a maximal run of UAX #14 class SA characters of one script (`script`, e.g.
    // script_tag("Thai")), already free of non-scalar values. Appends to `starts` the offsets in
    // `run`, in (0, run.size()), where a word starts. A script the breaker has no dictionary for gets
    // none. The engine ignores offsets out of range and keeps only those at grapheme cluster starts.
    virtual void word_starts(ScriptTag script, std::u32string_view run, std::vector<std::size_t>& starts) const = 0;
};

}  // namespace av

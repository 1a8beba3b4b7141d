#include "script_runs.hpp"

#include <cstddef>

#include <hb.h>

namespace av::engine {

namespace {

bool is_real(hb_script_t s) {
    return s != HB_SCRIPT_COMMON && s != HB_SCRIPT_INHERITED && s != HB_SCRIPT_UNKNOWN && s != HB_SCRIPT_INVALID;
}

// How many unclosed opening brackets are remembered: deeper nesting is rare in prose, and the bound
// keeps the matching of a closing bracket constant-time (as UAX #9's BD16 bounds its stack at 63).
constexpr std::size_t max_open_brackets = 64;

struct OpenBracket {
    std::uint32_t cp;
    std::size_t index;  // its script is read from the output when the closing bracket comes
};

}  // namespace

void resolve_scripts(const std::vector<std::uint32_t>& text, std::vector<CharInfo>& info) {
    hb_unicode_funcs_t* ucd = hb_unicode_funcs_get_default();
    std::vector<OpenBracket> open;
    ScriptTag last = 0;  // the script of the text so far; 0 until the first character of a real script
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::uint32_t c = text[i];
        const hb_script_t s = hb_unicode_script(ucd, c);
        if (is_real(s)) {
            const auto tag = static_cast<ScriptTag>(s);
            if (last == 0) {  // the first one: the characters before it take its script
                for (std::size_t j = 0; j < i; ++j) info[j].script = tag;
            }
            last = tag;
            info[i].script = tag;
            continue;
        }
        // The script of the character before (after a closing bracket, its pair's).
        ScriptTag resolved = last != 0 ? info[i - 1].script : 0;
        const hb_unicode_general_category_t gc = hb_unicode_general_category(ucd, c);
        if (gc == HB_UNICODE_GENERAL_CATEGORY_CLOSE_PUNCTUATION) {
            // The script of its opening bracket, if one is open; brackets opened inside the pair
            // close with it.
            const std::uint32_t opening = hb_unicode_mirroring(ucd, c);
            std::size_t k = open.size();
            while (k > 0 && open[k - 1].cp != opening) --k;
            if (k > 0) {
                if (last != 0) resolved = info[open[k - 1].index].script;
                open.resize(k - 1);
            }
        } else if (gc == HB_UNICODE_GENERAL_CATEGORY_OPEN_PUNCTUATION && open.size() < max_open_brackets) {
            open.push_back({c, i});
        }
        info[i].script = resolved;
    }
    if (last == 0) {
        for (CharInfo& ci : info) ci.script = static_cast<ScriptTag>(HB_SCRIPT_COMMON);
    }
}

}  // namespace av::engine

#include "line_breaks.hpp"

#include <cstddef>
#include <string>
#include <string_view>

#include <linebreak.h>
// linebreakdef.h (libunibreak's lower-level interface) has no extern "C" of its own.
extern "C" {
#include <linebreakdef.h>
}

namespace av::engine {

namespace {

bool is_letter_class(LineBreakClass c) {
    switch (c) {
        case LBP_AL: case LBP_HL: case LBP_NU: case LBP_ID: case LBP_AI: case LBP_CJ: case LBP_SA:
        case LBP_H2: case LBP_H3: case LBP_JL: case LBP_JV: case LBP_JT: case LBP_XX:
            return true;
        default:
            return false;
    }
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Word starts inside each run of class SA characters of one script, from the dictionary.
void add_dictionary_breaks(const std::vector<std::uint32_t>& text, const std::vector<LineBreakClass>& classes,
                           const DictionaryBreaker& dictionary, std::vector<CharInfo>& info) {
    std::u32string run;
    std::vector<std::size_t> starts;
    std::size_t begin = 0;
    const std::size_t n = text.size();
    while (begin < n) {
        if (classes[begin] != LBP_SA) {
            ++begin;
            continue;
        }
        std::size_t end = begin + 1;
        while (end < n && classes[end] == LBP_SA && info[end].script == info[begin].script) ++end;
        run.assign(text.begin() + static_cast<std::ptrdiff_t>(begin), text.begin() + static_cast<std::ptrdiff_t>(end));
        starts.clear();
        dictionary.word_starts(info[begin].script, run, starts);
        for (std::size_t s : starts) {
            if (s == 0 || s >= run.size()) continue;
            CharInfo& at = info[begin + s];
            if (at.brk == BreakBefore::no) at.brk = BreakBefore::allowed;
        }
        begin = end;
    }
}

}  // namespace

BreakLanguage break_language(std::string_view bcp47) {
    // Every tailoring is chosen by a two-letter primary language subtag. libunibreak itself matches
    // a language by its first two letters: only the tags it tailors are passed on, so that "jv" or
    // "fur" never pick another language's rules. The "-strict" suffix makes it resolve class CJ to NS
    // as UAX #14 does by default (without it libunibreak resolves CJ to ID, CSS's "normal").
    const std::size_t end = bcp47.find_first_of("-_");
    const std::string_view primary = bcp47.substr(0, end);
    if (primary.size() == 2) {
        const char code[3] = {ascii_lower(primary[0]), ascii_lower(primary[1]), 0};
        const std::string_view tag(code, 2);
        if (tag == "ja") return {"ja-strict", false};
        if (tag == "ko") return {"ko-strict", true};
        static const char* const tailored[] = {"en-strict", "de-strict", "es-strict", "fr-strict", "ru-strict",
                                               "zh-strict"};
        for (const char* t : tailored) {
            if (tag == std::string_view(t, 2)) return {t, false};
        }
    }
    return {"-strict", false};
}

void find_line_breaks(const std::vector<std::uint32_t>& text, std::string_view lang,
                      const DictionaryBreaker* dictionary, std::vector<CharInfo>& info) {
    const std::size_t n = text.size();
    if (n == 0) return;
    const BreakLanguage language = break_language(lang);
    std::vector<LineBreakClass> classes(n);
    LineBreakContext context;
    lb_init_break_context(&context, text[0], language.unibreak);
    classes[0] = lb_get_char_class(&context, text[0]);
    info[0].brk = BreakBefore::no;
    for (std::size_t i = 1; i < n; ++i) {
        classes[i] = lb_get_char_class(&context, text[i]);
        // The break between text[i - 1] and text[i].
        switch (lb_process_next_char(&context, text[i])) {
            case LINEBREAK_MUSTBREAK: info[i].brk = BreakBefore::mandatory; break;
            case LINEBREAK_ALLOWBREAK: info[i].brk = BreakBefore::allowed; break;
            default: info[i].brk = BreakBefore::no; break;
        }
    }
    if (dictionary != nullptr) add_dictionary_breaks(text, classes, *dictionary, info);

    // Keep-all looks at the first character of the cluster before a break: marks and joiners
    // belong to their base (UAX #14 LB9).
    LineBreakClass previous_base = classes[0];
    for (std::size_t i = 1; i < n; ++i) {
        CharInfo& c = info[i];
        const bool starts_cluster = (c.flags & char_flags::cluster_start) != 0;
        if (c.brk == BreakBefore::allowed) {
            if (!starts_cluster) {
                c.brk = BreakBefore::no;
            } else if (language.keep_all && is_letter_class(previous_base) && is_letter_class(classes[i])) {
                c.brk = BreakBefore::no;
            }
        }
        if (starts_cluster) previous_base = classes[i];
    }
}

}  // namespace av::engine

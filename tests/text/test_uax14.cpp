// UAX #14 conformance: Unicode's LineBreakTest.txt (Debian's unicode-data 15.0.0, 7 654 cases)
// through the engine's analyze(), with a language that selects no tailoring. Every case passes but
// two kinds, counted exactly here and explained in wasm/text/README.md ("Conformance"):
//   - LB25: the test file follows UAX #14's Example 7 (a regular expression for numbers), while
//     libunibreak 6.1 implements rule LB25 as UAX #14 writes it, as pairs, which also hold outside
//     numbers: no break in "IS NU", "SY NU", "CL|CP PR|PO", "PR|PO OP" (34 cases).
//   - The engine never breaks inside a grapheme cluster (UAX #29): a combining mark, ZWJ or emoji
//     modifier after a space belongs to the space's cluster, and an emoji modifier (Extend for UAX
//     #29) to the character before it, where UAX #14 allows a break (LB18, LB31).
#include <doctest/doctest.h>

#include <cctype>
#include <string>
#include <vector>

#include "text/hb_text_engine.hpp"
#include "text_test_support.hpp"

namespace {

struct BreakCase {
    int line = 0;
    std::u32string text;
    std::vector<bool> break_before;  // [i]: a break opportunity before text[i] ([0] unused)
    std::vector<std::string> rule;   // [i]: the rule the file names for that position
    std::vector<std::string> cls;    // [i]: text[i]'s Line_Break class as the file names it
};

// "CM1_CM" -> "CM", "OP_OP30" -> "OP", "AI_AL" -> "AI".
std::string base_class(const std::string& c) {
    std::string s = c.substr(0, c.find('_'));
    while (!s.empty() && std::isdigit(static_cast<unsigned char>(s.back()))) s.pop_back();
    return s;
}

std::vector<BreakCase> read_break_tests(const std::string& text) {
    std::vector<BreakCase> out;
    const auto lines = av::test::lines_of(text);
    for (std::size_t n = 0; n < lines.size(); ++n) {
        const std::string& line = lines[n];
        const std::size_t hash = line.find('#');
        const std::string data = line.substr(0, hash);
        if (data.find_first_not_of(" \t") == std::string::npos) continue;
        BreakCase c;
        c.line = static_cast<int>(n + 1);
        bool pending = false;
        for (std::size_t i = 0; i < data.size();) {
            if (data.compare(i, 2, "\xC3\xB7") == 0) {  // ÷
                pending = true;
                i += 2;
            } else if (data.compare(i, 2, "\xC3\x97") == 0) {  // ×
                pending = false;
                i += 2;
            } else if (std::isxdigit(static_cast<unsigned char>(data[i]))) {
                std::size_t used = 0;
                c.text += static_cast<char32_t>(std::stoul(data.substr(i), &used, 16));
                c.break_before.push_back(pending);
                i += used;
            } else {
                ++i;
            }
        }
        // The comment: "× [0.3] NAME (CLASS) ÷ [18.0] NAME (CLASS) ..." names each position's rule.
        const std::string comment = hash == std::string::npos ? "" : line.substr(hash + 1);
        for (std::size_t at = comment.find('['); at != std::string::npos; at = comment.find('[', at + 1)) {
            const std::size_t close = comment.find(']', at);
            const std::size_t open_class = comment.find('(', close);
            const std::size_t close_class = comment.find(')', open_class);
            if (close == std::string::npos || open_class == std::string::npos || close_class == std::string::npos) break;
            c.rule.push_back(comment.substr(at + 1, close - at - 1));
            c.cls.push_back(base_class(comment.substr(open_class + 1, close_class - open_class - 1)));
        }
        out.push_back(std::move(c));
    }
    return out;
}

// LB25's pairs that UAX #14 Example 7 breaks outside a number (the only LB25 pairs in the file's
// differing cases).
bool lb25_pair(const std::string& before, const std::string& after) {
    return ((before == "IS" || before == "SY") && after == "NU") ||
           ((before == "CL" || before == "CP") && (after == "PR" || after == "PO")) ||
           ((before == "PR" || before == "PO") && after == "OP");
}

}  // namespace

TEST_CASE("UAX #14: LineBreakTest.txt, untailored") {
    const std::string file = av::test::read_text(av::test::unicode_dir + "/auxiliary/LineBreakTest.txt");
    REQUIRE(file.rfind("# LineBreakTest-15.0.0.txt", 0) == 0);
    const auto cases = read_break_tests(file);
    REQUIRE(cases.size() == 7654);
    av::HbTextEngine engine;
    std::vector<av::CharInfo> info;
    int passed = 0, lb25 = 0, in_cluster = 0;
    for (const BreakCase& c : cases) {
        REQUIRE(c.rule.size() == c.text.size());
        engine.analyze(c.text, av::BaseDirection::ltr, "und", info);
        bool same = true, all_lb25 = true, all_in_cluster = true;
        for (std::size_t i = 1; i < c.text.size(); ++i) {
            const bool got = info[i].brk != av::BreakBefore::no;
            if (got == c.break_before[i]) continue;
            same = false;
            // Both kinds are breaks the file allows and the engine does not.
            const bool missed = c.break_before[i] && !got;
            std::size_t base = i - 1;
            while (base > 0 && (c.cls[base] == "CM" || c.cls[base] == "ZWJ")) --base;
            all_lb25 = all_lb25 && missed && c.rule[i] == "999.0" && lb25_pair(c.cls[base], c.cls[i]);
            all_in_cluster = all_in_cluster && missed && !(info[i].flags & av::char_flags::cluster_start);
        }
        if (same) {
            ++passed;
        } else if (all_lb25) {
            ++lb25;
        } else if (all_in_cluster) {
            ++in_cluster;
        } else {
            FAIL_CHECK("LineBreakTest.txt line " << c.line << ": " << av::test::to_utf8(c.text));
        }
    }
    MESSAGE("LineBreakTest.txt: " << passed << " pass, " << lb25 << " LB25 pairs, " << in_cluster
                                  << " inside a grapheme cluster");
    CHECK(lb25 == 34);
    CHECK(in_cluster == 315);
    CHECK(passed == 7654 - 34 - 315);
}

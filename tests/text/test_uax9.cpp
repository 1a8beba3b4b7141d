// UAX #9 conformance: Unicode's BidiCharacterTest.txt (Debian's unicode-data 15.0.0) through the
// engine's analyze(): the resolved levels of every character not removed by rule X9, and the visual
// order those levels give by rule L2.
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "text/hb_text_engine.hpp"
#include "text_test_support.hpp"

namespace {

struct BidiCase {
    int line = 0;
    std::u32string text;
    av::BaseDirection direction = av::BaseDirection::ltr;
    std::vector<int> levels;  // -1: removed by X9 ('x')
    std::vector<int> order;   // visual order, left to right, of the characters not removed
};

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string part;
    std::istringstream in(s);
    while (std::getline(in, part, sep)) out.push_back(part);
    return out;
}

std::vector<BidiCase> read_bidi_tests(const std::string& text) {
    std::vector<BidiCase> out;
    const auto lines = av::test::lines_of(text);
    for (std::size_t n = 0; n < lines.size(); ++n) {
        const std::string& line = lines[n];
        if (line.empty() || line[0] == '#') continue;
        const auto fields = split(line, ';');
        if (fields.size() < 5) continue;
        BidiCase c;
        c.line = static_cast<int>(n + 1);
        c.text = av::test::parse_code_points(fields[0]);
        c.direction = fields[1] == "0" ? av::BaseDirection::ltr
                      : fields[1] == "1" ? av::BaseDirection::rtl
                                         : av::BaseDirection::auto_ltr;
        std::istringstream levels(fields[3]);
        std::string l;
        while (levels >> l) c.levels.push_back(l == "x" ? -1 : std::stoi(l));
        std::istringstream order(fields[4]);
        int o = 0;
        while (order >> o) c.order.push_back(o);
        out.push_back(std::move(c));
    }
    return out;
}

// Rule L2: from the highest level down to the lowest odd level, reverse every run of characters at
// that level or higher. Characters removed by X9 are left out, as the test file does.
std::vector<int> visual_order(const std::vector<av::CharInfo>& info, const std::vector<int>& removed_levels) {
    std::vector<int> order;
    std::vector<int> levels;
    for (std::size_t i = 0; i < info.size(); ++i) {
        if (removed_levels[i] < 0) continue;
        order.push_back(static_cast<int>(i));
        levels.push_back(info[i].level);
    }
    if (levels.empty()) return order;
    const int highest = *std::max_element(levels.begin(), levels.end());
    int lowest_odd = 255;
    for (int v : levels) {
        if (v % 2 == 1) lowest_odd = std::min(lowest_odd, v);
    }
    for (int level = highest; level >= lowest_odd; --level) {
        std::size_t i = 0;
        while (i < levels.size()) {
            if (levels[i] < level) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < levels.size() && levels[j] >= level) ++j;
            std::reverse(order.begin() + static_cast<std::ptrdiff_t>(i), order.begin() + static_cast<std::ptrdiff_t>(j));
            std::reverse(levels.begin() + static_cast<std::ptrdiff_t>(i), levels.begin() + static_cast<std::ptrdiff_t>(j));
            i = j;
        }
    }
    return order;
}

}  // namespace

TEST_CASE("UAX #9: BidiCharacterTest.txt") {
    const std::string file = av::test::read_text(av::test::unicode_dir + "/BidiCharacterTest.txt");
    REQUIRE(file.rfind("# BidiCharacterTest-15.0.0.txt", 0) == 0);
    const auto cases = read_bidi_tests(file);
    REQUIRE(cases.size() == 91707);
    av::HbTextEngine engine;
    std::vector<av::CharInfo> info;
    int passed = 0;
    for (const BidiCase& c : cases) {
        REQUIRE(c.levels.size() == c.text.size());
        engine.analyze(c.text, c.direction, "und", info);
        bool same = true;
        for (std::size_t i = 0; i < c.text.size(); ++i) {
            if (c.levels[i] >= 0 && c.levels[i] != info[i].level) same = false;
        }
        if (same && visual_order(info, c.levels) == c.order) {
            ++passed;
        } else {
            FAIL_CHECK("BidiCharacterTest.txt line " << c.line << ": " << av::test::to_utf8(c.text));
        }
    }
    MESSAGE("BidiCharacterTest.txt: " << passed << " of " << cases.size() << " pass");
    CHECK(passed == static_cast<int>(cases.size()));
}

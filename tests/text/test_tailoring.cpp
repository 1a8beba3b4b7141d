// Line-break tailoring (docs/text-pipeline.md, "Line-break tailoring"): Japanese kinsoku (strict),
// Korean keep-all, French quotation marks and spacing, the dictionary hook for Thai, and the forced
// breaks after \n. Break positions are written into the text: '|' where a line may break, '#' where
// it must.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "text/hb_text_engine.hpp"
#include "text_test_support.hpp"

namespace {

std::string marked(const av::HbTextEngine& engine, const std::string& text, const char* lang) {
    const std::u32string t = av::test::u32(text);
    std::vector<av::CharInfo> info;
    engine.analyze(t, av::BaseDirection::ltr, lang, info);
    std::u32string out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (info[i].brk == av::BreakBefore::allowed) out += U'|';
        if (info[i].brk == av::BreakBefore::mandatory) out += U'#';
        out += t[i];
    }
    return av::test::to_utf8(out);
}

// The code points LineBreak.txt gives one of `classes`.
std::u32string with_classes(const std::vector<std::string>& classes) {
    std::u32string out;
    for (const std::string& line : av::test::lines_of(av::test::read_text(av::test::unicode_dir + "/LineBreak.txt"))) {
        if (line.empty() || line[0] == '#') continue;
        const std::size_t semi = line.find(';');
        if (semi == std::string::npos) continue;
        const std::size_t end = line.find_first_of(" #", semi);
        const std::string cls = line.substr(semi + 1, end - semi - 1);
        if (std::find(classes.begin(), classes.end(), cls) == classes.end()) continue;
        const std::string range = line.substr(0, semi);
        const std::size_t dots = range.find("..");
        const auto first = static_cast<char32_t>(std::stoul(range.substr(0, dots), nullptr, 16));
        const auto last = dots == std::string::npos ? first : static_cast<char32_t>(std::stoul(range.substr(dots + 2), nullptr, 16));
        for (char32_t c = first; c <= last; ++c) out += c;
    }
    return out;
}

// Greedy longest match over a word list: a dictionary breaker for the hook's tests.
class WordListBreaker : public av::DictionaryBreaker {
public:
    explicit WordListBreaker(std::vector<std::u32string> words) : words_(std::move(words)) {}
    void word_starts(av::ScriptTag script, std::u32string_view run, std::vector<std::size_t>& starts) const override {
        scripts_seen.push_back(script);
        if (script != av::script_tag("Thai")) return;
        std::size_t at = 0;
        while (at < run.size()) {
            std::size_t best = 0;
            for (const std::u32string& w : words_) {
                if (w.size() > best && run.substr(at, w.size()) == w) best = w.size();
            }
            at += best == 0 ? 1 : best;
            if (at < run.size()) starts.push_back(at);
        }
    }
    mutable std::vector<av::ScriptTag> scripts_seen;

private:
    std::vector<std::u32string> words_;
};

}  // namespace

TEST_CASE("Japanese: no line starts with a character of the strict kinsoku set") {
    av::HbTextEngine engine;
    // CSS `line-break: strict`: UAX #14's CL, CP, EX, IS, NS, with CJ (small kana, ー) as NS, and
    // the hyphens ‐ – (BA).
    std::u32string strict = with_classes({"CL", "CP", "EX", "IS", "NS", "CJ"});
    strict += U"\u2010\u2013";
    REQUIRE(strict.size() > 200);
    REQUIRE(strict.find(U'ー') != std::u32string::npos);
    REQUIRE(strict.find(U'ゃ') != std::u32string::npos);
    std::vector<av::CharInfo> info;
    int checked = 0;
    for (char32_t c : strict) {
        for (const char32_t* before : {U"漢字", U"ひらがな", U"カタカナ", U"kanji"}) {
            const std::u32string text = std::u32string(before) + c + U"漢字";
            const std::size_t at = std::char_traits<char32_t>::length(before);
            engine.analyze(text, av::BaseDirection::ltr, "ja", info);
            if (info[at].brk != av::BreakBefore::no) {
                FAIL_CHECK("a line may start with U+" << std::hex << static_cast<std::uint32_t>(c) << " after "
                                                      << av::test::to_utf8(before));
            }
            ++checked;
        }
    }
    CHECK(checked == static_cast<int>(strict.size()) * 4);
}

TEST_CASE("Japanese: no line ends with an opening bracket") {
    av::HbTextEngine engine;
    std::vector<av::CharInfo> info;
    for (char32_t c : with_classes({"OP"})) {
        const std::u32string text = std::u32string(U"漢字") + c + U"漢字";
        engine.analyze(text, av::BaseDirection::ltr, "ja", info);
        CHECK_MESSAGE(info[3].brk == av::BreakBefore::no, "U+" << std::hex << static_cast<std::uint32_t>(c));
    }
}

TEST_CASE("Japanese: sentences") {
    av::HbTextEngine engine;
    CHECK(marked(engine, "きゃっと言った。", "ja") == "きゃっ|と|言っ|た。");
    CHECK(marked(engine, "コーヒーを飲む", "ja") == "コー|ヒー|を|飲|む");
    CHECK(marked(engine, "「こんにちは」と言った。", "ja") == "「こ|ん|に|ち|は」|と|言っ|た。");
    // —— and …… never split (LB17 B2 × B2, LB22 × IN).
    CHECK(marked(engine, "漢字——漢字", "ja") == "漢|字|——|漢|字");
    CHECK(marked(engine, "漢字……漢字", "ja") == "漢|字……|漢|字");
    // The language's region does not matter; ambiguous characters (AI) are ideographic in Japanese.
    CHECK(marked(engine, "きゃっと", "ja-JP") == "きゃっ|と");
    CHECK(marked(engine, "漢字①漢字", "ja") == "漢|字|①|漢|字");
    CHECK(marked(engine, "abc①def", "en") == "abc①def");
}

TEST_CASE("Korean: keep-all") {
    av::HbTextEngine engine;
    CHECK(marked(engine, "한국어 문장입니다", "ko") == "한국어 |문장입니다");
    CHECK(marked(engine, "값은 100원입니다", "ko-KR") == "값은 |100원입니다");
    CHECK(marked(engine, "한국어ABC 테스트", "ko") == "한국어ABC |테스트");
    CHECK(marked(engine, "한자漢字 표기", "ko") == "한자漢字 |표기");
    // Punctuation still breaks as UAX #14 says.
    CHECK(marked(engine, "서울, 부산", "ko") == "서울, |부산");
    // Without the tailoring, UAX #14 breaks between syllables.
    CHECK(marked(engine, "한국어 문장", "en") == "한|국|어 |문|장");
}

TEST_CASE("French: no break at a plain space before : ; ! ? » or after «") {
    av::HbTextEngine engine;
    CHECK(marked(engine, "Il a dit : « Bonjour » ; oui !", "fr") == "Il |a |dit : |« Bonjour » ; |oui !");
    CHECK(marked(engine, "Vraiment ? Oui.", "fr-CA") == "Vraiment ? |Oui.");
    // « » are quotation marks (QU) elsewhere: a line may break after "« " and before " »".
    CHECK(marked(engine, "dit « Bonjour » ici", "en") == "dit |« |Bonjour |» |ici");
}

TEST_CASE("Forced breaks, spaces, the first character") {
    av::HbTextEngine engine;
    CHECK(marked(engine, "ab\ncd", "en") == "ab\n#cd");
    CHECK(marked(engine, "ab\r\ncd\u2029e", "en") == "ab\r\n#cd\u2029#e");
    std::vector<av::CharInfo> info;
    engine.analyze(U"\nx", av::BaseDirection::ltr, "en", info);
    CHECK(info[0].brk == av::BreakBefore::no);
    CHECK(info[1].brk == av::BreakBefore::mandatory);
    engine.analyze(U"a b\u00A0c\u3000d", av::BaseDirection::ltr, "en", info);
    for (std::size_t i = 0; i < info.size(); ++i) {
        CHECK(((info[i].flags & av::char_flags::space) != 0) == (i == 1));  // only U+0020 is class SP
    }
}

TEST_CASE("Thai: word starts come from the dictionary breaker") {
    av::HbTextEngine engine;
    const std::string text = "สวัสดีครับ ภาษาไทย";
    CHECK(marked(engine, text, "th") == "สวัสดีครับ |ภาษาไทย");  // no dictionary: no break inside
    WordListBreaker words({U"สวัสดี", U"ครับ", U"ภาษา", U"ไทย"});
    engine.set_dictionary_breaker(&words);
    CHECK(marked(engine, text, "th") == "สวัสดี|ครับ |ภาษา|ไทย");
    CHECK(words.scripts_seen == std::vector<av::ScriptTag>{av::script_tag("Thai"), av::script_tag("Thai")});
    // A Lao run is a run of its own, of its own script.
    words.scripts_seen.clear();
    CHECK(marked(engine, "ไทยລາວ", "th") == "ไทยລາວ");
    CHECK(words.scripts_seen == std::vector<av::ScriptTag>{av::script_tag("Thai"), av::script_tag("Laoo")});
    engine.set_dictionary_breaker(nullptr);
    CHECK(marked(engine, text, "th") == "สวัสดีครับ |ภาษาไทย");
}

TEST_CASE("Thai: word starts inside a grapheme cluster or out of the run are ignored") {
    class Careless : public av::DictionaryBreaker {
    public:
        void word_starts(av::ScriptTag, std::u32string_view run, std::vector<std::size_t>& starts) const override {
            for (std::size_t i = 0; i <= run.size() + 2; ++i) starts.push_back(i);
        }
    } careless;
    av::HbTextEngine engine;
    engine.set_dictionary_breaker(&careless);
    // ดี: ด + the vowel sign ี (a mark of ด's cluster).
    CHECK(marked(engine, "ดีมาก", "th") == "ดี|ม|า|ก");
}

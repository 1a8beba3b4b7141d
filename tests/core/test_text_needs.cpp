// What an article draws beyond the base faces (core/text/text_needs.hpp) and the per-code-point
// tables it rests on (core/text/text_class.hpp), generated from Debian's unicode-data and the
// base faces' cmaps.
#include <doctest/doctest.h>

#include <string>

#include "core/article_loader.hpp"
#include "core/layout.hpp"
#include "core/text/text_class.hpp"
#include "core/text/text_needs.hpp"
#include "test_support.hpp"

using namespace av;

namespace {

Article load(const std::string& json) {
    LoadResult r = load_article(json, "t.json");
    REQUIRE_MESSAGE(r.ok(), r.error);
    return std::move(r.article);
}

std::vector<char32_t> chars(const std::u32string& s) { return std::vector<char32_t>(s.begin(), s.end()); }

}  // namespace

TEST_SUITE("text class") {
    TEST_CASE("Latin, Greek, Cyrillic, punctuation and symbols need no engine") {
        for (char32_t c : {U'A', U'é', U'œ', U'Ж', U'λ', U'—', U'“', U'…', U'−', U'→', U'€', U'●', U'─', U'\u00A0'})
            CHECK_MESSAGE(text_class_of(c) == 0, static_cast<unsigned>(c));
    }

    TEST_CASE("CJK, right-to-left, shaped, Thai and emoji are rich") {
        CHECK(text_class_of(U'漢') == (text_class::rich | text_class::han));
        CHECK(text_class_of(U'あ') == (text_class::rich | text_class::han));
        CHECK(text_class_of(U'한') == (text_class::rich | text_class::han));
        CHECK(text_class_of(U'、') == (text_class::rich | text_class::han));  // wide punctuation
        CHECK(text_class_of(U'！') == (text_class::rich | text_class::han));  // fullwidth
        CHECK(text_class_of(U'ー') == (text_class::rich | text_class::han));
        CHECK(text_class_of(U'א') == text_class::rich);
        CHECK(text_class_of(0x05B0) == text_class::rich);  // a Hebrew point
        CHECK(text_class_of(U'ع') == text_class::rich);
        CHECK(text_class_of(U'،') == text_class::rich);   // the Arabic comma, inside the Arabic block
        CHECK(text_class_of(U'क') == text_class::rich);
        CHECK(text_class_of(U'ত') == text_class::rich);
        CHECK(text_class_of(U'த') == text_class::rich);
        CHECK(text_class_of(U'ก') == (text_class::rich | text_class::dictionary));
        CHECK(text_class_of(0x0E81) == (text_class::rich | text_class::dictionary));  // Lao
        CHECK(text_class_of(0x1780) == (text_class::rich | text_class::dictionary));  // Khmer
        CHECK(text_class_of(0x200F) == text_class::rich);  // RLM
        CHECK(text_class_of(0x202E) == text_class::rich);  // RLO reorders Latin letters too
        CHECK(text_class_of(0x2067) == text_class::rich);  // RLI
        CHECK(text_class_of(0x1F600) == (text_class::rich | text_class::emoji));
        CHECK(text_class_of(0x1F3FD) == (text_class::rich | text_class::emoji));  // a skin tone
        CHECK(text_class_of(0xFE0F) == (text_class::rich | text_class::emoji));
        CHECK(text_class_of(0x200D) == (text_class::rich | text_class::emoji));
    }

    TEST_CASE("out of range code points are plain") {
        CHECK(text_class_of(0x110000) == 0);
        CHECK(text_class_of(0xFFFFFFFF) == 0);
        CHECK(base_coverage_of(0x110000) == BaseCoverage::none);
    }

    TEST_CASE("base coverage comes from the fonts, not from the subset lists") {
        CHECK(base_coverage_of(U'a') == BaseCoverage::first_paint);
        CHECK(base_coverage_of(U'é') == BaseCoverage::first_paint);
        CHECK(base_coverage_of(U'’') == BaseCoverage::first_paint);
        CHECK(base_coverage_of(U'€') == BaseCoverage::first_paint);
        // Western Europe's letters are drawn at once (French œ and Ÿ too); Central Europe's,
        // Turkish and the Baltic languages' come with the extended subsets (README, "Fonts").
        CHECK(base_coverage_of(U'œ') == BaseCoverage::first_paint);
        CHECK(base_coverage_of(U'Ÿ') == BaseCoverage::first_paint);
        CHECK(base_coverage_of(U'ł') == BaseCoverage::extended);
        CHECK(base_coverage_of(U'ğ') == BaseCoverage::extended);
        CHECK(base_coverage_of(U'ž') == BaseCoverage::extended);
        CHECK(base_coverage_of(U'Ж') == BaseCoverage::extended);
        CHECK(base_coverage_of(U'λ') == BaseCoverage::extended);
        CHECK(base_coverage_of(U'ơ') == BaseCoverage::extended);
        // In the first-paint list, but in no Noto Serif face (issue 17): not promised.
        CHECK(base_coverage_of(U'−') == BaseCoverage::none);
        CHECK(base_coverage_of(U'●') == BaseCoverage::none);
        CHECK(base_coverage_of(U'漢') == BaseCoverage::none);
        CHECK(base_coverage_of(U'\n') == BaseCoverage::none);
        // In Noto Serif, but in neither web subset: drawn by the fallback fonts on every platform.
        CHECK(base_coverage_of(U'ᵢ') == BaseCoverage::none);
        CHECK(base_coverage_of(U'⅓') == BaseCoverage::none);
    }

    TEST_CASE("the uncovered ranges are the complement of the coverage, few enough for ImGui") {
        const auto ranges = base_uncovered_ranges();
        REQUIRE_FALSE(ranges.empty());
        // ImFontConfig::GlyphExcludeRanges takes at most 32 ranges, its terminator included.
        CHECK(ranges.size() <= 31);
        CHECK(ranges.front().first == 1);
        CHECK(ranges.back().second == 0x10FFFF);
        char32_t next = 0;
        for (const auto& [first, last] : ranges) {
            CHECK(first > next);
            CHECK(first <= last);
            CHECK(base_coverage_of(first) == BaseCoverage::none);
            CHECK(base_coverage_of(last) == BaseCoverage::none);
            if (first > 1) CHECK(base_coverage_of(first - 1) != BaseCoverage::none);
            if (last < 0x10FFFF) CHECK(base_coverage_of(last + 1) != BaseCoverage::none);
            next = last;
        }
    }
}

TEST_SUITE("text needs") {
    TEST_CASE("Han variants from language tags") {
        CHECK(han_for_lang("ja") == Han::ja);
        CHECK(han_for_lang("ja-JP") == Han::ja);
        CHECK(han_for_lang("KO") == Han::ko);
        CHECK(han_for_lang("zh") == Han::zh_hans);
        CHECK(han_for_lang("zh-CN") == Han::zh_hans);
        CHECK(han_for_lang("zh-Hans-TW") == Han::zh_hans);  // the script subtag comes first
        CHECK(han_for_lang("zh-TW") == Han::zh_hant);
        CHECK(han_for_lang("zh-hk") == Han::zh_hant);
        CHECK(han_for_lang("zh-MO") == Han::zh_hant);
        CHECK(han_for_lang("zh-Hant") == Han::zh_hant);
        CHECK(han_for_lang("en") == Han::zh_hans);
        CHECK(han_for_lang("") == Han::zh_hans);
    }

    TEST_CASE("the seed needs nothing beyond the first paint") {
        const Article a = load(test::read_file(AV_ASSETS_DIR "/articles/russie-munitions-nord-coreennes.json"));
        CHECK(a.needs.empty());
    }

    TEST_CASE("Greek and Cyrillic ask for the extended subsets, and are not rich") {
        const Article a = load(R"({"format":"article/1","id":"x","title":"t","blocks":[{"type":"paragraph","text":"Привет λ"}]})");
        CHECK(a.needs.extended);
        CHECK_FALSE(a.needs.rich);
        CHECK(a.needs.of(Weight::regular, Han::zh_hans).empty());
    }

    TEST_CASE("symbols the base faces lack are needed") {
        const Article b = load(R"({"format":"article/1","id":"x","title":"t","blocks":[{"type":"paragraph","text":"x − y → z ●"}]})");
        CHECK(b.needs.of(Weight::regular, Han::zh_hans) == chars(U"→−●"));
        CHECK_FALSE(b.needs.rich);
        CHECK_FALSE(b.needs.extended);  // → is in the extended subsets' list, but in no base face
    }

    TEST_CASE("characters by weight and Han variant, sorted and unique") {
        const Article a = load(R"({"format":"article/1","id":"x","lang":"ja","title":"漢字","blocks":[
            {"type":"paragraph","text":["字と漢字、", {"text":"太字","bold":true}]},
            {"type":"heading","level":2,"text":"見出し"},
            {"type":"paragraph","text":"x − y → z"}]})");
        CHECK(a.needs.rich);
        // Sorted by code point; the symbols the base faces lack are needed too, under their text's
        // variant (→ and − are in no Noto Serif face).
        CHECK(a.needs.of(Weight::bold, Han::ja) == chars(U"し出太字漢見"));
        CHECK(a.needs.of(Weight::regular, Han::ja) == chars(U"→−、と字漢"));
        CHECK(a.needs.of(Weight::regular, Han::zh_hans).empty());
    }

    TEST_CASE("format 1.1: the Han variant of a block's and a run's own language") {
        const Article a = load(R"({"format":"article/1.1","id":"x","lang":"ja","title":"漢字","blocks":[
            {"type":"paragraph","text":["字と漢字、", {"text":"太字","bold":true}, {"text":"汉","lang":"zh-Hans"}]},
            {"type":"heading","level":2,"text":"見出し"},
            {"type":"paragraph","lang":"ko","text":"한국"},
            {"type":"paragraph","text":"x − y → z"}]})");
        CHECK(a.needs.rich);
        // Sorted by code point; the symbols the base faces lack are needed too, under their text's
        // variant (→ and − are in no Noto Serif face).
        CHECK(a.needs.of(Weight::bold, Han::ja) == chars(U"し出太字漢見"));
        CHECK(a.needs.of(Weight::regular, Han::ja) == chars(U"→−、と字漢"));
        CHECK(a.needs.of(Weight::regular, Han::zh_hans) == chars(U"汉"));
        CHECK(a.needs.of(Weight::regular, Han::ko) == chars(U"국한"));
        const Article b = load(R"({"format":"article/1","id":"x","title":"t","blocks":[{"type":"paragraph","text":"x − y → z ●"}]})");
        CHECK(b.needs.of(Weight::regular, Han::zh_hans) == chars(U"→−●"));
        CHECK_FALSE(b.needs.rich);
        CHECK_FALSE(b.needs.extended);  // → is in the extended subsets' list, but in no base face
    }

    TEST_CASE("the languages of the text: the article's, then its blocks' and runs', lower-cased, once each") {
        const Article a = load(R"({"format":"article/1.1","id":"x","lang":"fr-CA","title":"Titre","blocks":[
            {"type":"paragraph","text":["Du texte, ", {"text":"some English","lang":"en-GB"}, {"text":"encore","lang":"FR-ca"}]},
            {"type":"paragraph","lang":"de","text":"Deutsch"},
            {"type":"list","items":[[{"text":"Italiano","lang":"it"}], "rien"]},
            {"type":"image","src":"a.png","alt":"x","width":10,"height":10,"caption":[{"text":"English again","lang":"en-gb"}]},
            {"type":"paragraph","lang":"de","text":"noch einmal"}]})");
        CHECK(a.needs.languages == std::vector<std::string>{"fr-ca", "en-gb", "de", "it"});
        // The seed: French only (hyphenation fetches one dictionary for it).
        const Article b = load(
            R"({"format":"article/1","id":"x","lang":"fr","title":"t","blocks":[{"type":"paragraph","text":"texte"}]})");
        CHECK(b.needs.languages == std::vector<std::string>{"fr"});
        CHECK(b.needs.empty());  // languages are no characters to fetch
    }

    TEST_CASE("emoji clusters are listed by their first code point") {
        const Article a = load(R"({"format":"article/1","id":"x","title":"t","blocks":[{"type":"paragraph",
            "text":"👍🏽 👩‍👩‍👧 🇫🇷 ❤️ 1️⃣ ❤ 🏴󠁧󠁢󠁳󠁣󠁴󠁿"}]})");
        CHECK(a.needs.rich);
        // 👍, 👩 (the family's first; the ZWJ'd ones come with it), the flag's first regional indicator, ❤
        // with VS16, the keycap's digit, the black flag of the tag sequence. ❤ alone (text style)
        // is not an emoji cluster: it is needed as a character.
        CHECK(a.needs.emoji == std::vector<char32_t>{U'1', 0x2764, 0x1F1EB, 0x1F3F4, 0x1F44D, 0x1F469});
        CHECK(a.needs.of(Weight::regular, Han::zh_hans) == chars(U"❤"));
    }

    TEST_CASE("a long article's lists stay as long as its distinct characters") {
        std::string text;
        for (int i = 0; i < 200000; ++i) text += "漢字かな";
        const Article a = load(R"({"format":"article/1","id":"x","lang":"ja","title":"t","blocks":[{"type":"paragraph","text":")" + text + R"("}]})");
        CHECK(a.needs.of(Weight::regular, Han::ja) == chars(U"かな字漢"));
        CHECK(a.needs.of(Weight::regular, Han::ja).capacity() < 64);
    }

    TEST_CASE("the writing systems of the needs, in a fixed order, each once") {
        const Article a = load(R"({"format":"article/1.1","id":"x","lang":"en","title":"t","blocks":[
            {"type":"paragraph","text":"\u0645\u0631\u062D\u0628\u0627 \u6771\u4EAC\u306E \u2192 \uD83D\uDE00 \u0E44\u0E17\u0E22 \u05E9\u05DC\u05D5\u05DD"}]})");
        const std::vector<const char*> found = needed_scripts(a.needs);
        const std::vector<std::string> keys(found.begin(), found.end());
        CHECK(keys == std::vector<std::string>{"han", "kana", "arabic", "hebrew", "thai", "emoji", "symbols"});
        CHECK(needed_scripts(load(R"({"format":"article/1","id":"x","title":"Caf\u00E9","blocks":[]})").needs).empty());
    }
}

TEST_SUITE("text needs: faces") {
    // The faces of every span the layout draws, by bit (face_bit).
    std::uint8_t laid_out_faces(const Article& a) {
        const test::FixedMeasurer measurer;
        std::uint8_t out = 0;
        for (const float width : {320.0f, 1280.0f}) {
            const DocumentLayout doc = layout_article(a, measurer, LayoutParams{width, 18, 0});
            for (std::size_t i = 0; i < doc.blocks.size(); ++i)
                for (const Line& l : doc.lines(i))
                    for (const Span& sp : l.spans)
                        if (!sp.text.empty() && !sp.cjk) out |= face_bit(sp.face);
        }
        return out;
    }

    std::uint8_t bits(std::initializer_list<Face> faces) {
        std::uint8_t out = 0;
        for (Face f : faces) out |= face_bit(f);
        return out;
    }

    TEST_CASE("an article without italic needs neither italic face") {
        const Article a = load(R"({"format":"article/1","id":"t","title":"Titre","lang":"fr","blocks":[
            {"type":"paragraph","text":["Un ",{"text":"gras","bold":true}," texte."]},
            {"type":"heading","level":2,"text":"Section"},
            {"type":"sponsored","title":"Pub","text":"Texte"},
            {"type":"tags","items":["a"]}]})");
        CHECK(a.needs.faces == bits({Face::serif, Face::serif_bold, Face::sans, Face::sans_bold}));
        CHECK_FALSE(a.needs.needs_face(Face::serif_italic));
        CHECK_FALSE(a.needs.needs_face(Face::serif_bold_italic));
    }

    TEST_CASE("a subtitle, a quote, italic runs and bold italic runs") {
        const Article subtitle = load(R"({"format":"article/1","id":"t","title":"T","subtitle":"S","blocks":[{"type":"paragraph","text":"p"}]})");
        CHECK(subtitle.needs.needs_face(Face::serif_italic));
        CHECK_FALSE(subtitle.needs.needs_face(Face::serif_bold_italic));
        // A bold run in a quote is bold italic: the quote is italic.
        const Article quote = load(R"({"format":"article/1","id":"t","title":"T","blocks":[
            {"type":"quote","text":["q ",{"text":"b","bold":true}]}]})");
        CHECK(quote.needs.needs_face(Face::serif_italic));
        CHECK(quote.needs.needs_face(Face::serif_bold_italic));
        // An italic run in a heading (sans bold) is drawn in the serif's bold italic.
        const Article heading = load(R"({"format":"article/1","id":"t","title":"T","blocks":[
            {"type":"heading","level":2,"text":["h ",{"text":"i","italic":true}]}]})");
        CHECK_FALSE(heading.needs.needs_face(Face::serif_italic));
        CHECK(heading.needs.needs_face(Face::serif_bold_italic));
        // An empty italic run draws nothing.
        const Article empty = load(R"({"format":"article/1","id":"t","title":"T","blocks":[
            {"type":"paragraph","text":["p",{"text":"","italic":true}]}]})");
        CHECK_FALSE(empty.needs.needs_face(Face::serif_italic));
    }

    TEST_CASE("every face the layout draws a bundled or corpus article in is among its needs") {
        std::vector<std::string> files = test::json_files(AV_ASSETS_DIR "/articles");
        for (const std::string& f : test::json_files(AV_SHARED_DIR "/corpus")) files.push_back(f);
        REQUIRE(files.size() > 3);
        std::size_t with_italic = 0;
        for (const std::string& f : files) {
            LoadResult r = load_article(test::read_file(f), "f.json");
            REQUIRE_MESSAGE(r.ok(), f);
            const std::uint8_t drawn = laid_out_faces(r.article);
            CHECK_MESSAGE((drawn & ~r.article.needs.faces) == 0, f, ": drawn ", int(drawn), ", needs ", int(r.article.needs.faces));
            with_italic += r.article.needs.needs_face(Face::serif_italic);
        }
        CHECK(with_italic > 0);  // the corpus has some: the check above saw them
    }
}

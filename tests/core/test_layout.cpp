// Layout: line breaking against a fixed-width measurer, caching, the visible-range lookup.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "core/article_loader.hpp"
#include "core/layout.hpp"
#include "core/layout_digest.hpp"
#include "core/locale.hpp"
#include "test_support.hpp"

using namespace av;

namespace {

const test::FixedMeasurer measurer;

// Breaks `text` in a column `chars` characters wide (10 px per character) and returns each line's text.
std::vector<std::string> lines_of(const Inline& text, float chars) {
    std::vector<Line> lines;
    std::vector<std::string> links;
    InlineStyle style{Face::serif, Role::body, 20.0f, 1.5f};
    break_lines(text, style, measurer, 0, 0, chars * 10.0f, lines, links);
    std::vector<std::string> out;
    for (const Line& l : lines) {
        std::string s;
        for (const Span& sp : l.spans) s += sp.text;
        out.push_back(s);
    }
    return out;
}

std::vector<std::string> lines_of(const std::string& text, float chars) { return lines_of(Inline{Run{text}}, chars); }

using Lines = std::vector<std::string>;

}  // namespace

TEST_SUITE("layout errors") {
    // Parameters no caller should send: the layout stays finite and inside its column.
    TEST_CASE("widths and sizes that are not numbers, zero or negative") {
        auto r = load_article(R"({"format":"article/1","id":"t","title":"Titre","blocks":[
            {"type":"paragraph","text":"Un deux trois quatre cinq six sept huit neuf dix."}]})", "t.json");
        REQUIRE(r.ok());
        const float nan = std::numeric_limits<float>::quiet_NaN(), inf = std::numeric_limits<float>::infinity();
        for (const LayoutParams& p : {LayoutParams{nan, 20, 0}, LayoutParams{800, nan, 0}, LayoutParams{0, 20, 0},
                                      LayoutParams{-500, -3, 0}, LayoutParams{inf, inf, 0}}) {
            const DocumentLayout doc = layout_article(r.article, measurer, p);
            CHECK(std::isfinite(doc.height));
            CHECK(std::isfinite(doc.column_x));
            CHECK(doc.column_width > 0);
            CHECK(doc.overflow_lines() == 0);
            for (std::size_t i = 0; i < doc.blocks.size(); ++i)
                for (const Line& l : doc.lines(i)) CHECK(std::isfinite(l.y));
        }
    }

    TEST_CASE("an empty inline and an empty article") {
        CHECK(lines_of(Inline{}, 10).empty());
        auto r = load_article(R"({"format":"article/1","id":"t","title":"T","blocks":[]})", "t.json");
        REQUIRE(r.ok());
        const DocumentLayout doc = layout_article(r.article, measurer, LayoutParams{800, 20, 0});
        CHECK(doc.blocks.size() == 1);  // the header alone
    }
}

TEST_SUITE("line breaking") {
    TEST_CASE("breaks at spaces, greedily") {
        CHECK(lines_of("un deux trois quatre", 10) == Lines{"un deux", "trois", "quatre"});
        CHECK(lines_of("un  deux", 20) == Lines{"un deux"});  // runs of spaces collapse
        CHECK(lines_of("", 10).empty());
    }

    TEST_CASE("never at U+00A0 or U+202F") {
        // "Russie\u00a0: livraison" must keep "Russie :" together.
        CHECK(lines_of("aaaa Russie\u00a0: livraison", 10) == Lines{"aaaa", "Russie\u00a0:", "livraison"});
        CHECK(lines_of("«\u202Fmot\u202F» fin", 8) == Lines{"«\u202Fmot\u202F»", "fin"});
    }

    TEST_CASE("French spacing written with plain spaces holds too") {
        CHECK(lines_of("aaaa Russie : livraison", 10) == Lines{"aaaa", "Russie :", "livraison"});
        CHECK(lines_of("dit « oui » hier", 8) == Lines{"dit", "« oui »", "hier"});
        CHECK(lines_of("Vraiment ? Oui !", 10) == Lines{"Vraiment ?", "Oui !"});
    }

    TEST_CASE("breaks after hyphens and dashes inside words") {
        CHECK(lines_of("les nord-coréennes", 10) == Lines{"les nord-", "coréennes"});
        CHECK(lines_of("Moscou—Pyongyang", 10) == Lines{"Moscou—", "Pyongyang"});
        CHECK(lines_of("a - b", 3) == Lines{"a -", "b"});
    }

    TEST_CASE("\\n forces a break") {
        CHECK(lines_of("un\ndeux", 40) == Lines{"un", "deux"});
        CHECK(lines_of("un\n", 40) == Lines{"un"});
    }

    TEST_CASE("a word wider than the column is cut, no line ever wider") {
        CHECK(lines_of("abcdefghijklmnopqrstuvwxyz", 10) == Lines{"abcdefghij", "klmnopqrst", "uvwxyz"});
        CHECK(lines_of("x abcdefghijkl", 5) == Lines{"x", "abcde", "fghij", "kl"});
    }

    TEST_CASE("runs keep their faces and links across a line") {
        Inline text{Run{"La "}, Run{"Corée", true, false, ""}, Run{" du Nord", false, false, "https://x"}};
        std::vector<Line> lines;
        std::vector<std::string> links;
        break_lines(text, InlineStyle{Face::serif, Role::body, 20, 1.5f}, measurer, 100, 50, 1000, lines, links);
        REQUIRE(lines.size() == 1);
        REQUIRE(lines[0].spans.size() == 3);
        CHECK(lines[0].y == 50);
        CHECK(lines[0].height == 30);
        CHECK(lines[0].spans[0].text == "La ");
        CHECK(lines[0].spans[0].x == 100);
        CHECK(lines[0].spans[1].face == Face::serif_bold);
        CHECK(lines[0].spans[1].x == 130);
        CHECK(lines[0].spans[1].text == "Corée ");  // the space between two runs goes with the first
        CHECK(lines[0].spans[2].text == "du Nord");
        CHECK(lines[0].spans[2].x == 202);  // 100 + "La " 30 + "Corée" 60 + a bold space 12
        CHECK(lines[0].spans[2].role == Role::link);
        CHECK(links == std::vector<std::string>{"https://x"});
    }
}

TEST_SUITE("faces") {
    TEST_CASE("italic and bold runs in sans text (captions, sponsored, callouts) keep their emphasis") {
        Inline caption{Run{"Photo : "}, Run{"La Joconde", false, true, ""}, Run{", ", false, false, ""},
                       Run{"Louvre", true, false, ""}, Run{" et ", false, false, ""}, Run{"tout", true, true, ""}};
        std::vector<Line> lines;
        std::vector<std::string> links;
        break_lines(caption, InlineStyle{Face::sans, Role::caption, 16, 1.4f}, measurer, 0, 0, 1000, lines, links);
        REQUIRE(lines.size() == 1);
        std::vector<Face> faces;
        for (const Span& span : lines[0].spans) faces.push_back(span.face);
        CHECK(faces == std::vector<Face>{Face::sans, Face::serif_italic, Face::sans, Face::sans_bold, Face::sans,
                                         Face::serif_bold_italic});
    }
}

TEST_SUITE("document layout") {
    const std::string json = R"({"format":"article/1","id":"t","title":"Titre","lang":"fr","blocks":[
        {"type":"paragraph","text":"Un deux trois quatre cinq six sept huit neuf dix."},
        {"type":"heading","level":2,"text":"Section"},
        {"type":"sponsored","title":"Pub"},
        {"type":"paragraph","text":"Fin."}]})";

    TEST_CASE("blocks are stacked, the column is capped and centred") {
        auto r = load_article(json, "t.json");
        REQUIRE(r.ok());
        DocumentLayout doc = layout_article(r.article, measurer, LayoutParams{3000, 20, 0});
        CHECK(doc.column_width == doctest::Approx(700));
        CHECK(doc.column_x == doctest::Approx(1150));
        REQUIRE(doc.blocks.size() == 5);  // header + 4
        for (std::size_t i = 1; i < doc.blocks.size(); ++i) CHECK(doc.blocks[i].top >= doc.blocks[i - 1].bottom);
        CHECK(doc.overflow_lines() == 0);
        CHECK(doc.reading_minutes == 1);
        // The sponsored block is boxed and labelled in the article's language.
        const BlockLayout& ad = doc.blocks[3];
        REQUIRE(!ad.shapes.empty());
        CHECK(ad.shapes[0].kind == ShapeKind::sponsored_box);
        CHECK(doc.lines(3)[0].spans[0].text == "Sponsorisé");
    }

    TEST_CASE("CJK and Thai are read by the character") {
        // 1 000 Japanese characters at 357 a minute: 3 minutes, not the 1 minute of 1 000 / 228
        // "words" (a paragraph without spaces would be one word).
        std::string ja;
        for (int i = 0; i < 200; ++i) ja += "日本語です";
        auto r = load_article(R"({"format":"article/1","id":"t","title":"t","lang":"ja","blocks":[{"type":"paragraph","text":")" + ja + R"("}]})", "t.json");
        REQUIRE(r.ok());
        CHECK(reading_words(r.article.blocks[0]) == 1000);
        CHECK(layout_article(r.article, measurer, LayoutParams{800, 20, 0}).reading_minutes == 3);
        // Latin words inside count as words; Korean, written with spaces, is counted in words.
        auto mixed = load_article(R"({"format":"article/1","id":"t","title":"t","blocks":[
            {"type":"paragraph","text":"東京 Tokyo tower 東京タワー"},
            {"type":"paragraph","text":"한국어 문장 하나"},
            {"type":"paragraph","text":"ภาษาไทย ok"}]})", "t.json");
        REQUIRE(mixed.ok());
        CHECK(reading_words(mixed.article.blocks[0]) == 2 + 2 + 5);
        CHECK(reading_words(mixed.article.blocks[1]) == 3);
        CHECK(reading_words(mixed.article.blocks[2]) == 7 + 1);
        CHECK(locale::words_per_minute("zh-TW") == 255);
    }

    TEST_CASE("word counts are the same wherever a long character falls in the 8-byte reads") {
        // The count reads 8 bytes at a time and only the 8 that hold a three- or four-byte
        // character one by one: shift French with ’ and …, Japanese and an emoji across every
        // position of those reads and compare with the counts of the pieces.
        for (std::size_t pad = 0; pad < 9; ++pad) {
            const std::string lead(pad, 'x');  // one word of `pad` letters (none when 0)
            const std::string text = lead + " l’été… c’est\\n東京 Tokyo 🙂 fin  ok";
            auto r = load_article(R"({"format":"article/1","id":"t","title":"t","blocks":[{"type":"paragraph","text":")" +
                                      text + R"("}]})", "t.json");
            REQUIRE(r.ok());
            // l’été…, c’est, 東, 京, Tokyo, 🙂, fin, ok: 8 (an emoji between spaces is a word)
            CHECK(reading_words(r.article.blocks[0]) == (pad ? 1u : 0u) + 8);
        }
        CHECK(locale::words_per_minute("th") == 900);
    }

    TEST_CASE("narrow screens keep no line wider than the column") {
        auto r = load_article(json, "t.json");
        DocumentLayout doc = layout_article(r.article, measurer, LayoutParams{120, 20, 0});
        CHECK(doc.overflow_lines() == 0);
    }

    TEST_CASE("visible range by binary search") {
        auto r = load_article(json, "t.json");
        DocumentLayout doc = layout_article(r.article, measurer, LayoutParams{800, 20, 0});
        auto [a, b] = doc.visible(0, 1);
        CHECK(a == 0);
        CHECK(b == 0);  // the top margin holds no block
        auto all = doc.visible(-1000, doc.height + 1000);
        CHECK(all.first == 0);
        CHECK(all.second == doc.blocks.size());
        const BlockLayout& third = doc.blocks[2];
        auto one = doc.visible(third.top + 1, third.top + 2);
        CHECK(one.first == 2);
        CHECK(one.second == 3);
        auto none = doc.visible(doc.height + 10, doc.height + 20);
        CHECK(none.first == none.second);
    }

    TEST_CASE("lines are kept only near the reader, and come back the same") {
        const std::string linked = R"({"format":"article/1","id":"t","title":"T","blocks":[
            {"type":"paragraph","text":["a ",{"text":"un","href":"https://un.example/"}]},
            {"type":"paragraph","text":"Un deux trois quatre cinq six sept huit neuf dix onze douze."},
            {"type":"list","items":[["b ",{"text":"deux","href":"https://deux.example/"}],"c"]},
            {"type":"tags","items":["Russie","Corée du Nord"]}]})";
        auto r = load_article(linked, "t.json");
        REQUIRE(r.ok());
        const DocumentLayout doc = layout_article(r.article, measurer, LayoutParams{200, 20, 0});
        CHECK(doc.kept_blocks() == 0);  // laying out keeps no lines
        auto describe = [&](std::size_t i) {
            std::string out;
            for (const Line& l : doc.lines(i)) {
                out += std::to_string(l.y) + "/" + std::to_string(l.offset) + (l.decor ? "d" : "") + ":";
                for (const Span& sp : l.spans)
                    out += std::string(sp.text) + "@" + std::to_string(sp.x) + "+" + std::to_string(sp.width) + "#" +
                           (sp.link >= 0 ? doc.links[static_cast<std::size_t>(sp.link)] : "") + "|";
            }
            return out;
        };
        std::vector<std::string> first;
        std::size_t count = 0;
        for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
            first.push_back(describe(i));
            count += doc.lines(i).size();
        }
        CHECK(count == doc.line_count());
        CHECK(doc.kept_blocks() == doc.blocks.size());
        // Each link keeps its own target when its block is laid out again.
        CHECK(first[1].find("|un@") != std::string::npos);
        CHECK(first[1].find("#https://un.example/|") != std::string::npos);
        CHECK(first[3].find("|deux@") != std::string::npos);
        CHECK(first[3].find("#https://deux.example/|") != std::string::npos);
        CHECK(first[3].find("un.example") == std::string::npos);
        doc.release_lines_outside(2, 3);
        CHECK(doc.kept_blocks() == 1);
        CHECK(doc.blocks[1].kept_lines.empty());
        for (std::size_t i = doc.blocks.size(); i-- > 0;) CHECK(describe(i) == first[i]);
    }

    TEST_CASE("the cache recomputes only when width, size or fonts change") {
        auto r = load_article(json, "t.json");
        LayoutCache cache;
        cache.get(r.article, measurer, LayoutParams{800, 20, 0});
        cache.get(r.article, measurer, LayoutParams{800, 20, 0});
        CHECK(cache.computations() == 1);
        cache.get(r.article, measurer, LayoutParams{700, 20, 0});
        CHECK(cache.computations() == 2);
        cache.get(r.article, measurer, LayoutParams{700, 24, 0});
        CHECK(cache.computations() == 3);
        cache.get(r.article, measurer, LayoutParams{700, 24, 1});
        CHECK(cache.computations() == 4);
        cache.get(r.article, measurer, LayoutParams{700, 24, 1});
        CHECK(cache.computations() == 4);
        cache.invalidate();
        cache.get(r.article, measurer, LayoutParams{700, 24, 1});
        CHECK(cache.computations() == 5);        // clear() frees the layout too (a long article's is hundreds of MB): nothing is current.
        cache.clear();
        CHECK(cache.current() == nullptr);
        CHECK(cache.get(r.article, measurer, LayoutParams{700, 24, 1}).blocks.size() == r.article.blocks.size() + 1);
        CHECK(cache.computations() == 6);
    }
}

TEST_SUITE("byline") {
    // Reader-visible defects issue, item 15: the source was shown again after the same author.
    std::string meta_line(const std::string& byline) {
        auto r = load_article(R"({"format":"article/1","id":"b","lang":"en","title":"T","blocks":[],"byline":)" + byline + "}", "b.json");
        REQUIRE(r.ok());
        const DocumentLayout doc = layout_article(r.article, measurer, LayoutParams{1000, 20, 0});
        std::string text;
        for (const Line& l : doc.lines(0))
            if (l.decor)
                for (const Span& sp : l.spans) text += sp.text;
        return text;
    }

    TEST_CASE("a source that repeats an author is shown once") {
        CHECK(meta_line(R"({"authors":["Mac & i"],"source":"Mac & i"})") == "Mac & i · 1 min read");
        CHECK(meta_line(R"({"authors":["Jo","mac & I"],"source":" Mac & i "})") == "Jo, mac & I · 1 min read");
        CHECK(meta_line(R"({"authors":["Jo"],"source":"Mac & i"})") == "Jo · Mac & i · 1 min read");
        CHECK(meta_line(R"({"source":"Mac & i"})") == "Mac & i · 1 min read");
    }
}

TEST_SUITE("tags") {
    // A tag longer than the column: one without spaces (cut between characters) and one with.
    const std::string word(90, 'x');
    const std::string words = "Relations internationales et sanctions du Conseil de sécurité des Nations unies 2025";
    std::string article(const std::vector<std::string>& tags) {
        std::string items;
        for (const std::string& t : tags) items += (items.empty() ? "\"" : ",\"") + t + "\"";
        return R"({"format":"article/1","id":"t","title":"T","blocks":[{"type":"tags","items":[)" + items +
               R"(]},{"type":"paragraph","text":"Fin."}]})";
    }

    TEST_CASE("a tag wider than the column is broken onto lines inside its chip and the column") {
        REQUIRE(words.size() >= 80);
        auto r = load_article(article({"court", word, words, "fin"}), "t.json");
        REQUIRE(r.ok());
        const DocumentLayout doc = layout_article(r.article, measurer, LayoutParams{320, 20, 0});
        CHECK(doc.overflow_lines() == 0);
        const BlockLayout& tags = doc.blocks[1];
        const std::vector<Line>& tag_lines = doc.lines(1);
        REQUIRE(tags.block == 0);
        const float left = doc.column_x, right = doc.column_x + doc.column_width;
        std::string drawn;
        for (const Line& line : tag_lines) {
            // Every line sits in a chip, and every chip in the column.
            const Shape* chip = nullptr;
            for (const Shape& s : tags.shapes)
                if (line.y >= s.y && line.y + line.height <= s.y + s.h + 0.01f && line.spans.front().x >= s.x) chip = &s;
            REQUIRE(chip != nullptr);
            CHECK(chip->x >= left - 0.01f);
            CHECK(chip->x + chip->w <= right + 0.01f);
            for (const Span& span : line.spans) {
                // The recorded width is what is drawn: the measured width of the span's text.
                CHECK(span.width == doctest::Approx(measurer.width(span.text, span.face, span.size)));
                CHECK(span.x >= chip->x);
                CHECK(span.x + span.width <= chip->x + chip->w + 0.01f);
                CHECK(span.x + span.width <= right + 0.01f);
                drawn += span.text;
            }
        }
        // Nothing is lost: the lines hold every tag's text (spaces at breaks excepted).
        std::string expected = "court" + word + words + "fin", got;
        for (char c : drawn) if (c != ' ') got += c;
        expected.erase(std::remove(expected.begin(), expected.end(), ' '), expected.end());
        CHECK(got == expected);
        CHECK(tag_lines.size() > 4);  // the two long tags take several lines each
        // Offsets count the block's characters, as find and the reading position expect.
        for (std::size_t i = 1; i < tag_lines.size(); ++i) CHECK(tag_lines[i].offset > tag_lines[i - 1].offset);
        CHECK(doc.blocks[2].top >= tags.bottom);
        for (const Shape& s : tags.shapes) CHECK(s.y + s.h <= tags.bottom + 0.01f);
    }

    TEST_CASE("chips that fit still flow side by side, one line each") {
        auto r = load_article(article({"Corée", "ONU", "Russie"}), "t.json");
        REQUIRE(r.ok());
        const DocumentLayout doc = layout_article(r.article, measurer, LayoutParams{800, 20, 0});
        const BlockLayout& tags = doc.blocks[1];
        const std::vector<Line>& tag_lines = doc.lines(1);
        REQUIRE(tag_lines.size() == 3);
        REQUIRE(tags.shapes.size() == 3);
        CHECK(tag_lines[0].y == tag_lines[2].y);
        CHECK(tags.shapes[1].x > tags.shapes[0].x + tags.shapes[0].w);
        CHECK(tags.shapes[0].h == tags.shapes[2].h);
        for (const Line& line : tag_lines) {
            REQUIRE(line.spans.size() == 1);
            CHECK(line.spans[0].width == doctest::Approx(measurer.width(line.spans[0].text, Face::sans, line.spans[0].size)));
        }
        CHECK(tag_lines[1].spans[0].text == "ONU");
        CHECK(tag_lines[1].offset == 5);  // after "Corée"
    }
}

TEST_SUITE("layout in pieces") {
    TEST_CASE("any piece size lays out what layout_article lays out") {
        const LoadResult loaded = load_article(test::read_file(AV_ASSETS_DIR "/articles/russie-munitions-nord-coreennes.json"), "seed.json");
        REQUIRE(loaded.ok());
        const LayoutParams params{700, 18};
        const DocumentLayout whole = layout_article(loaded.article, measurer, params);
        for (std::size_t piece : {std::size_t{1}, std::size_t{5}, std::size_t{1000}}) {
            LayoutBuild build(loaded.article, measurer, params);
            std::size_t steps = 1;
            double last = build.fraction();
            while (!build.step(piece)) {
                ++steps;
                CHECK(build.fraction() >= last);
                last = build.fraction();
                CHECK(build.laid_out() == std::min(loaded.article.blocks.size(), piece * (steps - 1)));
            }
            CHECK(build.fraction() == 1.0);
            CHECK(steps == (loaded.article.blocks.size() + piece - 1) / piece);
            const DocumentLayout parts = build.take();
            CHECK(layout_text(parts) == layout_text(whole));
            CHECK(parts.height == whole.height);
            CHECK(parts.reading_minutes == whole.reading_minutes);
            CHECK(parts.links == whole.links);
            CHECK(parts.line_count() == whole.line_count());
            CHECK(parts.overflow_lines() == whole.overflow_lines());
        }
    }
}

TEST_SUITE("layout cache in pieces") {
    TEST_CASE("advance: null while a first layout builds, the old layout while a new one builds, then the new one") {
        std::string json = R"({"format":"article/1","id":"long","title":"Long","blocks":[)";
        for (int i = 0; i < 400; ++i) json += std::string(i ? "," : "") + R"({"type":"paragraph","text":"Paragraph )" + std::to_string(i) + R"( of a long article."})";
        json += "]}";
        const LoadResult loaded = load_article(json, "long.json");
        REQUIRE(loaded.ok());
        const Article& a = loaded.article;
        LayoutCache cache;
        const auto always = [] { return true; };
        const auto never = [] { return false; };
        const LayoutParams narrow{500, 18}, wide{900, 18};
        std::size_t frames = 0;
        const DocumentLayout* doc = nullptr;
        while (!(doc = cache.advance(a, measurer, narrow, {}, always))) {
            ++frames;
            CHECK(cache.building());
            CHECK(cache.current() == nullptr);
        }
        CHECK(frames > 1);  // the seed has more blocks than one piece
        CHECK_FALSE(cache.building());
        CHECK(cache.computations() == 1);
        CHECK(layout_text(*doc) == layout_text(layout_article(a, measurer, narrow)));
        // A new width: the narrow layout is drawn until the wide one is complete.
        const DocumentLayout* meanwhile = cache.advance(a, measurer, wide, {}, always);
        CHECK(meanwhile == doc);
        CHECK(meanwhile->params == narrow);
        CHECK(cache.building());
        CHECK(cache.fraction() < 1.0);
        // Back to the width on screen: nothing to build.
        CHECK(cache.advance(a, measurer, narrow, {}, always) == doc);
        CHECK_FALSE(cache.building());
        CHECK(cache.computations() == 1);
        // A caller that never has enough gets the whole layout at once.
        doc = cache.advance(a, measurer, wide, {}, never);
        REQUIRE(doc != nullptr);
        CHECK(doc->params == wide);
        CHECK(cache.computations() == 2);
        CHECK(layout_text(*doc) == layout_text(layout_article(a, measurer, wide)));
        // Another article (same parameters): nothing of the old one is shown while it builds.
        const LoadResult other = load_article(json, "again.json");
        cache.invalidate();
        CHECK(cache.advance(other.article, measurer, wide, {}, always) == nullptr);
    }
}

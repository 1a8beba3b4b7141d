// Reading aloud: the utterances of an article, where they start from a position, and the speech
// engine's UTF-16 boundaries back to code points of the block.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/article_loader.hpp"
#include "core/speech_text.hpp"
#include "core/utf8.hpp"
#include "test_support.hpp"

using namespace av;

namespace {

Article load(const std::string& json) {
    LoadResult r = load_article(json, "t.json");
    INFO(r.error);
    REQUIRE(r.ok());
    return std::move(r.article);
}

Article seed() {
    return load(test::read_file(AV_ASSETS_DIR "/articles/russie-munitions-nord-coreennes.json"));
}

// The code points [begin, end) of `text`, as UTF-8.
std::string cut(const std::string& text, std::uint32_t begin, std::uint32_t end) {
    std::string out;
    std::uint32_t i = 0;
    for (std::size_t pos = 0; pos < text.size(); ++i) {
        const char32_t c = utf8::next(text, pos);
        if (i >= begin && i < end) utf8::append(out, c);
    }
    return out;
}

// Characters other than spaces (those speech_text.cpp trims).
std::size_t visible(const std::string& text) {
    std::size_t n = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t c = utf8::next(text, pos);
        n += !(c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0xA0 || (c >= 0x2000 && c <= 0x200A) ||
               c == 0x202F || c == 0x205F || c == 0x3000);
    }
    return n;
}

std::vector<Utterance> walk(const Article& a, const SpeechOptions& options) {
    std::vector<Utterance> out;
    Anchor at{-1, 0};
    while (auto u = utterance_from(a, at, options)) {
        at = Anchor{u->block, u->end};
        out.push_back(std::move(*u));
        REQUIRE(out.size() < 100000);
    }
    return out;
}

// What every utterance of any article must be: a non-empty range of its block's text, trimmed,
// with a language, in reading order, of a block that is read.
void check_utterances(const Article& a, const std::vector<Utterance>& all, const SpeechOptions& options) {
    Anchor last{-2, 0};
    for (const Utterance& u : all) {
        CAPTURE(u.block);
        CAPTURE(u.text);
        const std::string text = u.block < 0 ? header_text(a) : block_text(a.blocks[static_cast<std::size_t>(u.block)]);
        CHECK(u.end > u.begin);
        CHECK(cut(text, u.begin, u.end) == u.text);
        CHECK(u.text.front() != ' ');
        CHECK(u.text.back() != ' ');
        CHECK(!u.lang.empty());
        CHECK(utf8::length(u.text) <= options.max_length);
        CHECK(is_spoken(a, u.block, options));
        CHECK((u.block > last.block || (u.block == last.block && u.begin >= last.offset)));
        last = Anchor{u.block, u.end};
    }
}

}  // namespace

TEST_CASE("the seed article is read sentence by sentence, in French, without its extras") {
    const Article a = seed();
    const SpeechOptions options;
    const std::vector<Utterance> all = walk(a, options);
    check_utterances(a, all, options);
    REQUIRE(all.size() > 10);
    CHECK(all[0].block == -1);
    CHECK(all[0].text == "Russie : livraison de munitions nord-coréennes, l’ONU s’alerte");
    CHECK(all[0].lang == "fr");
    // The related link (block 0) is not read: the first paragraph comes next, sentence by sentence.
    CHECK(all[1].block == 1);
    CHECK(all[1].begin == 0);
    CHECK(all[1].text.rfind("La Corée du Nord a récemment livré", 0) == 0);
    CHECK(all[1].text.back() == '.');
    CHECK(all[2].block == 1);
    CHECK(all[2].text.rfind("C’est ce qu’a révélé", 0) == 0);
    CHECK(all[3].text ==
          "L’objectif de cette mission : contenir une coopération militaire croissante entre Moscou et Pyongyang.");
    for (const Utterance& u : all) {
        CHECK(a.blocks.size() > 0);
        if (u.block < 0) continue;
        const BlockType t = a.blocks[static_cast<std::size_t>(u.block)].type;
        CHECK(t != BlockType::sponsored);
        CHECK(t != BlockType::callout);
        CHECK(t != BlockType::tags);
        CHECK(t != BlockType::related);
    }
    // Headings are read.
    bool heading = false;
    for (const Utterance& u : all)
        heading = heading || (u.block == 5 && u.text == "L’environnement sécuritaire selon Moscou");
    CHECK(heading);
}

TEST_CASE("the sponsored block is read only when the reader asks") {
    const Article a = seed();
    SpeechOptions options;
    options.sponsored = true;
    const std::vector<Utterance> all = walk(a, options);
    check_utterances(a, all, options);
    bool sponsored = false;
    for (const Utterance& u : all) sponsored = sponsored || u.block == 4;
    CHECK(sponsored);
    CHECK(utterance_from(a, Anchor{4, 0}, SpeechOptions{})->block == 5);
    CHECK(utterance_from(a, Anchor{4, 0}, options)->block == 4);
}

TEST_CASE("from a position: the sentence that holds it, then the next") {
    const Article a = seed();
    const SpeechOptions options;
    const std::vector<Utterance> p1 = block_utterances(a, 1, options);
    REQUIRE(p1.size() == 3);
    // Inside the second sentence: that sentence again, from its start.
    auto u = utterance_from(a, Anchor{1, p1[1].begin + 5}, options);
    REQUIRE(u);
    CHECK(u->begin == p1[1].begin);
    // At the end of the first (on the space after it): the second.
    u = utterance_from(a, Anchor{1, p1[0].end}, options);
    CHECK(u->begin == p1[1].begin);
    // Past the block's end: the next block's first.
    u = utterance_from(a, Anchor{1, 100000}, options);
    CHECK(u->block == 2);
    CHECK(u->begin == 0);
    // From the last callout: nothing more is read.
    CHECK_FALSE(utterance_from(a, Anchor{30, 0}, options));
    CHECK_FALSE(utterance_from(a, Anchor{1000, 0}, options));
}

TEST_CASE("languages, parts and sentence ends") {
    const Article a = load(R"({"format":"article/1.1","id":"t","lang":"fr","title":"Titre","subtitle":"Sous-titre",
      "byline":{"authors":["Jean Dupont"]},
      "blocks":[
        {"type":"paragraph","text":["M. Dupont dit : « Non. » Puis il part. Il a vu J. K. Rowling, etc. et d’autres. Pi vaut 3.14 environ ! Vraiment ?! Oui."]},
        {"type":"paragraph","lang":"de","text":["Guten Tag. ",{"text":"Hello there.","lang":"en"}," Auf Wiedersehen."]},
        {"type":"list","items":["premier point","second point."]},
        {"type":"image","src":"x.png","width":10,"height":10,"alt":"texte alternatif","caption":"Une légende.","credit":"Photo : AFP"},
        {"type":"quote","text":"Citation.","cite":"Quelqu’un"},
        {"type":"paragraph","text":"日本語の文。二つ目の文！最後"}]})");
    const SpeechOptions options;
    std::vector<std::string> texts;
    for (const Utterance& u : walk(a, options)) texts.push_back(u.text);
    const std::vector<std::string> expected = {"Titre",
                                               "Sous-titre",
                                               "M. Dupont dit : « Non. »",
                                               "Puis il part.",
                                               "Il a vu J. K. Rowling, etc. et d’autres.",
                                               "Pi vaut 3.14 environ !",
                                               "Vraiment ?!",
                                               "Oui.",
                                               "Guten Tag.",
                                               "Hello there.",
                                               "Auf Wiedersehen.",
                                               "premier point",
                                               "second point.",
                                               "Une légende.",
                                               "Citation.",
                                               "日本語の文。",
                                               "二つ目の文！",
                                               "最後"};
    for (std::size_t i = 0; i < std::max(texts.size(), expected.size()); ++i)
        CHECK((i < texts.size() ? texts[i] : "") == (i < expected.size() ? expected[i] : ""));
    const std::vector<Utterance> de = block_utterances(a, 1, options);
    REQUIRE(de.size() == 3);
    CHECK(de[0].lang == "de");
    CHECK(de[1].lang == "en");
    CHECK(de[2].lang == "de");
    CHECK(block_utterances(a, 0, options)[0].lang == "fr");
    // The caption's offsets count what comes before it in block_text (nothing here, the alt
    // text is not in it).
    CHECK(block_utterances(a, 3, options)[0].begin == 0);
}

TEST_CASE("a sentence too long for one utterance is cut at a comma, else a space") {
    std::string sentence = "Début";
    for (int i = 0; i < 40; ++i) sentence += ", encore des mots ici";
    sentence += " et la fin.";
    const Article a = load(R"({"format":"article/1","id":"t","title":"T","blocks":[{"type":"paragraph","text":")" +
                           sentence + R"("}]})");
    SpeechOptions options;
    options.max_length = 100;
    const std::vector<Utterance> us = block_utterances(a, 0, options);
    check_utterances(a, us, options);
    REQUIRE(us.size() > 5);
    for (std::size_t i = 0; i + 1 < us.size(); ++i) CHECK(us[i].text.back() == ',');
    std::string joined;
    for (const Utterance& u : us) joined += (joined.empty() ? "" : " ") + u.text;
    CHECK(joined == sentence);
}

TEST_CASE("boundary events in UTF-16 units map back to code points of the block") {
    CHECK(code_points_before_utf16("abc", 0) == 0);
    CHECK(code_points_before_utf16("abc", 2) == 2);
    CHECK(code_points_before_utf16("abc", 9) == 3);
    // 😀 is two UTF-16 units, one code point; é is one of each.
    CHECK(code_points_before_utf16("é😀x", 1) == 1);
    CHECK(code_points_before_utf16("é😀x", 3) == 2);
    CHECK(code_points_before_utf16("é😀x", 2) == 2);  // inside the pair: the emoji is before
    CHECK(code_points_before_utf16("é😀x", 4) == 3);

    const Article a = load(R"({"format":"article/1","id":"t","title":"T","blocks":[
        {"type":"paragraph","text":"Premier. Le 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 est là, 𠜎 aussi."}]})");
    const std::vector<Utterance> us = block_utterances(a, 0, SpeechOptions{});
    REQUIRE(us.size() == 2);
    const Utterance& u = us[1];
    CHECK(u.begin == 9);
    // "Le " is 3 units; 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 is 7 code points, 14 units; then " " and 😀 (2 units).
    auto r = spoken_range(u, 3, 14);
    CHECK(r.first == 9 + 3);
    CHECK(r.second == 9 + 10);
    r = spoken_range(u, 18, 2);  // 😀
    CHECK(r.first == 9 + 11);
    CHECK(r.second == 9 + 12);
    // "est" after it: 3 + 14 + 1 + 2 + 1 = 21 units in, 13 code points.
    r = spoken_range(u, 21, 0);  // no length given: the word there
    CHECK(r.first == 9 + 13);
    CHECK(r.second == 9 + 16);
    // 𠜎 (U+2070E): "Le 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 est là, " is 29 units.
    const std::string block = block_text(a.blocks[0]);
    r = spoken_range(u, 29, 2);
    CHECK(cut(block, r.first, r.second) == "𠜎");
    // Out of range: clamped inside the utterance.
    r = spoken_range(u, 500, 3);
    CHECK(r.second == u.end);
    CHECK(r.first == u.end - 1);
}

TEST_CASE("every corpus article reads in order, inside its blocks, with a language") {
    std::vector<std::string> files = test::json_files(AV_SHARED_DIR "/corpus");
    if (files.empty()) MESSAGE("no corpus at " AV_SHARED_DIR "/corpus");
    for (const std::string& f : test::json_files(AV_ASSETS_DIR "/articles")) files.push_back(f);
    REQUIRE(!files.empty());
    for (const std::string& file : files) {
        CAPTURE(file);
        LoadResult r = load_article(test::read_file(file), file);
        if (!r.ok()) continue;
        const Article& a = r.article;
        for (bool sponsored : {false, true}) {
            SpeechOptions options;
            options.sponsored = sponsored;
            const std::vector<Utterance> all = walk(a, options);
            check_utterances(a, all, options);
            // Nothing of what is read is left out: the walk gives every utterance of each block,
            // and in blocks whose whole text is read, every character but spaces is in one.
            std::size_t walked = 0;
            for (int b = -1; b < static_cast<int>(a.blocks.size()); ++b)
                walked += block_utterances(a, b, options).size();
            CHECK(all.size() == walked);
            std::vector<std::size_t> said(a.blocks.size() + 1, 0);
            for (const Utterance& u : all) said[static_cast<std::size_t>(u.block + 1)] += visible(u.text);
            for (std::size_t b = 0; b < a.blocks.size(); ++b) {
                const BlockType t = a.blocks[b].type;
                if (t == BlockType::paragraph || t == BlockType::heading || t == BlockType::quote ||
                    t == BlockType::list)
                    CHECK(said[b + 1] == visible(block_text(a.blocks[b])));
            }
            CHECK(!all.empty());
        }
    }
}

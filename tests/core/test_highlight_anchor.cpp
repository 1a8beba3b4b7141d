// Finding highlights again in an edited article: the seed and every corpus article with
// paragraphs inserted, words edited, passages deleted and sentences duplicated. A highlight is
// found on its own words or reported as lost, never moved to other words.
#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "core/highlight_finder.hpp"
#include "core/progress.hpp"
#include "core/utf8.hpp"
#include "highlight_test_support.hpp"

using namespace av;
using av::test::article_file;

namespace {

std::size_t chars(std::string_view s) {
    return utf8::length(s);
}

// A highlight on the `nth` occurrence of `words` in block `block`.
Highlight on(const Article& a, int block, const std::string& words, int nth = 0) {
    const std::string text = block_text(a.blocks[static_cast<std::size_t>(block)]);
    std::size_t at = text.find(words);
    for (int i = 0; i < nth && at != std::string::npos; ++i) at = text.find(words, at + 1);
    REQUIRE_MESSAGE(at != std::string::npos, words);
    Highlight h;
    h.id = "h1";
    h.block = block;
    h.start = static_cast<std::uint32_t>(chars(std::string_view(text).substr(0, at)));
    h.end = h.start + static_cast<std::uint32_t>(chars(words));
    HighlightFinder finder(a, a.digest);
    REQUIRE(finder.describe(h) == "");
    return h;
}

// `a` after `edit`, with the digest of its new text (what loading it would give).
Article edited(Article a, const std::function<void(Article&)>& edit) {
    edit(a);
    a.word_prefix.clear();
    a.digest = article_digest(a);
    return a;
}

Block paragraph(const std::string& text, const std::string& id = "") {
    Block b;
    b.type = BlockType::paragraph;
    b.id = id;
    b.text = {Run{text}};
    return b;
}

// Replaces the first `from` in block `block`'s runs by `to`.
void replace(Article& a, int block, const std::string& from, const std::string& to) {
    for (Run& run : a.blocks[static_cast<std::size_t>(block)].text) {
        const std::size_t at = run.text.find(from);
        if (at == std::string::npos) continue;
        run.text.replace(at, from.size(), to);
        return;
    }
    FAIL("not in block " << block << ": " << from);
}

// The invariant: a highlight that is found is on its own words.
void on_its_words(const Article& a, const Highlight& h) {
    if (h.lost) return;
    REQUIRE(h.block >= 0);
    REQUIRE(static_cast<std::size_t>(h.block) < a.blocks.size());
    const std::string text = block_text(a.blocks[static_cast<std::size_t>(h.block)]);
    std::size_t from = 0;
    for (std::uint32_t i = 0; i < h.start; ++i) utf8::next(text, from);
    CHECK(text.compare(from, h.quote.size(), h.quote) == 0);
    CHECK(h.end - h.start == chars(h.quote));
}

Highlight again(const Article& a, const Highlight& h) {
    Highlight found = reanchor(a, a.digest, h);
    on_its_words(a, found);
    return found;
}

const std::string sentence = "Ce type d’échange technologique, bien que controversé,";

}  // namespace

TEST_SUITE("highlight anchoring: lost, never moved") {
    TEST_CASE("the highlighted words were edited") {
        const Article seed = article_file(av::test::seed_path);
        const Highlight h = on(seed, 9, sentence);
        const Article changed = edited(seed, [](Article& a) { replace(a, 9, "technologique", "technique"); });
        const Highlight found = again(changed, h);
        CHECK(found.lost);
        // Listed with its quote, and where it was.
        CHECK(found.quote == sentence);
        CHECK(found.block == 9);
        CHECK(found.start == h.start);
        CHECK(found.digest == seed.digest);
    }

    TEST_CASE("the highlighted passage was deleted") {
        const Article seed = article_file(av::test::seed_path);
        const Highlight whole_block = on(seed, 9, "Selon le rapport de l’ONU, Moscou aurait partagé");
        const Highlight in_sentence = on(seed, 9, sentence);
        const Highlight after = on(seed, 10, "Le rapport évoque une possible violation");
        const Article without_block = edited(seed, [](Article& a) { a.blocks.erase(a.blocks.begin() + 9); });
        CHECK(again(without_block, whole_block).lost);
        CHECK(again(without_block, in_sentence).lost);
        const Highlight moved = again(without_block, after);
        CHECK_FALSE(moved.lost);
        CHECK(moved.block == 9);
        CHECK(moved.block_id == "p7");
        CHECK(moved.start == after.start);

        // A sentence cut out of the paragraph: its highlight is lost, the next one's moves back.
        const std::string cut =
            "Ce type d’échange technologique, bien que controversé, s’inscrit dans une logique de "
            "coopération stratégique face à un environnement géopolitique tendu.";
        const Highlight first = on(seed, 9, "Selon le rapport");
        const Article shorter = edited(seed, [&](Article& a) {
            replace(a, 9, " " + cut, "");
            a.blocks[9].text[0].text += " Une phrase ajoutée à la fin.";
        });
        CHECK(again(shorter, in_sentence).lost);
        const Highlight kept = again(shorter, first);
        CHECK_FALSE(kept.lost);
        CHECK(kept.start == first.start);
    }

    TEST_CASE("a short quote whose context changed is not guessed") {
        const Article seed = article_file(av::test::seed_path);
        // "de" occurs dozens of times; its context on both sides was rewritten.
        const Highlight h = on(seed, 9, "de");  // "rapport de l’ONU"
        const Article changed = edited(seed, [&](Article& a) {
            replace(a, 9, "Selon le rapport de l’ONU, Moscou", "D’après le texte de ce comité, la Russie");
        });
        const Highlight found = again(changed, h);
        CHECK(found.lost);
    }

    TEST_CASE("the same words in the same context twice: lost rather than a guess") {
        // No block ids (like every corpus article): a paragraph copied before the highlighted one
        // gives two places that agree equally.
        const Article a = av::test::article_of(R"({"type":"paragraph","text":"One paragraph first."},
            {"type":"paragraph","text":"The highlighted words are here, in a paragraph of their own."})");
        const Highlight h = on(a, 1, "highlighted words");
        const Article copied = edited(a, [](Article& x) { x.blocks.insert(x.blocks.begin() + 1, x.blocks[1]); });
        CHECK(again(copied, h).lost);
        // With block ids, the block of the same id is the one.
        const Article with_ids = av::test::article_of(R"({"type":"paragraph","id":"p0","text":"One paragraph first."},
            {"type":"paragraph","id":"p1","text":"The highlighted words are here, in a paragraph of their own."})");
        const Highlight h2 = on(with_ids, 1, "highlighted words");
        const Article copied2 = edited(with_ids, [](Article& x) {
            x.blocks.insert(x.blocks.begin() + 1, x.blocks[1]);
            x.blocks[1].id = "p1-copy";
        });
        const Highlight found = again(copied2, h2);
        CHECK_FALSE(found.lost);
        CHECK(found.block == 2);
    }

    TEST_CASE("a stored quote that is not at its place in the same text is not trusted") {
        const Article seed = article_file(av::test::seed_path);
        Highlight h = on(seed, 9, sentence);
        h.start += 1;  // a record written by hand: the offsets do not hold the quote
        h.end += 1;
        const Highlight found = again(seed, h);
        CHECK_FALSE(found.lost);  // found again by its words and context
        CHECK(found.start + 1 == h.start);
    }
}

TEST_SUITE("highlight anchoring") {
    TEST_CASE("the same text: as stored") {
        const Article seed = article_file(av::test::seed_path);
        const Highlight h = on(seed, 9, sentence);
        CHECK(h.block_id == "p6");
        CHECK(h.prefix == "des technologies de brouillage. ");
        CHECK(h.suffix == " s’inscrit dans une logique de c");
        CHECK(chars(h.prefix) == 32);
        CHECK(chars(h.suffix) == 32);
        const Highlight found = again(seed, h);
        CHECK_FALSE(found.lost);
        CHECK(found.block == 9);
        CHECK(found.start == h.start);
        CHECK(found.end == h.end);
    }

    TEST_CASE("paragraphs inserted before") {
        const Article seed = article_file(av::test::seed_path);
        const Highlight h = on(seed, 9, sentence);
        const Article longer = edited(seed, [](Article& a) {
            a.blocks.insert(a.blocks.begin() + 1, paragraph("Mise à jour : un paragraphe ajouté en tête.", "update"));
            a.blocks.insert(a.blocks.begin() + 5, paragraph("Encore un paragraphe, sans identifiant."));
        });
        const Highlight found = again(longer, h);
        CHECK_FALSE(found.lost);
        CHECK(found.block == 11);
        CHECK(found.block_id == "p6");
        CHECK(found.start == h.start);
        CHECK(found.digest == longer.digest);
    }

    TEST_CASE("words edited before it in its paragraph, and right beside it") {
        const Article seed = article_file(av::test::seed_path);
        const Highlight h = on(seed, 9, sentence);
        const Article changed =
            edited(seed, [](Article& a) { replace(a, 9, "Selon le rapport de l’ONU", "Selon l’ONU"); });
        const Highlight found = again(changed, h);
        CHECK_FALSE(found.lost);
        CHECK(found.start + chars("le rapport de ") == h.start);
        // The words just before and after it changed too: a long quote is its own evidence.
        const Article beside = edited(seed, [](Article& a) {
            replace(a, 9, "brouillage. Ce type", "brouillage électronique. Ce type");
            replace(a, 9, "controversé, s’inscrit", "controversé, entre");
        });
        const Highlight found2 = again(beside, h);
        CHECK_FALSE(found2.lost);
        CHECK(found2.start == h.start + chars(" électronique"));
        // A short quote: the same words beside it on one side are enough.
        const Highlight word = on(seed, 9, "type");
        const Highlight found3 =
            again(edited(seed, [](Article& a) { replace(a, 9, "brouillage. Ce", "brouillages. Un"); }), word);
        CHECK_FALSE(found3.lost);
        CHECK(found3.start == word.start + 1);
        // Both sides changed: at its own place (same block id, same offset) it is still the word.
        const Highlight found4 =
            again(edited(seed, [](Article& a) { replace(a, 9, "Ce type d’échange", "Un type de partage"); }), word);
        CHECK_FALSE(found4.lost);
        CHECK(found4.start == word.start);
        // Both sides changed and moved: not taken.
        const Highlight found5 = again(
            edited(seed, [](Article& a) { replace(a, 9, "Ce type d’échange", "Un autre type de partage"); }), word);
        CHECK(found5.lost);
    }

    TEST_CASE("a duplicated sentence") {
        const Article seed = article_file(av::test::seed_path);
        const Highlight h = on(seed, 9, sentence);
        // Copied into another paragraph: the original, with its context, is the one.
        const Article elsewhere =
            edited(seed, [](Article& a) { a.blocks[2].text[0].text += " " + sentence + " (cité)"; });
        const Highlight found = again(elsewhere, h);
        CHECK_FALSE(found.lost);
        CHECK(found.block == 9);
        CHECK(found.start == h.start);
        // Repeated at once in its own paragraph: either copy is these very words.
        const Article twice = edited(seed, [](Article& a) { replace(a, 9, sentence, sentence + " " + sentence); });
        const Highlight found2 = again(twice, h);
        CHECK_FALSE(found2.lost);
        CHECK(found2.block == 9);
    }

    TEST_CASE("every corpus article: inserted, edited and deleted paragraphs") {
        std::size_t checked = 0, lost_as_expected = 0, ambiguous = 0;
        for (const std::string& path : av::test::json_files(AV_SHARED_DIR "/corpus")) {
            CAPTURE(path);
            const Article a = article_file(path);
            const int count = static_cast<int>(a.blocks.size());
            if (count < 4) continue;
            const int deleted = (count / 2) & ~1, edited_block = count / 3;  // the deleted one holds a highlight
            // Highlights on a third of the text of every other block whose text is its own (a
            // block repeated word for word gives two equal places: lost, tested above).
            std::vector<Highlight> marks;
            for (int b = 0; b < count; b += 2) {
                const std::string text = block_text(a.blocks[static_cast<std::size_t>(b)]);
                const std::size_t n = chars(text);
                if (n < 12) continue;
                int same_text = 0;
                for (const Block& other : a.blocks) same_text += block_text(other) == text;
                if (same_text > 1) continue;
                std::size_t from = 0;
                for (std::size_t i = 0; i < n / 3; ++i) utf8::next(text, from);
                std::size_t to = from;
                for (std::size_t i = 0; i < std::min<std::size_t>(n / 3, 40); ++i) utf8::next(text, to);
                const std::string words = text.substr(from, to - from);
                if (words.find_first_not_of(" \n") == std::string::npos) continue;
                marks.push_back(on(a, b, words));
            }
            const Article changed = edited(a, [&](Article& x) {
                if (!x.blocks[static_cast<std::size_t>(edited_block)].text.empty())
                    x.blocks[static_cast<std::size_t>(edited_block)].text[0].text.insert(0, "Edited: ");
                x.blocks.erase(x.blocks.begin() + deleted);
                x.blocks.insert(x.blocks.begin(), paragraph("A paragraph inserted at the top."));
            });
            const bool prefixed = !a.blocks[static_cast<std::size_t>(edited_block)].text.empty();
            for (const Highlight& h : marks) {
                CAPTURE(h.block);
                CAPTURE(h.quote);
                CHECK_FALSE(again(a, h).lost);
                // Searched for (as if the text had changed) in the article it was made in: found
                // at its place, unless its words and context are twice in it (code listings that
                // repeat a query): those are lost in any edited version, never guessed.
                Highlight searched = h;
                searched.digest = "another text";
                const Highlight self = again(a, searched);
                if (self.lost) {
                    ++ambiguous;
                    continue;
                }
                CHECK(self.block == h.block);
                CHECK(self.start == h.start);
                const Highlight found = again(changed, h);
                ++checked;
                if (h.block == deleted) {
                    CHECK(found.lost);
                    lost_as_expected += found.lost;
                    continue;
                }
                REQUIRE_FALSE(found.lost);
                CHECK(found.block == (h.block < deleted ? h.block + 1 : h.block));
                const std::uint32_t shift = h.block == edited_block && prefixed ? 8 : 0;
                CHECK(found.start == h.start + shift);
            }
        }
        CHECK(checked > 300);
        CHECK(ambiguous < checked / 50);
        CHECK(lost_as_expected >= 10);
    }
}

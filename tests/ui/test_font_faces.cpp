// FontSet with faces missing from its folder (ui/fonts.hpp, stood_in: the web's italics, fetched
// for the articles that have some) and with its files in memory (ui/font_files.hpp: the web links
// no file system): a missing italic is drawn by its upright twin until it arrives, any other face
// missing is an error, and the text engine is given the arrived face's own bytes again. Which of
// them are asked of the platform, and asked again after a failed fetch (ui/face_requests.hpp).
#include <doctest/doctest.h>
#include <imgui.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "core/text/font_catalog.hpp"
#include "ui/face_requests.hpp"
#include "ui/fonts.hpp"
#include "../core/test_support.hpp"

using namespace av;

namespace {

// Records the size of each font it is given; shapes nothing.
class RecordingEngine : public LoadableTextEngine {
public:
    std::map<FontId, std::size_t> sizes;
    bool add_font(FontId id, const unsigned char*, std::size_t size) override {
        sizes[id] = size;
        return true;
    }
    bool set_dictionary(const unsigned char*, std::size_t) override { return false; }
    std::uint8_t analyze(std::u32string_view, BaseDirection, std::string_view, std::vector<CharInfo>&) const override { return 0; }
    void shape(FontId, std::u32string_view, std::size_t, std::size_t, bool, ScriptTag, std::string_view,
               std::vector<ShapedGlyph>&) const override {}
    FontMetrics metrics(FontId) const override { return {}; }
    bool has_char(FontId, char32_t) const override { return false; }
};

std::vector<unsigned char> bytes_of(const std::string& name) {
    const std::string text = test::read_file(std::string(AV_FONTS_DIR) + "/" + name);
    return std::vector<unsigned char>(text.begin(), text.end());
}

// An allocator that counts its blocks, for FontFiles::read.
struct Blocks {
    static inline int live = 0;
    static void* allocate(std::size_t n) {
        ++live;
        return std::malloc(n);
    }
    static void release(void* p) {
        --live;
        std::free(p);
    }
};

// The four faces of a first visit in `files`, as the web build's pack has them, and `fonts`
// loaded from them (the italics missing).
void load_base_faces(FontSet& fonts, MemoryFontFiles& files) {
    for (const char* name : {"NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf"})
        files.put(std::string("/f/") + name, bytes_of(name));
    fonts.set_files(files);
    REQUIRE(fonts.load("/f") == "");
}

struct Context {
    Context() { ImGui::CreateContext(); }
    ~Context() { ImGui::DestroyContext(); }
};

}  // namespace

TEST_SUITE("font faces") {
    TEST_CASE("the italics stand in until they arrive; the engine then shapes with their own bytes") {
        Context context;
        MemoryFontFiles files;
        FontSet fonts;
        load_base_faces(fonts, files);
        CHECK(fonts.stood_in() == (face_bit(Face::serif_italic) | face_bit(Face::serif_bold_italic)));
        CHECK(fonts.missing() == fonts.stood_in());
        CHECK(fonts.font(Face::serif_italic) == fonts.font(Face::serif));
        CHECK(fonts.font(Face::serif_bold_italic) == fonts.font(Face::serif_bold));
        CHECK(fonts.width("italique", Face::serif_italic, 20) == fonts.width("italique", Face::serif, 20));
        RecordingEngine engine;
        fonts.feed(engine);
        const std::size_t regular = bytes_of("NotoSerif-Regular.ttf").size(), italic = bytes_of("NotoSerif-Italic.ttf").size();
        CHECK(engine.sizes[FontCatalog::base_font(Face::serif_italic)] == regular);

        files.put("/f/NotoSerif-Italic.ttf", bytes_of("NotoSerif-Italic.ttf"));
        files.put("/f/NotoSerif-BoldItalic.ttf", bytes_of("NotoSerif-BoldItalic.ttf"));
        const std::uint8_t before = fonts.missing();
        REQUIRE(fonts.reload() == "");
        CHECK(fonts.stood_in() == 0);
        CHECK(fonts.missing() == 0);
        CHECK(fonts.font(Face::serif_italic) != fonts.font(Face::serif));
        CHECK(fonts.width("italique", Face::serif_italic, 20) != fonts.width("italique", Face::serif, 20));
        fonts.feed_faces(engine, static_cast<std::uint8_t>(before & ~fonts.missing()));
        CHECK(engine.sizes[FontCatalog::base_font(Face::serif_italic)] == italic);
        CHECK(engine.sizes[FontCatalog::base_font(Face::serif_bold_italic)] == bytes_of("NotoSerif-BoldItalic.ttf").size());
        CHECK(engine.sizes[FontCatalog::base_font(Face::serif)] == regular);
    }

    TEST_CASE("any other face missing is an error naming it") {
        Context context;
        MemoryFontFiles files;
        for (const char* name : {"NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSans-Regular.ttf"})
            files.put(std::string("/f/") + name, bytes_of(name));
        FontSet fonts;
        fonts.set_files(files);
        CHECK(fonts.load("/f") == "cannot read font /f/NotoSans-Bold.ttf");
    }

    TEST_CASE("font files are read straight into the caller's block, from memory or disk") {
        const std::vector<unsigned char> italic = bytes_of("NotoSerif-Italic.ttf");
        MemoryFontFiles memory;
        memory.put("/f/NotoSerif-Italic.ttf", italic);
        const DiskFontFiles disk;
        const std::string on_disk = std::string(AV_FONTS_DIR) + "/NotoSerif-Italic.ttf";
        for (const auto& [files, path] : {std::pair<const FontFiles*, std::string>{&memory, "/f/NotoSerif-Italic.ttf"}, {&disk, on_disk}}) {
            std::size_t size = 0;
            void* data = files->read(path, size, &Blocks::allocate, &Blocks::release);
            REQUIRE(data != nullptr);
            CHECK(Blocks::live == 1);
            REQUIRE(size == italic.size());
            CHECK(std::memcmp(data, italic.data(), size) == 0);
            Blocks::release(data);
            size = 7;
            CHECK(files->read(path + ".missing", size, &Blocks::allocate, &Blocks::release) == nullptr);
            CHECK(size == 7);
            CHECK(Blocks::live == 0);
        }
        // A later put replaces what a read gives; a block read before stays the caller's, intact.
        std::size_t size = 0;
        void* before = memory.read("/f/NotoSerif-Italic.ttf", size, &Blocks::allocate, &Blocks::release);
        REQUIRE(before != nullptr);
        memory.put("/f/NotoSerif-Italic.ttf", std::vector<unsigned char>(200, 7));
        CHECK(std::memcmp(before, italic.data(), size) == 0);
        Blocks::release(before);
        void* after = memory.read("/f/NotoSerif-Italic.ttf", size, &Blocks::allocate, &Blocks::release);
        REQUIRE(after != nullptr);
        CHECK(size == 200);
        Blocks::release(after);
        CHECK(Blocks::live == 0);
    }

    TEST_CASE("a face whose fetch failed is asked again by the next article that needs it, never twice by one") {
        Context context;
        MemoryFontFiles files;
        FontSet fonts;
        load_base_faces(fonts, files);
        const std::uint8_t italic = face_bit(Face::serif_italic), bold_italic = face_bit(Face::serif_bold_italic);
        const std::uint8_t upright = face_bit(Face::serif) | face_bit(Face::sans);
        FaceRequests faces;
        CHECK(faces.take(upright, fonts.missing()) == 0);  // an article without italics asks nothing
        CHECK(faces.take(italic | upright, fonts.missing()) == italic);
        faces.sent(true);
        CHECK(faces.waiting());
        CHECK(faces.take(italic, fonts.missing()) == 0);  // on its way: not asked twice
        faces.answered("fonts-faces/NotoSerif-Italic.ttf: HTTP 404");
        CHECK_FALSE(faces.waiting());
        CHECK(faces.error() == "fonts-faces/NotoSerif-Italic.ttf: HTTP 404");
        REQUIRE(fonts.reload() == "");  // as App::font_faces_arrived: the twin stands in still
        CHECK(fonts.missing() == (italic | bold_italic));
        // The next article that needs it asks again (the one that saw the failure never calls take
        // again); one that needs only the bold italic asks for that alone.
        CHECK(faces.take(bold_italic, fonts.missing()) == bold_italic);
        faces.sent(true);
        CHECK(faces.take(italic, fonts.missing()) == italic);
        faces.sent(true);
        // The faces arrive: both answers are waited for, and nothing is asked again.
        faces.answered("");
        CHECK(faces.waiting());
        files.put("/f/NotoSerif-Italic.ttf", bytes_of("NotoSerif-Italic.ttf"));
        files.put("/f/NotoSerif-BoldItalic.ttf", bytes_of("NotoSerif-BoldItalic.ttf"));
        faces.answered("");
        CHECK_FALSE(faces.waiting());
        CHECK(faces.error().empty());
        REQUIRE(fonts.reload() == "");
        CHECK(fonts.missing() == 0);
        CHECK(faces.take(italic | bold_italic, fonts.missing()) == 0);
    }

    TEST_CASE("a failure while another fetch is on its way waits for it before asking again") {
        const std::uint8_t italic = face_bit(Face::serif_italic), bold_italic = face_bit(Face::serif_bold_italic);
        const std::uint8_t missing = italic | bold_italic;
        FaceRequests faces;
        REQUIRE(faces.take(italic, missing) == italic);
        faces.sent(true);
        REQUIRE(faces.take(bold_italic, missing) == bold_italic);
        faces.sent(true);
        faces.answered("offline");  // the italic's, say: the bold italic's fetch is still on its way
        CHECK(faces.waiting());
        CHECK(faces.take(missing, missing) == 0);
        faces.answered("");  // the bold italic arrived (the fonts reload at the next frame)
        CHECK(faces.take(missing, italic) == italic);
        faces.sent(true);
        CHECK(faces.take(missing, italic) == 0);
    }

    TEST_CASE("a platform that cannot fetch fonts is not asked again") {
        const std::uint8_t italic = face_bit(Face::serif_italic);
        FaceRequests faces;
        REQUIRE(faces.take(italic, italic) == italic);
        faces.sent(false);
        CHECK_FALSE(faces.waiting());
        CHECK(faces.error() == "this viewer cannot fetch fonts; the upright faces stand in");
        CHECK(faces.take(italic, italic) == 0);
    }
}

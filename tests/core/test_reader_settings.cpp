// The reader's settings: a patch refused field by field (every message), what storage holds read
// field by field with a warning naming each field that falls back, and the round trip.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/reader_settings.hpp"

using namespace av;

namespace {

// The message a patch gets, and that nothing of it was applied.
std::string refused(const std::string& patch) {
    ReaderSettings s;
    s.font_size = 24;
    s.justify = true;
    const ReaderSettings before = s;
    const std::string error = apply_settings_patch(s, patch);
    CHECK_MESSAGE(s == before, patch);
    return error;
}

std::vector<std::string> warnings_of(const std::string& stored, ReaderSettings* out = nullptr) {
    std::vector<std::string> warnings;
    const ReaderSettings s = read_settings(stored, warnings);
    if (out) *out = s;
    return warnings;
}

}  // namespace

TEST_SUITE("reader settings errors") {
    TEST_CASE("a patch that is not an object") {
        for (const char* bad : {"", "{", "null", "[]", "42", "\"dark\"", "[{\"theme\":\"dark\"}]"})
            CHECK_MESSAGE(refused(bad) == "settings must be a JSON object", bad);
    }

    TEST_CASE("each field's rule, word for word") {
        CHECK(refused(R"({"theme":"blue"})") == R"(theme must be "light", "sepia", "dark" or "auto")");
        CHECK(refused(R"({"theme":"Dark"})") == R"(theme must be "light", "sepia", "dark" or "auto")");
        CHECK(refused(R"({"theme":2})") == R"(theme must be "light", "sepia", "dark" or "auto")");
        CHECK(refused(R"({"fontSize":11.4})") == "fontSize must be a number from 12 to 40");
        CHECK(refused(R"({"fontSize":41})") == "fontSize must be a number from 12 to 40");
        CHECK(refused(R"({"fontSize":"20"})") == "fontSize must be a number from 12 to 40");
        CHECK(refused(R"({"font":"mono"})") == R"(font must be "serif", "sans" or "legible")");
        CHECK(refused(R"({"font":null})") == R"(font must be "serif", "sans" or "legible")");
        CHECK(refused(R"({"measure":44})") == "measure must be a whole number from 45 to 90");
        CHECK(refused(R"({"measure":91})") == "measure must be a whole number from 45 to 90");
        CHECK(refused(R"({"measure":60.5})") == "measure must be a whole number from 45 to 90");
        CHECK(refused(R"({"measure":"wide"})") == "measure must be a whole number from 45 to 90");
        CHECK(refused(R"({"lineSpacing":1.6})") == "lineSpacing must be 1.3, 1.5, 1.75 or 2");
        CHECK(refused(R"({"lineSpacing":"2"})") == "lineSpacing must be 1.3, 1.5, 1.75 or 2");
        CHECK(refused(R"({"justify":1})") == "justify must be true or false");
        CHECK(refused(R"({"justify":"true"})") == "justify must be true or false");
        CHECK(refused(R"({"speechRate":0.7})") == "speechRate must be a number from 0.75 to 2");
        CHECK(refused(R"({"speechRate":2.01})") == "speechRate must be a number from 0.75 to 2");
        CHECK(refused(R"({"speechRate":"1"})") == "speechRate must be a number from 0.75 to 2");
        const std::string voice_rule = "voice must be a string of at most 256 bytes, without control characters";
        CHECK(refused(R"({"voice":null})") == voice_rule);
        CHECK(refused(R"({"voice":"a\nb"})") == voice_rule);
        CHECK(refused(R"({"voice":")" + std::string(257, 'v') + "\"}") == voice_rule);
        CHECK(refused(R"({"readSponsored":"yes"})") == "readSponsored must be true or false");
    }

    TEST_CASE("an unknown field is refused, named") {
        CHECK(refused(R"({"fontsize":20})") == R"(unknown setting "fontsize")");
        CHECK(refused(R"({"version":1})") == R"(unknown setting "version")");
    }

    TEST_CASE("every invalid field is named, in the fields' order, and a valid one beside them is not applied") {
        CHECK(
            refused(R"({"justify":0,"theme":"x","zoom":2,"measure":70})") ==
            R"(theme must be "light", "sepia", "dark" or "auto"; justify must be true or false; unknown setting "zoom")");
    }

    TEST_CASE("stored values that are not usable at all: the defaults, with a warning") {
        for (const char* bad : {"", "{", "null", "[]", "42", "\"dark\""}) {
            ReaderSettings s;
            s.font_size = 33;
            const std::vector<std::string> w = warnings_of(bad, &s);
            REQUIRE_MESSAGE(w.size() == 1, bad);
            CHECK(w[0] == "settings: the stored value is not a JSON object; the defaults are used");
            CHECK(s == ReaderSettings{});
        }
        ReaderSettings s;
        std::vector<std::string> w = warnings_of(R"({"theme":"dark"})", &s);
        REQUIRE(w.size() == 1);
        CHECK(w[0] == "settings: the stored value has no version; the defaults are used");
        CHECK(s == ReaderSettings{});
        w = warnings_of(R"({"version":"1","theme":"dark"})", &s);
        REQUIRE(w.size() == 1);
        CHECK(w[0] == "settings: the stored value has no version; the defaults are used");
        w = warnings_of(R"({"version":2,"theme":"dark"})", &s);
        REQUIRE(w.size() == 1);
        CHECK(w[0] == "settings: version 2 is not one this viewer reads (1); the defaults are used");
        CHECK(s == ReaderSettings{});
    }

    TEST_CASE("a stored field that is wrong falls back to its default alone, named") {
        ReaderSettings s;
        const std::vector<std::string> w = warnings_of(
            R"({"version":1,"theme":"purple","fontSize":99,"font":"comic","measure":20,"lineSpacing":3,"justify":"yes"})",
            &s);
        REQUIRE(w.size() == 6);
        CHECK(w[0] == R"(settings: theme must be "light", "sepia", "dark" or "auto"; stored "purple", using "auto")");
        CHECK(w[1] == "settings: fontSize must be a number from 12 to 40; stored 99, using 20");
        CHECK(w[2] == R"(settings: font must be "serif", "sans" or "legible"; stored "comic", using "serif")");
        CHECK(w[3] == "settings: measure must be a whole number from 45 to 90; stored 20, using 70");
        CHECK(w[4] == "settings: lineSpacing must be 1.3, 1.5, 1.75 or 2; stored 3, using 1.5");
        CHECK(w[5] == R"(settings: justify must be true or false; stored "yes", using false)");
        CHECK(s == ReaderSettings{});

        const std::vector<std::string> one =
            warnings_of(R"({"version":1,"theme":"sepia","fontSize":{"a":1},"justify":true})", &s);
        REQUIRE(one.size() == 1);
        CHECK(one[0] == R"(settings: fontSize must be a number from 12 to 40; stored {"a":1}, using 20)");
        CHECK(s.theme == ThemeSetting::sepia);  // the others are kept
        CHECK(s.justify);
        CHECK(s.font_size == 20);
    }

    TEST_CASE("a long stored value is cut in the warning") {
        const std::vector<std::string> w = warnings_of(R"({"version":1,"font":")" + std::string(200, 'x') + R"("})");
        REQUIRE(w.size() == 1);
        CHECK(w[0] == R"(settings: font must be "serif", "sans" or "legible"; stored ")" + std::string(36, 'x') +
                          "..., using \"serif\"");
    }
}

TEST_SUITE("reader settings") {
    TEST_CASE("defaults, and their JSON") {
        const ReaderSettings s;
        CHECK(
            settings_json(s) ==
            R"({"version":1,"theme":"auto","fontSize":20,"font":"serif","measure":70,"lineSpacing":1.5,"justify":false,)"
            R"("speechRate":1,"voice":"","readSponsored":false})");
        CHECK(settings_json(s, false) ==
              R"({"theme":"auto","fontSize":20,"font":"serif","measure":70,"lineSpacing":1.5,"justify":false,)"
              R"("speechRate":1,"voice":"","readSponsored":false})");
    }

    TEST_CASE("a patch of any subset applies exactly those fields") {
        ReaderSettings s;
        CHECK(apply_settings_patch(s, "{}") == "");
        CHECK(s == ReaderSettings{});
        CHECK(apply_settings_patch(s, R"({"theme":"sepia","justify":true})") == "");
        CHECK(s.theme == ThemeSetting::sepia);
        CHECK(s.justify);
        CHECK(s.font_size == 20);
        CHECK(apply_settings_patch(s, R"({"fontSize":23.6,"font":"legible","measure":45,"lineSpacing":1.75})") == "");
        CHECK(s.font_size == 24);  // rounded to a whole pixel, as Ctrl+wheel's sizes are
        CHECK(s.font == FontFamily::legible);
        CHECK(s.measure == 45);
        CHECK(s.line_spacing == 1.75f);
        CHECK(apply_settings_patch(s, R"({"measure":90.0,"lineSpacing":2,"theme":"auto","fontSize":12})") == "");
        CHECK(s.measure == 90);
        CHECK(s.line_spacing == 2.0f);
        CHECK(s.theme == ThemeSetting::automatic);
        CHECK(s.font_size == 12);
    }

    TEST_CASE("round trip through storage, every value of every field") {
        for (ThemeSetting theme :
             {ThemeSetting::light, ThemeSetting::sepia, ThemeSetting::dark, ThemeSetting::automatic})
            for (FontFamily font : {FontFamily::serif, FontFamily::sans, FontFamily::legible})
                for (float spacing : ReaderSettings::line_spacings)
                    for (bool justify : {false, true}) {
                        ReaderSettings s;
                        s.theme = theme;
                        s.font = font;
                        s.line_spacing = spacing;
                        s.justify = justify;
                        s.font_size = 13 + static_cast<int>(font) * 7;
                        s.measure = 46 + static_cast<int>(theme) * 11;
                        std::vector<std::string> w;
                        CHECK(read_settings(settings_json(s), w) == s);
                        CHECK(w.empty());
                    }
    }

    TEST_CASE("reading aloud: rate, voice and sponsored blocks, through a patch and storage") {
        ReaderSettings s;
        CHECK(apply_settings_patch(
                  s, R"({"speechRate":1.26,"voice":"Google fran\u00e7ais \"Am\u00e9lie\"","readSponsored":true})") ==
              "");
        CHECK(s.speech_rate == 1.25f);  // steps of 0.05
        CHECK(s.voice == "Google français \"Amélie\"");
        CHECK(s.read_sponsored);
        CHECK(apply_settings_patch(s, R"({"speechRate":0.75})") == "");
        CHECK(s.speech_rate == 0.75f);
        CHECK(apply_settings_patch(s, R"({"speechRate":2})") == "");
        std::vector<std::string> w;
        const ReaderSettings back = read_settings(settings_json(s), w);
        CHECK(w.empty());
        CHECK(back == s);
        CHECK(settings_json(s, false).find(
                  R"("speechRate":2,"voice":"Google français \"Amélie\"","readSponsored":true})") != std::string::npos);
        // A corrupt stored field falls back alone, named, as the others do.
        ReaderSettings read;
        const std::vector<std::string> warnings =
            warnings_of(R"({"version":1,"theme":"dark","speechRate":9,"voice":7,"readSponsored":"no"})", &read);
        REQUIRE(warnings.size() == 3);
        CHECK(warnings[0] == "settings: speechRate must be a number from 0.75 to 2; stored 9, using 1");
        CHECK(
            warnings[1] ==
            "settings: voice must be a string of at most 256 bytes, without control characters; stored 7, using \"\"");
        CHECK(warnings[2] == "settings: readSponsored must be true or false; stored \"no\", using false");
        CHECK(read.theme == ThemeSetting::dark);
        CHECK(read.speech_rate == 1.0f);
        CHECK(read.voice.empty());
        CHECK(!read.read_sponsored);
    }

    TEST_CASE("fields a stored value does not have keep their defaults, silently; unknown ones are ignored") {
        ReaderSettings s;
        const std::vector<std::string> w = warnings_of(R"({"version":1,"theme":"dark","future":{"x":1}})", &s);
        CHECK(w.empty());
        CHECK(s.theme == ThemeSetting::dark);
        CHECK(s.font_size == 20);
        CHECK(s.font == FontFamily::serif);
    }

    TEST_CASE("names") {
        CHECK(theme_setting_name(ThemeSetting::automatic) == "auto");
        CHECK(theme_setting_from_name("auto") == ThemeSetting::automatic);
        CHECK(!theme_setting_from_name("automatic"));
        CHECK(!theme_setting_from_name(""));
    }
}

// Locale: the byline's date and reading time, written out in every language the viewer labels.
#include <doctest/doctest.h>

#include <string>

#include "core/locale.hpp"

using namespace av;

TEST_SUITE("locale") {
    TEST_CASE("dates are written out for every language with a sponsored label") {
        const char* iso = "2025-06-01T08:30:00Z";
        CHECK(locale::format_date("en", iso) == "June 1, 2025");
        CHECK(locale::format_date("fr", iso) == "1er juin 2025");
        CHECK(locale::format_date("de", iso) == "1. Juni 2025");
        CHECK(locale::format_date("es", iso) == "1 de junio de 2025");
        CHECK(locale::format_date("pt", iso) == "1 de junho de 2025");
        CHECK(locale::format_date("it", iso) == "1 giugno 2025");
        CHECK(locale::format_date("cs", iso) == "1. června 2025");  // the genitive, as Czech dates use
    }

    TEST_CASE("every month, and days past the first") {
        CHECK(locale::format_date("fr", "2024-08-15") == "15 août 2024");
        CHECK(locale::format_date("de", "2024-03-02") == "2. März 2024");
        CHECK(locale::format_date("es", "2024-09-30") == "30 de septiembre de 2024");
        CHECK(locale::format_date("pt", "2024-03-09") == "9 de março de 2024");
        CHECK(locale::format_date("it", "2024-12-25") == "25 dicembre 2024");
        CHECK(locale::format_date("cs", "2024-02-29") == "29. února 2024");
        CHECK(locale::format_date("cs", "2024-09-17") == "17. září 2024");
        CHECK(locale::format_date("en", "2024-12-31") == "December 31, 2024");
    }

    TEST_CASE("regions and case fall back to the language; unknown languages keep ISO order") {
        CHECK(locale::format_date("pt-BR", "2025-01-05") == "5 de janeiro de 2025");
        CHECK(locale::format_date("DE_at", "2025-01-05") == "5. Januar 2025");
        CHECK(locale::format_date("nl", "2025-01-05") == "2025-01-05");
        CHECK(locale::format_date("", "2025-01-05") == "2025-01-05");
    }

    TEST_CASE("unreadable dates give nothing") {
        CHECK(locale::format_date("fr", "2025-13-01").empty());
        CHECK(locale::format_date("fr", "2025-06-00").empty());
        CHECK(locale::format_date("fr", "June 1").empty());
        CHECK(locale::format_date("fr", "").empty());
    }

    TEST_CASE("reading time in every language with a sponsored label") {
        CHECK(locale::reading_time("en", 6) == "6 min read");
        CHECK(locale::reading_time("fr", 6) == "6 min de lecture");
        CHECK(locale::reading_time("de", 6) == "6 Min. Lesezeit");
        CHECK(locale::reading_time("es", 6) == "6 min de lectura");
        CHECK(locale::reading_time("pt", 6) == "6 min de leitura");
        CHECK(locale::reading_time("it", 6) == "6 min di lettura");
        CHECK(locale::reading_time("cs", 6) == "6 min čtení");
        CHECK(locale::reading_time("pt-PT", 0) == "1 min de leitura");  // never "0 min"
        CHECK(locale::reading_time("nl", 3) == "3 min read");
    }

    TEST_CASE("sponsored labels are unchanged") {
        CHECK(locale::sponsored_label("fr") == "Sponsorisé");
        CHECK(locale::sponsored_label("de") == "Gesponsert");
        CHECK(locale::sponsored_label("es") == "Patrocinado");
        CHECK(locale::sponsored_label("pt") == "Patrocinado");
        CHECK(locale::sponsored_label("it") == "Sponsorizzato");
        CHECK(locale::sponsored_label("cs") == "Sponzorováno");
        CHECK(locale::sponsored_label("nl") == "Sponsored");
        CHECK(locale::related_label("de") == "Mehr zum Thema");
        CHECK(locale::related_label("it") == "Related");
    }

    TEST_CASE("what a copy of the viewer cannot show, named in the article's language") {
        CHECK(locale::cannot_show("en", {"han", "kana", "arabic"}, "no fonts here") ==
              "This copy of the viewer cannot show: Chinese characters, Japanese kana and Arabic (no fonts here)");
        CHECK(locale::cannot_show("fr-CA", {"emoji", "symbols"}, "x") ==
              "Cette copie du lecteur ne peut pas afficher : émojis et symboles (x)");
        CHECK(locale::cannot_show("de", {"thai"}, "y") == "This copy of the viewer cannot show: Thai (y)");
        CHECK(locale::cannot_show("en", {}, "z") == "This copy of the viewer cannot show: some characters (z)");
        CHECK(locale::script_name("en", "unknown") == "unknown");
    }
}

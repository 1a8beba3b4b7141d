// The few words the viewer itself writes on the page, in the article's language (`lang`), and the
// date and reading-time formats that go with them. English is the fallback for unknown languages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace av::locale {

// "Sponsored", "Sponsorisé", ...: the label of a sponsored block that has no `label` of its own.
std::string sponsored_label(std::string_view lang);

// "Related", "À lire aussi", ...: the label of a related block that has no `label` of its own.
std::string related_label(std::string_view lang);

// "6 min read", "6 min de lecture", "6 Min. Lesezeit", ...: in every language that has a
// sponsored label (en, fr, de, es, pt, it, cs), English otherwise.
std::string reading_time(std::string_view lang, int minutes);

// "12 min left", "12 min restantes"; at the end "Finished", "Terminé".
std::string time_left(std::string_view lang, int minutes);

// The notice shown when a saved position is restored: "Resumed at 42 %" / "Reprise à 42 %".
std::string resumed_at(std::string_view lang, int percent);
// Its button: "Start over" / "Recommencer".
std::string start_over(std::string_view lang);
// When the article changed since: found again ("...the article has changed") or lost (top).
std::string resumed_changed(std::string_view lang);
std::string position_lost(std::string_view lang);
// A writing system of text_needs.hpp's needed_scripts() ("arabic", "han", ...), named in `lang`.
std::string script_name(std::string_view lang, std::string_view key);
// The notice of a copy of the viewer that cannot draw some of an article (the single-file page, or
// the fonts or the engine could not be fetched): which writing systems, and why.
std::string cannot_show(std::string_view lang, const std::vector<const char*>& scripts, std::string_view reason);

// "June 1, 2025", "1er juin 2025", "1. Juni 2025", "1 de junio de 2025", ... from an ISO 8601 date
// ("2025-06-01T08:30:00Z") in the same languages; "2025-06-01" in any other; "" if unreadable.
std::string format_date(std::string_view lang, std::string_view iso);

// Words a typical reader reads per minute in this language (for reading-time estimates); for
// Chinese, Japanese and Thai-like languages, characters a minute (see reading_words).
int words_per_minute(std::string_view lang);

// Whether text in this language runs right to left (Arabic, Hebrew, Persian, Urdu, ...; a script
// subtag decides when there is one: "az-Arab" yes, "ku-Latn" no). The base direction of an
// article or block whose `dir` is auto and whose text has no strong character to take it from.
bool right_to_left(std::string_view lang);

}  // namespace av::locale
